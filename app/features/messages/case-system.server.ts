import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterCommit, db, rowsOf, type Transaction } from "../../../db/client";
import { wakeWorker } from "~/features/jobs/index.server";
import { conversations, messages } from "../../../db/schema/messages";
import { recordAudit } from "~/lib/audit.server";
import { queueMessageNotice } from "~/features/notifications/index.server";

/**
 * The municipality's case system writes to a participant (the API, app/features/api, issue 20):
 * as "din sagsbehandler", on the caseworker's side of her conversations, with no person behind it
 * (row-level security lets it write only so, migration 0030), and never an employee's name. She is
 * told as she chose ("Du har en ny besked i Min Vej"), as when her caseworker writes. One
 * transaction: the conversation and message, the notice, and one audit row
 * `case_system.message_sent` without an actor person (it becomes an event).
 */

/** How the case system signs its messages: the role the participant knows, not a name. */
export const CASE_SYSTEM_AUTHOR_NAME = "Din sagsbehandler";

export interface CaseSystemMessageWriter {
  details: Record<string, unknown>;
  requestId: string | null;
}

export type CaseSystemMessageResult =
  | { status: "sent"; conversationId: string; messageId: string; startedConversation: boolean; sentAt: Date }
  | { status: "not_found" };

async function tellParticipant(tx: Transaction, participantId: string, conversationId: string, now: Date) {
  const [row] = rowsOf<{ person_id: string | null }>(
    await tx.execute(sql`select portal.conversation_participant_person(${conversationId}::uuid) as person_id`),
  );
  if (!row?.person_id) return;
  const { queued } = await queueMessageNotice(tx, { participantId, recipientPersonId: row.person_id, conversationId, now });
  if (queued.length > 0) afterCommit(wakeWorker);
}

async function addMessage(
  tx: Transaction,
  participantId: string,
  conversationId: string,
  body: string,
  writer: CaseSystemMessageWriter,
  startedConversation: boolean,
  now: Date,
): Promise<CaseSystemMessageResult> {
  const messageId = randomUUID();
  await tx.insert(messages).values({
    id: messageId,
    conversationId,
    authorPersonId: null,
    authorRole: "caseworker",
    authorName: CASE_SYSTEM_AUTHOR_NAME,
    body,
    createdAt: now,
    submissionId: randomUUID(),
  });
  await tx.update(conversations).set({ lastMessageAt: now }).where(eq(conversations.id, conversationId));
  await tellParticipant(tx, participantId, conversationId, now);
  await recordAudit(tx, {
    actorPersonId: null,
    participantId,
    action: "case_system.message_sent",
    details: { ...writer.details, conversationId, messageId, startedConversation },
    requestId: writer.requestId,
  });
  return { status: "sent", conversationId, messageId, startedConversation, sentAt: now };
}

async function startIn(
  tx: Transaction,
  participantId: string,
  values: Partial<typeof conversations.$inferInsert> & { subject: string; topic: "general" | "absence" | "summary" },
  now: Date,
) {
  const conversationId = randomUUID();
  await tx.insert(conversations).values({ ...values, id: conversationId, participantId, startedByPersonId: null, createdAt: now, lastMessageAt: now, submissionId: randomUUID() });
  return conversationId;
}

/**
 * Starts a conversation with the participant (topic "general"; "summary" with its meeting for a
 * meeting's summary, app/features/summaries) with its first message.
 */
export async function startCaseSystemConversation(
  participantId: string,
  input: { subject: string; body: string; summaryOf?: { appointmentId: string } },
  writer: CaseSystemMessageWriter,
  now = new Date(),
): Promise<CaseSystemMessageResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const about = input.summaryOf ? ({ topic: "summary", appointmentId: input.summaryOf.appointmentId } as const) : ({ topic: "general" } as const);
    const conversationId = await startIn(tx, participantId, { ...about, subject: input.subject }, now);
    return addMessage(tx, participantId, conversationId, input.body, writer, true, now);
  });
}

/** Writes into one of the participant's conversations; not_found for anyone else's or an unknown one. */
export async function writeCaseSystemMessage(
  participantId: string,
  conversationId: string,
  body: string,
  writer: CaseSystemMessageWriter,
  now = new Date(),
): Promise<CaseSystemMessageResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.participantId, participantId)))
      .for("update");
    if (!conversation) return { status: "not_found" } as const;
    return addMessage(tx, participantId, conversationId, body, writer, false, now);
  });
}

/**
 * The answer to a "Jeg kan ikke komme": a message in the conversation the notice opened (her
 * request, with its status); when there is none (a notice from before conversations), one is
 * opened for it, tied to the notice and its meeting.
 */
export async function answerAbsenceAsCaseSystem(
  participantId: string,
  notice: { noticeId: string; appointmentId: string; title: string; reason: string; wishForNewTime: string | null },
  body: string,
  writer: CaseSystemMessageWriter,
  now = new Date(),
): Promise<CaseSystemMessageResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.participantId, participantId), eq(conversations.absenceNoticeId, notice.noticeId)))
      .for("update");
    if (existing) return addMessage(tx, participantId, existing.id, body, writer, false, now);
    const subject = notice.title.length <= 120 ? notice.title : `${notice.title.slice(0, 119)}…`;
    const conversationId = await startIn(
      tx,
      participantId,
      { topic: "absence", subject, appointmentId: notice.appointmentId, absenceNoticeId: notice.noticeId },
      now,
    );
    return addMessage(tx, participantId, conversationId, body, writer, true, now);
  });
}
