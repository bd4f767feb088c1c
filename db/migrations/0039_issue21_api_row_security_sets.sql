-- Issue 21: the API's row-level security (migrations 0027 and 0030) asked, for every row of a plan's
-- parts, a meeting's attendees and notices, a message and a professional, for the whole
-- municipality's participants (`case_system_plan(plan_id)` and its kind each ran
-- `… IN (SELECT portal.case_system_participants())` again per row): an unfiltered read of messages
-- as portal_app took 64 s at 100,000 participants. Now
--   * the municipality's participants are read by an index on participants.municipality_key (those
--     stored without one belong to the default municipality, as before);
--   * a read (USING) checks membership of a set the statement computes once (an uncorrelated
--     subquery is hashed): the municipality's plans, meetings, conversations, professionals, as
--     0034 did for the messages policies of signed-in people;
--   * a write (WITH CHECK, triggers, the notice functions) asks about the one row, by its keys:
--     portal.case_system_has_participant(id) instead of the municipality's whole set.
-- Same answers: only while no person is set and minvej.api_municipality is, only that municipality.
CREATE INDEX IF NOT EXISTS "participants_municipality_key" ON "portal"."participants" USING btree ("municipality_key");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_participants() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 1000
AS $$
  SELECT p.id FROM portal.participants p
  WHERE portal.case_system_active() AND p.municipality_key = current_setting('minvej.api_municipality', true)
  UNION ALL
  SELECT p.id FROM portal.participants p
  WHERE portal.case_system_active() AND p.municipality_key IS NULL
    AND nullif(current_setting('minvej.api_default_municipality', true), '') = current_setting('minvej.api_municipality', true)
$$;
--> statement-breakpoint
-- Is this one participant the client's municipality's? One index lookup.
CREATE OR REPLACE FUNCTION portal.case_system_has_participant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT portal.case_system_active() AND EXISTS (
    SELECT 1 FROM portal.participants p
    WHERE p.id = target
      AND coalesce(p.municipality_key, nullif(current_setting('minvej.api_default_municipality', true), ''))
        = current_setting('minvej.api_municipality', true)
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_plan(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND portal.case_system_has_participant(t.participant_id)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_appointment(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.appointments t WHERE t.id = target AND portal.case_system_has_participant(t.participant_id)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.conversations t WHERE t.id = target AND portal.case_system_has_participant(t.participant_id)) $$;
--> statement-breakpoint
-- The sets a read checks against, each computed once per statement. Like case_system_plan and its
-- kind (0030), callable by the roles that may use schema portal (portal_app, jobcentre_writer), whose
-- policies on these tables name them; they answer nothing while a person is set.
CREATE OR REPLACE FUNCTION portal.case_system_plans() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 1000
AS $$ SELECT t.id FROM portal.plans t WHERE t.participant_id IN (SELECT portal.case_system_participants()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_appointments() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 1000
AS $$ SELECT t.id FROM portal.appointments t WHERE t.participant_id IN (SELECT portal.case_system_participants()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_conversations() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 1000
AS $$ SELECT t.id FROM portal.conversations t WHERE t.participant_id IN (SELECT portal.case_system_participants()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_professionals() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 1000
AS $$ SELECT DISTINCT c.professional_id FROM portal.participant_contacts c WHERE c.participant_id IN (SELECT portal.case_system_participants()) $$;
--> statement-breakpoint
ALTER POLICY case_system ON portal.plans
  USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.plan_versions
  USING (plan_id IN (SELECT portal.case_system_plans())) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.sub_goals
  USING (plan_id IN (SELECT portal.case_system_plans())) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.activities
  USING (plan_id IN (SELECT portal.case_system_plans())) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.agreements
  USING (plan_id IN (SELECT portal.case_system_plans())) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.participant_contacts
  USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system_read ON portal.professionals USING (id IN (SELECT portal.case_system_professionals()));
--> statement-breakpoint
ALTER POLICY case_system ON portal.appointments
  USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system ON portal.appointment_attendees
  USING (appointment_id IN (SELECT portal.case_system_appointments())) WITH CHECK (portal.case_system_appointment(appointment_id));
--> statement-breakpoint
ALTER POLICY case_system_read ON portal.absence_notices USING (appointment_id IN (SELECT portal.case_system_appointments()));
--> statement-breakpoint
ALTER POLICY case_system ON portal.conversations
  USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (portal.case_system_has_participant(participant_id));
--> statement-breakpoint
ALTER POLICY case_system_read ON portal.messages USING (conversation_id IN (SELECT portal.case_system_conversations()));
--> statement-breakpoint
ALTER POLICY case_system_notice ON portal.mail_outbox
  WITH CHECK (kind = 'message_notice' AND portal.case_system_has_participant(participant_id));
--> statement-breakpoint
-- Who is told of the case system's message (0030): the one participant asked about, not the municipality's set.
CREATE OR REPLACE FUNCTION portal.conversation_participant_person(conversation uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT pa.person_id FROM portal.conversations c
  JOIN portal.participants pa ON pa.id = c.participant_id
  WHERE c.id = conversation AND (portal.may_converse_with(c.participant_id) OR portal.caller_bypasses_row_security()
    OR portal.case_system_has_participant(c.participant_id))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.message_notice_recipient(target_participant uuid, recipient uuid, conversation uuid)
RETURNS TABLE (
  new_messages boolean, by_email boolean, by_sms boolean, email text, phone text, quiet_from time, quiet_until time,
  preferred_language text, is_participant boolean, unread_message_id uuid
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT s.new_messages, s.by_email, s.by_sms, s.email, s.phone, s.quiet_from, s.quiet_until,
    pe.preferred_language::text, pa.person_id = recipient,
    (SELECT m.id FROM portal.messages m
     WHERE m.conversation_id = c.id AND m.read_at IS NULL AND m.author_role = 'caseworker'
     ORDER BY m.created_at, m.id LIMIT 1)
  FROM portal.conversations c
  JOIN portal.participants pa ON pa.id = c.participant_id
  JOIN portal.notification_settings s ON s.person_id = recipient
  JOIN portal.persons pe ON pe.id = recipient
  WHERE c.id = conversation AND c.participant_id = target_participant
    AND (portal.may_converse_with(target_participant) OR portal.caller_bypasses_row_security()
      OR portal.case_system_has_participant(target_participant))
    AND (pa.person_id = recipient OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.participant_id = target_participant AND g.relative_person_id = recipient AND g.status = 'active'
        AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date AND 'messages' = ANY (g.scopes)))
$$;
--> statement-breakpoint
-- And the signed-in people's policies on the same tables (0006, 0035) answer no for a request
-- without a person (an API request, signed out) before they call their per-row function: the person
-- is read once per statement (an InitPlan), so an API read no longer calls may_see_plan and its
-- kind for every row of the other municipality. Same answers: each of these functions is false
-- without a person.
--> statement-breakpoint
ALTER POLICY participant_data ON portal.plans USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_participant(participant_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.appointments USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_participant(participant_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.plan_versions USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.sub_goals USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.activities USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.agreements USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.appointment_attendees USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_appointment(appointment_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_appointment(appointment_id));
--> statement-breakpoint
ALTER POLICY participant_data ON portal.absence_notices USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_appointment(appointment_id)) WITH CHECK ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_appointment(appointment_id));
--> statement-breakpoint
ALTER POLICY contact_read ON portal.participant_contacts USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER POLICY professional_read ON portal.professionals USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.may_see_professional(id));
--> statement-breakpoint
ALTER POLICY coordinating_caseworker_read ON portal.plans USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.coordinates_participant(participant_id));
--> statement-breakpoint
ALTER POLICY coordinating_caseworker_read ON portal.plan_versions USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.coordinates_plan(plan_id));
--> statement-breakpoint
ALTER POLICY coordinating_caseworker_read ON portal.sub_goals USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.coordinates_plan(plan_id));
--> statement-breakpoint
ALTER POLICY coordinating_caseworker_read ON portal.activities USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.coordinates_plan(plan_id));
--> statement-breakpoint
ALTER POLICY coordinating_caseworker_read ON portal.agreements USING ((SELECT portal.current_person_id()) IS NOT NULL AND portal.coordinates_plan(plan_id));
