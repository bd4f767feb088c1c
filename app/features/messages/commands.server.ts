import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterCommit, db, rowsOf, type Transaction } from "../../../db/client";
import { wakeWorker } from "~/features/jobs/index.server";
import { appointmentProposals, conversations, messageDrafts, messages } from "../../../db/schema/messages";
import { recordAudit } from "~/lib/audit.server";
import { queueMessageNotice } from "~/features/notifications/index.server";
import type { AuthorRole, Side, Topic } from "./status";

/**
 * Who writes: always taken from the session. `participantId` is the participant whose conversation
 * it is (the participant herself, a relative allowed to write, or her coordinating caseworker).
 */
export interface Author {
  personId: string;
  participantId: string;
  role: AuthorRole;
  /** Shown with the message: a relative's messages carry their own name. */
  name: string;
  requestId?: string | null;
}

/** What a new conversation is about and tied to. */
export interface NewConversation {
  topic: Topic;
  subject: string;
  body: string;
  submissionId: string;
  appointmentId?: string | null;
  subGoalId?: string | null;
  activityId?: string | null;
  preparationPartId?: string | null;
  absenceNoticeId?: string | null;
  planResponseId?: string | null;
  callback?: { on: string; window: "morning" | "afternoon" | "any"; phone: string } | null;
  /** The draft this conversation was written in: deleted once it is sent. */
  draftKey?: string;
}

export type StartResult = { status: "started" | "duplicate"; conversationId: string };

/**
 * Starts a conversation with its first message, in one transaction. A form sent twice (the same
 * submission id) starts one conversation.
 */
export async function startConversation(author: Author, input: NewConversation, now = new Date()): Promise<StartResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [created] = await tx
      .insert(conversations)
      .values({
        participantId: author.participantId,
        topic: input.topic,
        subject: input.subject,
        appointmentId: input.appointmentId ?? null,
        subGoalId: input.subGoalId ?? null,
        activityId: input.activityId ?? null,
        preparationPartId: input.preparationPartId ?? null,
        absenceNoticeId: input.absenceNoticeId ?? null,
        planResponseId: input.planResponseId ?? null,
        callbackOn: input.callback?.on ?? null,
        callbackWindow: input.callback?.window ?? null,
        callbackPhone: input.callback?.phone ?? null,
        startedByPersonId: author.personId,
        createdAt: now,
        lastMessageAt: now,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing({ target: conversations.submissionId })
      .returning({ id: conversations.id });
    if (!created) {
      const [existing] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.submissionId, input.submissionId), eq(conversations.participantId, author.participantId)));
      if (!existing) throw new Error("submission id used for another participant's conversation");
      return { status: "duplicate", conversationId: existing.id } as const;
    }
    if (input.body) {
      await tx.insert(messages).values({
        conversationId: created.id,
        authorPersonId: author.personId,
        authorRole: author.role,
        authorName: author.name,
        body: input.body,
        createdAt: now,
      });
    }
    if (input.draftKey) await deleteDraftIn(tx, author.personId, input.draftKey);
    await recordAudit(tx, {
      actorPersonId: author.personId,
      participantId: author.participantId,
      action: "messages.conversation_started",
      details: { conversationId: created.id, topic: input.topic, role: author.role },
      requestId: author.requestId ?? null,
    });
    return { status: "started", conversationId: created.id } as const;
  });
}

export type WriteResult = { status: "sent" | "duplicate"; messageId: string } | { status: "not_found" };

/**
 * Adds a message to a conversation the author may write in (row-level security and the
 * participant id both hold). A message from the participant's side makes a handled conversation wait
 * for the caseworker again.
 */
export async function writeMessage(
  author: Author,
  conversationId: string,
  input: { body: string; submissionId: string },
  now = new Date(),
): Promise<WriteResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.participantId, author.participantId)))
      .for("update");
    if (!conversation) return { status: "not_found" } as const;
    const [written] = await tx
      .insert(messages)
      .values({
        conversationId,
        authorPersonId: author.personId,
        authorRole: author.role,
        authorName: author.name,
        body: input.body,
        createdAt: now,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing({ target: messages.submissionId })
      .returning({ id: messages.id });
    if (!written) {
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.submissionId, input.submissionId), eq(messages.conversationId, conversationId)));
      if (!existing) throw new Error("submission id used for another conversation's message");
      return { status: "duplicate", messageId: existing.id } as const;
    }
    // "Markér som håndteret" stays as it was: a newer message from her side is what makes it
    // wait again (status.ts, awaitsCaseworker), and the wait is counted from that message.
    await tx.update(conversations).set({ lastMessageAt: now }).where(eq(conversations.id, conversationId));
    await deleteDraftIn(tx, author.personId, conversationId);
    if (author.role === "caseworker") await tellParticipant(tx, author.participantId, conversationId, now);
    await recordAudit(tx, {
      actorPersonId: author.personId,
      participantId: author.participantId,
      action: "messages.message_sent",
      details: { conversationId, messageId: written.id, role: author.role },
      requestId: author.requestId ?? null,
    });
    return { status: "sent", messageId: written.id } as const;
  });
}

/**
 * "Du har en ny besked i Min Vej" for the participant, as she chose (the notifications area), in
 * the same transaction as the caseworker's message or proposed time; the worker sends it after the commit.
 */
async function tellParticipant(tx: Transaction, participantId: string, conversationId: string, now: Date) {
  const [row] = rowsOf<{ person_id: string | null }>(
    await tx.execute(sql`select portal.conversation_participant_person(${conversationId}::uuid) as person_id`),
  );
  if (!row?.person_id) return;
  const { queued } = await queueMessageNotice(tx, { participantId, recipientPersonId: row.person_id, conversationId, now });
  if (queued.length > 0) afterCommit(wakeWorker);
}

/**
 * The receipt: the reader's side has now seen the other side's messages. Only the participant
 * herself (not a relative reading along) and the coordinating caseworker give receipts. Returns
 * how many messages were marked. Writes nothing when nothing is new.
 */
export async function markConversationRead(reader: { side: Side }, participantId: string, conversationId: string, now = new Date()) {
  const database = await db();
  const fromOtherSide: AuthorRole[] = reader.side === "caseworker" ? ["participant", "relative"] : ["caseworker"];
  const marked = await database
    .update(messages)
    .set({ readAt: now })
    .where(
      and(
        eq(messages.conversationId, conversationId),
        isNull(messages.readAt),
        inArray(messages.authorRole, fromOtherSide),
        sql`exists (select 1 from ${conversations} c where c.id = ${messages.conversationId} and c.participant_id = ${participantId})`,
      ),
    )
    .returning({ id: messages.id });
  return marked.length;
}

/** Keeps a draft for this person (an empty text deletes it). */
export async function saveDraft(
  personId: string,
  participantId: string,
  draftKey: string,
  input: { subject?: string | null; body: string },
  now = new Date(),
) {
  const database = await db();
  if (!input.body.trim() && !input.subject?.trim()) {
    await deleteDraftIn(database, personId, draftKey);
    return { status: "deleted" } as const;
  }
  await database
    .insert(messageDrafts)
    .values({ personId, draftKey, participantId, subject: input.subject ?? null, body: input.body, updatedAt: now })
    .onConflictDoUpdate({
      target: [messageDrafts.personId, messageDrafts.draftKey],
      set: { subject: input.subject ?? null, body: input.body, updatedAt: now },
    });
  return { status: "saved", savedAt: now } as const;
}

async function deleteDraftIn(tx: Transaction | Awaited<ReturnType<typeof db>>, personId: string, draftKey: string) {
  await tx.delete(messageDrafts).where(and(eq(messageDrafts.personId, personId), eq(messageDrafts.draftKey, draftKey)));
}

/** The caseworker marks a conversation handled (nothing more to answer). */
export async function markHandled(caseworker: Author, conversationId: string, now = new Date()) {
  const database = await db();
  const done = await database
    .update(conversations)
    .set({ handledAt: now, handledByPersonId: caseworker.personId })
    .where(and(eq(conversations.id, conversationId), eq(conversations.participantId, caseworker.participantId)))
    .returning({ id: conversations.id });
  if (done.length === 0) return { status: "not_found" } as const;
  await recordAudit(database, {
    actorPersonId: caseworker.personId,
    participantId: caseworker.participantId,
    action: "messages.conversation_handled",
    details: { conversationId },
    requestId: caseworker.requestId ?? null,
  });
  return { status: "handled" } as const;
}

/**
 * The caseworker proposes a new time for the meeting the conversation is about. An earlier
 * proposal still waiting is withdrawn: the participant answers the newest one only.
 */
export async function proposeNewTime(
  caseworker: Author,
  conversationId: string,
  input: { startsAt: Date; endsAt: Date },
  now = new Date(),
) {
  const database = await db();
  return database.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id, appointmentId: conversations.appointmentId })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.participantId, caseworker.participantId)))
      .for("update");
    if (!conversation) return { status: "not_found" } as const;
    if (!conversation.appointmentId) return { status: "no_meeting" } as const;
    await tx
      .update(appointmentProposals)
      .set({ status: "withdrawn", answeredAt: now })
      .where(and(eq(appointmentProposals.conversationId, conversationId), eq(appointmentProposals.status, "proposed")));
    const [proposal] = await tx
      .insert(appointmentProposals)
      .values({
        conversationId,
        appointmentId: conversation.appointmentId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        proposedByPersonId: caseworker.personId,
        createdAt: now,
      })
      .returning({ id: appointmentProposals.id });
    await tx.update(conversations).set({ lastMessageAt: now }).where(eq(conversations.id, conversationId));
    await tellParticipant(tx, caseworker.participantId, conversationId, now);
    await recordAudit(tx, {
      actorPersonId: caseworker.personId,
      participantId: caseworker.participantId,
      action: "messages.new_time_proposed",
      details: { conversationId, proposalId: proposal!.id, appointmentId: conversation.appointmentId },
      requestId: caseworker.requestId ?? null,
    });
    return { status: "proposed", proposalId: proposal!.id } as const;
  });
}

export type ProposalAnswer =
  | { status: "accepted"; appointmentId: string; startsAt: Date; endsAt: Date }
  | { status: "declined" }
  | { status: "not_found" | "already_answered" };

/**
 * The participant says yes or no to a proposed time. A yes returns the new time: the caller moves
 * the meeting (the appointments area's command) in the same request.
 */
export async function answerProposal(
  participant: Author,
  conversationId: string,
  input: { proposalId: string; accept: boolean },
  now = new Date(),
): Promise<ProposalAnswer> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [proposal] = await tx
      .select({
        id: appointmentProposals.id,
        status: appointmentProposals.status,
        appointmentId: appointmentProposals.appointmentId,
        startsAt: appointmentProposals.startsAt,
        endsAt: appointmentProposals.endsAt,
      })
      .from(appointmentProposals)
      .innerJoin(conversations, eq(conversations.id, appointmentProposals.conversationId))
      .where(
        and(
          eq(appointmentProposals.id, input.proposalId),
          eq(appointmentProposals.conversationId, conversationId),
          eq(conversations.participantId, participant.participantId),
        ),
      )
      .for("update");
    if (!proposal) return { status: "not_found" } as const;
    if (proposal.status !== "proposed") return { status: "already_answered" } as const;
    await tx
      .update(appointmentProposals)
      .set({ status: input.accept ? "accepted" : "declined", answeredAt: now })
      .where(and(eq(appointmentProposals.id, proposal.id), eq(appointmentProposals.status, "proposed")));
    await tx.update(conversations).set({ lastMessageAt: now }).where(eq(conversations.id, conversationId));
    await recordAudit(tx, {
      actorPersonId: participant.personId,
      participantId: participant.participantId,
      action: input.accept ? "messages.new_time_accepted" : "messages.new_time_declined",
      details: { conversationId, proposalId: proposal.id, appointmentId: proposal.appointmentId },
      requestId: participant.requestId ?? null,
    });
    if (!input.accept) return { status: "declined" } as const;
    return { status: "accepted", appointmentId: proposal.appointmentId, startsAt: proposal.startsAt, endsAt: proposal.endsAt } as const;
  });
}

/** Subjects are at most 120 characters (the table says so); a long meeting title is cut with "…". */
function subjectOf(text: string) {
  return text.length <= 120 ? text : `${text.slice(0, 119)}…`;
}

/**
 * "Jeg kan ikke komme" becomes a conversation with a status she can follow; its subject is the
 * meeting's title (the pages say what kind of request it is, in the reader's language). The notice's id is the
 * submission id, so the same notice (a double submit the appointments area already folded into
 * one) opens one conversation. Written in Danish: the caseworker reads it.
 */
export async function openAbsenceConversation(
  author: Author,
  notice: { noticeId: string; appointmentId: string; title: string; reason: string; wish: string },
) {
  const body = notice.wish ? `${notice.reason}\n\nDet passer mig bedre: ${notice.wish}` : notice.reason;
  return startConversation(author, {
    topic: "absence",
    subject: subjectOf(notice.title),
    body,
    submissionId: notice.noticeId,
    appointmentId: notice.appointmentId,
    absenceNoticeId: notice.noticeId,
  });
}

/** "Jeg er ikke enig, eller jeg har spørgsmål" about the plan becomes a conversation too. */
export async function openDisagreementConversation(author: Author, question: { submissionId: string; planVersion: number; comment: string }) {
  return startConversation(author, {
    topic: "disagreement",
    subject: `Min Plan, version ${question.planVersion}`,
    body: question.comment,
    submissionId: question.submissionId,
  });
}
