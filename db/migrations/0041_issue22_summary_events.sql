-- Issue 22, Referat efter samtalen: the events of migration 0036, put right. A case system's
-- publication is now written as the audit action summary.published / summary.corrected without an
-- actor person (the 0030 trigger, which takes every case_system.* row, made a second event of the
-- old action), and the caseworker's caseworker.summary_* becomes summary.* (0036 cut the kind at the
-- wrong underscore for the case system's). Same events otherwise: actor_role caseworker or case_system.
DROP TRIGGER IF EXISTS summary_to_caseworker_outbox ON portal.audit_events;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.summary_to_caseworker_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  event_id bigint;
  event_kind text := CASE WHEN NEW.action LIKE 'caseworker.summary\_%' THEN 'summary.' || substr(NEW.action, length('caseworker.summary_') + 1) ELSE NEW.action END;
BEGIN
  INSERT INTO portal.caseworker_outbox (participant_id, kind, actor_role, details, audit_event_id, occurred_at)
  VALUES (NEW.participant_id, event_kind, CASE WHEN NEW.actor_person_id IS NULL THEN 'case_system' ELSE 'caseworker' END,
          NEW.details, NEW.id, NEW.occurred_at)
  RETURNING id INTO event_id;
  PERFORM pg_notify('caseworker_events', json_build_object('id', event_id, 'participant_id', NEW.participant_id, 'kind', event_kind)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER summary_to_caseworker_outbox AFTER INSERT ON portal.audit_events
  FOR EACH ROW
  WHEN (NEW.participant_id IS NOT NULL AND (
    (NEW.actor_person_id IS NOT NULL AND NEW.action IN ('caseworker.summary_published', 'caseworker.summary_corrected'))
    OR (NEW.actor_person_id IS NULL AND NEW.action IN ('summary.published', 'summary.corrected'))))
  EXECUTE FUNCTION portal.summary_to_caseworker_outbox();
