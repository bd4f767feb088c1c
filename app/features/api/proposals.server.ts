import type { z } from "~/lib/zod";
import { CASE_SYSTEM_AUTHOR_NAME } from "~/features/messages/index.server";
import { decideProposal, proposalForCaseSystem, proposalsForCaseSystem, type Decision } from "~/features/proposals/index.server";
import type { ApiCaller } from "./auth.server";
import { apiLoader, ApiProblem } from "./handler.server";
import { participantFor } from "./participant.server";
import { isUuid } from "./queries.server";
import { PlanProposal, PlanProposals, ProposalDecision } from "./schema";
import { apiWriter, etagOf } from "./write.server";

/**
 * "Forslag til min plan" through the API (issue 22): the case system reads her proposals
 * (`caseworker_api.plan_proposals`) and answers one, through the proposals area's own command
 * (`decideProposal`: the decision, the plan write when accepted, the audit row and the
 * `proposal.decided` event, in one transaction). Another municipality's participant is 404.
 */

type ProposalRecord = NonNullable<Awaited<ReturnType<typeof proposalForCaseSystem>>>;

function proposalBody(row: ProposalRecord): z.input<typeof PlanProposal> {
  return {
    proposalId: row.proposalId,
    participantId: row.participantId,
    kind: row.kind as "sub_goal" | "activity",
    title: row.title,
    why: row.why,
    when: row.whenText,
    howMuch: row.howMuch,
    status: row.status as "waiting" | "accepted" | "changed" | "declined",
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    planTitle: row.planTitle,
    planDetail: row.planDetail,
    planVersion: row.planVersion,
    declineReason: row.declineReason,
  };
}

/** GET /participants/{id}/proposals: one line in her log. */
export const getProposals = apiLoader(["plans:write", "participants:read"], PlanProposals, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const rows = await proposalsForCaseSystem(participantId);
  return { body: { participantId, proposals: rows.map(proposalBody) }, read: { what: "proposals", participantIds: [participantId] } };
});

const writerOf = (caller: ApiCaller, requestId: string) => ({
  kind: "case_system" as const,
  name: CASE_SYSTEM_AUTHOR_NAME,
  details: { client: caller.client.clientId, municipality: caller.municipality.id },
  requestId,
});

/** POST /participants/{id}/proposals/{proposalId}/decision: If-Match required (the proposal's version). */
export const postProposalDecision = apiWriter("plans:write", { body: ProposalDecision, response: PlanProposal }, async ({ params, caller, requestId, body, ifMatch }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const notFound = "No proposal with this id for this participant.";
  if (!params.proposalId || !isUuid(params.proposalId)) throw new ApiProblem("not-found", notFound);
  const current = await proposalForCaseSystem(participantId, params.proposalId);
  if (!current) throw new ApiProblem("not-found", notFound);
  if (ifMatch === null) throw new ApiProblem("precondition-required", "Send If-Match with the proposal's ETag (its version; GET the proposals first).", { ETag: etagOf(current.version) });
  const decision: Decision =
    body.decision === "decline"
      ? { decision: "decline", reason: body.reason ?? "" }
      : body.decision === "change"
        ? { decision: "accept", planTitle: body.title ?? "", planDetail: body.detail ?? "" }
        : { decision: "accept" };
  const result = await decideProposal(writerOf(caller, requestId), participantId, current.proposalId, ifMatch, decision);
  switch (result.status) {
    case "decided": {
      const row = await proposalForCaseSystem(participantId, current.proposalId);
      if (!row) throw new Error("the decided proposal is not visible to its own municipality");
      return { status: 200, body: proposalBody(row), headers: { ETag: etagOf(row.version) } };
    }
    case "not-found":
      throw new ApiProblem("not-found", notFound);
    case "no-plan":
      throw new ApiProblem("conflict", "This participant has no plan yet: PUT one first, then accept the proposal.");
    case "stale":
      if (result.current.status !== "waiting") {
        throw new ApiProblem("conflict", `The proposal is ${result.current.status} already: it cannot be decided again.`, { ETag: etagOf(result.current.version) });
      }
      throw new ApiProblem("precondition-failed", `The proposal is at version ${result.current.version} now. Read it again and decide once more.`, {
        ETag: etagOf(result.current.version),
      });
  }
});
