import { boolean, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants } from "./people";

export const appointmentKindEnum = portal.enum("appointment_kind", [
  "rehabiliteringsteam",
  /** A talk about the samlet beskrivelse, in a municipality without a team (since 2026). */
  "samlet_beskrivelse",
  "samtale",
  "mentor",
  "rundbordssamtale",
  "kursus",
  "praktikstart",
  "other",
]);
export const appointmentModeEnum = portal.enum("appointment_mode", ["in_person", "phone", "video"]);
export const appointmentStatusEnum = portal.enum("appointment_status", [
  "planned",
  "moved",
  "cancelled",
  "held",
]);

/** A meeting ("møde") in the participant's programme. Written by the jobcentre side. */
export const appointments = portal.table(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    kind: appointmentKindEnum("kind").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    mode: appointmentModeEnum("mode").notNull().default("in_person"),
    placeName: text("place_name"),
    address: text("address"),
    directions: text("directions"),
    /** For phone meetings: who calls whom, in plain words. */
    phoneNote: text("phone_note"),
    videoNote: text("video_note"),
    bringItems: text("bring_items").array().notNull().default([]),
    supportPersonAllowed: boolean("support_person_allowed").notNull().default(true),
    afterwards: text("afterwards"),
    status: appointmentStatusEnum("status").notNull().default("planned"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The iCalendar SEQUENCE and LAST-MODIFIED: raised by a trigger (migration 0017) whenever
     * something a calendar shows changes, whoever writes the row. Not written by hand.
     */
    sequence: integer("sequence").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointments_participant_starts").on(t.participantId, t.startsAt)],
);

export const appointmentAttendees = portal.table(
  "appointment_attendees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Role in plain words: "Din koordinerende sagsbehandler". */
    roleText: text("role_text").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("appointment_attendees_appointment").on(t.appointmentId)],
);

/** The participant's own notes and questions for a meeting. */
export const appointmentPreparations = portal.table("appointment_preparations", {
  appointmentId: uuid("appointment_id")
    .primaryKey()
    .references(() => appointments.id, { onDelete: "cascade" }),
  notes: text("notes"),
  questions: text("questions"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** "Jeg kan ikke komme": recorded for the caseworker; nothing is cancelled automatically. */
export const absenceNotices = portal.table(
  "absence_notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    wishForNewTime: text("wish_for_new_time"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("absence_notices_appointment").on(t.appointmentId)],
);

/** Secret, revocable calendar feed. Only a hash of the token is stored. */
export const calendarFeeds = portal.table("calendar_feeds", {
  id: uuid("id").primaryKey().defaultRandom(),
  participantId: uuid("participant_id")
    .notNull()
    .references(() => participants.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
},
  (t) => [index("calendar_feeds_participant").on(t.participantId)],
);
