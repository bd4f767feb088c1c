import { data, redirect } from "react-router";
import type { Route } from "./+types/proposals";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";
import { requireParticipant } from "~/lib/auth.server";
import { withdrawProposal } from "../commands.server";
import { ProposalsPage } from "../ProposalsPage";
import { listOwnProposals } from "../queries.server";
import { parseSaved, withdrawSchema } from "../schema";
import stylesheet from "../proposals.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** /min-plan/forslag: her proposals and where each stands (hers only: the session says whose). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return { proposals: await listOwnProposals(user.participant.id), saved: parseSaved(new URL(request.url)) };
}

/** "Træk forslaget tilbage": only her own, only while it waits. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: withdrawSchema });
  if (submission.status !== "success") return data({ refused: "invalid" as const }, { status: 400 });
  const result = await withdrawProposal(participantActor(context, user), submission.value.proposalId, submission.value.version);
  if (result === "not-found") throw new Response("Not Found", { status: 404 });
  if (result === "decided") return data({ refused: "decided" as const }, { status: 409 });
  return redirect("/min-plan/forslag?gemt=trukket");
}

export default function ProposalsRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <ProposalsPage proposals={loaderData.proposals} saved={loaderData.saved} refused={actionData?.refused ?? null} />;
}
