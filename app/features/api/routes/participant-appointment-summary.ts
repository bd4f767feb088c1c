import { byMethod } from "../handler.server";
import { getSummary, postSummary } from "../summaries.server";

/** GET and POST /api/v1/participants/:participantId/appointments/:appointmentId/summary: »Det aftalte vi« after a held meeting. */
export const loader = getSummary;
export const action = byMethod({ POST: postSummary }, "GET, POST");
