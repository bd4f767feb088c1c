import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { participants, persons } from "../../../db/schema/people";
import { appointmentProposals, conversations, messageDrafts, messages } from "../../../db/schema/messages";

/**
 * Everything the messages area holds about one participant, for "Mine data" (issue 22): every
 * conversation with her caseworker (what it is about, a "Ring mig op" and when it was handled),
 * every message with who wrote it and when it was read, proposed new times and her answers, and
 * her own drafts (`personId`: a relative's drafts are the relative's, never hers).
 */
export async function exportMessagesFor(participantId: string, personId: string) {
  const database = await db();
  const threads = await database
    .select()
    .from(conversations)
    .where(eq(conversations.participantId, participantId))
    .orderBy(asc(conversations.createdAt));
  const ids = threads.map((thread) => thread.id);
  const [written, proposals, drafts] = await Promise.all([
    ids.length ? database.select().from(messages).where(inArray(messages.conversationId, ids)).orderBy(asc(messages.createdAt)) : [],
    ids.length
      ? database.select().from(appointmentProposals).where(inArray(appointmentProposals.conversationId, ids)).orderBy(asc(appointmentProposals.createdAt))
      : [],
    database
      .select()
      .from(messageDrafts)
      .where(and(eq(messageDrafts.personId, personId), eq(messageDrafts.participantId, participantId)))
      .orderBy(asc(messageDrafts.updatedAt)),
  ]);
  return {
    conversations: threads.map((thread) => ({
      topic: thread.topic,
      subject: thread.subject,
      createdAt: thread.createdAt,
      lastMessageAt: thread.lastMessageAt,
      handledAt: thread.handledAt,
      callback: thread.callbackOn ? { on: thread.callbackOn, window: thread.callbackWindow, phone: thread.callbackPhone } : null,
      messages: written
        .filter((message) => message.conversationId === thread.id)
        .map((message) => ({
          authorRole: message.authorRole,
          authorName: message.authorName,
          body: message.body,
          createdAt: message.createdAt,
          readAt: message.readAt,
        })),
      proposedTimes: proposals
        .filter((proposal) => proposal.conversationId === thread.id)
        .map((proposal) => ({ startsAt: proposal.startsAt, endsAt: proposal.endsAt, status: proposal.status, createdAt: proposal.createdAt, answeredAt: proposal.answeredAt })),
    })),
    drafts: drafts.map((draft) => ({ subject: draft.subject, body: draft.body, updatedAt: draft.updatedAt })),
  };
}

export type MessagesExport = Awaited<ReturnType<typeof exportMessagesFor>>;

/** How many drafts this person keeps for this participant's conversations. */
export async function countMessageDrafts(personId: string, participantId: string): Promise<number> {
  const database = await db();
  const [row] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(messageDrafts)
    .where(and(eq(messageDrafts.personId, personId), eq(messageDrafts.participantId, participantId)));
  return row?.n ?? 0;
}

/** Deletes her own drafts (never a sent message) in the caller's transaction. */
export async function deleteMessageDrafts(tx: Transaction, personId: string, participantId: string): Promise<number> {
  const deleted = await tx
    .delete(messageDrafts)
    .where(and(eq(messageDrafts.personId, personId), eq(messageDrafts.participantId, participantId)))
    .returning({ key: messageDrafts.draftKey });
  return deleted.length;
}

/**
 * What this person wrote as a relative in other people's conversations, and her drafts there,
 * for her own "Mine data". Row-level security shows only conversations she may still reach.
 */
export async function exportMessagesWrittenBy(personId: string) {
  const database = await db();
  const [rows, drafts] = await Promise.all([
    database
      .select({
        participantId: conversations.participantId,
        subject: conversations.subject,
        body: messages.body,
        authorName: messages.authorName,
        createdAt: messages.createdAt,
        readAt: messages.readAt,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.authorPersonId, personId), eq(messages.authorRole, "relative")))
      .orderBy(asc(messages.createdAt)),
    database
      .select()
      .from(messageDrafts)
      .where(and(eq(messageDrafts.personId, personId), sql`not exists (select 1 from ${participants} p where p.id = ${messageDrafts.participantId} and p.person_id = ${personId})`))
      .orderBy(asc(messageDrafts.updatedAt)),
  ]);
  const ids = [...new Set([...rows.map((row) => row.participantId), ...drafts.map((draft) => draft.participantId)])];
  const names = ids.length
    ? await database
        .select({ id: participants.id, firstName: persons.firstName, lastName: persons.lastName })
        .from(participants)
        .innerJoin(persons, eq(persons.id, participants.personId))
        .where(inArray(participants.id, ids))
    : [];
  const nameOf = (id: string) => {
    const found = names.find((name) => name.id === id);
    return found ? `${found.firstName} ${found.lastName}` : null;
  };
  return {
    messages: rows.map(({ participantId, ...row }) => ({ ...row, forName: nameOf(participantId) })),
    drafts: drafts.map((draft) => ({ forName: nameOf(draft.participantId), subject: draft.subject, body: draft.body, updatedAt: draft.updatedAt })),
  };
}
