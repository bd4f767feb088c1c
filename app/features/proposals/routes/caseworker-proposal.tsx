import { data, redirect } from "react-router";
import type { Route } from "./+types/caseworker-proposal";
import { parseSubmission } from "~/components/form/submission.server";
import { recordAudit } from "~/lib/audit.server";
import { notFound } from "~/lib/auth.server";
import { requestIdOf } from "~/lib/request.server";
import { db } from "../../../../db/client";
import { requireCaseworkerStrict } from "../access.server";
import { decideProposal } from "../commands.server";
import { DecisionPage } from "../DecisionPage";
import { findCoordinated, proposalForCaseworker } from "../queries.server";
import { acceptSchema, declineSchema } from "../schema";
import stylesheet from "../proposals.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** Her coordinating caseworker only; anyone else, an unknown or malformed id: 404. */
async function open(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const user = await requireCaseworkerStrict(context);
  const participant = await findCoordinated(user.personId, params.participantId);
  if (!participant) throw notFound();
  const proposal = await proposalForCaseworker(participant.id, params.proposalId);
  if (!proposal) throw notFound();
  return { user, participant, proposal };
}

/** /sagsbehandler/:participantId/forslag/:proposalId: one proposal and the decision. One read in her log. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, participant, proposal } = await open(context, params);
  // A read of her plan's part (her words): one line in her log ("Din sagsbehandler", the plan).
  await recordAudit(await db(), {
    actorPersonId: user.personId,
    participantId: participant.id,
    action: "caseworker.briefing_viewed",
    details: { page: "plan", proposalId: proposal.proposalId },
    requestId: requestIdOf(context),
  });
  const done = new URL(request.url).searchParams.get("besvaret") === "1";
  return { participant: { id: participant.id, name: participant.name, firstName: participant.firstName }, proposal, done };
}

/** "Tag med i planen" (her words or changed ones) and "Tag ikke med" (a reason): each checks access itself. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, participant, proposal } = await open(context, params);
  const formData = await request.formData();
  const given = formData.get("intent");
  if (given !== "accept" && given !== "decline") throw new Response("Bad Request", { status: 400 });
  const intent: "accept" | "decline" = given;
  const schema = intent === "decline" ? declineSchema : acceptSchema;
  const submission = parseSubmission(formData, { schema });
  if (submission.status !== "success") return data({ intent, result: submission.reply(), conflict: null }, { status: 400 });
  const value = submission.value;
  const decider = { kind: "caseworker" as const, personId: user.personId, name: `${user.firstName} ${user.lastName}`, requestId: requestIdOf(context) };
  const result = await decideProposal(
    decider,
    participant.id,
    proposal.proposalId,
    value.version,
    value.intent === "decline" ? { decision: "decline", reason: value.reason } : { decision: "accept", planTitle: value.planTitle, planDetail: value.planDetail },
  );
  switch (result.status) {
    case "decided":
      return redirect(`/sagsbehandler/${participant.id}/forslag/${proposal.proposalId}?besvaret=1`);
    case "not-found":
      throw notFound();
    case "no-plan":
      return data({ intent, result: submission.reply({ formErrors: ["decide.errors.noPlan"] }), conflict: null }, { status: 409 });
    case "stale": {
      // Someone answered first (another caseworker, the case system) or she took it back: both texts, 409.
      const yours = value.intent === "decline" ? { reason: value.reason } : { planTitle: value.planTitle, planDetail: value.planDetail };
      const { status, decidedByName, planTitle, planDetail, declineReason } = result.current;
      return data({ intent, result: undefined, conflict: { now: { status, decidedByName, planTitle, planDetail, declineReason }, yours } }, { status: 409 });
    }
  }
}

export default function CaseworkerProposalRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { participant, proposal, done } = loaderData;
  return <DecisionPage participant={participant} proposal={proposal} done={done} action={actionData} />;
}
