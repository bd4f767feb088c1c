import { boolean, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants } from "./people";

export const cvEntryKindEnum = portal.enum("cv_entry_kind", [
  "work",
  "education",
  "course",
  "volunteering",
  "skill",
  "language",
  "it_skill",
  "driving_licence",
]);

/** A skill is professional (fagligt) or personal (personligt); other kinds leave it empty. */
export const cvSkillCategoryEnum = portal.enum("cv_skill_category", ["professional", "personal"]);

/** The CV's single-valued parts and what the participant chooses to show. */
export const cvProfiles = portal.table("cv_profiles", {
  participantId: uuid("participant_id")
    .primaryKey()
    .references(() => participants.id, { onDelete: "cascade" }),
  summary: text("summary"),
  /** Which contact details appear on the printed CV, e.g. {"address": false}. */
  contactVisibility: jsonb("contact_visibility").notNull().default({}),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** "Del med min sagsbehandler": when the participant last shared the CV and work wishes. */
  sharedAt: timestamp("shared_at", { withTimezone: true }),
  /** Address or town as the participant wants it on the CV (the portal holds no address of its own). */
  address: text("address"),
  /**
   * What the caseworker sees, frozen at `shared_at` (`app/features/cv/snapshot.ts`): name, the
   * contact details the participant shows, "Kort om mig", the entries, work wishes with
   * skånehensyn and task suggestions. The caseworker views read only this, never the live CV.
   */
  sharedSnapshot: jsonb("shared_snapshot"),
});

/** One line of the CV: a job, an education, a skill, a language... Details vary by kind. */
export const cvEntries = portal.table(
  "cv_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    kind: cvEntryKindEnum("kind").notNull(),
    title: text("title").notNull(),
    organisation: text("organisation"),
    /** Partial dates allowed: "2019", "2019-03". */
    fromText: text("from_text"),
    toText: text("to_text"),
    isOngoing: boolean("is_ongoing").notNull().default(false),
    details: text("details"),
    level: text("level"),
    /** Skills only: professional or personal. */
    category: cvSkillCategoryEnum("category"),
    sortOrder: integer("sort_order").notNull().default(0),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic lock: an edit posts the version it was loaded with. */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** One-time id from the "new entry" form: a double submit stores one row. */
    submissionId: uuid("submission_id"),
  },
  (t) => [
    index("cv_entries_participant_kind").on(t.participantId, t.kind),
    uniqueIndex("cv_entries_submission_id").on(t.submissionId),
  ],
);

/** Jobønsker: what work the participant wishes for and what must be taken into account. */
export const workWishes = portal.table("work_wishes", {
  participantId: uuid("participant_id")
    .primaryKey()
    .references(() => participants.id, { onDelete: "cascade" }),
  fields: text("fields").array().notNull().default([]),
  /** Hours per week: one number, or the lower end of a range ("10-15"); null with only an upper limit ("op til 20"). */
  hoursPerWeek: integer("hours_per_week"),
  /** The upper end of a range ("10-15", "op til 20"); null when one number was given. */
  hoursPerWeekMax: integer("hours_per_week_max"),
  maxCommuteMinutes: integer("max_commute_minutes"),
  areas: text("areas"),
  /** Skånehensyn. Shown to the caseworker; printed on the CV only if the participant chooses. */
  accommodations: text("accommodations"),
  showAccommodationsOnCv: boolean("show_accommodations_on_cv").notNull().default(false),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Concrete work tasks that could suit the participant; shared by the CV and the preparation. */
export const taskSuggestions = portal.table(
  "task_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_suggestions_participant").on(t.participantId)],
);
