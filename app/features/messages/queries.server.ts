import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { nestedCount, nestedFlag, nestedRow, nestedRows, nestedTime, preparedTogether, readTogether, type Bound, type Nested } from "../../../db/nested";
import { coordinatingCaseworkerPiece, type CaseworkerContact } from "~/lib/contacts.server";
import { appointmentProposals, conversations, messageDrafts, messages } from "../../../db/schema/messages";
import { isRequestTopic, requestStatus, type AuthorRole, type RequestStatus, type Topic } from "./status";

/**
 * The outer row's id, written out in full: drizzle leaves a column's table off in a query on one
 * table, and inside these subqueries a bare "id" would mean the message's own id.
 */
const conversationIdColumn = sql.raw(`"conversations"."id"`);

export interface ConversationSummary {
  id: string;
  topic: Topic;
  subject: string;
  lastMessageAt: Date;
  /** The caseworker's messages the participant has not opened yet. */
  unread: number;
  /** For "Jeg kan ikke komme", "Jeg er ikke enig" and "Ring mig op"; null for other topics. */
  status: RequestStatus | null;
}

const conversationFields = {
  id: conversations.id,
  topic: conversations.topic,
  subject: conversations.subject,
  lastMessageAt: conversations.lastMessageAt,
  handledAt: conversations.handledAt,
  unread: nestedCount(
    sql`(select count(*)::int from ${messages} m where m.conversation_id = ${conversationIdColumn} and m.author_role = 'caseworker' and m.read_at is null)`,
  ),
  answered: nestedFlag(sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversationIdColumn} and m.author_role = 'caseworker')`),
  readByCaseworker: nestedFlag(
    sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversationIdColumn} and m.author_role <> 'caseworker' and m.read_at is not null)`,
  ),
  proposed: nestedFlag(sql`exists (select 1 from ${appointmentProposals} p where p.conversation_id = ${conversationIdColumn} and p.status = 'proposed')`),
  lastOwnMessageAt: nestedTime(
    sql`(select max(m.created_at) from ${messages} m where m.conversation_id = ${conversationIdColumn} and m.author_role <> 'caseworker')`,
  ),
};

/** The participant's conversations and who answers them: one statement, built once (db/nested.ts). */
const readInbox = preparedTogether(["participantId"], (values) => ({
  conversations: nestedRows(
    conversationFields,
    sql`from ${conversations} where ${conversations.participantId} = ${values.participantId}`,
    sql`${conversations.lastMessageAt} desc`,
  ),
  caseworker: coordinatingCaseworkerPiece(values.participantId),
}));

/**
 * The participant's conversations, newest activity first, with what is new and where requests
 * stand, and her coordinating caseworker (who answers).
 */
export async function inboxOf(participantId: string): Promise<{ conversations: ConversationSummary[]; caseworker: CaseworkerContact | null }> {
  const { conversations: rows, caseworker } = await readInbox({ participantId });
  const summaries = rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    subject: row.subject,
    lastMessageAt: row.lastMessageAt,
    unread: row.unread,
    status: isRequestTopic(row.topic)
      ? requestStatus({
          messages: [
            ...(row.answered ? [{ authorRole: "caseworker" as const, readAt: null }] : []),
            ...(row.readByCaseworker ? [{ authorRole: "participant" as const, readAt: row.lastMessageAt }] : []),
            ...(row.lastOwnMessageAt ? [{ authorRole: "participant" as const, readAt: null, createdAt: row.lastOwnMessageAt }] : []),
          ],
          proposals: row.proposed ? [{ status: "proposed" as const }] : [],
          handledAt: row.handledAt,
        })
      : null,
  }));
  return { conversations: summaries, caseworker };
}

/** The participant's conversations, newest activity first, with what is new and where requests stand. */
export async function listConversations(participantId: string): Promise<ConversationSummary[]> {
  return (await inboxOf(participantId)).conversations;
}

export interface MessageView {
  id: string;
  authorRole: AuthorRole;
  authorName: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface ProposalView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: "proposed" | "accepted" | "declined" | "withdrawn";
  createdAt: Date;
  answeredAt: Date | null;
}

export interface ConversationView {
  id: string;
  participantId: string;
  topic: Topic;
  subject: string;
  appointmentId: string | null;
  subGoalId: string | null;
  activityId: string | null;
  preparationPartId: string | null;
  callbackOn: string | null;
  callbackWindow: "morning" | "afternoon" | "any" | null;
  callbackPhone: string | null;
  createdAt: Date;
  lastMessageAt: Date;
  handledAt: Date | null;
  messages: MessageView[];
  proposals: ProposalView[];
  status: RequestStatus | null;
}

/**
 * One conversation of this participant with its messages (oldest first) and proposed times, read
 * together: one statement where there were three (one page each time a conversation is opened, by
 * her side or her caseworker). Its messages and proposed times keep its participant (migration 0049),
 * so they are read only when the conversation is hers.
 */
const readConversation = preparedTogether(["participantId", "conversationId"], (values) => ({
  conversation: nestedRow(
    {
      id: conversations.id,
      participantId: conversations.participantId,
      topic: conversations.topic,
      subject: conversations.subject,
      appointmentId: conversations.appointmentId,
      subGoalId: conversations.subGoalId,
      activityId: conversations.activityId,
      preparationPartId: conversations.preparationPartId,
      callbackOn: conversations.callbackOn,
      callbackWindow: conversations.callbackWindow,
      callbackPhone: conversations.callbackPhone,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
      handledAt: conversations.handledAt,
    },
    sql`from ${conversations} where ${conversations.id} = ${values.conversationId} and ${conversations.participantId} = ${values.participantId}`,
  ),
  messages: nestedRows(
    {
      id: messages.id,
      authorRole: messages.authorRole,
      authorName: messages.authorName,
      body: messages.body,
      createdAt: messages.createdAt,
      readAt: messages.readAt,
    },
    sql`from ${messages} where ${messages.conversationId} = ${values.conversationId} and ${messages.participantId} = ${values.participantId}`,
    sql`${asc(messages.createdAt)}, ${asc(messages.id)}`,
  ),
  proposals: nestedRows(
    {
      id: appointmentProposals.id,
      startsAt: appointmentProposals.startsAt,
      endsAt: appointmentProposals.endsAt,
      status: appointmentProposals.status,
      createdAt: appointmentProposals.createdAt,
      answeredAt: appointmentProposals.answeredAt,
    },
    sql`from ${appointmentProposals} where ${appointmentProposals.conversationId} = ${values.conversationId} and ${appointmentProposals.participantId} = ${values.participantId}`,
    asc(appointmentProposals.createdAt),
  ),
}));

/** One conversation of this participant with its messages (oldest first) and proposals, or null. */
export async function getConversation(participantId: string, conversationId: string): Promise<ConversationView | null> {
  const { conversation, messages: messageRows, proposals: proposalRows } = await readConversation({ participantId, conversationId });
  if (!conversation) return null;
  return {
    ...conversation,
    messages: messageRows,
    proposals: proposalRows,
    status: isRequestTopic(conversation.topic)
      ? requestStatus({ messages: messageRows, proposals: proposalRows, handledAt: conversation.handledAt })
      : null,
  };
}

/** This person's draft under `draftKey`, or null. */
export async function getDraft(personId: string, draftKey: string) {
  const database = await db();
  const [draft] = await database
    .select({ subject: messageDrafts.subject, body: messageDrafts.body, updatedAt: messageDrafts.updatedAt })
    .from(messageDrafts)
    .where(and(eq(messageDrafts.personId, personId), eq(messageDrafts.draftKey, draftKey)));
  return draft ?? null;
}

/** How many of the caseworker's messages this participant has not opened: the menu's "Beskeder (1)". */
export async function unreadCount(participantId: string): Promise<number> {
  return (await readTogether({ unread: unreadCountPiece(participantId) })).unread;
}

/** unreadCount as a piece of a page's one read (db/nested.ts; the overview). */
export function unreadCountPiece(participantId: Bound<string>): Nested<number> {
  return nestedCount(
    sql`(select count(*)::int from ${messages} join ${conversations} on ${conversations.id} = ${messages.conversationId}
        where ${conversations.participantId} = ${participantId} and ${messages.authorRole} = 'caseworker' and ${messages.readAt} is null)`,
  );
}
