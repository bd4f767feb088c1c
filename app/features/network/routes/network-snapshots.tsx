import { data, redirect } from "react-router";
import type { Route } from "./+types/network-snapshots";
import { parseSubmission } from "~/components/form/submission.server";
import { saveSnapshotNow, snapshotsPage } from "../pages.server";
import { snapshotActionSchema } from "../schema";
import { SnapshotsPage } from "../SnapshotsPage";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

/** "Sådan så mit netværk ud før": saved snapshots, and a comparison (GET `?fra=&til=`). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return snapshotsPage(user.participant.id, new URL(request.url));
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: snapshotActionSchema });
  if (submission.status !== "success") return data({ refused: true }, { status: 400 });
  return redirect(await saveSnapshotNow(participantActor(context, user)));
}

export default function NetworkSnapshotsRoute({ loaderData }: Route.ComponentProps) {
  return <SnapshotsPage loaderData={loaderData} />;
}
