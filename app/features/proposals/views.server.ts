import { pgSchema } from "drizzle-orm/pg-core";
import { caseworkerColumns } from "../../../db/caseworker/views";

/**
 * The caseworker's read model of proposals (migration 0035, db/caseworker/README.md), typed for
 * drizzle; `.existing()`: the migration is the source of truth. The portal's caseworker pages
 * read `caseworker_portal` (only her own participants, on a Postgres server), the API
 * `caseworker_api` (only its municipality's). Each query also filters in the code: on the embedded
 * database, which has no roles, that filter is the only one.
 */

export const cwPortalProposals = pgSchema("caseworker_portal").view("plan_proposals", caseworkerColumns.plan_proposals).existing();
export const cwApiProposals = pgSchema("caseworker_api").view("plan_proposals", caseworkerColumns.plan_proposals).existing();

/** Who coordinates whom (caseworker_portal.participants, migration 0008/0031): the columns this area needs. */
export const cwPortalParticipants = pgSchema("caseworker_portal").view("participants", caseworkerColumns.participants).existing();
