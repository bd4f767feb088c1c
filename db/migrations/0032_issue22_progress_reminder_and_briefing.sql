-- Issue 22, "Sådan går det", its two loose ends.
--
-- 1. The monthly reminder is sent (app/features/notifications, decision 0021). portal.due_reminders
--    (0018, 0023) learns a fourth kind, `progress_checkin`: on the participant's chosen day
--    (progress_settings.reminder_day) at 10.00 Danish time, until that day ends, when she has no
--    answer set for the month. Only a day chosen before that moment counts (a day chosen the same
--    afternoon starts next month). Key `progress:<participant>:<YYYY-MM>:<person>`: at most once a
--    month, whatever day she chooses later. Only to the participant herself (no relative's copy),
--    by the channels of her notification settings, and still only to the job worker (0023).
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
  ),
  checkin_day AS (
    -- Her day in the month it is now in Copenhagen, from 10.00 until the day ends.
    SELECT ps.participant_id, ps.updated_at, c.day,
      (c.day::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen' AS due_at,
      ((c.day + 1)::timestamp) AT TIME ZONE 'Europe/Copenhagen' AS day_ends
    FROM portal.progress_settings ps
    CROSS JOIN LATERAL (
      SELECT (date_trunc('month', (as_of AT TIME ZONE 'Europe/Copenhagen')::date)::date + (ps.reminder_day - 1)) AS day
    ) c
  ),
  checkin AS (
    SELECT 'progress:' || pa.id || ':' || to_char(d.day, 'YYYY-MM') || ':' || pa.person_id,
      'progress_checkin', pa.id, pa.person_id, d.due_at, d.day_ends
    FROM checkin_day d
    JOIN portal.participants pa ON pa.id = d.participant_id
    WHERE d.due_at <= as_of AND d.day_ends > as_of AND d.updated_at < d.due_at
      AND NOT EXISTS (
        SELECT 1 FROM portal.progress_answer_sets a
        WHERE a.participant_id = pa.id AND a.month = date_trunc('month', d.day)::date)
  )
  SELECT d.reminder_key, d.kind, d.participant_id, d.person_id, d.due_at, d.event_at,
    s.by_email, s.by_sms, s.email, s.phone, s.quiet_from, s.quiet_until, pe.preferred_language::text
  FROM (SELECT * FROM meeting UNION ALL SELECT * FROM agreement UNION ALL SELECT * FROM checkin) d
  JOIN portal.notification_settings s ON s.person_id = d.person_id
  JOIN portal.persons pe ON pe.id = d.person_id
  WHERE (s.by_email OR s.by_sms)
    AND (current_setting('minvej.job_worker', true) = 'on' OR portal.caller_bypasses_row_security())
$$;
--> statement-breakpoint
-- 2. The worker's last check (0019, 0023) knows the new key: still wanted only while she has chosen
--    a day, has not answered for the key's month, and it is her day (as chosen now) from 10.00 until
--    it ends. She answered in her quiet hours, or moved the day, or chose no reminder: dropped.
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
  checkin_due timestamptz;
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
  ELSIF part[1] = 'progress' AND cardinality(part) = 5 AND part[2] ~ uuid_pattern AND part[3] ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
     AND part[4] ~ uuid_pattern AND part[5] = outbox_channel THEN
    who := part[4]::uuid;
    SELECT (d.day::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen', ((d.day + 1)::timestamp) AT TIME ZONE 'Europe/Copenhagen'
      INTO checkin_due, at
    FROM portal.progress_settings ps
    JOIN portal.participants pa ON pa.id = ps.participant_id AND pa.person_id = who
    CROSS JOIN LATERAL (SELECT to_date(part[3] || '-01', 'YYYY-MM-DD') + (ps.reminder_day - 1) AS day) d
    WHERE ps.participant_id = part[2]::uuid
      AND NOT EXISTS (
        SELECT 1 FROM portal.progress_answer_sets a
        WHERE a.participant_id = ps.participant_id AND a.month = to_date(part[3] || '-01', 'YYYY-MM-DD'));
    found_event := at IS NOT NULL AND checkin_due <= as_of AND at > as_of;
    SELECT * INTO settings FROM portal.notification_settings s WHERE s.person_id = who;
    kind_wanted := FOUND;
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
-- 3. The caseworker sees what was shared: the portal's own briefing (/sagsbehandler/<participant>)
--    reads "Sådan går det" through copies of the two views of 0028, filtered like every other
--    caseworker_portal view (0008): only the signed-in caseworker's own participants. Still only
--    shared sets and signs while shared; the energy diary has no view anywhere.
CREATE VIEW caseworker_portal.progress_answers WITH (security_barrier = true) AS
SELECT * FROM caseworker.progress_answers
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.progress_signs WITH (security_barrier = true) AS
SELECT * FROM caseworker.progress_signs
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
