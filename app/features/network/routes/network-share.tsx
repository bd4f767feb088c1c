import { data, redirect } from "react-router";
import type { Route } from "./+types/network-share";
import { parseSubmission } from "~/components/form/submission.server";
import { sharePage, switchSharing } from "../pages.server";
import { shareSchema } from "../schema";
import { SharePage } from "../SharePage";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

/**
 * "Del med din sagsbehandler" for the network map (issue 14, points 1, 6 and 12). Nothing is
 * shared before the button is pressed.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return sharePage(user.participant.id, new URL(request.url));
}

/** The share switch (see `switchSharing`): redirects back here with what changed (`?gemt=`). */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: shareSchema });
  if (submission.status !== "success") return data({ refused: true }, { status: 400 });
  const notice = await switchSharing(participantActor(context, user), submission.value);
  return redirect(`/netvaerk/del?gemt=${notice}`);
}

export default function NetworkShareRoute({ loaderData }: Route.ComponentProps) {
  return <SharePage loaderData={loaderData} />;
}
