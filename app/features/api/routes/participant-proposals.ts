import { methodNotAllowed } from "../handler.server";
import { getProposals } from "../proposals.server";

/** GET /api/v1/participants/:participantId/proposals: her proposals for the plan, where each stands. */
export const loader = getProposals;
export const action = methodNotAllowed;
