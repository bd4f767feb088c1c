import { and, asc, eq, isNotNull } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import {
  meetingSummaries,
  meetingSummaryDrafts,
  meetingSummaryPoints,
  meetingSummaryVersions,
  summaryRecollections,
} from "../../../db/schema/summaries";
import { recordAudit } from "~/lib/audit.server";
import { listPlanItems } from "~/features/plan/index.server";
import { startCaseSystemConversation, startConversation, writeCaseSystemMessage, writeMessage, type Author } from "~/features/messages/index.server";
import type { SummaryPointInput } from "./schema";

/**
 * Who writes a summary: the coordinating caseworker on her pages (her person and name, from the
 * session), or the municipality's case system through the API ("Din sagsbehandler", no person).
 * The participant comes from the caller's access check, never from a form.
 */
export type SummaryWriter =
  | { kind: "caseworker"; personId: string; participantId: string; name: string; requestId?: string | null }
  | { kind: "case_system"; participantId: string; name: string; details: Record<string, unknown>; requestId?: string | null };

/** The links must be the participant's own current sub-goals and activities. */
async function unknownLinks(participantId: string, points: SummaryPointInput[]) {
  const wanted = [...new Set(points.flatMap((point) => [...point.subGoalIds, ...point.activityIds]))];
  if (wanted.length === 0) return [];
  const known = await listPlanItems(participantId, wanted);
  const ok = new Set(known.map((item) => `${item.kind}:${item.id}`));
  return points.flatMap((point) => [
    ...point.subGoalIds.filter((id) => !ok.has(`subGoal:${id}`)),
    ...point.activityIds.filter((id) => !ok.has(`activity:${id}`)),
  ]);
}

/** The summary row of a meeting, made when first needed, and locked for this transaction. */
async function summaryRowFor(tx: Transaction, participantId: string, appointmentId: string) {
  await tx.insert(meetingSummaries).values({ participantId, appointmentId }).onConflictDoNothing({ target: meetingSummaries.appointmentId });
  const [row] = await tx
    .select()
    .from(meetingSummaries)
    .where(and(eq(meetingSummaries.appointmentId, appointmentId), eq(meetingSummaries.participantId, participantId)))
    .for("update");
  return row ?? null;
}

export type DraftResult = { status: "saved"; version: number } | { status: "conflict" } | { status: "not_found" } | { status: "unknown-item" };

/**
 * "Gem som kladde": her working copy, never seen by the participant. `expectedDraftVersion` is the
 * draft's version the form was loaded with (null: there was none); another tab's newer save is a conflict.
 */
export async function saveSummaryDraft(
  writer: Extract<SummaryWriter, { kind: "caseworker" }>,
  appointmentId: string,
  points: SummaryPointInput[],
  expectedDraftVersion: number | null,
  now = new Date(),
): Promise<DraftResult> {
  if ((await unknownLinks(writer.participantId, points)).length > 0) return { status: "unknown-item" };
  const database = await db();
  return database.transaction(async (tx) => {
    const summary = await summaryRowFor(tx, writer.participantId, appointmentId);
    if (!summary) return { status: "not_found" } as const;
    const [draft] = await tx.select().from(meetingSummaryDrafts).where(eq(meetingSummaryDrafts.summaryId, summary.id)).for("update");
    if ((draft?.version ?? null) !== expectedDraftVersion) return { status: "conflict" } as const;
    const version = (draft?.version ?? 0) + 1;
    await tx
      .insert(meetingSummaryDrafts)
      .values({ summaryId: summary.id, participantId: writer.participantId, points, version, updatedAt: now, updatedByPersonId: writer.personId })
      .onConflictDoUpdate({ target: meetingSummaryDrafts.summaryId, set: { points, version, updatedAt: now, updatedByPersonId: writer.personId } });
    return { status: "saved", version } as const;
  });
}

export type PublishResult =
  | { status: "published" | "corrected"; summaryId: string; version: number; publishedAt: Date }
  | { status: "stale"; currentVersion: number }
  | { status: "not_found" }
  | { status: "unknown-item"; ids: string[] };

/**
 * Publishes the summary (version 1) or a correction (a new version; the one before is kept as it
 * was, and she sees "Rettet den …"). `expectedVersion` is the version the writer saw (0: none yet);
 * a publication in between is `stale`. The draft is removed. One audit row, and so one event:
 * `summary.published` or `summary.corrected` (migration 0036).
 */
export async function publishSummary(
  writer: SummaryWriter,
  appointmentId: string,
  input: { meetingTitle: string; points: SummaryPointInput[]; correctionNote?: string | null; expectedVersion: number | null },
  now = new Date(),
): Promise<PublishResult> {
  const unknown = await unknownLinks(writer.participantId, input.points);
  if (unknown.length > 0) return { status: "unknown-item", ids: unknown };
  const database = await db();
  const result = await database.transaction(async (tx) => {
    const summary = await summaryRowFor(tx, writer.participantId, appointmentId);
    if (!summary) return { status: "not_found" } as const;
    if (input.expectedVersion !== null && input.expectedVersion !== summary.currentVersion) {
      return { status: "stale", currentVersion: summary.currentVersion } as const;
    }
    const version = summary.currentVersion + 1;
    const before = await tx
      .select({ position: meetingSummaryPoints.position, lineageId: meetingSummaryPoints.lineageId })
      .from(meetingSummaryPoints)
      .where(and(eq(meetingSummaryPoints.summaryId, summary.id), eq(meetingSummaryPoints.version, summary.currentVersion)));
    const lineageAt = new Map(before.map((point) => [point.position, point.lineageId]));
    await tx.insert(meetingSummaryVersions).values({
      summaryId: summary.id,
      participantId: writer.participantId,
      version,
      publishedAt: now,
      publishedByPersonId: writer.kind === "caseworker" ? writer.personId : null,
      publishedByName: writer.name,
      source: writer.kind,
      correctionNote: version > 1 ? input.correctionNote?.trim() || null : null,
    });
    await tx.insert(meetingSummaryPoints).values(
      input.points.map((point, index) => ({
        summaryId: summary.id,
        participantId: writer.participantId,
        version,
        position: index + 1,
        lineageId: lineageAt.get(index + 1) ?? crypto.randomUUID(),
        text: point.text,
        subGoalIds: point.subGoalIds,
        activityIds: point.activityIds,
      })),
    );
    await tx
      .update(meetingSummaries)
      .set({ currentVersion: version, lastPublishedAt: now, firstPublishedAt: summary.firstPublishedAt ?? now })
      .where(eq(meetingSummaries.id, summary.id));
    await tx.delete(meetingSummaryDrafts).where(eq(meetingSummaryDrafts.summaryId, summary.id));
    const what = version === 1 ? "published" : "corrected";
    await recordAudit(tx, {
      actorPersonId: writer.kind === "caseworker" ? writer.personId : null,
      participantId: writer.participantId,
      // The caseworker's: caseworker.summary_* (her own writes are no general event); the case
      // system's: summary.* without a person. Both become the event summary.* (migration 0041).
      action: writer.kind === "caseworker" ? `caseworker.summary_${what}` : `summary.${what}`,
      details: {
        ...(writer.kind === "case_system" ? writer.details : {}),
        summaryId: summary.id,
        appointmentId,
        version,
        points: input.points.length,
      },
      requestId: writer.requestId ?? null,
    });
    return { status: what, summaryId: summary.id, version, publishedAt: now, conversationId: summary.conversationId } as const;
  });
  if (result.status !== "published" && result.status !== "corrected") return result;
  await tellParticipant(writer, appointmentId, result, input, now);
  return { status: result.status, summaryId: result.summaryId, version: result.version, publishedAt: result.publishedAt };
}

/**
 * She is told, as she chose ("Du har en ny besked i Min Vej", the messages and notifications
 * areas, queued with the message and sent after the commit): a message from her caseworker (or
 * "Din sagsbehandler" for the case system) in the conversation about this summary, which is
 * started the first time and where "Jeg husker det anderledes" continues. Written in Danish.
 */
async function tellParticipant(
  writer: SummaryWriter,
  appointmentId: string,
  published: { status: "published" | "corrected"; summaryId: string; conversationId: string | null },
  input: { meetingTitle: string; correctionNote?: string | null },
  now: Date,
) {
  const note = input.correctionNote?.trim();
  const body =
    published.status === "published"
      ? `Referatet af vores møde »${input.meetingTitle}« er klar. Du kan læse det under mødet i Min Vej (Møder, Tidligere møder). Husker du noget anderledes, kan du skrive det ved hvert punkt.`
      : `Jeg har rettet referatet af vores møde »${input.meetingTitle}«.${note ? ` Det blev rettet: ${note}` : ""} Du kan læse det nye under mødet i Min Vej.`;
  const subject = subjectOf(input.meetingTitle);
  let conversationId = published.conversationId;
  if (writer.kind === "case_system") {
    const caseSystem = { details: writer.details, requestId: writer.requestId ?? null };
    const sent = conversationId ? await writeCaseSystemMessage(writer.participantId, conversationId, body, caseSystem, now) : null;
    if (!sent || sent.status !== "sent") {
      const started = await startCaseSystemConversation(writer.participantId, { subject, body, summaryOf: { appointmentId } }, caseSystem, now);
      conversationId = started.status === "sent" ? started.conversationId : null;
    }
  } else {
    const author: Author = { personId: writer.personId, participantId: writer.participantId, role: "caseworker", name: writer.name, requestId: writer.requestId ?? null };
    if (!conversationId) {
      const started = await startConversation(author, { topic: "summary", subject, body: "", submissionId: crypto.randomUUID(), appointmentId }, now);
      conversationId = started.conversationId;
    }
    await writeMessage(author, conversationId, { body, submissionId: crypto.randomUUID() }, now);
  }
  if (conversationId && conversationId !== published.conversationId) {
    const database = await db();
    await database.update(meetingSummaries).set({ conversationId }).where(eq(meetingSummaries.id, published.summaryId));
  }
}

/** A conversation's subject is at most 120 characters (the table says so). */
function subjectOf(meetingTitle: string) {
  const subject = `Referat: ${meetingTitle}`;
  return subject.length <= 120 ? subject : `${subject.slice(0, 119)}…`;
}

export type RecollectionResult = { status: "sent" | "duplicate"; conversationId: string } | { status: "not_found" };

/**
 * "Jeg husker det anderledes" about one point of the current version: her words go into the
 * conversation about this summary (started the first time, continued after), with the point
 * quoted, and are kept with the point so it can say "Du har skrevet, at du husker det anderledes".
 * Written in Danish for the caseworker. The author is the participant or a relative allowed to
 * write (the messages area's Author, from the session).
 */
export async function rememberDifferently(
  author: Author,
  input: { appointmentId: string; meetingTitle: string; pointId: string; body: string; submissionId: string },
  now = new Date(),
): Promise<RecollectionResult> {
  const database = await db();
  const [already] = await database
    .select({ conversationId: summaryRecollections.conversationId })
    .from(summaryRecollections)
    .where(and(eq(summaryRecollections.submissionId, input.submissionId), eq(summaryRecollections.participantId, author.participantId)));
  if (already?.conversationId) return { status: "duplicate", conversationId: already.conversationId };
  const [point] = await database
    .select({
      id: meetingSummaryPoints.id,
      summaryId: meetingSummaryPoints.summaryId,
      position: meetingSummaryPoints.position,
      text: meetingSummaryPoints.text,
      lineageId: meetingSummaryPoints.lineageId,
    })
    .from(meetingSummaryPoints)
    .innerJoin(meetingSummaries, eq(meetingSummaries.id, meetingSummaryPoints.summaryId))
    .where(
      and(
        eq(meetingSummaryPoints.id, input.pointId),
        eq(meetingSummaries.participantId, author.participantId),
        eq(meetingSummaries.appointmentId, input.appointmentId),
        eq(meetingSummaryPoints.version, meetingSummaries.currentVersion),
      ),
    );
  if (!point) return { status: "not_found" };
  const body = `Jeg husker punkt ${point.position} anderledes.\n\nReferatet siger: »${point.text}«\n\nSådan husker jeg det: ${input.body}`;
  // The conversation about this summary: the one her caseworker's notice started, else the one an
  // earlier note started (a summary from before notices), else a new one.
  const [summary] = await database
    .select({ conversationId: meetingSummaries.conversationId })
    .from(meetingSummaries)
    .where(eq(meetingSummaries.id, point.summaryId));
  const [earlier] = await database
    .select({ conversationId: summaryRecollections.conversationId })
    .from(summaryRecollections)
    .where(and(eq(summaryRecollections.summaryId, point.summaryId), isNotNull(summaryRecollections.conversationId)))
    .orderBy(asc(summaryRecollections.createdAt))
    .limit(1);
  let conversationId: string | null = null;
  for (const candidate of [summary?.conversationId, earlier?.conversationId]) {
    if (!candidate || conversationId) continue;
    const written = await writeMessage(author, candidate, { body, submissionId: input.submissionId }, now);
    if (written.status !== "not_found") conversationId = candidate;
  }
  if (!conversationId) {
    const started = await startConversation(
      author,
      { topic: "summary", subject: subjectOf(input.meetingTitle), body, submissionId: input.submissionId, appointmentId: input.appointmentId },
      now,
    );
    conversationId = started.conversationId;
  }
  await database
    .insert(summaryRecollections)
    .values({
      participantId: author.participantId,
      summaryId: point.summaryId,
      pointId: point.id,
      lineageId: point.lineageId,
      conversationId,
      authorPersonId: author.personId,
      authorRole: author.role,
      authorName: author.name,
      body: input.body,
      createdAt: now,
      submissionId: input.submissionId,
    })
    .onConflictDoNothing({ target: summaryRecollections.submissionId });
  await recordAudit(database, {
    actorPersonId: author.personId,
    participantId: author.participantId,
    action: "summary.remembered_differently",
    details: { summaryId: point.summaryId, pointId: point.id, conversationId },
    requestId: author.requestId ?? null,
  });
  return { status: "sent", conversationId };
}
