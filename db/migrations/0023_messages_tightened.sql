-- Issue 18, after review: the database holds each side to its own part of a conversation.
--
-- 1. portal.due_reminders (0018) answers with everyone's addresses: now only to the job worker's
--    transactions (minvej.job_worker = on, as for the outbox) or the tables' owner.
CREATE OR REPLACE FUNCTION portal.due_reminders(as_of timestamptz)
RETURNS TABLE (
  reminder_key text, kind text, participant_id uuid, person_id uuid, due_at timestamptz, event_at timestamptz,
  by_email boolean, by_sms boolean, email text, phone text, quiet_from time, quiet_until time, preferred_language text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  WITH recipients AS (
    SELECT pa.id AS participant_id, pa.person_id, false AS is_copy FROM portal.participants pa
    UNION ALL
    SELECT g.participant_id, g.relative_person_id, true FROM portal.relative_grants g
    WHERE g.status = 'active' AND g.reminder_copy AND 'appointments' = ANY (g.scopes)
      AND g.valid_until >= (as_of AT TIME ZONE 'Europe/Copenhagen')::date AND g.relative_person_id IS NOT NULL
  ),
  meeting AS (
    SELECT 'meeting:' || a.id || ':' || a.sequence || ':' || m || ':' || r.person_id AS reminder_key,
      CASE WHEN r.is_copy THEN 'meeting_reminder_copy' ELSE 'meeting_reminder' END AS kind,
      a.participant_id, r.person_id, a.starts_at - make_interval(mins => m) AS due_at, a.starts_at AS event_at
    FROM portal.appointments a
    JOIN recipients r ON r.participant_id = a.participant_id
    JOIN portal.notification_settings s ON s.person_id = r.person_id
    CROSS JOIN LATERAL unnest(s.meeting_reminder_minutes) AS m
    WHERE a.status IN ('planned', 'moved') AND a.starts_at > as_of
      AND a.starts_at - make_interval(mins => m) <= as_of
      AND a.starts_at - make_interval(mins => m) > as_of - interval '6 hours'
  ),
  agreement AS (
    SELECT 'agreement:' || ag.id || ':' || ag.due_on || ':' || pa.person_id,
      'agreement_reminder', pa.id, pa.person_id,
      ((ag.due_on - 1)::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen',
      (ag.due_on::timestamp + time '23:59') AT TIME ZONE 'Europe/Copenhagen'
    FROM portal.agreements ag
    JOIN portal.plans pl ON pl.id = ag.plan_id
    JOIN portal.participants pa ON pa.id = pl.participant_id
    JOIN portal.notification_settings s ON s.person_id = pa.person_id AND s.agreement_reminders
    WHERE ag.due_on IS NOT NULL
      AND ((ag.due_on - 1)::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen' <= as_of
      AND ((ag.due_on - 1)::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen' > as_of - interval '6 hours'
  )
  SELECT d.reminder_key, d.kind, d.participant_id, d.person_id, d.due_at, d.event_at,
    s.by_email, s.by_sms, s.email, s.phone, s.quiet_from, s.quiet_until, pe.preferred_language::text
  FROM (SELECT * FROM meeting UNION ALL SELECT * FROM agreement) d
  JOIN portal.notification_settings s ON s.person_id = d.person_id
  JOIN portal.persons pe ON pe.id = d.person_id
  WHERE (s.by_email OR s.by_sms)
    AND (current_setting('minvej.job_worker', true) = 'on' OR portal.caller_bypasses_row_security())
$$;
--> statement-breakpoint
-- 2. Proposed times: read by whoever may read the conversation; proposed (inserted) only by her
--    coordinating caseworker; answered or withdrawn (updated) by the participant herself or that
--    caseworker. A relative, or a participant, can no longer make up "Sara foreslår en ny tid".
CREATE OR REPLACE FUNCTION portal.coordinates_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = target AND c.participant_id IN (SELECT portal.my_coordinated_participants())) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.owns_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM portal.conversations c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.id = target AND p.person_id = portal.current_person_id()
  )
$$;
--> statement-breakpoint
DROP POLICY proposal_rows ON portal.appointment_proposals;
--> statement-breakpoint
CREATE POLICY proposal_read ON portal.appointment_proposals FOR SELECT USING (portal.may_see_conversation(conversation_id));
--> statement-breakpoint
CREATE POLICY proposal_insert ON portal.appointment_proposals FOR INSERT WITH CHECK (portal.coordinates_conversation(conversation_id));
--> statement-breakpoint
CREATE POLICY proposal_update ON portal.appointment_proposals FOR UPDATE
  USING (portal.coordinates_conversation(conversation_id) OR portal.owns_conversation(conversation_id))
  WITH CHECK (portal.coordinates_conversation(conversation_id) OR portal.owns_conversation(conversation_id));
--> statement-breakpoint
-- 3. A message is written by the signed-in person, in the role that person has in this
--    conversation (the participant, a relative who may write, her coordinating caseworker), and is
--    never changed afterwards except for its receipt (read_at). Only the caseworker marks a
--    conversation handled.
CREATE OR REPLACE FUNCTION portal.may_write_as(target uuid, role portal.author_role) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM portal.conversations c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.id = target AND CASE role
      WHEN 'participant' THEN p.person_id = portal.current_person_id()
      WHEN 'relative' THEN portal.relative_may_converse(c.participant_id, true)
      WHEN 'caseworker' THEN c.participant_id IN (SELECT portal.my_coordinated_participants())
      ELSE false
    END
  )
$$;
--> statement-breakpoint
DROP POLICY message_insert ON portal.messages;
--> statement-breakpoint
CREATE POLICY message_insert ON portal.messages FOR INSERT
  WITH CHECK (author_person_id = portal.current_person_id() AND portal.may_write_as(conversation_id, author_role));
--> statement-breakpoint
-- Runs with the caller's rights; the owner (seeding, retention, a deleted author's SET NULL) passes.
CREATE OR REPLACE FUNCTION portal.keep_messages_as_written() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF (NEW.conversation_id, NEW.author_role, NEW.author_name, NEW.body, NEW.created_at, NEW.submission_id)
     IS DISTINCT FROM (OLD.conversation_id, OLD.author_role, OLD.author_name, OLD.body, OLD.created_at, OLD.submission_id)
     OR (NEW.author_person_id IS DISTINCT FROM OLD.author_person_id AND NEW.author_person_id IS NOT NULL)
  THEN
    RAISE EXCEPTION 'a message is not changed once it is written' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER keep_messages_as_written BEFORE UPDATE ON portal.messages
  FOR EACH ROW EXECUTE FUNCTION portal.keep_messages_as_written();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.keep_conversation_handling() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF NEW.participant_id IS DISTINCT FROM OLD.participant_id OR NEW.topic IS DISTINCT FROM OLD.topic
     OR NEW.subject IS DISTINCT FROM OLD.subject OR NEW.submission_id IS DISTINCT FROM OLD.submission_id
  THEN
    RAISE EXCEPTION 'a conversation keeps what it is about' USING ERRCODE = '42501';
  END IF;
  IF (NEW.handled_at, NEW.handled_by_person_id) IS DISTINCT FROM (OLD.handled_at, OLD.handled_by_person_id)
     AND NOT portal.caller_bypasses_row_security()
     AND NEW.participant_id NOT IN (SELECT portal.my_coordinated_participants())
     AND NEW.handled_by_person_id IS NOT NULL
  THEN
    RAISE EXCEPTION 'only the coordinating caseworker marks a conversation handled' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER keep_conversation_handling BEFORE UPDATE ON portal.conversations
  FOR EACH ROW EXECUTE FUNCTION portal.keep_conversation_handling();
--> statement-breakpoint
-- 4. The outbox: a person's request may queue only a new-message notice, and only about a
--    participant whose conversations it may write in (her caseworker's reply); invitation mail as before.
DROP POLICY outbox_rows ON portal.mail_outbox;
--> statement-breakpoint
CREATE POLICY outbox_rows ON portal.mail_outbox
  USING (current_setting('minvej.job_worker', true) = 'on')
  WITH CHECK (
    current_setting('minvej.job_worker', true) = 'on'
    OR portal.may_manage_grant(grant_id)
    OR (participant_id IS NOT NULL AND kind = 'message_notice' AND portal.may_write_with(participant_id))
  );
