-- Issue 14, point 7: a relative whose access has ended opens one of the shared pages and learns
-- that it has ended, and when, not a bare 404. Row-level security no longer shows them the
-- participant's name once no active grant binds them (portal.may_see_person), so this answers that
-- one question for the signed-in person's own latest grant for one participant: her first name,
-- how the grant ended and on which day. Nothing else of hers. Null when the person never held a
-- grant for her (accepted at some point, and not rejected at her confirmation), so an unknown id
-- still looks like any other unknown id.
CREATE OR REPLACE FUNCTION portal.ended_access_for_relative(target uuid)
RETURNS TABLE (first_name text, status text, ended_at timestamptz, valid_until date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT pe.first_name, g.status::text, g.ended_at, g.valid_until
  FROM portal.relative_grants g
  JOIN portal.participants pa ON pa.id = g.participant_id
  JOIN portal.persons pe ON pe.id = pa.person_id
  WHERE g.participant_id = target
    AND g.relative_person_id = portal.current_person_id()
    AND g.accepted_at IS NOT NULL
    AND g.status::text IN ('active', 'withdrawn', 'ended_by_relative')
    -- Rejected at the participant's confirmation ("is this the person you invited?"): that person
    -- never had access, so nothing "ended" for them.
    AND NOT EXISTS (
      SELECT 1 FROM portal.audit_events a
      WHERE a.action = 'relatives.rejected' AND a.details ->> 'grantId' = g.id::text
    )
  ORDER BY g.accepted_at DESC
  LIMIT 1
$$;
