import { byMethod, postOnly } from "../handler.server";
import { postMessage } from "../writes.server";

/** POST /api/v1/participants/:participantId/conversations/:conversationId/messages: a message in one of her conversations. */
export const loader = postOnly;
export const action = byMethod({ POST: postMessage }, "POST");
