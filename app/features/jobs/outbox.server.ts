import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { mailOutbox } from "../../../db/schema/jobs";
import { sendMail, type Mail } from "~/features/relatives/index.server";
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
      report[outcome]++;
    }
  }
}

type Claimed = { id: string; idempotencyKey: string; kind: string; payload: Mail | null; attempts: number };

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
        payload: mailOutbox.payload,
        attempts: mailOutbox.attempts,
      });
  });
}

async function deliverOne(row: Claimed, now: () => Date): Promise<"sent" | "retried" | "failed"> {
  const database = await db();
  let error: unknown = null;
  if (row.payload) {
    try {
      await sendMail(row.payload, { messageId: messageIdFor(row.idempotencyKey) });
    } catch (caught) {
      error = caught;
    }
  } else {
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
    logError("mail_send_failed", null, error);
    const code = errorCode(error);
    if (row.attempts >= MAX_ATTEMPTS) {
      await tx
        .update(mailOutbox)
        .set({ failedAt: now(), payload: null, lockedUntil: null, lastError: code })
        .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
      return "failed" as const;
    }
    await tx
      .update(mailOutbox)
      .set({ runAfter: new Date(now().getTime() + retryDelayMs(row.attempts)), lockedUntil: null, lastError: code })
      .where(and(eq(mailOutbox.id, row.id), isNull(mailOutbox.sentAt)));
    return "retried" as const;
  });
}

/** The same Message-ID on every attempt, so a receiving server can also tell a repeat. */
export function messageIdFor(key: string): string {
  return `<${key.replace(/[^A-Za-z0-9.:-]/g, "-")}@minvej.outbox>`;
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

/** For the metrics (server/metrics.js): mail waiting to be sent (due now or for a retry later), and mail given up. */
export async function mailOutboxCounts(): Promise<{ pending: number; givenUp: number }> {
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    const [row] = await tx
      .select({
        pending: sql<number>`(count(*) filter (where ${mailOutbox.sentAt} is null and ${mailOutbox.failedAt} is null))::int`,
        givenUp: sql<number>`(count(*) filter (where ${mailOutbox.failedAt} is not null))::int`,
      })
      .from(mailOutbox);
    return { pending: row?.pending ?? 0, givenUp: row?.givenUp ?? 0 };
  });
}
