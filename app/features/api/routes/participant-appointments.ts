import { apiLoader, byMethod } from "../handler.server";
import { postMeeting } from "../writes.server";
import { participantFor } from "../participant.server";
import { appointmentsBody } from "../present.server";
import { appointmentsOf } from "../queries.server";
import { AppointmentPreparations } from "../schema";

/** GET /api/v1/participants/:participantId/appointments: the participant's meetings with their own questions and notes for each. */
export const loader = apiLoader("participants:read", AppointmentPreparations, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return { body: appointmentsBody(participantId, await appointmentsOf(participantId)), read: { what: "appointments", participantIds: [participantId] } };
});

/** POST: books a meeting (scope appointments:write). */
export const action = byMethod({ POST: postMeeting }, "GET, HEAD, POST");
