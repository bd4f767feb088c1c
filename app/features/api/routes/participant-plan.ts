import { byMethod } from "../handler.server";
import { getPlan, putPlan } from "../writes.server";

/** GET and PUT /api/v1/participants/:participantId/plan: the jobcentre's part of her plan, read with its ETag and written with If-Match. */
export const loader = getPlan;
export const action = byMethod({ PUT: putPlan }, "GET, HEAD, PUT");
