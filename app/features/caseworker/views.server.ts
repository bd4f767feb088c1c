import { pgSchema } from "drizzle-orm/pg-core";
import { caseworkerColumns } from "../../../db/caseworker/views";

/**
 * The `caseworker` schema's views (db/migrations/0005_caseworker_views.sql; the CV views, which
 * read the CV as shared, in 0007_cv_shared_snapshot.sql), typed for drizzle.
 * `.existing()`: drizzle-kit never generates or drops them; the migration is the source of truth
 * and db/caseworker/README.md documents every column. The briefing reads ONLY these.
 *
 * The portal reads them through `caseworker_portal` (migration 0008): the same views, same
 * columns, but on a Postgres server (as portal_app, under row-level security) only the rows of
 * participants whose coordinating caseworker is the signed-in person. The `caseworker` schema
 * itself belongs to the jobcentre's role (caseworker_ro); portal_app cannot read it.
 */
export const caseworkerSchema = pgSchema("caseworker_portal");
export const cwParticipants = caseworkerSchema.view("participants", caseworkerColumns.participants).existing();
export const cwPlans = caseworkerSchema.view("plans", caseworkerColumns.plans).existing();
export const cwSubGoals = caseworkerSchema.view("sub_goals", caseworkerColumns.sub_goals).existing();
export const cwPlanResponses = caseworkerSchema.view("plan_responses", caseworkerColumns.plan_responses).existing();
export const cwAppointments = caseworkerSchema.view("appointments", caseworkerColumns.appointments).existing();
export const cwAppointmentAttendees = caseworkerSchema.view("appointment_attendees", caseworkerColumns.appointment_attendees).existing();
export const cwAbsenceRequests = caseworkerSchema.view("absence_requests", caseworkerColumns.absence_requests).existing();
export const cwSharedPreparation = caseworkerSchema.view("shared_preparation", caseworkerColumns.shared_preparation).existing();
export const cwSharedPreparationComments = caseworkerSchema.view("shared_preparation_comments", caseworkerColumns.shared_preparation_comments).existing();
export const cwCv = caseworkerSchema.view("cv", caseworkerColumns.cv).existing();
export const cwCvEntries = caseworkerSchema.view("cv_entries", caseworkerColumns.cv_entries).existing();
export const cwWorkWishes = caseworkerSchema.view("work_wishes", caseworkerColumns.work_wishes).existing();
export const cwNetworkPeople = caseworkerSchema.view("network_people", caseworkerColumns.network_people).existing();
export const cwRelativeGrants = caseworkerSchema.view("relative_grants", caseworkerColumns.relative_grants).existing();

/**
 * "Sådan går det" (issue 22, migration 0028; the portal's copies since 0032): the answer sets she
 * has shared, and her signs while she shares them. The steps are words (`very_hard` … `good`),
 * never numbers. The energy diary has no view.
 */
export const cwProgressAnswers = caseworkerSchema.view("progress_answers", caseworkerColumns.progress_answers).existing();
export const cwProgressSigns = caseworkerSchema.view("progress_signs", caseworkerColumns.progress_signs).existing();

/** Every view of the contract, by its SQL name (tests check each is readable). */
export const CASEWORKER_VIEWS = {
  participants: cwParticipants,
  plans: cwPlans,
  sub_goals: cwSubGoals,
  plan_responses: cwPlanResponses,
  appointments: cwAppointments,
  appointment_attendees: cwAppointmentAttendees,
  absence_requests: cwAbsenceRequests,
  shared_preparation: cwSharedPreparation,
  shared_preparation_comments: cwSharedPreparationComments,
  cv: cwCv,
  cv_entries: cwCvEntries,
  work_wishes: cwWorkWishes,
  network_people: cwNetworkPeople,
  relative_grants: cwRelativeGrants,
  progress_answers: cwProgressAnswers,
  progress_signs: cwProgressSigns,
} as const;
