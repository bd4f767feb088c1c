-- Issue 18, relatives and messages: "only the participant decides what a grant allows" (0008)
-- covers the right to write in her conversations too. Migration 0018 added
-- relative_grants.may_write_messages but the guard did not list it, so a relative bound by
-- row-level security could have given themselves that right on their own grant. The guard is
-- the same as in 0008 with may_write_messages among the terms only the participant may change.
-- (reminder_copy is the relative's own choice and stays outside the list.)
CREATE OR REPLACE FUNCTION portal.guard_relative_grant_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT row_security_active('portal.relative_grants') OR portal.is_own_participant(OLD.participant_id) THEN
    RETURN NEW;
  END IF;
  IF (NEW.participant_id, NEW.invited_name, NEW.invited_email, NEW.relation, NEW.scopes, NEW.may_comment,
      NEW.may_write_messages, NEW.bisidder_appointment_ids, NEW.valid_until, NEW.created_at)
     IS DISTINCT FROM
     (OLD.participant_id, OLD.invited_name, OLD.invited_email, OLD.relation, OLD.scopes, OLD.may_comment,
      OLD.may_write_messages, OLD.bisidder_appointment_ids, OLD.valid_until, OLD.created_at)
     OR NEW.relative_person_id IS DISTINCT FROM portal.current_person_id()
     OR (OLD.relative_person_id IS NOT NULL AND OLD.relative_person_id IS DISTINCT FROM NEW.relative_person_id)
     OR NOT (
       (NEW.status = OLD.status AND NEW.status::text IN ('active', 'awaiting_confirmation')
         AND NEW.accepted_at IS NOT DISTINCT FROM OLD.accepted_at AND NEW.ended_at IS NOT DISTINCT FROM OLD.ended_at)
       OR (OLD.status = 'invited' AND NEW.status::text IN ('awaiting_confirmation', 'ended_by_relative'))
       OR (OLD.status::text IN ('active', 'awaiting_confirmation') AND NEW.status = 'ended_by_relative')
     )
  THEN
    RAISE EXCEPTION 'only the participant may change what a grant allows' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
