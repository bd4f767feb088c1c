-- Issue 17: who may accept a relative's invitation, held by the database as well as the app
-- (app/features/relatives/commands.server.ts, refusedAnswerer): the accepting person must be 15
-- or older on the day (Copenhagen), by a birth date we know (from the CPR register through
-- NemLog-in or the jobcentre), and, when the participant bound the invitation to a birth date,
-- born on that day (the binding as the participant set it: OLD). Only the participant may set or
-- change the binding. Runs with the caller's rights, so that row_security_active() answers for
-- the caller; the accepting relative may read her own person's birth date (migration 0008).
CREATE OR REPLACE FUNCTION portal.guard_relative_acceptance() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
DECLARE
  born date;
  today date := (now() AT TIME ZONE 'Europe/Copenhagen')::date;
BEGIN
  IF NEW.bound_birth_date IS DISTINCT FROM OLD.bound_birth_date
     AND row_security_active('portal.relative_grants') AND NOT portal.is_own_participant(OLD.participant_id) THEN
    RAISE EXCEPTION 'only the participant may bind an invitation to a birth date' USING ERRCODE = '42501';
  END IF;
  IF OLD.status::text = 'invited' AND NEW.status::text = 'awaiting_confirmation' THEN
    SELECT p.birth_date INTO born FROM portal.persons p WHERE p.id = NEW.relative_person_id;
    IF born IS NULL OR born > (today - interval '15 years')::date THEN
      RAISE EXCEPTION 'a relative must be 15 or older' USING ERRCODE = '42501';
    END IF;
    IF OLD.bound_birth_date IS NOT NULL AND OLD.bound_birth_date <> born THEN
      RAISE EXCEPTION 'this invitation is for someone born on another day' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.guard_relative_acceptance() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER guard_relative_acceptance BEFORE UPDATE ON portal.relative_grants
  FOR EACH ROW EXECUTE FUNCTION portal.guard_relative_acceptance();
