import { byMethod, postOnly } from "../handler.server";
import { postConversation } from "../writes.server";

/** POST /api/v1/participants/:participantId/conversations: a new conversation from »Din sagsbehandler«. */
export const loader = postOnly;
export const action = byMethod({ POST: postConversation }, "POST");
