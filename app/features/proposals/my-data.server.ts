import { listOwnProposals } from "./queries.server";

/**
 * Everything "Forslag til min plan" holds about one participant, for "Mine data" (issue 22): each
 * proposal in her words, where it stands, and the answer (the plan's words, or the reason).
 */
export async function exportProposalsFor(participantId: string) {
  const proposals = await listOwnProposals(participantId);
  return proposals.map((proposal) => ({
    kind: proposal.kind,
    title: proposal.title,
    why: proposal.why,
    when: proposal.whenText,
    howMuch: proposal.howMuch,
    status: proposal.status,
    createdAt: proposal.createdAt,
    decidedAt: proposal.decidedAt,
    decidedBy: proposal.decidedByName,
    planTitle: proposal.planTitle,
    planDetail: proposal.planDetail,
    planVersion: proposal.planVersion,
    declineReason: proposal.declineReason,
    withdrawnAt: proposal.withdrawnAt,
  }));
}

export type ProposalsExport = Awaited<ReturnType<typeof exportProposalsFor>>;
