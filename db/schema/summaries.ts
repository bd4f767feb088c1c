import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";
import { appointments } from "./appointments";
import { authorRoleEnum } from "./plan";
import { conversations } from "./messages";

/**
 * "Referat efter samtalen" (issue 22): after a meeting the coordinating caseworker writes "Det
 * aftalte vi" as a few numbered points, each optionally linked to the plan items it changed. A
 * draft is hers alone; a publication is a version that is never rewritten: a correction is a new
 * version ("rettet den …"). The participant answers a point with "Jeg husker det anderledes",
 * which opens a conversation with her caseworker (the messages area).
 */
export const summarySourceEnum = portal.enum("summary_source", ["caseworker", "case_system"]);

/** At most this many characters in one point. */
export const SUMMARY_POINT_MAX_LENGTH = 600;
/** At most this many points in one summary. */
export const SUMMARY_MAX_POINTS = 12;

/** One summary per meeting: which version she sees now (0 while only a draft exists). */
export const meetingSummaries = portal.table(
  "meeting_summaries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    appointmentId: uuid("appointment_id")
      .notNull()
      .unique()
      .references(() => appointments.id, { onDelete: "cascade" }),
    /** The newest published version; 0 until the first publication. */
    currentVersion: integer("current_version").notNull().default(0),
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    lastPublishedAt: timestamp("last_published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The conversation about this summary: her caseworker's "the summary is ready" (which tells her
     * as she chose), then "Jeg husker det anderledes" and the answers (migration 0038).
     */
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
  },
  (t) => [index("meeting_summaries_participant").on(t.participantId), index("meeting_summaries_conversation").on(t.conversationId)],
);

/**
 * The caseworker's working copy (never shown to the participant or a relative; row-level security
 * lets only her coordinating caseworker read it). `points`: `{ text, subGoalIds, activityIds }[]`.
 * `version` is the optimistic lock of the form.
 */
export const meetingSummaryDrafts = portal.table("meeting_summary_drafts", {
  summaryId: uuid("summary_id")
    .primaryKey()
    .references(() => meetingSummaries.id, { onDelete: "cascade" }),
  participantId: uuid("participant_id")
    .notNull()
    .references(() => participants.id, { onDelete: "cascade" }),
  points: jsonb("points").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedByPersonId: uuid("updated_by_person_id").references(() => persons.id, { onDelete: "set null" }),
});

/** Each publication: version 1 is the first, each later one a correction. Never changed. */
export const meetingSummaryVersions = portal.table(
  "meeting_summary_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => meetingSummaries.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedByPersonId: uuid("published_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    /** The caseworker's name as it was, or "Din sagsbehandler" for the case system. */
    publishedByName: text("published_by_name").notNull(),
    source: summarySourceEnum("source").notNull(),
    /** What was corrected, in a few words (versions after the first); null if not said. */
    correctionNote: text("correction_note"),
  },
  (t) => [
    uniqueIndex("meeting_summary_versions_summary_version").on(t.summaryId, t.version),
    index("meeting_summary_versions_participant").on(t.participantId),
    check("meeting_summary_versions_note_length", sql`char_length(${t.correctionNote}) <= 300`),
  ],
);

/**
 * One numbered point of one published version. `lineage_id` is kept from the point at the same
 * place in the version before, so "Du har skrevet, at du husker det anderledes" follows a point
 * through a correction. The linked plan items are ids of the participant's sub-goals and
 * activities, checked when written; one that is gone later is simply not shown.
 */
export const meetingSummaryPoints = portal.table(
  "meeting_summary_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => meetingSummaries.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    position: integer("position").notNull(),
    lineageId: uuid("lineage_id").notNull(),
    text: text("text").notNull(),
    subGoalIds: uuid("sub_goal_ids").array().notNull().default(sql`'{}'::uuid[]`),
    activityIds: uuid("activity_ids").array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    uniqueIndex("meeting_summary_points_summary_version_position").on(t.summaryId, t.version, t.position),
    index("meeting_summary_points_participant").on(t.participantId),
    check("meeting_summary_points_text_length", sql`char_length(${t.text}) between 1 and 600`),
  ],
);

/**
 * "Jeg husker det anderledes": what she (or a relative allowed to write) remembers about one
 * point, and the conversation it opened or continued.
 */
export const summaryRecollections = portal.table(
  "summary_recollections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => meetingSummaries.id, { onDelete: "cascade" }),
    pointId: uuid("point_id")
      .notNull()
      .references(() => meetingSummaryPoints.id, { onDelete: "cascade" }),
    lineageId: uuid("lineage_id").notNull(),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    authorPersonId: uuid("author_person_id").references(() => persons.id, { onDelete: "set null" }),
    authorRole: authorRoleEnum("author_role").notNull(),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    submissionId: uuid("submission_id").unique(),
  },
  (t) => [
    index("summary_recollections_summary").on(t.summaryId),
    index("summary_recollections_participant").on(t.participantId),
    index("summary_recollections_conversation").on(t.conversationId),
    index("summary_recollections_point").on(t.pointId),
    check("summary_recollections_body_length", sql`char_length(${t.body}) between 1 and 1500`),
  ],
);
