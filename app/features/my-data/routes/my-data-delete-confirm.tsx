import { redirect } from "react-router";
import type { Route } from "./+types/my-data-delete-confirm";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { deleteOwnThings } from "../commands.server";
import { ConfirmPage, type ConfirmPageData } from "../DeletePages";
import { paths } from "../MyDataPage";
import { parseDeletables } from "../parts";
import { deletableCounts } from "../queries.server";
import { confirmSchema } from "../schema";
import stylesheet from "../my-data.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** /mine-data/slet/bekraeft?dele=…: says what will go, and asks. A GET never deletes. */
export async function loader({ request, context }: Route.LoaderArgs): Promise<ConfirmPageData> {
  const user = await requireParticipant(context);
  const counts = await deletableCounts(user.participant.id, user.personId);
  const chosen = parseDeletables(new URL(request.url).searchParams.get("dele")).filter((key) => counts[key] > 0);
  if (chosen.length === 0) throw redirect(paths.delete);
  return { chosen: chosen.map((key) => ({ key, count: counts[key] })) };
}

/**
 * Deletes only with `confirm=yes`, and only her own private things (the owner is the session's,
 * never a form field). Without the yes nothing happens: back to the question.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const parsed = confirmSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const dele = new URL(request.url).searchParams.get("dele") ?? "";
    return redirect(`${paths.confirm}?dele=${parseDeletables(dele).join(",")}`);
  }
  const deleted = await deleteOwnThings(participantActor(context, user), parseDeletables(parsed.data.dele));
  return redirect(`${paths.home}?slettet=${deleted.length > 0 ? "1" : "0"}#my-data-notice`);
}

export default function MyDataConfirmRoute({ loaderData }: Route.ComponentProps) {
  return <ConfirmPage page={loaderData} />;
}
