import { boolean, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";

export const preparationPartEnum = portal.enum("preparation_part", [
  "education_work",
  "resources",
  "challenges",
  "abilities",
  "wishes",
  "network",
  "questions",
  /** "Om mødet": read-only; its row only records that the participant has read it. */
  "about_meeting",
]);
export const preparationStatusEnum = portal.enum("preparation_status", ["not_started", "in_progress", "done"]);

/** One part of "Forbered dit møde". Answers are the participant's own words. */
export const preparationParts = portal.table(
  "preparation_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    part: preparationPartEnum("part").notNull(),
    answers: jsonb("answers").notNull().default({}),
    status: preparationStatusEnum("status").notNull().default("not_started"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Who saved the current answers (the participant, later maybe a relative). */
    updatedByPersonId: uuid("updated_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    /** Set when the participant shares; the caseworker sees `shared_answers`, never the draft. */
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    sharedVersion: integer("shared_version"),
    sharedAnswers: jsonb("shared_answers"),
  },
  (t) => [uniqueIndex("preparation_parts_participant_part").on(t.participantId, t.part)],
);

/** A relative's own remarks on a preparation part ("Jonas' bemærkninger"). */
export const preparationComments = portal.table("preparation_comments", {
  id: uuid("id").primaryKey().defaultRandom(),
  preparationPartId: uuid("preparation_part_id")
    .notNull()
    .references(() => preparationParts.id, { onDelete: "cascade" }),
  authorPersonId: uuid("author_person_id")
    .notNull()
    .references(() => persons.id, { onDelete: "cascade" }),
  body: text("body").notNull(),
  /** The participant decides whether it goes along when sharing with the caseworker. */
  includeWhenShared: boolean("include_when_shared").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
},
  (t) => [index("preparation_comments_part").on(t.preparationPartId)],
);

/**
 * Every time the participant shares a part with the caseworker: which version, what it said, and
 * when. The caseworker can see which version they read. Withdrawing clears `answers` (the
 * caseworker may no longer read it) and sets `withdrawn_at`; the rest stays as a record.
 */
export const preparationShares = portal.table(
  "preparation_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    preparationPartId: uuid("preparation_part_id")
      .notNull()
      .references(() => preparationParts.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    part: preparationPartEnum("part").notNull(),
    version: integer("version").notNull(),
    answers: jsonb("answers"),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
    sharedByPersonId: uuid("shared_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("preparation_shares_participant_part").on(t.participantId, t.part, t.sharedAt),
    index("preparation_shares_part").on(t.preparationPartId),
  ],
);
