import { methodNotAllowed } from "../handler.server";
import { getMeeting } from "../writes.server";

/** GET /api/v1/participants/:participantId/appointments/:appointmentId: one meeting as written, with its ETag. */
export const loader = getMeeting;
export const action = methodNotAllowed;
