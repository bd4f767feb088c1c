import { sql } from "drizzle-orm";
import { check, date, integer, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants } from "./people";

/**
 * "Sådan går det" (issue 22): the participant's own view of how everyday life goes. Words, never
 * numbers: the steps are stored as words too, so no reader (not the caseworker's view either)
 * gets a score to add up. The order is the enum's order, from hard to good.
 */
export const progressLevelEnum = portal.enum("progress_level", ["very_hard", "hard", "mixed", "fairly_good", "good"]);

/** The energy diary's steps, from little to much. */
export const energyLevelEnum = portal.enum("energy_level", ["very_little", "little", "some", "quite_a_lot", "a_lot"]);

/**
 * One answer set per participant and month (`month` is the month's first day, Copenhagen). Every
 * question may be left out. Shared with the caseworker only when she chooses, set by set
 * (`shared_at`); while shared, the caseworker's view shows the set as it is now.
 */
export const progressAnswerSets = portal.table(
  "progress_answer_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    energy: progressLevelEnum("energy"),
    energyNote: text("energy_note"),
    sleep: progressLevelEnum("sleep"),
    sleepNote: text("sleep_note"),
    company: progressLevelEnum("company"),
    companyNote: text("company_note"),
    outdoors: progressLevelEnum("outdoors"),
    outdoorsNote: text("outdoors_note"),
    workBelief: progressLevelEnum("work_belief"),
    workBeliefNote: text("work_belief_note"),
    whatHelps: text("what_helps"),
    somethingElse: text("something_else"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("progress_answer_sets_participant_month").on(t.participantId, t.month),
    check("progress_answer_sets_first_of_month", sql`extract(day from ${t.month}) = 1`),
  ],
);

/** The day of the month she wants a gentle reminder (1-28, so every month has it). */
export const progressSettings = portal.table(
  "progress_settings",
  {
    participantId: uuid("participant_id")
      .primaryKey()
      .references(() => participants.id, { onDelete: "cascade" }),
    reminderDay: smallint("reminder_day").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("progress_settings_reminder_day", sql`${t.reminderDay} between 1 and 28`)],
);

/**
 * Energidagbog: one short record per day. Private: no caseworker view, no relative, no event.
 * `activities` holds keys of app/features/progress/diary.ts (`walk`, `company`, ...).
 */
export const energyDiaryEntries = portal.table(
  "energy_diary_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    energy: energyLevelEnum("energy").notNull(),
    activities: text("activities").array().notNull().default([]),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("energy_diary_entries_participant_day").on(t.participantId, t.day)],
);

/**
 * "Mine tegn og mine strategier": her own warning signs and what helps, as lists in her words.
 * Shared with the caseworker by one switch (`shared_at`); live while shared.
 */
export const progressSigns = portal.table("progress_signs", {
  participantId: uuid("participant_id")
    .primaryKey()
    .references(() => participants.id, { onDelete: "cascade" }),
  warningSigns: text("warning_signs").array().notNull().default([]),
  strategies: text("strategies").array().notNull().default([]),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  sharedAt: timestamp("shared_at", { withTimezone: true }),
});
