import type { ProposalKind, ProposalStatus } from "./schema";

/** One of her proposals, as /min-plan/forslag and Mine data show it. */
export interface OwnProposal {
  id: string;
  kind: ProposalKind;
  title: string;
  why: string | null;
  whenText: string | null;
  howMuch: string | null;
  status: ProposalStatus;
  version: number;
  createdAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  planTitle: string | null;
  planDetail: string | null;
  planVersion: number | null;
  declineReason: string | null;
  withdrawnAt: Date | null;
}

/** A proposal as her coordinating caseworker reads it (caseworker.plan_proposals). */
export interface CaseworkerProposal {
  proposalId: string;
  participantId: string;
  kind: string;
  title: string;
  why: string | null;
  whenText: string | null;
  howMuch: string | null;
  status: string;
  version: number;
  createdAt: Date;
  decidedAt: Date | null;
  decidedByName: string | null;
  planTitle: string | null;
  planDetail: string | null;
  planVersion: number | null;
  declineReason: string | null;
}
