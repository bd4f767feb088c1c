import { byMethod, postOnly } from "../handler.server";
import { postMove } from "../writes.server";

/** POST /api/v1/participants/:participantId/appointments/:appointmentId/move: a new time (and place), with If-Match. */
export const loader = postOnly;
export const action = byMethod({ POST: postMove }, "POST");
