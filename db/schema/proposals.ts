import { sql } from "drizzle-orm";
import { check, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";

/**
 * "Forslag til min plan" (issue 22, app/features/proposals): the participant proposes a sub-goal
 * (delmål) or an activity (aktivitet) in her own words; her coordinating caseworker (or the case
 * system, through the API) accepts it as written, changes the words and accepts it, or declines it
 * with a reason. An accepted proposal becomes an item of her plan in a new plan version
 * (`sub_goals.proposal_id` / `activities.proposal_id` point back here).
 */
export const planProposalKindEnum = portal.enum("plan_proposal_kind", ["sub_goal", "activity"]);
export const planProposalStatusEnum = portal.enum("plan_proposal_status", ["waiting", "accepted", "changed", "declined", "withdrawn"]);

export const planProposals = portal.table(
  "plan_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    authorPersonId: uuid("author_person_id").references(() => persons.id, { onDelete: "set null" }),
    kind: planProposalKindEnum("kind").notNull(),
    /** Her words: what she proposes. */
    title: text("title").notNull(),
    /** Her words, each optional: why, when, how much. */
    why: text("why"),
    whenText: text("when_text"),
    howMuch: text("how_much"),
    status: planProposalStatusEnum("status").notNull().default("waiting"),
    /** Optimistic lock: a decision or a withdrawal names the version it was made on. */
    version: integer("version").notNull().default(1),
    /** A one-time id the form carries, so a double submit stores one proposal. */
    submissionId: uuid("submission_id").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The decision: when, by whom (a caseworker's person, or null for the case system), the name shown. */
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByPersonId: uuid("decided_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    decidedByName: text("decided_by_name"),
    /** Accepted or changed: the words as they went into the plan. */
    planTitle: text("plan_title"),
    planDetail: text("plan_detail"),
    /** Accepted or changed: the plan version that first held the item, and the item's id. */
    planVersion: integer("plan_version"),
    planItemId: uuid("plan_item_id"),
    /** Declined: the reason, shown to her. */
    declineReason: text("decline_reason"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("plan_proposals_participant").on(t.participantId, t.createdAt),
    check("plan_proposals_decline_reason", sql`${t.status} <> 'declined' or coalesce(btrim(${t.declineReason}), '') <> ''`),
    check("plan_proposals_plan_words", sql`${t.status} not in ('accepted', 'changed') or ${t.planTitle} is not null`),
  ],
);
