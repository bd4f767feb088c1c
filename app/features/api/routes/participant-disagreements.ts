import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantFor } from "../participant.server";
import { disagreementsBody } from "../present.server";
import { disagreementsOf } from "../queries.server";
import { Disagreements } from "../schema";

/** GET /api/v1/participants/:participantId/disagreements: the participant's disagreements with and questions about the plan. */
export const loader = apiLoader("participants:read", Disagreements, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: disagreementsBody(participantId, await disagreementsOf(participantId)), read: { what: "disagreements", participantIds: [participantId] } };
});

export const action = methodNotAllowed;
