ALTER TABLE "portal"."appointments" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."appointments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Issue 18 (calendar): a moved meeting updates in the participant's calendar app. Calendar apps
-- replace an event they already hold (same UID) only when its SEQUENCE is higher, and show
-- LAST-MODIFIED; app/features/appointments/ical.ts writes both from these two columns.
-- Meetings already booked keep the time they were created as their last change.
UPDATE portal.appointments SET updated_at = created_at;
--> statement-breakpoint
-- The jobcentre's case system writes portal.appointments directly (jobcentre_writer), so the
-- database, not the portal, keeps the count: whenever something a calendar shows changes (the
-- single meeting's .ics shows kind, title, purpose, time, mode, place, address, directions,
-- phone and video notes, what to bring and status; the feed a subset), sequence goes one up and
-- updated_at becomes now(). Any other change (support person allowed, afterwards) leaves both
-- as they were, and neither can be set by hand: a writer that copies an old row back cannot
-- lower the sequence a calendar already holds. Only a trigger's NEW row is changed, so it runs
-- with the caller's rights.
CREATE OR REPLACE FUNCTION portal.bump_appointment_sequence() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF (NEW.kind, NEW.title, NEW.purpose, NEW.starts_at, NEW.ends_at, NEW.mode, NEW.place_name, NEW.address,
      NEW.directions, NEW.phone_note, NEW.video_note, NEW.bring_items, NEW.status)
     IS DISTINCT FROM
     (OLD.kind, OLD.title, OLD.purpose, OLD.starts_at, OLD.ends_at, OLD.mode, OLD.place_name, OLD.address,
      OLD.directions, OLD.phone_note, OLD.video_note, OLD.bring_items, OLD.status)
  THEN
    NEW.sequence := OLD.sequence + 1;
    NEW.updated_at := now();
  ELSE
    NEW.sequence := OLD.sequence;
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.bump_appointment_sequence() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER bump_appointment_sequence BEFORE UPDATE ON portal.appointments
  FOR EACH ROW EXECUTE FUNCTION portal.bump_appointment_sequence();
