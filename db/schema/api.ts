import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants } from "./people";

/**
 * The API for case systems (/api/v1, app/features/api), its writes and webhooks (issue 20,
 * migration 0030). Row-level security: an idempotency key is seen only by its own client
 * (`minvej.api_client`, set after the token is verified); the webhook tables only by the job
 * worker (`minvej.job_worker`).
 */

/**
 * `Idempotency-Key` of a POST or PUT, per client, kept 24 hours: the same key with the same request
 * answers the first response again (status, body, ETag, Location) without a second write; the
 * same key with another request is refused (422). The row is written in the write's own
 * transaction, so a key exists exactly when its write committed. `fingerprint` is the SHA-256 of
 * the method, path, If-Match and the body as canonical JSON. `response` holds what was answered
 * (never a CPR number: no answer has one).
 */
export const apiIdempotencyKeys = portal.table(
  "api_idempotency_keys",
  {
    clientId: text("client_id").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").$type<{ body: unknown; headers: Record<string, string> }>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.key] }), index("api_idempotency_keys_created").on(t.createdAt)],
);

/**
 * Where each client's webhook stands in the change feed (caseworker.events): the last event
 * (transaction position and id, the feed's own order) already turned into deliveries.
 */
export const apiWebhookCursors = portal.table("api_webhook_cursors", {
  clientId: text("client_id").primaryKey(),
  position: bigint("position", { mode: "bigint" }).notNull().default(sql`0`),
  eventId: bigint("event_id", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One signed webhook delivery of one event to one client: unique per (client, event), so an event
 * is queued once per client however often the feed is read. Sent by the job worker with retries and
 * backoff; `delivered_at` once the receiver answered 2xx; `failed_at` is the dead letter (given up
 * after the last attempt). `payload` is the event as the API shows it (ids and names, never free
 * text a person wrote); `last_error` is an HTTP status or an error code, never the receiver's words.
 */
export const apiWebhookDeliveries = portal.table(
  "api_webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("api_webhook_deliveries_client_event").on(t.clientId, t.eventId),
    index("api_webhook_deliveries_due").on(t.runAfter).where(sql`delivered_at is null and failed_at is null`),
    index("api_webhook_deliveries_participant").on(t.participantId),
  ],
);
