import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { relativeGrants } from "./relatives";
import { participants } from "./people";

/**
 * The mail outbox (docs/decisions/0014-job-queue.md): a row is written in the same
 * transaction as the business change that wants the mail (a rolled-back invitation leaves no row),
 * and the job worker sends it after the commit, with bounded retries and backoff.
 *
 * `idempotency_key` names what the mail is for (e.g. `invitation:<invitations.id>`): the same mail
 * is never queued twice, and a row with `sent_at` is never sent again. `payload` (to, subject,
 * text, html: it holds a live invitation link) is wiped as soon as the mail is sent or given up.
 * `last_error` is a code (an SMTP response code or an error name), never a server's message, which
 * may repeat the address.
 */
export const mailOutbox = portal.table(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind").notNull(),
    /** `email` (payload: to, subject, text, html) or `sms` (payload: to, text). */
    channel: text("channel").notNull().default("email"),
    /** The participant a notification is about: lets her side and her caseworker queue it. */
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    /** The grant the mail is about: row-level security lets its participant write the row. */
    grantId: uuid("grant_id").references(() => relativeGrants.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<{ to: string; subject?: string; text: string; html?: string } | null>(),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    /** A worker that claimed the row holds it until then (a crashed worker's claim runs out). */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Given up after the last attempt. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /**
     * Not sent on purpose, and never will be: a reminder whose meeting has started, was moved or
     * cancelled, or that its person no longer wants (app/features/notifications). Not a failure.
     */
    droppedAt: timestamp("dropped_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mail_outbox_due").on(t.runAfter).where(sql`sent_at is null and failed_at is null and dropped_at is null`),
    check("mail_outbox_channel", sql`${t.channel} in ('email', 'sms')`),
  ],
);
