DROP INDEX "portal"."mail_outbox_due";--> statement-breakpoint
ALTER TABLE "portal"."mail_outbox" ADD COLUMN "dropped_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_outbox_due" ON "portal"."mail_outbox" USING btree ("run_after") WHERE sent_at is null and failed_at is null and dropped_at is null;--> statement-breakpoint
-- Issue 18 (notifications and reminders, app/features/notifications): delivery through the outbox.
-- A reminder or notice that is no longer wanted when its time comes (the meeting started, was
-- moved or cancelled; the person turned it off; the message was read) is dropped: dropped_at, not
-- sent and not given up, so the dead letter (failed_at) holds only real delivery failures.
-- The retention job forgets dropped rows after the same grace as sent ones.
CREATE OR REPLACE FUNCTION portal.prune_expired(as_of timestamptz, grace_days int)
RETURNS TABLE (sessions int, invitations int, mails int)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  grace interval := make_interval(days => greatest(grace_days, 0));
BEGIN
  DELETE FROM portal.auth_sessions s
  WHERE s.ended_at IS NOT NULL OR s.absolute_expires_at <= as_of
    OR s.last_seen_at <= as_of - make_interval(mins => s.idle_minutes);
  GET DIAGNOSTICS sessions = ROW_COUNT;
  DELETE FROM portal.invitations i
  USING portal.relative_grants g
  WHERE g.id = i.grant_id AND i.used_at IS NULL AND i.expires_at <= as_of - grace
    AND (g.status::text <> 'invited' OR g.valid_until < (as_of AT TIME ZONE 'Europe/Copenhagen')::date
      OR EXISTS (SELECT 1 FROM portal.invitations newer WHERE newer.grant_id = i.grant_id AND newer.created_at > i.created_at));
  GET DIAGNOSTICS invitations = ROW_COUNT;
  DELETE FROM portal.mail_outbox m
  WHERE coalesce(m.sent_at, m.failed_at, m.dropped_at) <= as_of - grace;
  GET DIAGNOSTICS mails = ROW_COUNT;
  DELETE FROM portal.sign_in_requests r WHERE r.expires_at <= as_of;
  DELETE FROM portal.used_assertions a WHERE a.expires_at <= as_of;
  DELETE FROM portal.rate_limits l WHERE l.expires_at <= as_of;
  RETURN NEXT;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.prune_expired(timestamptz, int) FROM PUBLIC;
--> statement-breakpoint
-- True when the connection's own role is not bound by row-level security (a superuser, a role
-- with BYPASSRLS, or the schema's owner: the embedded database, migrations, seeds). Inside a
-- SECURITY DEFINER function row_security_active() answers for the function's owner, so the
-- functions below ask about session_user instead.
CREATE OR REPLACE FUNCTION portal.caller_bypasses_row_security() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_roles r
    WHERE r.rolname = session_user
      AND (r.rolsuper OR r.rolbypassrls OR r.oid = (SELECT c.relowner FROM pg_class c WHERE c.oid = 'portal.notification_settings'::regclass))
  )
$$;
--> statement-breakpoint
-- What "Du har en ny besked" needs to know about its recipient, for the request that writes the
-- message (a participant's side or her caseworker, neither of whom may read the other's settings):
-- whether and how they want notices, their quiet hours and language, whether they are the
-- participant herself, and the oldest message in the conversation the recipient has not read
-- (the notice's key: one notice per conversation until it is read). Nothing unless the caller
-- may take part in the participant's conversations, the conversation is hers, and the recipient
-- is the participant or a relative with an active grant; nothing without settings.
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
     WHERE m.conversation_id = c.id AND m.read_at IS NULL AND m.author_person_id IS DISTINCT FROM recipient
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
        AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.message_notice_recipient(uuid, uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
-- Asked by the job worker just before it sends a notification (outbox kinds meeting_reminder,
-- meeting_reminder_copy, agreement_reminder, message_notice), by the row's idempotency key:
--   meeting:<appointment>:<sequence>:<minutes>:<person>:<channel>
--   agreement:<agreement>:<due_on>:<person>:<channel>
--   message:<conversation>:<person>:<channel>:<unread message id, or another anchor>
-- wanted is true only while the meeting still has that sequence, is planned or moved and has not
-- started (a relative's copy: while her grant is active with the appointments scope and the copy
-- asked for); the agreement still has that deadline, not yet passed; the anchoring message is
-- still unread; and the person still wants this kind by this channel (meeting: these minutes).
-- With it: the person's address for the channel now, quiet hours, language and the event's time
-- (to write the text as of the moment it is sent). Only for the worker (minvej.job_worker).
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
  IF part[1] = 'meeting' AND cardinality(part) = 6 AND part[2] ~ uuid_pattern AND part[3] ~ '^[0-9]{1,9}$'
     AND part[4] ~ '^[0-9]{1,6}$' AND part[5] ~ uuid_pattern AND part[6] = outbox_channel THEN
    who := part[5]::uuid;
    SELECT a.starts_at INTO at
    FROM portal.appointments a
    WHERE a.id = part[2]::uuid AND a.sequence = part[3]::int AND a.status IN ('planned', 'moved') AND a.starts_at > as_of
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
REVOKE ALL ON FUNCTION portal.notification_at_send(text, text, timestamptz) FROM PUBLIC;
