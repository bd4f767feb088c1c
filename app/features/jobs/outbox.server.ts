import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { mailOutbox } from "../../../db/schema/jobs";
import { prepareNotification, sendSms, smsReference } from "~/features/notifications/index.server";
import { sendMail, type Mail } from "~/features/relatives/index.server";
import { log } from "../../../server/log.js";
import { logError } from "../../../server/safe-error.js";

/**
 * The mail outbox (docs/decisions/0014-job-queue.md). A business operation calls `queueMail`
 * with its own transaction, so the mail exists exactly when the change commits; the job worker
 * (`worker.server.ts`) calls `deliverDueMail` after the commit and on its poll, and the request
 * never waits for an SMTP server.
 */

/** Attempts before a mail is given up (then its payload is wiped and the row says so). */
export const MAX_ATTEMPTS = 5;
/** How long a worker may hold a claimed mail: well above nodemailer's timeouts (mail.server.ts). */
export const CLAIM_MS = 2 * 60_000;
/** Wait after the n-th failed attempt: 30 s, 2 min, 8 min, 32 min. */
export function retryDelayMs(attempt: number): number {
  return 30_000 * 4 ** Math.max(0, attempt - 1);
}

export interface QueuedMail {
  /** What the mail is for, unique for good: the same key is never queued (or sent) twice. */
  key: string;
  kind: string;
  grantId?: string;
  mail: Mail;
}

/**
 * Writes the mail into the caller's transaction. The key is unique (an invitation row's id), so a
 * second mail with the same key fails the transaction. A plain insert on purpose: under row-level
 * security `ON CONFLICT DO NOTHING` must also see the row, which a person's request may not
 * (migration 0011), so Postgres refuses it.
 */
export async function queueMail(tx: Transaction, queued: QueuedMail, now = new Date()) {
  await tx
    .insert(mailOutbox)
    .values({ idempotencyKey: queued.key, kind: queued.kind, grantId: queued.grantId ?? null, payload: queued.mail, runAfter: now, createdAt: now });
}

/** What the outbox carries: an e-mail (to, subject, text, html) or an SMS (to, text). */
export type OutboxChannel = "email" | "sms";
export type OutboxPayload = { to: string; subject?: string; text: string; html?: string };

/**
 * A notification (app/features/notifications): a reminder or "Du har en ny besked", by e-mail or
 * SMS, about a participant. Its key names the event, the person and the channel, so the same
 * notification is never queued twice.
 */
export interface QueuedNotice {
  key: string;
  kind: string;
  channel: OutboxChannel;
  participantId: string | null;
  payload: OutboxPayload;
  /** Not before: the end of the person's quiet hours, or now. */
  runAfter: Date;
}

function noticeValues(notice: QueuedNotice, now: Date) {
  return {
    idempotencyKey: notice.key,
    kind: notice.kind,
    channel: notice.channel,
    participantId: notice.participantId,
    payload: notice.payload,
    runAfter: notice.runAfter,
    createdAt: now,
  };
}

/**
 * Writes a notification into the caller's transaction (a participant's or caseworker's request:
 * row-level security lets them insert a row about a participant they may converse with). Queued
 * already under the same key: nothing happens and the caller's transaction goes on (a savepoint
 * takes the unique violation: under row-level security ON CONFLICT DO NOTHING is refused, see
 * queueMail). Returns whether a row was written.
 */
export async function queueNotice(tx: Transaction, notice: QueuedNotice, now = new Date()): Promise<boolean> {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.insert(mailOutbox).values(noticeValues(notice, now));
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/**
 * The worker queues notifications it found due (the reminders pass) in a transaction of its own:
 * rows whose key is queued already are left as they are (sent, waiting, dropped). Returns how
 * many were new. Two workers finding the same reminder at once write it once.
 */
export async function queueNoticesAsWorker(notices: QueuedNotice[], now = new Date()): Promise<number> {
  if (notices.length === 0) return 0;
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    const inserted = await tx
      .insert(mailOutbox)
      .values(notices.map((notice) => noticeValues(notice, now)))
      .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
      .returning({ id: mailOutbox.id });
    return inserted.length;
  });
}

/**
 * The worker's transactions say so: row-level security (migration 0011) lets a connection that
 * is not acting for a person read and update the outbox only then. It guards against a forgotten
 * filter in a person's request, not against the portal's own role.
 */
async function asWorker(tx: Transaction) {
  await tx.execute(sql`select set_config('minvej.job_worker', 'on', true)`);
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** Notifications no longer wanted (the meeting moved, was cancelled or started; turned off). Only when there were some. */
  dropped?: number;
  /** Notifications whose person's quiet hours began after they were queued: they wait. Only when there were some. */
  deferred?: number;
}

/**
 * Sends every mail that is due, oldest first, `batch` at a time, until none is due. Each mail is
 * claimed in a short transaction (`FOR UPDATE SKIP LOCKED` and a time-limited claim, so several
 * workers never take the same row), sent outside any transaction, and then marked sent (its
 * payload wiped) or given a later `run_after`. A mail marked sent is never sent again.
 */
export async function deliverDueMail(options: { now?: () => Date; batch?: number } = {}): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDue(now(), options.batch ?? 10);
    if (claimed.length === 0) return report;
    for (const row of claimed) {
      const outcome = await deliverOne(row, now);
      report[outcome] = (report[outcome] ?? 0) + 1;
    }
  }
}

type Claimed = { id: string; idempotencyKey: string; kind: string; channel: string; payload: OutboxPayload | null; attempts: number };

async function claimDue(at: Date, batch: number): Promise<Claimed[]> {
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          isNull(mailOutbox.sentAt),
          isNull(mailOutbox.failedAt),
          isNull(mailOutbox.droppedAt),
          lte(mailOutbox.runAfter, at),
          or(isNull(mailOutbox.lockedUntil), lte(mailOutbox.lockedUntil, at)),
        ),
      )
      .orderBy(asc(mailOutbox.runAfter))
      .limit(batch)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(mailOutbox)
      .set({ attempts: sql`${mailOutbox.attempts} + 1`, lockedUntil: new Date(at.getTime() + CLAIM_MS) })
      .where(inArray(mailOutbox.id, due.map((row) => row.id)))
      .returning({
        id: mailOutbox.id,
        idempotencyKey: mailOutbox.idempotencyKey,
        kind: mailOutbox.kind,
        channel: mailOutbox.channel,
        payload: mailOutbox.payload,
        attempts: mailOutbox.attempts,
      });
  });
}

async function deliverOne(row: Claimed, now: () => Date): Promise<"sent" | "retried" | "failed" | "dropped" | "deferred"> {
  const database = await db();
  let error: unknown = null;
  let payload = row.payload;
  try {
    // A notification is asked once more, as it leaves: still wanted, not in quiet hours, to
    // the address the person has now, in words as of now (app/features/notifications).
    const prepared = await prepareNotification({ key: row.idempotencyKey, kind: row.kind, channel: row.channel, payload }, now());
    if (prepared.action === "drop") {
      await markClaimed(row.id, { droppedAt: now() });
      return "dropped";
    }
    // Waiting for quiet hours to end is not an attempt: the claim's count is given back.
    if (prepared.action === "defer") {
      await markClaimed(row.id, { runAfter: prepared.until, giveBackAttempt: true });
      return "deferred";
    }
    payload = prepared.payload;
  } catch (caught) {
    error = caught;
  }
  if (!error && payload) {
    try {
      if (row.channel === "sms") await sendSms({ to: payload.to, text: payload.text }, { reference: smsReference(row.idempotencyKey) });
      else await sendMail(payload as Mail, { messageId: messageIdFor(row.idempotencyKey) });
    } catch (caught) {
      error = caught;
    }
  } else if (!error) {
    error = new Error("mail without payload");
  }
  return database.transaction(async (tx) => {
    await asWorker(tx);
    if (!error) {
      await tx
        .update(mailOutbox)
        .set({ sentAt: now(), payload: null, lockedUntil: null, lastError: null })
        .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
      return "sent" as const;
    }
    // Logged by code and kind, never with the address or the server's message.
    logError(row.channel === "sms" ? "sms_send_failed" : "mail_send_failed", null, error);
    const code = errorCode(error);
    if (row.attempts >= MAX_ATTEMPTS) {
      await tx
        .update(mailOutbox)
        .set({ failedAt: now(), payload: null, lockedUntil: null, lastError: code })
        .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
      // The dead letter, for the operator: which row, what kind, which channel, why. No address, no
      // key (it names people), no content: the row's id finds the rest in the database.
      log.warn(
        { event: "outbox_given_up", outboxId: row.id, kind: row.kind, channel: row.channel, attempts: row.attempts, code },
        "An outbox message was given up after its last attempt.",
      );
      return "failed" as const;
    }
    await tx
      .update(mailOutbox)
      .set({ runAfter: new Date(now().getTime() + retryDelayMs(row.attempts)), lockedUntil: null, lastError: code })
      .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
    return "retried" as const;
  });
}

/** Updates a claimed row that ends without a send (dropped) or waits again (deferred). */
async function markClaimed(id: string, values: { droppedAt?: Date; runAfter?: Date; payload?: null; giveBackAttempt?: boolean }) {
  const database = await db();
  await database.transaction(async (tx) => {
    await asWorker(tx);
    await tx
      .update(mailOutbox)
      .set({
        lockedUntil: null,
        ...(values.droppedAt ? { droppedAt: values.droppedAt, payload: null } : {}),
        ...(values.runAfter ? { runAfter: values.runAfter } : {}),
        ...(values.giveBackAttempt ? { attempts: sql`greatest(${mailOutbox.attempts} - 1, 0)` } : {}),
      })
      .where(and(eq(mailOutbox.id, id), isNull(mailOutbox.sentAt)));
  });
}

/**
 * The same Message-ID on every attempt, so a receiving server can also tell a repeat. An
 * invitation's key is its link's id; a notification's key names people and meetings, so its
 * Message-ID is the key's hash.
 */
export function messageIdFor(key: string): string {
  if (key.startsWith("invitation:")) return `<${key.replace(/[^A-Za-z0-9.:-]/g, "-")}@minvej.outbox>`;
  return `<n-${createHash("sha256").update(key).digest("hex").slice(0, 32)}@minvej.outbox>`;
}

/** An SMTP response code or a Node error code, nothing a server wrote. */
function errorCode(error: unknown): string {
  if (error && typeof error === "object") {
    const { responseCode, code, name } = error as { responseCode?: unknown; code?: unknown; name?: unknown };
    if (typeof responseCode === "number") return `SMTP_${responseCode}`;
    if (typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
    if (typeof name === "string" && /^[A-Za-z]{1,40}$/.test(name)) return name;
  }
  return "UNKNOWN";
}

export const OUTBOX_CHANNELS = ["email", "sms"] as const;
/**
 * An outbox row's state: `queued` (not tried yet, or waiting for quiet hours to end), `retrying`
 * (an attempt failed; another is due), `sent`, `dropped` (no longer wanted) and `given_up` (the
 * dead letter: failed after the last attempt). Sent, dropped and given-up rows are counted until
 * the retention job deletes them (30 days).
 */
export const OUTBOX_STATES = ["queued", "retrying", "sent", "dropped", "given_up"] as const;
export type OutboxCount = { channel: (typeof OUTBOX_CHANNELS)[number]; state: (typeof OUTBOX_STATES)[number]; count: number };

/**
 * For the metrics (server/metrics.js): mail and SMS waiting to be sent (due now or for a retry
 * later) and given up, in all, and every channel's rows by state (`minvej_outbox_messages`).
 */
export async function mailOutboxCounts(): Promise<{ pending: number; givenUp: number; byChannel: OutboxCount[] }> {
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    const state = sql<string>`case
      when ${mailOutbox.sentAt} is not null then 'sent'
      when ${mailOutbox.failedAt} is not null then 'given_up'
      when ${mailOutbox.droppedAt} is not null then 'dropped'
      when ${mailOutbox.lastError} is not null then 'retrying'
      else 'queued' end`;
    const rows = await tx
      .select({ channel: mailOutbox.channel, state, count: sql<number>`count(*)::int` })
      .from(mailOutbox)
      .groupBy(mailOutbox.channel, state);
    const byChannel: OutboxCount[] = OUTBOX_CHANNELS.flatMap((channel) =>
      OUTBOX_STATES.map((name) => ({
        channel,
        state: name,
        count: Number(rows.find((row) => row.channel === channel && row.state === name)?.count ?? 0),
      })),
    );
    const total = (states: string[]) => byChannel.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + row.count, 0);
    return { pending: total(["queued", "retrying"]), givenUp: total(["given_up"]), byChannel };
  });
}
