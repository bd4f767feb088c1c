import { apiLoader, methodNotAllowed } from "../handler.server";
import { participantFor } from "../participant.server";
import { absenceRequestsBody } from "../present.server";
import { absenceRequestsOf } from "../queries.server";
import { AbsenceRequests } from "../schema";

/** GET /api/v1/participants/:participantId/absence-requests: every »Jeg kan ikke komme« of the participant. */
export const loader = apiLoader("participants:read", AbsenceRequests, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: absenceRequestsBody(participantId, await absenceRequestsOf(participantId)), read: { what: "absence_requests", participantIds: [participantId] } };
});

export const action = methodNotAllowed;
