import { bigserial, index, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";

/** Server-side sign-in sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const authSessions = portal.table(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("auth_sessions_person").on(t.personId)],
);

/**
 * Append-only record of who did or saw what. Written in the same transaction as the change.
 * `details` never holds free text the participant wrote, nor a CPR number.
 */
export const auditEvents = portal.table(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid("actor_person_id").references(() => persons.id, { onDelete: "set null" }),
    /** The participant whose data this concerns, if any. */
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    details: jsonb("details").notNull().default({}),
    requestId: text("request_id"),
  },
  (t) => [index("audit_events_participant_time").on(t.participantId, t.occurredAt)],
);
