-- Row-level security on participant data (defence in depth) and the caseworker events outbox.
-- Roles and grants live in db/caseworker/roles.sql (an idempotent script run after migrations);
-- this file only needs objects that exist in every database, the embedded one included.

-- Who is asking: the person id the portal sets per transaction with
-- set_config('minvej.person_id', <uuid>, true). Missing or malformed means nobody.
CREATE OR REPLACE FUNCTION portal.current_person_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN current_setting('minvej.person_id', true) ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    THEN current_setting('minvej.person_id', true)::uuid
  END
$$;
--> statement-breakpoint
-- The participant themselves, or a relative with an active grant that has not run out
-- (any scope: which scope may see what is the application's finer check).
CREATE OR REPLACE FUNCTION portal.may_see_participant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
      SELECT 1 FROM portal.participants p
      WHERE p.id = target AND p.person_id = portal.current_person_id()
    ) OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.participant_id = target
        AND g.relative_person_id = portal.current_person_id()
        AND g.status = 'active'
        AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
    )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_plan(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND portal.may_see_participant(t.participant_id)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_appointment(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.appointments t WHERE t.id = target AND portal.may_see_participant(t.participant_id)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_sub_goal(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.sub_goals s JOIN portal.plans p ON p.id = s.plan_id WHERE s.id = target AND portal.may_see_participant(p.participant_id)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_preparation_part(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.preparation_parts t WHERE t.id = target AND portal.may_see_participant(t.participant_id)) $$;
--> statement-breakpoint
ALTER TABLE portal.plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.plans USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.appointments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.appointments USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.cv_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.cv_profiles USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.cv_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.cv_entries USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.work_wishes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.work_wishes USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.task_suggestions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.task_suggestions USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.network_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.network_people USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.network_snapshots ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.network_snapshots USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.share_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.share_settings USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.preparation_parts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.preparation_parts USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.preparation_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.preparation_shares USING (portal.may_see_participant(participant_id)) WITH CHECK (portal.may_see_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.plan_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.plan_versions USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.sub_goals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.sub_goals USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.activities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.activities USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.agreements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.agreements USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.own_goal_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.own_goal_versions USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.plan_responses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.plan_responses USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.plan_visits ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.plan_visits USING (portal.may_see_plan(plan_id)) WITH CHECK (portal.may_see_plan(plan_id));
--> statement-breakpoint
ALTER TABLE portal.sub_goal_updates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.sub_goal_updates USING (portal.may_see_sub_goal(sub_goal_id)) WITH CHECK (portal.may_see_sub_goal(sub_goal_id));
--> statement-breakpoint
ALTER TABLE portal.appointment_attendees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.appointment_attendees USING (portal.may_see_appointment(appointment_id)) WITH CHECK (portal.may_see_appointment(appointment_id));
--> statement-breakpoint
ALTER TABLE portal.appointment_preparations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.appointment_preparations USING (portal.may_see_appointment(appointment_id)) WITH CHECK (portal.may_see_appointment(appointment_id));
--> statement-breakpoint
ALTER TABLE portal.absence_notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.absence_notices USING (portal.may_see_appointment(appointment_id)) WITH CHECK (portal.may_see_appointment(appointment_id));
--> statement-breakpoint
ALTER TABLE portal.preparation_comments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_data ON portal.preparation_comments USING (portal.may_see_preparation_part(preparation_part_id)) WITH CHECK (portal.may_see_preparation_part(preparation_part_id));
--> statement-breakpoint
-- The audit log: anyone may append (the portal has no UPDATE or DELETE on it); a row is read
-- by its actor or by someone who may see the participant it concerns.
ALTER TABLE portal.audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_append ON portal.audit_events FOR INSERT WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_read ON portal.audit_events FOR SELECT
  USING (actor_person_id = portal.current_person_id() OR (participant_id IS NOT NULL AND portal.may_see_participant(participant_id)));
--> statement-breakpoint
-- The outbox behind caseworker.events: one row per participant or relative write the caseworker
-- may know of, written by a trigger on the audit log, so in the same transaction as the write.
CREATE TABLE portal.caseworker_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES portal.participants(id) ON DELETE CASCADE,
  kind text NOT NULL,
  actor_role text NOT NULL CHECK (actor_role IN ('participant', 'relative')),
  details jsonb NOT NULL DEFAULT '{}',
  audit_event_id bigint NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id()
);
--> statement-breakpoint
CREATE INDEX caseworker_outbox_participant ON portal.caseworker_outbox (participant_id, id);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.audit_to_caseworker_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  event_id bigint;
  role text;
BEGIN
  IF NEW.participant_id IS NULL OR NEW.actor_person_id IS NULL THEN
    RETURN NULL;
  END IF;
  -- Reading, signing in and the caseworker's own reads are not changes.
  IF NEW.action LIKE 'session.%' OR NEW.action LIKE 'caseworker.%' OR NEW.action LIKE '%.viewed'
     OR NEW.action LIKE 'appointment.calendar_feed_%' THEN
    RETURN NULL;
  END IF;
  -- Work the caseworker cannot see must not show up as activity either: drafts of the
  -- preparation, a CV or network that is not shared, a relative's remarks (shared with the part).
  IF NEW.action IN ('preparation.part_saved', 'preparation.about_meeting_read', 'relatives.commented', 'relatives.comment_deleted') THEN
    RETURN NULL;
  END IF;
  IF (NEW.action LIKE 'cv.%' OR NEW.action LIKE 'work_tasks.%') AND NEW.action <> 'cv.shared'
     AND NOT EXISTS (SELECT 1 FROM portal.cv_profiles c WHERE c.participant_id = NEW.participant_id AND c.shared_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  IF NEW.action LIKE 'network.%' AND NEW.action NOT LIKE 'network.shar%' AND NEW.action NOT LIKE 'network.unshar%'
     AND NOT EXISTS (SELECT 1 FROM portal.share_settings s WHERE s.participant_id = NEW.participant_id AND s.network_shared_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  role := CASE WHEN EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = NEW.participant_id AND p.person_id = NEW.actor_person_id)
               THEN 'participant' ELSE 'relative' END;
  INSERT INTO portal.caseworker_outbox (participant_id, kind, actor_role, details, audit_event_id, occurred_at)
  VALUES (NEW.participant_id, NEW.action, role, NEW.details, NEW.id, NEW.occurred_at)
  RETURNING id INTO event_id;
  -- A wake-up hint only (delivered at commit, never for a rolled-back write): read the view.
  PERFORM pg_notify('caseworker_events', json_build_object('id', event_id, 'participant_id', NEW.participant_id, 'kind', NEW.action)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_to_caseworker_outbox AFTER INSERT ON portal.audit_events
FOR EACH ROW EXECUTE FUNCTION portal.audit_to_caseworker_outbox();
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS caseworker;
--> statement-breakpoint
CREATE VIEW caseworker.events AS
SELECT
  o.id,
  o.participant_id,
  o.kind,
  split_part(o.kind, '.', 1) AS area,
  o.actor_role,
  o.details,
  o.occurred_at,
  -- The writing transaction's id. Ids are handed out before commit, so a reader that wants no
  -- gaps reads settled events in (transaction_position, id) order, see db/caseworker/README.md.
  o.transaction_id::text::bigint AS transaction_position,
  -- true once every transaction that could still add an event before this one has ended
  o.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) AS settled
FROM portal.caseworker_outbox o;
--> statement-breakpoint
COMMENT ON VIEW caseworker.events IS 'One row per participant or relative write that a caseworker may know of, in the order written. Wake-up hint: LISTEN caseworker_events.';
