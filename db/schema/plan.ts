import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, numeric, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";

export const subGoalStatusEnum = portal.enum("sub_goal_status", [
  "not_started",
  "in_progress",
  "reached",
  "paused",
]);
export const activityKindEnum = portal.enum("activity_kind", [
  "mentor",
  "virksomhedspraktik",
  "loentilskud",
  "kursus",
  "behandling",
  "other",
]);
export const activityStatusEnum = portal.enum("activity_status", [
  "planned",
  "being_arranged",
  "active",
  "completed",
  "paused",
]);
export const planResponseKindEnum = portal.enum("plan_response_kind", ["read", "question"]);
/** Who wrote a text the participant owns (their own goal): themselves, a relative, or the jobcentre. */
export const authorRoleEnum = portal.enum("author_role", ["participant", "relative", "caseworker"]);

/** Min Plan: one living plan per participant. The jobcentre writes the goal; the participant owns `own_goal`. */
export const plans = portal.table("plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  participantId: uuid("participant_id")
    .notNull()
    .unique()
    .references(() => participants.id, { onDelete: "cascade" }),
  employmentGoal: text("employment_goal").notNull(),
  ownGoal: text("own_goal"),
  ownGoalUpdatedAt: timestamp("own_goal_updated_at", { withTimezone: true }),
  /**
   * Optimistic lock for `own_goal` alone (`UPDATE ... WHERE own_goal_version = $loaded`). The
   * participant's own goal is theirs: writing it never bumps `version`, `updated_at` or
   * `updated_by_name`, which belong to the jobcentre. Every write also adds a row to
   * `own_goal_versions` (who wrote what, when).
   */
  ownGoalVersion: integer("own_goal_version").notNull().default(1),
  /** Bumped on every change to the plan or its parts; optimistic locking and "version N" for the participant. */
  version: integer("version").notNull().default(1),
  nextStep: text("next_step"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** Free text shown as "Opdateret af ..." (the jobcentre side writes a name, the portal writes "dig"). */
  updatedByName: text("updated_by_name"),
});

/**
 * A frozen copy of the plan after each change, for "Tidligere versioner". The snapshot's shape is
 * `PlanSnapshot` in app/features/plan/snapshot.ts (documented in app/features/plan/README.md).
 * The jobcentre side should write one in the same transaction as each new version; the portal
 * freezes the current version itself when it finds none (`insert ... on conflict do nothing`).
 */
export const planVersions = portal.table(
  "plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    changeSummary: text("change_summary"),
    changedByName: text("changed_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plan_versions_plan_version").on(t.planId, t.version)],
);

export const subGoals = portal.table(
  "sub_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    status: subGoalStatusEnum("status").notNull().default("not_started"),
    helperText: text("helper_text"),
    dueOn: date("due_on"),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Participant's own latest comment ("Det gik godt"); history lives in sub_goal_updates. */
    participantComment: text("participant_comment"),
    /**
     * The participant's own latest progress mark. `status` above is the jobcentre's and is never
     * written by the portal; both are shown. History lives in sub_goal_updates.
     */
    participantStatus: subGoalStatusEnum("participant_status"),
    participantUpdatedAt: timestamp("participant_updated_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the item came from the participant's own proposal (plan_proposals): "Foreslået af dig". */
    proposalId: uuid("proposal_id"),
  },
  (t) => [index("sub_goals_plan").on(t.planId)],
);

/** Every progress mark or comment the participant makes on a sub-goal. */
export const subGoalUpdates = portal.table(
  "sub_goal_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subGoalId: uuid("sub_goal_id")
      .notNull()
      .references(() => subGoals.id, { onDelete: "cascade" }),
    authorPersonId: uuid("author_person_id").references(() => persons.id, { onDelete: "set null" }),
    status: subGoalStatusEnum("status"),
    comment: text("comment"),
    /** A one-time id the form carries, so a double submit stores one row. */
    submissionId: uuid("submission_id").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sub_goal_updates_sub_goal").on(t.subGoalId, t.createdAt)],
);

/** Who wrote the participant's own goal, what, and when: one row per saved text. */
export const ownGoalVersions = portal.table(
  "own_goal_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    /** The value of `plans.own_goal_version` after this text was saved. */
    version: integer("version").notNull(),
    text: text("text").notNull(),
    authorPersonId: uuid("author_person_id").references(() => persons.id, { onDelete: "set null" }),
    authorRole: authorRoleEnum("author_role").notNull(),
    /** The writer's name, for writers without a person row (e.g. the jobcentre's own system). */
    authorName: text("author_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("own_goal_versions_plan_version").on(t.planId, t.version)],
);

export const activities = portal.table(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    kind: activityKindEnum("kind").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    responsibleName: text("responsible_name"),
    place: text("place"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1 }),
    status: activityStatusEnum("status").notNull().default("planned"),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Set when the item came from the participant's own proposal (plan_proposals): "Foreslået af dig". */
    proposalId: uuid("proposal_id"),
  },
  (t) => [index("activities_plan").on(t.planId)],
);

export const agreements = portal.table(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** Who does it: "Du", "Sara", "Jobcentret". */
    ownerText: text("owner_text"),
    dueOn: date("due_on"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreements_plan").on(t.planId)],
);

/** "Jeg har læst planen" or "Jeg har spørgsmål", tied to the plan version it was about. */
export const planResponses = portal.table(
  "plan_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    planVersion: integer("plan_version").notNull(),
    kind: planResponseKindEnum("kind").notNull(),
    comment: text("comment"),
    authorPersonId: uuid("author_person_id").references(() => persons.id, { onDelete: "set null" }),
    /** A one-time id the form carries, so a double submit stores one row. */
    submissionId: uuid("submission_id").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_responses_plan").on(t.planId),
    // "Jeg har læst planen" once per version, however often the button is pressed.
    uniqueIndex("plan_responses_one_read_per_version")
      .on(t.planId, t.planVersion)
      .where(sql`${t.kind} = 'read'`),
  ],
);

/**
 * The newest plan version the participant has said they have seen ("Jeg har læst planen" or
 * "Marker som læst", both POSTs): drives "Nyt siden sidst". Never written by a GET.
 */
export const planVisits = portal.table("plan_visits", {
  planId: uuid("plan_id")
    .primaryKey()
    .references(() => plans.id, { onDelete: "cascade" }),
  lastSeenVersion: integer("last_seen_version").notNull(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  /** No longer read (the marks now stay until the participant posts that they have read them); cleared by that POST. */
  markerBaseVersion: integer("marker_base_version"),
  markerSessionId: uuid("marker_session_id"),
});
