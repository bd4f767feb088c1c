import type { Route } from "./+types/preparation-pdf";
import { renderPreparationPdf } from "../pdf.server";
import { getPreparation } from "../queries.server";
import { getMeetingFor, preparationTranslate } from "../setting.server";
import { requireParticipant } from "~/lib/auth.server";
import { limitResource, personOf } from "~/lib/rate-limit.server";
import { languageOf } from "~/lib/i18n/i18n.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

/** At most RATE_LIMIT_PDF PDFs per person: each one takes the server a moment to draw. */
export const middleware = [limitResource("pdf", personOf)];

/** /forberedelse/forberedelse.pdf: the participant's answers as a tagged PDF, in the person's language. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const [preparation, meeting] = await Promise.all([getPreparation(user.participant.id), getMeetingFor(user.participant)]);
  const language = languageOf(context);
  // The municipality's {{unit}} words, and its setting's wording (with or without a team).
  const t = preparationTranslate(user.participant, language, (words) => createI18n(language, resources[language], words).getFixedT(language, "preparation"));
  const pdf = await renderPreparationPdf(preparation, {
    name: `${user.firstName} ${user.lastName}`,
    language,
    t,
    meetingAt: meeting?.startsAt ?? null,
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${language === "da" ? "forberedelse" : "preparation"}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
    },
  });
}
