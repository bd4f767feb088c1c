import { redirect } from "react-router";
import type { Route } from "./+types/network";
import { NetworkPage } from "../NetworkPage";
import { networkPage } from "../pages.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return networkPage(user.participant.id, user.firstName, new URL(request.url));
}

/**
 * Sharing moved to /netvaerk/del, where the person first sees what the caseworker will read. A
 * form posted from a page opened before the move shares nothing: it leads there.
 */
export async function action({ context }: Route.ActionArgs) {
  await requireParticipant(context);
  return redirect("/netvaerk/del", 303);
}

export default function NetworkRoute({ loaderData }: Route.ComponentProps) {
  return <NetworkPage loaderData={loaderData} />;
}
