import { byMethod, postOnly } from "../handler.server";
import { postProposalDecision } from "../proposals.server";

/** POST /api/v1/participants/:participantId/proposals/:proposalId/decision: accept, change or decline a waiting proposal. */
export const loader = postOnly;
export const action = byMethod({ POST: postProposalDecision }, "POST");
