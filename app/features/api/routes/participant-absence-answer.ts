import { byMethod, postOnly } from "../handler.server";
import { postAbsenceAnswer } from "../writes.server";

/** POST /api/v1/participants/:participantId/absence-requests/:absenceRequestId/answer: the answer to a »cannot come«. */
export const loader = postOnly;
export const action = byMethod({ POST: postAbsenceAnswer }, "POST");
