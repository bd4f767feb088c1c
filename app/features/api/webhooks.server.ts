import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { ApiClient, ApiWebhook } from "../../../server/api-clients.js";
import { db, type Database, type Transaction } from "../../../db/client";
import { apiWebhookCursors, apiWebhookDeliveries } from "../../../db/schema/api";
import { municipalities } from "~/lib/municipality.server";
import { log } from "../../../server/log.js";
import { logError } from "../../../server/safe-error.js";
import type { ApiCaller } from "./auth.server";
import { apiSettings } from "./handler.server";
import { eventOf } from "./present.server";
import { caseSystemScope, eventsAfter } from "./queries.server";
import { signWebhook } from "./webhook-signature";
import { forgetOldIdempotencyKeys } from "./write.server";

/**
 * Signed webhooks (Standard Webhooks) of the change feed, through the job worker (app/features/jobs
 * calls `runApiJobs` in every pass; docs/decisions/0023). For each client with a `webhook` in
 * API_CLIENTS_FILE:
 *
 * 1. Queue: the settled events of its municipality after its cursor (the feed's own order, as
 *    GET /events reads it, from the feed's start) become delivery rows, unique per (client,
 *    event), and the cursor moves on, in one transaction under a row lock on the cursor: two workers
 *    or a restart never queue an event twice, and none is skipped.
 * 2. Deliver: due rows are claimed (`FOR UPDATE SKIP LOCKED`, and a claim that runs out after the
 *    client's timeout and a margin, so a worker that died mid-delivery leaves it to the next),
 *    POSTed signed outside any transaction, then marked delivered (a 2xx), or retried later with
 *    backoff, or given up after MAX_ATTEMPTS (the dead letter: `failed_at`, and a warning in the
 *    log with the row's id, never the payload).
 *
 * At least once: a delivery cut off after the receiver got it (the process stopped) is sent again,
 * with the same `webhook-id`, which the receiver uses to drop the repeat.
 */

/** Attempts before a delivery is given up (then `failed_at` says so). */
export const MAX_WEBHOOK_ATTEMPTS = 8;
/** Wait after the n-th failed attempt: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h. */
export function webhookRetryDelayMs(attempt: number): number {
  const schedule = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000];
  return schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1]!;
}
/** Added to the client's timeout for how long a claim holds. */
const CLAIM_MARGIN_MS = 5_000;
/** Events turned into deliveries per client per pass. */
const QUEUE_BATCH = 200;
const KEY_RETENTION_EVERY_MS = 60 * 60_000;

async function asWorker(tx: Transaction | Database) {
  await tx.execute(sql`select set_config('minvej.job_worker', 'on', true)`);
}

function callerOf(client: ApiClient): ApiCaller | null {
  const all = municipalities();
  const municipality = all.find((entry) => entry.id === client.municipality);
  if (!municipality) return null;
  return { client, municipality, defaultMunicipality: all[0]!, scopes: new Set(client.scopes) };
}

/** The webhook payload (Standard Webhooks' envelope): the event as GET /events shows it. */
export function webhookPayload(event: ReturnType<typeof eventOf>) {
  return { type: event.kind, timestamp: event.occurredAt, data: event };
}

/** Step 1 for one client: its new events become deliveries. Returns how many were queued. */
export async function queueWebhookDeliveries(client: ApiClient): Promise<number> {
  const caller = callerOf(client);
  if (!caller || !client.webhook) return 0;
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    await caseSystemScope(caller, tx);
    await tx.insert(apiWebhookCursors).values({ clientId: client.clientId }).onConflictDoNothing();
    const [cursor] = await tx.select().from(apiWebhookCursors).where(eq(apiWebhookCursors.clientId, client.clientId)).for("update");
    const rows = await eventsAfter(caller, { position: cursor!.position, id: cursor!.eventId }, QUEUE_BATCH, tx as unknown as Database);
    const page = rows.slice(0, QUEUE_BATCH);
    if (page.length === 0) return 0;
    const inserted = await tx
      .insert(apiWebhookDeliveries)
      .values(
        page.map((row) => ({
          clientId: client.clientId,
          eventId: row.id,
          participantId: row.participantId,
          payload: webhookPayload(eventOf(row)),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: apiWebhookDeliveries.id });
    const last = page.at(-1)!;
    await tx
      .update(apiWebhookCursors)
      .set({ position: last.transactionPosition, eventId: last.id, updatedAt: sql`now()` })
      .where(eq(apiWebhookCursors.clientId, client.clientId));
    return inserted.length;
  });
}

type Claimed = typeof apiWebhookDeliveries.$inferSelect;

async function claimDue(at: Date, clients: Map<string, ApiWebhook>, batch: number): Promise<Claimed[]> {
  const ids = [...clients.keys()];
  if (ids.length === 0) return [];
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    const due = await tx
      .select({ id: apiWebhookDeliveries.id, clientId: apiWebhookDeliveries.clientId })
      .from(apiWebhookDeliveries)
      .where(
        and(
          inArray(apiWebhookDeliveries.clientId, ids),
          isNull(apiWebhookDeliveries.deliveredAt),
          isNull(apiWebhookDeliveries.failedAt),
          lte(apiWebhookDeliveries.runAfter, at),
          or(isNull(apiWebhookDeliveries.lockedUntil), lte(apiWebhookDeliveries.lockedUntil, at)),
        ),
      )
      .orderBy(asc(apiWebhookDeliveries.runAfter), asc(apiWebhookDeliveries.eventId))
      .limit(batch)
      .for("update", { skipLocked: true });
    const claimed: Claimed[] = [];
    for (const row of due) {
      const holdMs = (clients.get(row.clientId)?.timeoutMs ?? 10_000) + CLAIM_MARGIN_MS;
      const [updated] = await tx
        .update(apiWebhookDeliveries)
        .set({ attempts: sql`${apiWebhookDeliveries.attempts} + 1`, lockedUntil: new Date(at.getTime() + holdMs) })
        .where(eq(apiWebhookDeliveries.id, row.id))
        .returning();
      if (updated) claimed.push(updated);
    }
    return claimed;
  });
}

/** One attempt: the signed POST. Resolves with null on a 2xx, else a short reason (a status, an error code). */
async function send(webhook: ApiWebhook, row: Claimed, now: Date): Promise<string | null> {
  const body = JSON.stringify(row.payload);
  const id = `evt_${row.eventId}`;
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(webhook.timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "MinVej-Webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(webhook.key, id, timestamp, body),
      },
      body,
    });
    await response.body?.cancel();
    return response.status >= 200 && response.status < 300 ? null : `HTTP_${response.status}`;
  } catch (error) {
    const name = error instanceof Error ? (error.name === "TimeoutError" ? "TIMEOUT" : ((error.cause as { code?: string } | undefined)?.code ?? error.name)) : "UNKNOWN";
    return /^[A-Za-z0-9_]{1,40}$/.test(name) ? name : "UNKNOWN";
  }
}

export interface WebhookReport {
  queued: number;
  delivered: number;
  retried: number;
  failed: number;
}

/** Step 2: delivers every due delivery, `batch` at a time, until none is due. */
export async function deliverDueWebhooks(options: { now?: () => Date; batch?: number } = {}): Promise<WebhookReport> {
  const now = options.now ?? (() => new Date());
  const report: WebhookReport = { queued: 0, delivered: 0, retried: 0, failed: 0 };
  const settings = apiSettings();
  const webhooks = new Map((settings?.clients ?? []).flatMap((client) => (client.webhook ? [[client.clientId, client.webhook] as const] : [])));
  for (;;) {
    const claimed = await claimDue(now(), webhooks, options.batch ?? 10);
    if (claimed.length === 0) return report;
    await Promise.all(
      claimed.map(async (row) => {
        const reason = await send(webhooks.get(row.clientId)!, row, now());
        const outcome = await settle(row, reason, now());
        report[outcome] += 1;
      }),
    );
  }
}

async function settle(row: Claimed, reason: string | null, at: Date): Promise<"delivered" | "retried" | "failed"> {
  const database = await db();
  return database.transaction(async (tx) => {
    await asWorker(tx);
    const open = and(eq(apiWebhookDeliveries.id, row.id), isNull(apiWebhookDeliveries.deliveredAt), isNull(apiWebhookDeliveries.failedAt));
    if (reason === null) {
      await tx.update(apiWebhookDeliveries).set({ deliveredAt: at, lockedUntil: null, lastError: null }).where(open);
      return "delivered" as const;
    }
    if (row.attempts >= MAX_WEBHOOK_ATTEMPTS) {
      await tx.update(apiWebhookDeliveries).set({ failedAt: at, lockedUntil: null, lastError: reason }).where(open);
      // The dead letter, for the operator: which row, which client, why. Never the payload.
      log.warn(
        { event: "webhook_given_up", deliveryId: row.id, client: row.clientId, eventId: row.eventId, attempts: row.attempts, code: reason },
        "A webhook delivery was given up after its last attempt.",
      );
      return "failed" as const;
    }
    await tx
      .update(apiWebhookDeliveries)
      .set({ runAfter: new Date(at.getTime() + webhookRetryDelayMs(row.attempts)), lockedUntil: null, lastError: reason })
      .where(open);
    return "retried" as const;
  });
}

let lastKeyRetention = 0;

/**
 * The API's part of the job worker's pass: queue and deliver webhooks, and (hourly) forget
 * idempotency keys older than 24 hours. Nothing while the API is off.
 */
export async function runApiJobs(options: { now?: () => Date } = {}): Promise<WebhookReport | null> {
  const settings = apiSettings();
  if (!settings) return null;
  let queued = 0;
  for (const client of settings.clients) {
    if (!client.webhook) continue;
    try {
      queued += await queueWebhookDeliveries(client);
    } catch (error) {
      logError("webhook_queue_failed", null, error);
    }
  }
  const report = await deliverDueWebhooks(options);
  if (Date.now() - lastKeyRetention >= KEY_RETENTION_EVERY_MS) {
    lastKeyRetention = Date.now();
    await forgetOldIdempotencyKeys();
  }
  return { ...report, queued };
}
