CREATE TABLE "portal"."api_idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "portal"."api_webhook_cursors" (
	"client_id" text PRIMARY KEY NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"event_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."api_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"event_id" bigint NOT NULL,
	"participant_id" uuid,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal"."api_webhook_deliveries" ADD CONSTRAINT "api_webhook_deliveries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_idempotency_keys_created" ON "portal"."api_idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_webhook_deliveries_client_event" ON "portal"."api_webhook_deliveries" USING btree ("client_id","event_id");--> statement-breakpoint
CREATE INDEX "api_webhook_deliveries_due" ON "portal"."api_webhook_deliveries" USING btree ("run_after") WHERE delivered_at is null and failed_at is null;--> statement-breakpoint
CREATE INDEX "api_webhook_deliveries_participant" ON "portal"."api_webhook_deliveries" USING btree ("participant_id");--> statement-breakpoint
-- Issue 20, second half: the case system writes through the API (/api/v1, app/features/api) as
-- portal_app, under row-level security, for the participants of the one municipality its verified
-- token belongs to (portal.case_system_participants(), migration 0027: minvej.api_municipality set,
-- no person set). The policies below only ever add that municipality's rows; a signed-in request
-- (a person set) gains nothing. The API also filters by municipality itself, on every database.
CREATE OR REPLACE FUNCTION portal.case_system_active() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, portal
AS $$ SELECT portal.current_person_id() IS NULL AND coalesce(current_setting('minvej.api_municipality', true), '') <> '' $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_plan(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND t.participant_id IN (SELECT portal.case_system_participants())) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_appointment(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.appointments t WHERE t.id = target AND t.participant_id IN (SELECT portal.case_system_participants())) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.conversations t WHERE t.id = target AND t.participant_id IN (SELECT portal.case_system_participants())) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_professional(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.participant_contacts c WHERE c.professional_id = target AND c.participant_id IN (SELECT portal.case_system_participants())) $$;
--> statement-breakpoint
CREATE POLICY case_system ON portal.plans USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY case_system ON portal.plan_versions USING (portal.case_system_plan(plan_id)) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
CREATE POLICY case_system ON portal.sub_goals USING (portal.case_system_plan(plan_id)) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
CREATE POLICY case_system ON portal.activities USING (portal.case_system_plan(plan_id)) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
CREATE POLICY case_system ON portal.agreements USING (portal.case_system_plan(plan_id)) WITH CHECK (portal.case_system_plan(plan_id));
--> statement-breakpoint
CREATE POLICY case_system ON portal.participant_contacts USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
-- A professional: read when she works with one of the municipality's participants; a new one may be
-- added (then linked as a contact in the same transaction); never changed or deleted by the API.
CREATE POLICY case_system_read ON portal.professionals FOR SELECT USING (portal.case_system_professional(id));
--> statement-breakpoint
CREATE POLICY case_system_insert ON portal.professionals FOR INSERT WITH CHECK (portal.case_system_active() AND person_id IS NULL);
--> statement-breakpoint
CREATE POLICY case_system ON portal.appointments USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY case_system ON portal.appointment_attendees USING (portal.case_system_appointment(appointment_id)) WITH CHECK (portal.case_system_appointment(appointment_id));
--> statement-breakpoint
CREATE POLICY case_system_read ON portal.absence_notices FOR SELECT USING (portal.case_system_appointment(appointment_id));
--> statement-breakpoint
CREATE POLICY case_system ON portal.conversations USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY case_system_read ON portal.messages FOR SELECT USING (portal.case_system_conversation(conversation_id));
--> statement-breakpoint
-- The case system writes as "din sagsbehandler": the caseworker's side, with no person behind it.
CREATE POLICY case_system_insert ON portal.messages FOR INSERT
  WITH CHECK (author_person_id IS NULL AND author_role = 'caseworker' AND portal.case_system_conversation(conversation_id));
--> statement-breakpoint
CREATE POLICY case_system_notice ON portal.mail_outbox FOR INSERT
  WITH CHECK (kind = 'message_notice' AND participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
-- "Du har en ny besked" after the case system's message: whose conversation it is, and how she wants
-- to be told (as 0021 and 0023, and now also for the case system of her municipality).
CREATE OR REPLACE FUNCTION portal.conversation_participant_person(conversation uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT pa.person_id FROM portal.conversations c
  JOIN portal.participants pa ON pa.id = c.participant_id
  WHERE c.id = conversation AND (portal.may_converse_with(c.participant_id) OR portal.caller_bypasses_row_security()
    OR c.participant_id IN (SELECT portal.case_system_participants()))
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
      OR target_participant IN (SELECT portal.case_system_participants()))
    AND (pa.person_id = recipient OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.participant_id = target_participant AND g.relative_person_id = recipient AND g.status = 'active'
        AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date AND 'messages' = ANY (g.scopes)))
$$;
--> statement-breakpoint
-- The participant's own fields stay hers: the case system never writes her own goal or her marks
-- and comments on a sub-goal (the API's schemas refuse them too; this holds whatever the code does).
CREATE OR REPLACE FUNCTION portal.keep_own_goal_from_case_system() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF portal.case_system_active() AND (
       (TG_OP = 'INSERT' AND (NEW.own_goal IS NOT NULL OR NEW.own_goal_updated_at IS NOT NULL))
    OR (TG_OP = 'UPDATE' AND (NEW.own_goal, NEW.own_goal_version, NEW.own_goal_updated_at)
                             IS DISTINCT FROM (OLD.own_goal, OLD.own_goal_version, OLD.own_goal_updated_at))) THEN
    RAISE EXCEPTION 'the own goal is the participant''s' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER keep_own_goal_from_case_system BEFORE INSERT OR UPDATE ON portal.plans
  FOR EACH ROW EXECUTE FUNCTION portal.keep_own_goal_from_case_system();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.keep_sub_goal_marks_from_case_system() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF portal.case_system_active() AND (
       (TG_OP = 'INSERT' AND (NEW.participant_status IS NOT NULL OR NEW.participant_comment IS NOT NULL OR NEW.participant_updated_at IS NOT NULL))
    OR (TG_OP = 'UPDATE' AND (NEW.participant_status, NEW.participant_comment, NEW.participant_updated_at)
                             IS DISTINCT FROM (OLD.participant_status, OLD.participant_comment, OLD.participant_updated_at))) THEN
    RAISE EXCEPTION 'a sub-goal''s marks and comments are the participant''s' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER keep_sub_goal_marks_from_case_system BEFORE INSERT OR UPDATE ON portal.sub_goals
  FOR EACH ROW EXECUTE FUNCTION portal.keep_sub_goal_marks_from_case_system();
--> statement-breakpoint
-- Registering a participant (POST /api/v1/participants): the person (name, birth date, CPR number,
-- which portal_app may never write or read: column privileges, migration 0008) and the participant
-- in the client's own municipality. NemLog-in finds her by the CPR number at her first sign-in
-- (portal.person_for_nemlogin). A CPR number already registered is a unique violation (409).
CREATE OR REPLACE FUNCTION portal.register_case_system_participant(given_first_name text, given_last_name text,
  cpr_number text, given_birth_date date, given_programme portal.programme, given_status portal.participant_status,
  given_started_on date, given_expected_end_on date, municipality_name text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  created_person uuid;
  created_participant uuid;
BEGIN
  IF NOT portal.case_system_active() THEN
    RAISE EXCEPTION 'only the API for case systems registers participants' USING ERRCODE = '42501';
  END IF;
  INSERT INTO portal.persons (first_name, last_name, cpr, birth_date)
  VALUES (given_first_name, given_last_name, cpr_number, given_birth_date)
  RETURNING id INTO created_person;
  INSERT INTO portal.participants (person_id, programme, status, started_on, expected_end_on, municipality, municipality_key)
  VALUES (created_person, given_programme, given_status, given_started_on, given_expected_end_on, municipality_name,
          current_setting('minvej.api_municipality', true))
  RETURNING id INTO created_participant;
  RETURN created_participant;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.register_case_system_participant(text, text, text, date, portal.programme, portal.participant_status, date, date, text) FROM PUBLIC;
--> statement-breakpoint
-- The case system's writes are events too (caseworker.events, actor_role 'case_system'): audit rows
-- `case_system.*` without an actor person (never `*.viewed`: a read is never an event). A trigger
-- of its own beside portal.audit_to_caseworker_outbox, which leaves such rows out.
ALTER TABLE portal.caseworker_outbox DROP CONSTRAINT IF EXISTS caseworker_outbox_actor_role_check;
--> statement-breakpoint
ALTER TABLE portal.caseworker_outbox ADD CONSTRAINT caseworker_outbox_actor_role_check CHECK (actor_role IN ('participant', 'relative', 'case_system'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_write_to_caseworker_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  event_id bigint;
BEGIN
  INSERT INTO portal.caseworker_outbox (participant_id, kind, actor_role, details, audit_event_id, occurred_at)
  VALUES (NEW.participant_id, NEW.action, 'case_system', NEW.details, NEW.id, NEW.occurred_at)
  RETURNING id INTO event_id;
  PERFORM pg_notify('caseworker_events', json_build_object('id', event_id, 'participant_id', NEW.participant_id, 'kind', NEW.action)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_system_write_to_caseworker_outbox AFTER INSERT ON portal.audit_events
  FOR EACH ROW
  WHEN (NEW.actor_person_id IS NULL AND NEW.participant_id IS NOT NULL AND NEW.action LIKE 'case\_system.%' AND NEW.action NOT LIKE '%.viewed')
  EXECUTE FUNCTION portal.case_system_write_to_caseworker_outbox();
--> statement-breakpoint
-- The API's own tables: an idempotency key only for its client (minvej.api_client, set with the
-- municipality after the token is verified) and the job worker's retention; the webhook tables only
-- for the job worker.
ALTER TABLE portal.api_idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_client ON portal.api_idempotency_keys
  USING ((portal.case_system_active() AND client_id = current_setting('minvej.api_client', true)) OR current_setting('minvej.job_worker', true) = 'on')
  WITH CHECK (portal.case_system_active() AND client_id = current_setting('minvej.api_client', true));
--> statement-breakpoint
ALTER TABLE portal.api_webhook_cursors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_worker ON portal.api_webhook_cursors
  USING (current_setting('minvej.job_worker', true) = 'on') WITH CHECK (current_setting('minvej.job_worker', true) = 'on');
--> statement-breakpoint
ALTER TABLE portal.api_webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_worker ON portal.api_webhook_deliveries
  USING (current_setting('minvej.job_worker', true) = 'on') WITH CHECK (current_setting('minvej.job_worker', true) = 'on');
