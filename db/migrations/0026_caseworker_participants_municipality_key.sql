-- Issue 19: the caseworker contract gains municipality_key (which configured municipality the
-- participant belongs to; null: the portal's first), appended at the end so existing readers keep
-- their columns. The portal's own copy (caseworker_portal.participants, `SELECT *`) is replaced
-- too, since a view's `*` is fixed when it is made.
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
LEFT JOIN LATERAL (
  SELECT pr.id AS professional_id, pr.person_id, pr.name, pc.since
  FROM portal.participant_contacts pc
  JOIN portal.professionals pr ON pr.id = pc.professional_id
  WHERE pc.participant_id = p.id AND pc.role = 'koordinerende_sagsbehandler'
  ORDER BY pc.is_primary DESC, pc.since DESC NULLS LAST, pr.id
  LIMIT 1
) cw ON true;
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.municipality_key IS 'The municipality''s id in the portal''s MUNICIPALITIES_FILE; null: the file''s first. Added by issue 19.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.programme IS 'ressourceforloeb (only people who started before the 2026 reform), jobafklaringsforloeb or kontaktforloeb (the new rules).';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker_portal.participants WITH (security_barrier = true) AS
SELECT * FROM caseworker.participants
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
