-- Issue 21: the API's reads of one participant (GET /participants/{id}, her meetings, her shared
-- preparation, CV and network, …) each asked whether the row's participant is among the client's
-- municipality's (`participant_id IN (SELECT portal.case_system_participants())`). Postgres cannot ask
-- that about one participant: it made the municipality's whole set first and hashed it, 50,000 ids at
-- 100,000 participants, 55-110 ms for every view a request read. The caseworker_api views now ask
-- about the row's own participant: EXISTS, one index lookup a row. (`OFFSET 0` keeps Postgres from
-- turning the EXISTS back into the municipality's set where it guesses that hashing it is cheaper:
-- the API reads one participant or a page of at most 500 rows, never the municipality whole, and a
-- set of 50,000 costs more than 500 lookups.) Same answers: only while
-- no person is set and minvej.api_municipality is, only that municipality (participants stored
-- without one belong to the default municipality). The columns of every view are unchanged.
CREATE OR REPLACE FUNCTION portal.case_system_sees_municipality(key text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT portal.case_system_active()
    AND coalesce(key, nullif(current_setting('minvej.api_default_municipality', true), '')) = current_setting('minvej.api_municipality', true)
$$;
--> statement-breakpoint
-- The one participant a write or a policy asks about (migration 0039), by the same rule.
CREATE OR REPLACE FUNCTION portal.case_system_has_participant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT portal.case_system_active() AND EXISTS (
    SELECT 1 FROM portal.participants p WHERE p.id = target AND portal.case_system_sees_municipality(p.municipality_key)
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.participants WITH (security_barrier = true) AS
SELECT participant_id, first_name, last_name, programme, status, started_on, expected_end_on, municipality, coordinating_caseworker_professional_id, coordinating_caseworker_person_id, coordinating_caseworker_name, coordinating_caseworker_since, municipality_key
FROM caseworker.participants
WHERE NOT row_security_active('portal.participants') OR portal.case_system_sees_municipality(participants.municipality_key);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.plan_responses WITH (security_barrier = true) AS
SELECT response_id, plan_id, participant_id, plan_version, kind, comment, author_person_id, author_name, created_at
FROM caseworker.plan_responses
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = plan_responses.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.appointments WITH (security_barrier = true) AS
SELECT appointment_id, participant_id, kind, title, purpose, starts_at, ends_at, mode, place_name, address, directions, phone_note, video_note, bring_items, support_person_allowed, afterwards, status, created_at, participant_questions, participant_notes, participant_prepared_at
FROM caseworker.appointments
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = appointments.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.absence_requests WITH (security_barrier = true) AS
SELECT absence_request_id, appointment_id, participant_id, reason, wish_for_new_time, created_at
FROM caseworker.absence_requests
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = absence_requests.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.shared_preparation WITH (security_barrier = true) AS
SELECT preparation_part_id, participant_id, part, shared_version, shared_at, shared_answers, first_shared_at
FROM caseworker.shared_preparation
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = shared_preparation.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.shared_preparation_comments WITH (security_barrier = true) AS
SELECT comment_id, preparation_part_id, participant_id, part, body, author_person_id, author_first_name, author_relation, created_at
FROM caseworker.shared_preparation_comments
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = shared_preparation_comments.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.cv WITH (security_barrier = true) AS
SELECT participant_id, first_name, last_name, email, phone, address, summary, version, shared_at, changed_since_shared
FROM caseworker.cv
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = cv.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.cv_entries WITH (security_barrier = true) AS
SELECT entry_id, participant_id, kind, title, organisation, from_text, to_text, is_ongoing, details, level, category, sort_order, updated_at
FROM caseworker.cv_entries
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = cv_entries.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.work_wishes WITH (security_barrier = true) AS
SELECT participant_id, fields, hours_per_week, max_commute_minutes, areas, accommodations, show_accommodations_on_cv, task_suggestions, version, updated_at, shared_at, hours_per_week_max, accommodations_shared
FROM caseworker.work_wishes
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = work_wishes.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.network_people WITH (security_barrier = true) AS
SELECT network_person_id, participant_id, name, relation, sector, closeness, help_kinds, stance, contact_frequency, wanted_at_meeting, updated_at, shared_at, stance_shared
FROM caseworker.network_people
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = network_people.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.events WITH (security_barrier = true) AS
SELECT id, participant_id, kind, area, actor_role, details, occurred_at, transaction_position, settled
FROM caseworker.events
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = events.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.plan_proposals WITH (security_barrier = true) AS
SELECT proposal_id, participant_id, kind, title, why, when_text, how_much, status, version, created_at, decided_at, decided_by_name, plan_title, plan_detail, plan_version, decline_reason
FROM caseworker.plan_proposals
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = plan_proposals.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.meeting_summary_points WITH (security_barrier = true) AS
SELECT point_id, summary_id, participant_id, appointment_id, version, is_current, "position", text, sub_goal_ids, activity_ids, published_at, published_by_name, source, correction_note
FROM caseworker.meeting_summary_points
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = meeting_summary_points.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.progress_answers WITH (security_barrier = true) AS
SELECT answer_set_id, participant_id, month, energy, energy_note, sleep, sleep_note, company, company_note, outdoors, outdoors_note, work_belief, work_belief_note, what_helps, something_else, updated_at, shared_at
FROM caseworker.progress_answers
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = progress_answers.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_api.progress_signs WITH (security_barrier = true) AS
SELECT participant_id, warning_signs, strategies, updated_at, shared_at
FROM caseworker.progress_signs
WHERE NOT row_security_active('portal.participants') OR EXISTS (
  SELECT FROM portal.participants p WHERE p.id = progress_signs.participant_id AND portal.case_system_sees_municipality(p.municipality_key) OFFSET 0);
--> statement-breakpoint
-- The same for the API's writes, and for what portal_app reads of the portal tables while a case
-- system is set (migrations 0030, 0035, 0036, 0039): each policy built the municipality's set of
-- participants, plans (50,000), meetings (600,000), conversations or professionals, hashed, for
-- every statement that touched its table: one meeting moved and its plan read took 360-430 ms at
-- 100,000 participants. Each now asks about the row's own participant, plan, meeting or
-- conversation by its keys (the definer functions that WITH CHECK already used), and only while a
-- case system is set: `(SELECT portal.case_system_active())` is worked out once per statement, so a
-- participant's or a caseworker's request never calls them at all. Same answers.
CREATE OR REPLACE FUNCTION portal.case_system_professional(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM portal.participant_contacts c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.professional_id = target AND portal.case_system_sees_municipality(p.municipality_key)
  )
$$;
--> statement-breakpoint
ALTER POLICY case_system ON portal.plans USING ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.participant_contacts USING ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.appointments USING ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.conversations USING ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.plan_proposals
  USING ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id))
  WITH CHECK (portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.plan_versions USING ((SELECT portal.case_system_active()) AND portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.sub_goals USING ((SELECT portal.case_system_active()) AND portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.activities USING ((SELECT portal.case_system_active()) AND portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.agreements USING ((SELECT portal.case_system_active()) AND portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.appointment_attendees USING ((SELECT portal.case_system_active()) AND portal.case_system_appointment(appointment_id));
--> statement-breakpoint
ALTER POLICY case_system_read ON portal.absence_notices USING ((SELECT portal.case_system_active()) AND portal.case_system_appointment(appointment_id));
--> statement-breakpoint
ALTER POLICY case_system_read ON portal.messages USING ((SELECT portal.case_system_active()) AND portal.case_system_conversation(conversation_id));
--> statement-breakpoint
ALTER POLICY case_system_read ON portal.professionals USING ((SELECT portal.case_system_active()) AND portal.case_system_professional(id));
--> statement-breakpoint
ALTER POLICY summary_read ON portal.meeting_summaries USING (
  (current_version > 0 AND (portal.is_own_participant(participant_id) OR portal.relative_sees_meetings(participant_id)))
  OR portal.coordinates_participant(participant_id)
  OR ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id)));
--> statement-breakpoint
ALTER POLICY summary_write ON portal.meeting_summaries WITH CHECK (
  portal.coordinates_participant(participant_id) OR portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY summary_update ON portal.meeting_summaries
  USING (portal.coordinates_participant(participant_id) OR ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id)))
  WITH CHECK (portal.coordinates_participant(participant_id) OR portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY version_read ON portal.meeting_summary_versions USING (
  portal.is_own_participant(participant_id) OR portal.relative_sees_meetings(participant_id) OR portal.coordinates_participant(participant_id)
  OR ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id)));
--> statement-breakpoint
ALTER POLICY version_insert ON portal.meeting_summary_versions WITH CHECK (
  portal.coordinates_participant(participant_id) OR portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY point_read ON portal.meeting_summary_points USING (
  portal.is_own_participant(participant_id) OR portal.relative_sees_meetings(participant_id) OR portal.coordinates_participant(participant_id)
  OR ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id)));
--> statement-breakpoint
ALTER POLICY point_insert ON portal.meeting_summary_points WITH CHECK (
  portal.coordinates_participant(participant_id) OR portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY recollection_read ON portal.summary_recollections USING (
  portal.may_converse_with(participant_id) OR ((SELECT portal.case_system_active()) AND portal.case_system_has_participant(participant_id)));
--> statement-breakpoint
-- Nothing asks for the sets any more.
DROP FUNCTION portal.case_system_plans();
--> statement-breakpoint
DROP FUNCTION portal.case_system_appointments();
--> statement-breakpoint
DROP FUNCTION portal.case_system_conversations();
--> statement-breakpoint
DROP FUNCTION portal.case_system_professionals();
--> statement-breakpoint
DROP FUNCTION portal.case_system_participants();
