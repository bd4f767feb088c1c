-- Issue 22, "Mine data" (/mine-data, app/features/my-data).
--
-- 1. The signed-in person's own CPR number, masked: the first six digits (the birth date) and
--    "-xxxx". portal_app may never read persons.cpr (roles.sql); this view reads it with its
--    owner's rights and lets only the masked form out, only for the person this request acts as
--    (the owner, as on the embedded database, sees every row, as in the caseworker views).
--    DISTINCT makes the view read-only: an automatically updatable view would let portal_app
--    write persons with the owner's rights.
CREATE VIEW portal.own_cpr_masked WITH (security_barrier = true) AS
SELECT DISTINCT
  p.id AS person_id,
  CASE WHEN p.cpr ~ '^[0-9]{6}-?[0-9]{4}$' THEN substr(p.cpr, 1, 6) || '-xxxx' END AS cpr_masked
FROM portal.persons p
WHERE NOT row_security_active('portal.persons') OR p.id = portal.current_person_id();
--> statement-breakpoint
COMMENT ON VIEW portal.own_cpr_masked IS 'The signed-in person''s CPR number as "ddmmyy-xxxx" (never whole), for her own data export. Read-only.';
--> statement-breakpoint
-- 2. The change feed (migrations 0006, 0028) leaves out my_data.* (her downloads and deletions of
--    her own private things). Everything else is as 0028 wrote it.
CREATE OR REPLACE FUNCTION portal.audit_to_caseworker_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  event_id bigint;
  role text;
BEGIN
  IF NEW.participant_id IS NULL OR NEW.actor_person_id IS NULL THEN
    RETURN NULL;
  END IF;
  -- Reading, signing in and the caseworker's own reads are not changes.
  IF NEW.action LIKE 'session.%' OR NEW.action LIKE 'caseworker.%' OR NEW.action LIKE '%.viewed'
     OR NEW.action LIKE 'appointment.calendar_feed_%' THEN
    RETURN NULL;
  END IF;
  -- Mine data (issue 22): her own downloads of everything, and her deleting her own private
  -- things, are hers alone. A request to the municipality reaches it as a message instead.
  IF NEW.action LIKE 'my_data.%' THEN
    RETURN NULL;
  END IF;
  -- Work the caseworker cannot see must not show up as activity either: drafts of the
  -- preparation, a CV or network that is not shared, a relative's remarks (shared with the part).
  IF NEW.action IN ('preparation.part_saved', 'preparation.about_meeting_read', 'relatives.commented', 'relatives.comment_deleted') THEN
    RETURN NULL;
  END IF;
  IF (NEW.action LIKE 'cv.%' OR NEW.action LIKE 'work_tasks.%') AND NEW.action <> 'cv.shared'
     AND NOT EXISTS (SELECT 1 FROM portal.cv_profiles c WHERE c.participant_id = NEW.participant_id AND c.shared_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  IF NEW.action LIKE 'network.%' AND NEW.action NOT LIKE 'network.shar%' AND NEW.action NOT LIKE 'network.unshar%'
     AND NOT EXISTS (SELECT 1 FROM portal.share_settings s WHERE s.participant_id = NEW.participant_id AND s.network_shared_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  -- Sådan går det (issue 22): only these, and a save only of what is shared at that moment. The
  -- diary, the reminder day and anything new in the area stay out until named here.
  IF NEW.action LIKE 'progress.%' THEN
    IF NEW.action NOT IN ('progress.answers_shared', 'progress.answers_sharing_stopped', 'progress.answers_saved',
                          'progress.signs_shared', 'progress.signs_sharing_stopped', 'progress.signs_saved') THEN
      RETURN NULL;
    END IF;
    IF NEW.action = 'progress.answers_saved' AND NOT EXISTS (
         SELECT 1 FROM portal.progress_answer_sets a
         WHERE a.participant_id = NEW.participant_id AND a.id::text = NEW.details->>'answerSetId' AND a.shared_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    IF NEW.action = 'progress.signs_saved' AND NOT EXISTS (
         SELECT 1 FROM portal.progress_signs s WHERE s.participant_id = NEW.participant_id AND s.shared_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
  END IF;
  role := CASE WHEN EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = NEW.participant_id AND p.person_id = NEW.actor_person_id)
               THEN 'participant' ELSE 'relative' END;
  INSERT INTO portal.caseworker_outbox (participant_id, kind, actor_role, details, audit_event_id, occurred_at)
  VALUES (NEW.participant_id, NEW.action, role, NEW.details, NEW.id, NEW.occurred_at)
  RETURNING id INTO event_id;
  -- A wake-up hint only (delivered at commit, never for a rolled-back write): read the view.
  PERFORM pg_notify('caseworker_events', json_build_object('id', event_id, 'participant_id', NEW.participant_id, 'kind', NEW.action)::text);
  RETURN NULL;
END
$$;
