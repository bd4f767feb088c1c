import { byMethod, postOnly } from "../handler.server";
import { postCancel } from "../writes.server";

/** POST /api/v1/participants/:participantId/appointments/:appointmentId/cancel: cancels the meeting, with If-Match. */
export const loader = postOnly;
export const action = byMethod({ POST: postCancel }, "POST");
