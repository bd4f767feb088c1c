/**
 * The messages area's server face (issue 18): conversations between a participant's side and her
 * coordinating caseworker, receipts, drafts, requests with a status, and proposed new times.
 * Code outside app/features/messages imports only this file (and index.ts in the browser).
 */
export {
  answerProposal,
  markConversationRead,
  markHandled,
  openAbsenceConversation,
  openDisagreementConversation,
  proposeNewTime,
  saveDraft,
  startConversation,
  writeMessage,
  type Author,
  type NewConversation,
  type ProposalAnswer,
} from "./commands.server";
export { getConversation, getDraft, inboxOf, listConversations, unreadCount, unreadCountPiece, type ConversationSummary, type ConversationView } from "./queries.server";
export { awaitingPiece, awaitingSummary, awaitingSummaryOf, conversationOwnerSql, type AwaitingSummary, countAwaiting, inboxItemOf, inboxItemPieces, inboxItemsFrom, listInbox, type InboxItem, type InboxState } from "./inbox.server";
export { participantAuthor } from "./pages.server";
export { countMessageDrafts, deleteMessageDrafts, exportMessagesFor, exportMessagesWrittenBy, type MessagesExport } from "./my-data.server";
// The municipality's case system writes as "din sagsbehandler" (the API, issue 20).
export {
  answerAbsenceAsCaseSystem,
  CASE_SYSTEM_AUTHOR_NAME,
  startCaseSystemConversation,
  writeCaseSystemMessage,
  type CaseSystemMessageResult,
  type CaseSystemMessageWriter,
} from "./case-system.server";
