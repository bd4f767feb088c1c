/** The messages area's face for the browser and for other areas' pages: links, limits, statuses. */
export { awaitsCaseworker, isRequestTopic, requestStatus, sideOf, type AuthorRole, type RequestStatus, type Topic } from "./status";
export { LIMITS as MESSAGE_LIMITS } from "./schema";
export { messagesHref, newMessageHref } from "./links";
// For a relative's read-and-reply pages (features/relatives): the same form, tag and reply schema.
export { MessageForm, RequestStatusTag, useWhen } from "./components";
export { useSubject } from "./ConversationPage";
export { replySchema } from "./schema";
