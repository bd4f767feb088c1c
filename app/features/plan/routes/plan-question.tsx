import { data, redirect } from "react-router";
import type { Route } from "./+types/plan-question";
import { parseSubmission } from "~/components/form/submission.server";
import { requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { openDisagreementConversation, participantAuthor } from "~/features/messages/index.server";
import { sendQuestion } from "../commands.server";
import { currentPlanVersion } from "../page.server";
import { QuestionPage } from "../QuestionPage";
import { questionSchema } from "../schema";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const planVersion = await currentPlanVersion(user.participant.id);
  if (planVersion === null) throw redirect("/min-plan");
  return { planVersion, submissionId: crypto.randomUUID() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: questionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const { planVersion, comment, submissionId } = submission.value;
  const oneTimeId = submissionId ?? crypto.randomUUID();
  const result = await sendQuestion(participantActor(context, user), { planVersion, comment, submissionId: oneTimeId });
  if (result === "invalid") {
    return data({ result: submission.reply({ formErrors: ["question.errors.version"] }) }, { status: 400 });
  }
  // The question is also a conversation, where she sees it read and answered (the plan links to it).
  await openDisagreementConversation(participantAuthor(context, user), { submissionId: oneTimeId, planVersion, comment });
  return redirect("/min-plan?gemt=spoergsmaal#laest");
}

export default function QuestionRoute({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <QuestionPage planVersion={loaderData.planVersion} submissionId={loaderData.submissionId} result={actionData?.result} />
  );
}
