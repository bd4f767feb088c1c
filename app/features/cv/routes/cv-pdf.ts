import type { Route } from "./+types/cv-pdf";
import { toDocument } from "~/features/cv/document";
import { cvTranslator } from "~/features/cv/i18n.server";
import { renderCvPdf } from "~/features/cv/pdf.server";
import { getCv } from "~/features/cv/queries.server";
import { requireParticipant } from "~/lib/auth.server";
import { limitResource, personOf } from "~/lib/rate-limit.server";

/** At most RATE_LIMIT_PDF PDFs per person: each one takes the server a moment to draw. */
export const middleware = [limitResource("pdf", personOf)];

/** /cv/cv.pdf: the CV as a PDF with real text, in the person's language. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const doc = toDocument(await getCv(user.participant.id));
  const { language, t } = await cvTranslator(context);
  const pdf = await renderCvPdf(doc, { language, t });
  // The file name uses only letters a-z: no name, nothing personal in a download folder listing.
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${language === "da" ? "mit-cv" : "my-cv"}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
    },
  });
}
