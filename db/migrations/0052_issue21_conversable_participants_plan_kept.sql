-- Issue 21: portal.conversable_participants(), the set behind the row-level security of
-- conversations, messages and proposed times (migrations 0034, 0049), was a plain SQL function:
-- a definer function with its own search_path is never inlined, and Postgres 15 plans its query
-- again in every statement that calls it. The caseworker's inbox calls it three times a page. The
-- same query in PL/pgSQL is planned once per connection: 0.50 -> 0.32 ms a call for a caseworker
-- of 302 participants, 0.30 -> 0.14 for a participant (pgbench, as portal_app, 100,000
-- participants). Same rule, same rows: her own, a relative's with the messages scope (`writing`:
-- one that may also write), and the coordinating caseworker's.
CREATE OR REPLACE FUNCTION portal.conversable_participants(writing boolean) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 10
AS $$
BEGIN
  RETURN QUERY
    SELECT p.id FROM portal.participants p WHERE p.person_id = portal.current_person_id()
    UNION ALL
    SELECT g.participant_id FROM portal.relative_grants g
    WHERE g.relative_person_id = portal.current_person_id()
      AND g.status = 'active'
      AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
      AND 'messages' = ANY (g.scopes)
      AND (NOT writing OR g.may_write_messages)
    UNION ALL
    SELECT portal.my_coordinated_participants();
END
$$;
