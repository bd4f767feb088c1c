-- Issue 21: the signed-in caseworker's caseload (my_coordinated_participants, the set behind the
-- row-level security of every caseworker view and of her conversations) was worked out again by
-- every statement and every view that asked: 2-6 ms each at 100,000 participants, about ten times
-- for one /sagsbehandler. It is now worked out once per transaction and kept, beside the person it
-- belongs to, in a transaction-local setting (minvej.caseload); a write to what decides it (contacts,
-- professionals, a person's caseworker flag) forgets it at once. Same answers. It trusts nothing new:
-- the person still comes from minvej.person_id, which the portal sets in the same transaction.
CREATE OR REPLACE FUNCTION portal.my_coordinated_participants() RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 100
AS $$
DECLARE
  me uuid := portal.current_person_id();
  kept text := current_setting('minvej.caseload', true);
  ids uuid[];
BEGIN
  IF me IS NULL THEN
    RETURN;
  END IF;
  IF kept IS NOT NULL AND kept <> '' AND split_part(kept, ':', 1) = me::text THEN
    RETURN QUERY SELECT unnest(string_to_array(nullif(split_part(kept, ':', 2), ''), ',')::uuid[]);
    RETURN;
  END IF;
  SELECT coalesce(array_agg(pc.participant_id), '{}') INTO ids
    FROM portal.professionals pr
    JOIN portal.participant_contacts pc ON pc.professional_id = pr.id AND pc.role = 'koordinerende_sagsbehandler'
    WHERE pr.person_id = me
      AND EXISTS (SELECT 1 FROM portal.persons p WHERE p.id = me AND p.is_caseworker)
      AND NOT EXISTS (
        SELECT 1 FROM portal.participant_contacts better
        WHERE better.participant_id = pc.participant_id
          AND better.role = 'koordinerende_sagsbehandler'
          AND (better.is_primary, coalesce(better.since, '-infinity'::date), pc.professional_id)
            > (pc.is_primary, coalesce(pc.since, '-infinity'::date), better.professional_id)
      );
  PERFORM set_config('minvej.caseload', me::text || ':' || array_to_string(ids, ','), true);
  RETURN QUERY SELECT unnest(ids);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.forget_caseload() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  PERFORM set_config('minvej.caseload', '', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER participant_contacts_forget_caseload AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON portal.participant_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION portal.forget_caseload();
--> statement-breakpoint
CREATE TRIGGER professionals_forget_caseload AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON portal.professionals
  FOR EACH STATEMENT EXECUTE FUNCTION portal.forget_caseload();
--> statement-breakpoint
CREATE TRIGGER persons_forget_caseload AFTER UPDATE OF is_caseworker OR DELETE ON portal.persons
  FOR EACH STATEMENT EXECUTE FUNCTION portal.forget_caseload();
