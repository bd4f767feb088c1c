import { afterCommit } from "../../../db/client";
import { wakeWorker } from "~/features/jobs/index.server";
import { replySchema } from "~/features/messages";
import { getConversation, getDraft, inboxOf, saveDraft, writeMessage, type Author } from "~/features/messages/index.server";
import type { CurrentUser } from "~/lib/auth.server";
import { notFound } from "~/lib/auth.server";
import { getCoordinatingCaseworker } from "~/lib/contacts.server";
import { isUuid } from "~/lib/ids";
import { requestIdOf, type RequestContext } from "~/lib/request.server";
import type { ActiveGrant } from "./access.server";

/**
 * A relative's view of the participant's conversations with her caseworker (scope `messages`),
 * read through the messages area's face. Sent to the page: what the participant's own pages show
 * of the conversations, less what is hers alone: her drafts (a relative only ever gets their own),
 * whether she has opened the caseworker's answers, and the phone number of a "Ring mig op".
 * Opening a page gives no receipt: `markConversationRead` is the participant's and caseworker's.
 */

export const messagesPath = (participantId: string) => `/hjaelper/${participantId}/beskeder`;
export const conversationPath = (participantId: string, conversationId: string) => `${messagesPath(participantId)}/${conversationId}`;

/** `/hjaelper/:participantId/beskeder`: her conversations, newest activity first. */
export async function sharedMessagesPage(participantId: string) {
  const { conversations, caseworker } = await inboxOf(participantId);
  return {
    caseworkerName: caseworker?.name ?? null,
    // No "unread" count: that is whether she has read her caseworker's answers.
    conversations: conversations.map(({ id, topic, subject, lastMessageAt, status }) => ({ id, topic, subject, lastMessageAt, status })),
  };
}

/** The grant may write: the messages scope and the right to write, both on this request's grant. */
export function mayWriteMessages(grant: Pick<ActiveGrant, "scopes" | "mayWriteMessages">) {
  return grant.scopes.includes("messages") && grant.mayWriteMessages;
}

/** `/hjaelper/:participantId/beskeder/:id`: one of her conversations, or null when it is not hers. */
export async function sharedConversationPage(relativePersonId: string, grant: ActiveGrant, participantId: string, conversationId: string) {
  if (!isUuid(conversationId)) return null;
  const conversation = await getConversation(participantId, conversationId);
  if (!conversation) return null;
  const mayWrite = mayWriteMessages(grant);
  const [caseworker, draft] = await Promise.all([
    getCoordinatingCaseworker(participantId),
    // The relative's own draft, kept under their own person: never hers.
    mayWrite ? getDraft(relativePersonId, conversationId) : null,
  ]);
  return {
    caseworkerName: caseworker?.name ?? null,
    mayWrite,
    draft: draft ? { body: draft.body, updatedAt: draft.updatedAt } : null,
    submissionId: mayWrite ? crypto.randomUUID() : null,
    conversation: {
      id: conversation.id,
      topic: conversation.topic,
      subject: conversation.subject,
      status: conversation.status,
      // The meeting it is about, linked only when the relative may see her meetings.
      appointmentId: grant.scopes.includes("appointments") ? conversation.appointmentId : null,
      callback: conversation.callbackOn ? { on: conversation.callbackOn, window: conversation.callbackWindow ?? "any" } : null,
      messages: conversation.messages.map((message) => ({
        id: message.id,
        authorRole: message.authorRole,
        authorName: message.authorName,
        body: message.body,
        createdAt: message.createdAt,
        // The caseworker's receipt on her side's messages; never whether she opened the answers.
        readAt: message.authorRole === "caseworker" ? null : message.readAt,
      })),
      proposals: conversation.proposals
        .filter((proposal) => proposal.status !== "withdrawn")
        .map((proposal) => ({ id: proposal.id, startsAt: proposal.startsAt, endsAt: proposal.endsAt, status: proposal.status })),
    },
  };
}

export interface ReplyAnswer {
  /** A translation key for the text field (with its namespace). */
  errors: { body?: string };
  values: { body: string };
  draftSavedAt?: string;
}

export type ReplyOutcome = { kind: "redirect"; to: string } | { kind: "page"; status: number; body: ReplyAnswer };

/**
 * A relative's reply in one of her conversations, a draft of it ("Gem som kladde"), or (with
 * JavaScript) its autosave. The caller has checked the grant: active, the messages scope and the
 * right to write. The author is the relative, with their own name, role "relative".
 */
export async function replyAsRelative(
  context: RequestContext,
  user: Pick<CurrentUser, "personId" | "firstName" | "lastName">,
  participantId: string,
  conversationId: string,
  formData: FormData,
): Promise<ReplyOutcome> {
  // Only a conversation of hers: another participant's id (or none) is 404, and nothing is kept.
  if (!isUuid(conversationId) || !(await getConversation(participantId, conversationId))) throw notFound();
  const here = conversationPath(participantId, conversationId);
  const intent = formData.get("intent");
  const values = { body: typeof formData.get("body") === "string" ? (formData.get("body") as string) : "" };
  const parsed = replySchema.safeParse({ ...Object.fromEntries(formData), intent: intent === "autosave" ? "draft" : intent || undefined });
  if (!parsed.success) {
    const bodyIssue = parsed.error.issues.find((issue) => issue.path[0] === "body");
    if (!bodyIssue) throw new Response("Bad Request", { status: 400 });
    return { kind: "page", status: 400, body: { errors: { body: bodyIssue.message }, values } };
  }
  if (intent === "autosave" || intent === "draft") {
    const saved = await saveDraft(user.personId, participantId, conversationId, { body: parsed.data.body });
    if (intent === "draft") return { kind: "redirect", to: `${here}?kladde=gemt#svar` };
    return { kind: "page", status: 200, body: { errors: {}, values, draftSavedAt: saved.status === "saved" ? saved.savedAt.toISOString() : undefined } };
  }
  if (parsed.data.body.trim().length === 0) return { kind: "page", status: 400, body: { errors: { body: "messages:errors.bodyRequired" }, values } };
  const author: Author = {
    personId: user.personId,
    participantId,
    role: "relative",
    name: `${user.firstName} ${user.lastName}`.trim(),
    requestId: requestIdOf(context),
  };
  const written = await writeMessage(author, conversationId, { body: parsed.data.body, submissionId: parsed.data.submissionId });
  if (written.status === "not_found") throw notFound();
  afterCommit(wakeWorker);
  return { kind: "redirect", to: `${here}?sendt=1#seneste` };
}
