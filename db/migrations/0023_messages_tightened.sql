-- Issue 18, after review: the database holds each side to its own part of a conversation.
--
-- 1. portal.due_reminders (0018) answers with everyone's addresses: now only to the job worker's
--    transactions (minvej.job_worker = on, as for the outbox) or the tables' owner. A meeting
--    reminder's key names the meeting's start time, not its sequence: the sequence also rises when
--    only what to bring or the directions change (0017), and the same reminder would go twice.
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
    SELECT 'meeting:' || a.id || ':' || extract(epoch FROM a.starts_at)::bigint || ':' || m || ':' || r.person_id AS reminder_key,
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
--> statement-breakpoint
-- 5. The worker's last check (0019) reads the same key: the meeting must still start at the time
--    the reminder was made for (moved: dropped, and the new time gets its own).
CREATE OR REPLACE FUNCTION portal.notification_at_send(outbox_key text, outbox_channel text, as_of timestamptz)
RETURNS TABLE (
  wanted boolean, address text, quiet_from time, quiet_until time, event_at timestamptz, preferred_language text
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  part text[] := string_to_array(outbox_key, ':');
  uuid_pattern constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
  who uuid;
  found_event boolean := false;
  kind_wanted boolean := false;
  at timestamptz;
  settings portal.notification_settings%ROWTYPE;
BEGIN
  IF coalesce(current_setting('minvej.job_worker', true), '') <> 'on' AND NOT portal.caller_bypasses_row_security() THEN
    RETURN;
  END IF;
  IF part[1] = 'meeting' AND cardinality(part) = 6 AND part[2] ~ uuid_pattern AND part[3] ~ '^[0-9]{1,12}$'
     AND part[4] ~ '^[0-9]{1,6}$' AND part[5] ~ uuid_pattern AND part[6] = outbox_channel THEN
    who := part[5]::uuid;
    SELECT a.starts_at INTO at
    FROM portal.appointments a
    WHERE a.id = part[2]::uuid AND extract(epoch FROM a.starts_at)::bigint = part[3]::bigint AND a.status IN ('planned', 'moved') AND a.starts_at > as_of
      AND (EXISTS (SELECT 1 FROM portal.participants pa WHERE pa.id = a.participant_id AND pa.person_id = who)
        OR EXISTS (
          SELECT 1 FROM portal.relative_grants g
          WHERE g.participant_id = a.participant_id AND g.relative_person_id = who AND g.status = 'active'
            AND g.reminder_copy AND 'appointments' = ANY (g.scopes)
            AND g.valid_until >= (as_of AT TIME ZONE 'Europe/Copenhagen')::date));
    found_event := at IS NOT NULL;
    SELECT * INTO settings FROM portal.notification_settings s WHERE s.person_id = who;
    kind_wanted := FOUND AND part[4]::int = ANY (settings.meeting_reminder_minutes);
  ELSIF part[1] = 'agreement' AND cardinality(part) = 5 AND part[2] ~ uuid_pattern AND part[3] ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
     AND part[4] ~ uuid_pattern AND part[5] = outbox_channel THEN
    who := part[4]::uuid;
    SELECT (ag.due_on::timestamp + time '23:59') AT TIME ZONE 'Europe/Copenhagen' INTO at
    FROM portal.agreements ag
    JOIN portal.plans pl ON pl.id = ag.plan_id
    JOIN portal.participants pa ON pa.id = pl.participant_id AND pa.person_id = who
    WHERE ag.id = part[2]::uuid AND ag.due_on::text = part[3]
      AND (ag.due_on::timestamp + time '23:59') AT TIME ZONE 'Europe/Copenhagen' > as_of;
    found_event := at IS NOT NULL;
    SELECT * INTO settings FROM portal.notification_settings s WHERE s.person_id = who;
    kind_wanted := FOUND AND settings.agreement_reminders;
  ELSIF part[1] = 'message' AND cardinality(part) = 5 AND part[2] ~ uuid_pattern AND part[3] ~ uuid_pattern
     AND part[4] = outbox_channel THEN
    who := part[3]::uuid;
    found_event := EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = part[2]::uuid)
      AND (part[5] !~ uuid_pattern OR EXISTS (
        SELECT 1 FROM portal.messages m WHERE m.id = part[5]::uuid AND m.conversation_id = part[2]::uuid AND m.read_at IS NULL));
    SELECT * INTO settings FROM portal.notification_settings s WHERE s.person_id = who;
    kind_wanted := FOUND AND settings.new_messages;
  ELSE
    RETURN;
  END IF;
  IF settings.person_id IS NULL THEN
    RETURN QUERY SELECT false, NULL::text, NULL::time, NULL::time, at, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY
  SELECT found_event AND kind_wanted
      AND CASE outbox_channel WHEN 'email' THEN settings.by_email WHEN 'sms' THEN settings.by_sms ELSE false END,
    CASE outbox_channel WHEN 'email' THEN settings.email WHEN 'sms' THEN settings.phone END,
    settings.quiet_from, settings.quiet_until, at,
    (SELECT pe.preferred_language::text FROM portal.persons pe WHERE pe.id = who);
END
$$;
--> statement-breakpoint
-- 6. The new-message notice (0019): anchored on the oldest of the caseworker's messages the
--    participant has not read (a relative's message, read when the caseworker opens the
--    conversation, would drop the notice before she read the answer); a relative recipient only
--    with the messages scope.
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
    AND (portal.may_converse_with(target_participant) OR portal.caller_bypasses_row_security())
    AND (pa.person_id = recipient OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.participant_id = target_participant AND g.relative_person_id = recipient AND g.status = 'active'
        AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date AND 'messages' = ANY (g.scopes)))
$$;
