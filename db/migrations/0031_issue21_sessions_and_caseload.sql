-- Issue 21: few statements per request, and a caseworker list that stays flat as data grows.
--
-- 1. One statement opens a request's session (app/lib/session.server.ts): the session of the
--    token's hash with its person (and the person's participant, if any). It holds the token's
--    hash for the request's transaction, as the app did before in a statement of its own
--    (migration 0008), and lets row-level security see the person only while the session is within
--    its idle and absolute time at `at` (the app ends it otherwise, and turns the person off again
--    when the sign-in method is no longer enabled). Before: four statements.
CREATE OR REPLACE FUNCTION portal.open_session(token_hash text, at timestamptz)
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
    AND open_session.at < s.last_seen_at + s.idle_minutes * interval '1 minute'
    AND open_session.at < s.absolute_expires_at;
  IF live_person IS NOT NULL THEN
    PERFORM set_config('minvej.person_id', live_person::text, true);
  END IF;
  RETURN QUERY
    SELECT s.id, s.person_id, s.provider, s.last_seen_at, s.absolute_expires_at, s.idle_minutes, s.authenticated_at,
      s.assurance_level, s.provider_session, pe.first_name, pe.last_name, pe.is_caseworker, pe.birth_date,
      pa.id, pa.programme::text, pa.municipality_key
    FROM portal.auth_sessions s
    JOIN portal.persons pe ON pe.id = s.person_id
    LEFT JOIN portal.participants pa ON pa.person_id = pe.id
    WHERE s.token_hash = open_session.token_hash AND s.ended_at IS NULL
    ORDER BY pa.id
    LIMIT 1;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.open_session(text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
-- 2. caseworker.participants, same columns and the same coordinating caseworker, in a shape the
--    planner can start from the caseworker's side: the coordinating contact is the one no other
--    coordinating contact of the participant beats (primary first, then the latest `since`, an
--    unknown `since` last, then the lowest professional id: the order of the LATERAL ... LIMIT 1
--    it replaces, which ran once per participant before any filter). A reader who asks for one
--    caseworker's participants (`coordinating_caseworker_person_id = ...`) now reads that
--    caseworker's contacts (professionals.person_id, participant_contacts.professional_id) and not
--    every participant. The row comparison below is that order: `better` wins when it is primary
--    and `pc` is not, or both are alike and its `since` is later, or those tie too and its
--    professional id is lower.
CREATE OR REPLACE VIEW caseworker.participants WITH (security_barrier = true) AS
SELECT
  p.id AS participant_id,
  pe.first_name,
  pe.last_name,
  p.programme::text AS programme,
  p.status::text AS status,
  p.started_on,
  p.expected_end_on,
  p.municipality,
  cw.professional_id AS coordinating_caseworker_professional_id,
  cw.person_id AS coordinating_caseworker_person_id,
  cw.name AS coordinating_caseworker_name,
  cw.since AS coordinating_caseworker_since,
  p.municipality_key
FROM portal.participants p
JOIN portal.persons pe ON pe.id = p.person_id
LEFT JOIN (
  SELECT pc.participant_id, pr.id AS professional_id, pr.person_id, pr.name, pc.since
  FROM portal.participant_contacts pc
  JOIN portal.professionals pr ON pr.id = pc.professional_id
  WHERE pc.role = 'koordinerende_sagsbehandler'
    AND NOT EXISTS (
      SELECT 1 FROM portal.participant_contacts better
      WHERE better.participant_id = pc.participant_id
        AND better.role = 'koordinerende_sagsbehandler'
        AND (better.is_primary, coalesce(better.since, '-infinity'::date), pc.professional_id)
          > (pc.is_primary, coalesce(pc.since, '-infinity'::date), better.professional_id)
    )
) cw ON cw.participant_id = p.id;
--> statement-breakpoint
-- 3. The signed-in caseworker's participants (row-level security of the messages and the
--    caseworker_portal views): her own, read from her side through the view above, not the whole
--    view filtered afterwards. Same answer as migration 0008's: only while she is a caseworker.
CREATE OR REPLACE FUNCTION portal.my_coordinated_participants() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 100
AS $$
  SELECT v.participant_id FROM caseworker.participants v
  WHERE v.coordinating_caseworker_person_id = portal.current_person_id()
    AND EXISTS (SELECT 1 FROM portal.persons p WHERE p.id = portal.current_person_id() AND p.is_caseworker)
$$;
