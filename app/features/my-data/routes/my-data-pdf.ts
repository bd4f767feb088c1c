import type { Route } from "./+types/my-data-pdf";
import { limitResource, personOf } from "~/lib/rate-limit.server";
import { requireOwnDataPerson } from "../access.server";
import { exportForDownload } from "../file.server";
import { renderMyDataPdf } from "../pdf.server";

/** At most RATE_LIMIT_PDF PDFs per person: each one takes the server a moment to draw. */
export const middleware = [limitResource("pdf", personOf)];

/** /mine-data/mine-data.pdf: everything Min Vej holds about her, to read and print (GDPR art. 15). */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireOwnDataPerson(context);
  const { file, language, t, filename } = await exportForDownload(context, user, "pdf");
  const pdf = await renderMyDataPdf(file, { language, t });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
    },
  });
}
