import { boolean, date, index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";

/**
 * `awaiting_confirmation`: someone signed in and accepted the invitation, but the participant has
 * not yet seen that account's real name and confirmed it is the person she invited. Grants nothing.
 */
export const grantStatusEnum = portal.enum("grant_status", ["invited", "awaiting_confirmation", "active", "withdrawn", "ended_by_relative"]);

/**
 * Consent for a relative (pårørende) to see chosen parts of the participant's planning,
 * modelled on Digital Fuldmagt: specific scopes, an end date, revocable by either side.
 * "Expired" is derived from `valid_until` on every request, never stored.
 */
export const relativeGrants = portal.table(
  "relative_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** Bound at acceptance to the signed-in person; null while only invited. */
    relativePersonId: uuid("relative_person_id").references(() => persons.id, { onDelete: "cascade" }),
    invitedName: text("invited_name").notNull(),
    invitedEmail: text("invited_email").notNull(),
    relation: text("relation").notNull(),
    /** Any of: plan, appointments, preparation, cv, network. */
    scopes: text("scopes").array().notNull(),
    mayComment: boolean("may_comment").notNull().default(false),
    bisidderAppointmentIds: uuid("bisidder_appointment_ids").array().notNull().default([]),
    validUntil: date("valid_until").notNull(),
    status: grantStatusEnum("status").notNull().default("invited"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    /** The relative (with the appointments scope) wants a copy of the meeting reminders. */
    reminderCopy: boolean("reminder_copy").notNull().default(false),
    /** With the messages scope: the relative may also write in the participant's conversations. */
    mayWriteMessages: boolean("may_write_messages").notNull().default(false),
    /** Optional: only a person with this birth date (verified by MitID) can accept the invitation. */
    boundBirthDate: date("bound_birth_date"),
  },
  (t) => [
    index("relative_grants_participant").on(t.participantId),
    index("relative_grants_relative").on(t.relativePersonId),
  ],
);

/** Single-use invitation link. Only a hash of the token is stored. */
export const invitations = portal.table("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  grantId: uuid("grant_id")
    .notNull()
    .references(() => relativeGrants.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
},
  (t) => [index("invitations_grant").on(t.grantId)],
);
