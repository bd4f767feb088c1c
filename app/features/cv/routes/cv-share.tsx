import { data, redirect } from "react-router";
import type { Route } from "./+types/cv-share";
import { parseSubmission } from "~/components/form/submission.server";
import { shareCv } from "~/features/cv/commands.server";
import { getCv } from "~/features/cv/queries.server";
import { shareSchema } from "~/features/cv/schema";
import { SharePage, type SharePageData } from "~/features/cv/SharePage";
import { lastShareChoices, reviewFingerprint, reviewSnapshot } from "~/features/cv/snapshot.server";
import { RECOMMENDED_TASK_COUNT } from "~/features/cv/task-suggestions.server";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";

/**
 * "Del med min sagsbehandler" (issue 14, point 1): the page shows exactly what the caseworker will
 * read, lists once what is not filled in yet, and asks separately about the skånehensyn (unticked
 * unless the person shared them last time). Nothing is shared before the button is pressed.
 */
export async function loader({ context }: Route.LoaderArgs): Promise<SharePageData> {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  return {
    review: reviewSnapshot(cv),
    fingerprint: reviewFingerprint(cv),
    shareAccommodations: lastShareChoices(cv).accommodations,
    sharedAt: cv.sharedAt,
    recommendedTasks: RECOMMENDED_TASK_COUNT,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: shareSchema });
  if (submission.status !== "success") return data({ changed: true, shareAccommodations: false }, { status: 400 });
  const { shareAccommodations, seen } = submission.value;
  const result = await shareCv(participantActor(context, user), { accommodations: shareAccommodations }, seen);
  // The CV changed while the page was open: nothing is shared; the page shows it as it is now.
  if (result.status === "changed") return data({ changed: true, shareAccommodations }, { status: 409 });
  return redirect("/cv?delt=1#cv-status");
}

export default function CvShareRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SharePage loaderData={loaderData} actionData={actionData} />;
}
