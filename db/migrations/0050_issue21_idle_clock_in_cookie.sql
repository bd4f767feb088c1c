-- Issue 21: no writes on a GET. A session's idle clock moves from the database into a signed cookie
-- of its own beside the session's (app/lib/session.server.ts, decision 0005): the portal no longer
-- writes auth_sessions.last_seen_at once a minute while someone reads; it sends that seen cookie
-- again, with the time of the request in it and tied to the session's token.
--
-- 1. open_session takes the time the request's seen cookie carries (`seen_at`, null without one)
--    and counts the session as seen at the later of that and last_seen_at (the sign-in writes it,
--    and so do processes of the release before during a rolling update), never later than `at`
--    (least() passes over a null: without a time, last_seen_at alone counts). A copy of an older
--    seen cookie keeps its own older time: with it the session is over 30 minutes (a caseworker's
--    15) after that time, however long the newer one is in use. The function returns that time as
--    last_seen_at. The two-argument version stays for the release before; a later migration drops it.
CREATE OR REPLACE FUNCTION portal.open_session(token_hash text, at timestamptz, seen_at timestamptz)
RETURNS TABLE (
  session_id uuid, person_id uuid, provider text, last_seen_at timestamptz, absolute_expires_at timestamptz,
  idle_minutes smallint, authenticated_at timestamptz, assurance_level text, provider_session jsonb,
  first_name text, last_name text, is_caseworker boolean, birth_date date,
  participant_id uuid, programme text, municipality_key text
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
#variable_conflict use_column
DECLARE
  live_person uuid;
BEGIN
  PERFORM set_config('minvej.session_token_hash', open_session.token_hash, true);
  SELECT s.person_id INTO live_person
  FROM portal.auth_sessions s
  WHERE s.token_hash = open_session.token_hash AND s.ended_at IS NULL
    AND open_session.at < greatest(s.last_seen_at, least(coalesce(open_session.seen_at, s.last_seen_at), open_session.at)) + s.idle_minutes * interval '1 minute'
    AND open_session.at < s.absolute_expires_at;
  IF live_person IS NOT NULL THEN
    PERFORM set_config('minvej.person_id', live_person::text, true);
  END IF;
  RETURN QUERY
    SELECT s.id, s.person_id, s.provider, greatest(s.last_seen_at, least(coalesce(open_session.seen_at, s.last_seen_at), open_session.at)), s.absolute_expires_at,
      s.idle_minutes, s.authenticated_at, s.assurance_level, s.provider_session, pe.first_name, pe.last_name, pe.is_caseworker,
      pe.birth_date, pa.id, pa.programme::text, pa.municipality_key
    FROM portal.auth_sessions s
    JOIN portal.persons pe ON pe.id = s.person_id
    LEFT JOIN portal.participants pa ON pa.person_id = pe.id
    WHERE s.token_hash = open_session.token_hash AND s.ended_at IS NULL
    ORDER BY pa.id
    LIMIT 1;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.open_session(text, timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
-- 2. The retention job can no longer see that a session sat idle (its clock is in the browser's
--    cookie): it deletes the ended and those past their absolute end (8 hours), as before, and no
--    longer those whose last_seen_at is old. A session idle past its time cannot come back (every
--    cookie for it carries a time at least that old); its row is deleted at its absolute end.
CREATE OR REPLACE FUNCTION portal.prune_expired(as_of timestamptz, grace_days integer)
RETURNS TABLE (sessions integer, invitations integer, mails integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  grace interval := make_interval(days => greatest(grace_days, 0));
BEGIN
  DELETE FROM portal.auth_sessions s
  WHERE s.ended_at IS NOT NULL OR s.absolute_expires_at <= as_of;
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
