-- Issue 21: a caseworker's caseload was worked out from participant_contacts at every read: the
-- coordinating caseworker is the contact that no other coordinating contact beats (migration 0031's
-- rule), an anti-join over every contact of hers and their rivals. At 100,000 participants that was
-- 6-8 ms of /sagsbehandler's caseload read, and again in my_coordinated_participants. Each
-- participant now keeps that contact's professional (coordinating_professional_id), kept by
-- triggers on participant_contacts in the same transaction as the change; the view, the caseload
-- function and coordinates_participant read it. Same rule, same answers: the winner is primary
-- before not, then the latest `since` (none is earliest), then the lowest professional id.
ALTER TABLE "portal"."participants" ADD COLUMN "coordinating_professional_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."participants" ADD CONSTRAINT "participants_coordinating_professional_id_professionals_id_fk" FOREIGN KEY ("coordinating_professional_id") REFERENCES "portal"."professionals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_coordinating_professional" ON "portal"."participants" USING btree ("coordinating_professional_id");
--> statement-breakpoint
CREATE FUNCTION portal.coordinating_professional_of(target uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT pc.professional_id FROM portal.participant_contacts pc
  WHERE pc.participant_id = target AND pc.role = 'koordinerende_sagsbehandler'
  ORDER BY pc.is_primary DESC, coalesce(pc.since, '-infinity'::date) DESC, pc.professional_id
  LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.coordinating_professional_of(uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION portal.coordinating_contact_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE participants SET coordinating_professional_id = NULL WHERE coordinating_professional_id IS NOT NULL;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT participant_id FROM changed WHERE role = 'koordinerende_sagsbehandler');
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT participant_id FROM gone WHERE role = 'koordinerende_sagsbehandler');
  ELSE
    ids := ARRAY(SELECT participant_id FROM changed UNION SELECT participant_id FROM gone);
  END IF;
  IF cardinality(ids) = 0 THEN
    RETURN NULL;
  END IF;
  -- Lock first, then read (a new snapshot): a contact another transaction changed for the same
  -- participant and committed while this one waited is counted too, not overwritten.
  PERFORM 1 FROM participants WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE participants p
    SET coordinating_professional_id = coordinating_professional_of(p.id)
    WHERE p.id = ANY (ids)
      AND p.coordinating_professional_id IS DISTINCT FROM coordinating_professional_of(p.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER participant_contacts_inserted_coordinating AFTER INSERT ON portal.participant_contacts
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION portal.coordinating_contact_changed();
--> statement-breakpoint
CREATE TRIGGER participant_contacts_updated_coordinating AFTER UPDATE ON portal.participant_contacts
  REFERENCING NEW TABLE AS changed OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION portal.coordinating_contact_changed();
--> statement-breakpoint
CREATE TRIGGER participant_contacts_deleted_coordinating AFTER DELETE ON portal.participant_contacts
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION portal.coordinating_contact_changed();
--> statement-breakpoint
CREATE TRIGGER participant_contacts_truncated_coordinating AFTER TRUNCATE ON portal.participant_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION portal.coordinating_contact_changed();
--> statement-breakpoint
-- The participants so far.
UPDATE portal.participants p
  SET coordinating_professional_id = portal.coordinating_professional_of(p.id)
  WHERE EXISTS (SELECT 1 FROM portal.participant_contacts pc WHERE pc.participant_id = p.id AND pc.role = 'koordinerende_sagsbehandler');
--> statement-breakpoint
-- The same columns as migration 0031's; the coordinating contact is the one the participant keeps.
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
  pr.id AS coordinating_caseworker_professional_id,
  pr.person_id AS coordinating_caseworker_person_id,
  pr.name AS coordinating_caseworker_name,
  pc.since AS coordinating_caseworker_since,
  p.municipality_key
FROM portal.participants p
JOIN portal.persons pe ON pe.id = p.person_id
LEFT JOIN portal.professionals pr ON pr.id = p.coordinating_professional_id
LEFT JOIN portal.participant_contacts pc
  ON pc.participant_id = p.id AND pc.professional_id = p.coordinating_professional_id AND pc.role = 'koordinerende_sagsbehandler';
--> statement-breakpoint
-- As migration 0042's, with her participants read from the ones that keep her as their coordinating contact.
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
  SELECT coalesce(array_agg(p.id), '{}') INTO ids
    FROM portal.professionals pr
    JOIN portal.participants p ON p.coordinating_professional_id = pr.id
    WHERE pr.person_id = me
      AND EXISTS (SELECT 1 FROM portal.persons pe WHERE pe.id = me AND pe.is_caseworker);
  PERFORM set_config('minvej.caseload', me::text || ':' || array_to_string(ids, ','), true);
  RETURN QUERY SELECT unnest(ids);
END
$$;
--> statement-breakpoint
-- As migration 0034's, by the contact the participant keeps.
CREATE OR REPLACE FUNCTION portal.coordinates_participant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
      SELECT 1 FROM portal.participants p
      JOIN portal.professionals pr ON pr.id = p.coordinating_professional_id
      WHERE p.id = target AND pr.person_id = portal.current_person_id()
    )
    AND EXISTS (SELECT 1 FROM portal.persons p WHERE p.id = portal.current_person_id() AND p.is_caseworker)
$$;
