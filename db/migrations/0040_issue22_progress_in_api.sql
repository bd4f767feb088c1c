-- Issue 22: a case system reads "Sådan går det" through the API as the caseworker does in the
-- portal (0032): only the answer sets she shared and her signs and strategies while she shares them
-- (caseworker.progress_answers / progress_signs of 0028), and only for the client's municipality.
-- The energy diary has no view anywhere. Granted to portal_app by db/caseworker/roles.sql
-- (every view of the schema).
CREATE VIEW caseworker_api.progress_answers WITH (security_barrier = true) AS
SELECT * FROM caseworker.progress_answers
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.progress_signs WITH (security_barrier = true) AS
SELECT * FROM caseworker.progress_signs
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
