-- Issue 21: portal.my_coordinated_participants() runs in every read of a caseworker_portal view
-- (a list page reads several) and in the messages' row-level security. It now reads straight from
-- her own coordinating contacts, by the rule of caseworker.participants (migration 0031: her contact
-- is the participant's coordinating one when no other coordinating contact of the participant beats
-- it: primary first, then the latest `since`, an unknown `since` last, then the lowest professional
-- id), without joining every participant's row and person, and in PL/pgSQL, so that its plan is
-- kept per connection instead of made on every call. Same answer, only while she is a caseworker.
CREATE OR REPLACE FUNCTION portal.my_coordinated_participants() RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 100
AS $$
BEGIN
  RETURN QUERY
    SELECT pc.participant_id
    FROM portal.professionals pr
    JOIN portal.participant_contacts pc ON pc.professional_id = pr.id AND pc.role = 'koordinerende_sagsbehandler'
    WHERE pr.person_id = portal.current_person_id()
      AND EXISTS (SELECT 1 FROM portal.persons p WHERE p.id = portal.current_person_id() AND p.is_caseworker)
      AND NOT EXISTS (
        SELECT 1 FROM portal.participant_contacts better
        WHERE better.participant_id = pc.participant_id
          AND better.role = 'koordinerende_sagsbehandler'
          AND (better.is_primary, coalesce(better.since, '-infinity'::date), pc.professional_id)
            > (pc.is_primary, coalesce(pc.since, '-infinity'::date), better.professional_id)
      );
END
$$;
