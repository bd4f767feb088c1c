import { integer, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The caseworker's read model of proposals (migration 0035, db/caseworker/README.md), typed for
 * drizzle; `.existing()`: the migration is the source of truth. The portal's caseworker pages
 * read `caseworker_portal` (only her own participants, on a Postgres server), the API
 * `caseworker_api` (only its municipality's). Each query also filters in the code: on the embedded
 * database, which has no roles, that filter is the only one.
 */
const columns = {
  proposalId: uuid("proposal_id").notNull(),
  participantId: uuid("participant_id").notNull(),
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  why: text("why"),
  whenText: text("when_text"),
  howMuch: text("how_much"),
  status: text("status").notNull(),
  version: integer("version").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  decidedByName: text("decided_by_name"),
  planTitle: text("plan_title"),
  planDetail: text("plan_detail"),
  planVersion: integer("plan_version"),
  declineReason: text("decline_reason"),
};

export const cwPortalProposals = pgSchema("caseworker_portal").view("plan_proposals", columns).existing();
export const cwApiProposals = pgSchema("caseworker_api").view("plan_proposals", columns).existing();

/** Who coordinates whom (caseworker_portal.participants, migration 0008/0031): the columns this area needs. */
export const cwPortalParticipants = pgSchema("caseworker_portal")
  .view("participants", {
    participantId: uuid("participant_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    coordinatingCaseworkerPersonId: uuid("coordinating_caseworker_person_id"),
  })
  .existing();
