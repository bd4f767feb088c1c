import { pgSchema } from "drizzle-orm/pg-core";
import { caseworkerColumns } from "../../../db/caseworker/views";

/**
 * The views the API reads: `caseworker_api.<view>` (migration 0027), each `SELECT *` of the
 * `caseworker` view of the same name (db/caseworker/README.md documents every column), filtered on a
 * Postgres server to the participants of the verified client's municipality. `.existing()`:
 * drizzle-kit never generates or drops them. The columns are typed once, in db/caseworker/views.ts.
 */
const api = pgSchema("caseworker_api");

export const apiParticipants = api.view("participants", caseworkerColumns.participants).existing();
export const apiPlanResponses = api.view("plan_responses", caseworkerColumns.plan_responses).existing();
export const apiAppointments = api.view("appointments", caseworkerColumns.appointments).existing();
export const apiAbsenceRequests = api.view("absence_requests", caseworkerColumns.absence_requests).existing();
export const apiSharedPreparation = api.view("shared_preparation", caseworkerColumns.shared_preparation).existing();
export const apiSharedPreparationComments = api.view("shared_preparation_comments", caseworkerColumns.shared_preparation_comments).existing();
export const apiCv = api.view("cv", caseworkerColumns.cv).existing();
export const apiCvEntries = api.view("cv_entries", caseworkerColumns.cv_entries).existing();
export const apiWorkWishes = api.view("work_wishes", caseworkerColumns.work_wishes).existing();
export const apiNetworkPeople = api.view("network_people", caseworkerColumns.network_people).existing();
export const apiEvents = api.view("events", caseworkerColumns.events).existing();

/** "Sådan går det" (issue 22, migration 0040): the answer sets she shared, and her signs while shared. */
export const apiProgressAnswers = api.view("progress_answers", caseworkerColumns.progress_answers).existing();
export const apiProgressSigns = api.view("progress_signs", caseworkerColumns.progress_signs).existing();
