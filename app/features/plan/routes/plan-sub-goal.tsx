import { data, redirect } from "react-router";
import type { Route } from "./+types/plan-sub-goal";
import { parseSubmission } from "~/components/form/submission.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { isUuid } from "~/lib/ids";
import { markSubGoal } from "../commands.server";
import { openSubGoalPage } from "../page.server";
import { subGoalMarkSchema } from "../schema";
import { SubGoalPage } from "../SubGoalPage";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const page = await openSubGoalPage({ participantId: user.participant.id, personId: user.personId }, params.subGoalId);
  // Someone else's sub-goal, a deleted one, or a made-up id: the same 404, nothing revealed.
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  if (!isUuid(params.subGoalId)) throw notFound();
  const submission = parseSubmission(await request.formData(), { schema: subGoalMarkSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const { status, comment, submissionId } = submission.value;
  const result = await markSubGoal(participantActor(context, user), {
    subGoalId: params.subGoalId,
    status,
    comment: comment || null,
    submissionId: submissionId ?? null,
  });
  if (result === "missing") throw notFound();
  return redirect(`/min-plan?gemt=delmaal&delmaal=${params.subGoalId}#delmaal-${params.subGoalId}`);
}

export default function SubGoalRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <SubGoalPage page={loaderData} result={actionData?.result} />;
}
