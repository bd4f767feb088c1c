-- Issue 20: the case system's door. Case systems read through the API (/api/v1,
-- app/features/api), never through a database role of their own. The portal answers them as
-- portal_app, under row-level security, and reads these copies of the caseworker views: a
-- connection bound by row-level security sees only the participants of the one municipality the
-- API client belongs to, and only while no person is set (an API request never has one). The
-- owner (the embedded database, which has no other role) sees everything, as in the views; the
-- API filters by municipality itself too.
--
-- The portal sets, per transaction, after it has verified the client's access token:
--   minvej.api_municipality          the client's municipality (an id of MUNICIPALITIES_FILE)
--   minvej.api_default_municipality  the file's first municipality, which holds the participants
--                                    whose municipality_key is null
CREATE OR REPLACE FUNCTION portal.case_system_participants() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT p.id FROM portal.participants p
  WHERE portal.current_person_id() IS NULL
    AND coalesce(current_setting('minvej.api_municipality', true), '') <> ''
    AND coalesce(p.municipality_key, nullif(current_setting('minvej.api_default_municipality', true), ''))
        = current_setting('minvej.api_municipality', true)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.case_system_participants() FROM PUBLIC;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS caseworker_api;
--> statement-breakpoint
COMMENT ON SCHEMA caseworker_api IS 'The caseworker views as the API (/api/v1) reads them for one case system: only the participants of the client''s municipality. See db/caseworker/README.md.';
--> statement-breakpoint
CREATE VIEW caseworker_api.participants WITH (security_barrier = true) AS
SELECT * FROM caseworker.participants
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.plan_responses WITH (security_barrier = true) AS
SELECT * FROM caseworker.plan_responses
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.appointments WITH (security_barrier = true) AS
SELECT * FROM caseworker.appointments
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.absence_requests WITH (security_barrier = true) AS
SELECT * FROM caseworker.absence_requests
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.shared_preparation WITH (security_barrier = true) AS
SELECT * FROM caseworker.shared_preparation
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.shared_preparation_comments WITH (security_barrier = true) AS
SELECT * FROM caseworker.shared_preparation_comments
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.cv WITH (security_barrier = true) AS
SELECT * FROM caseworker.cv
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.cv_entries WITH (security_barrier = true) AS
SELECT * FROM caseworker.cv_entries
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.work_wishes WITH (security_barrier = true) AS
SELECT * FROM caseworker.work_wishes
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.network_people WITH (security_barrier = true) AS
SELECT * FROM caseworker.network_people
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.events WITH (security_barrier = true) AS
SELECT * FROM caseworker.events
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
