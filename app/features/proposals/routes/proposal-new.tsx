import { data, redirect } from "react-router";
import type { Route } from "./+types/proposal-new";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { getPlanGoal } from "~/features/plan/index.server";
import { createProposal } from "../commands.server";
import { NewProposalPage } from "../NewProposalPage";
import { proposalSchema } from "../schema";
import stylesheet from "../proposals.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** /min-plan/forslag/ny: the form. Without a plan there is nothing to propose to: back to Min Plan. */
export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  if (!(await getPlanGoal(user.participant.id))) throw redirect("/min-plan");
  return { submissionId: crypto.randomUUID() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: proposalSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createProposal(participantActor(context, user), submission.value);
  if (result.status === "no-plan") throw redirect("/min-plan");
  return redirect("/min-plan/forslag?gemt=sendt");
}

export default function NewProposalRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <NewProposalPage submissionId={loaderData.submissionId} result={actionData?.result} />;
}
