import type { Route } from "./+types/my-data-json";
import { limitResource, personOf } from "~/lib/rate-limit.server";
import { requireOwnDataPerson } from "../access.server";
import { exportForDownload } from "../file.server";

/** Each download gathers every part: at most RATE_LIMIT_PDF of them per person, as the PDFs. */
export const middleware = [limitResource("pdf", personOf)];

/** /mine-data/mine-data.json: everything Min Vej holds about her, machine-readable (GDPR art. 20). */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireOwnDataPerson(context);
  const { file, filename } = await exportForDownload(context, user, "json");
  const body = new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(body.length),
      "Cache-Control": "no-store",
    },
  });
}
