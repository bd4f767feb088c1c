import type { Route } from "./+types/plan-pdf";
import { getPlanView } from "../page.server";
import { renderPlanPdf } from "../pdf.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { limitResource, personOf } from "~/lib/rate-limit.server";
import { languageOf } from "~/lib/i18n/i18n.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { unitWordsOf } from "~/lib/municipality.server";

/** At most RATE_LIMIT_PDF PDFs per person: each one takes the server a moment to draw. */
export const middleware = [limitResource("pdf", personOf)];

/** /min-plan/min-plan.pdf: the whole plan as a PDF with real text, in the person's language. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const view = await getPlanView({ participantId: user.participant.id, personId: user.personId });
  if (!view) throw notFound();
  const language = languageOf(context);
  const t = createI18n(language, resources[language], unitWordsOf(user.participant.municipalityKey, language)).getFixedT(language, "plan");
  const pdf = await renderPlanPdf(view, { name: `${user.firstName} ${user.lastName}`, language, t });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${language === "da" ? "min-plan" : "my-plan"}-v${view.version}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
    },
  });
}
