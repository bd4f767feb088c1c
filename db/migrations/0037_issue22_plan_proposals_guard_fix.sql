-- Issue 22, "Forslag til min plan": migration 0035's guard trigger read NEW.participant_id on
-- portal.sub_goals too (PL/pgSQL does not skip a condition on another table's column), so every
-- insert into sub_goals failed. One function per table now; same rule: a coordinating caseworker's
-- request never changes her own goal or her marks and comments. The cheap comparison comes first.
CREATE OR REPLACE FUNCTION portal.keep_participant_words_from_caseworker() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF (NEW.own_goal, NEW.own_goal_version, NEW.own_goal_updated_at) IS DISTINCT FROM (OLD.own_goal, OLD.own_goal_version, OLD.own_goal_updated_at) THEN
    IF portal.coordinates_participant(NEW.participant_id) THEN
      RAISE EXCEPTION 'the own goal is the participant''s' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.keep_sub_goal_marks_from_caseworker() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.participant_status IS NOT NULL OR NEW.participant_comment IS NOT NULL OR NEW.participant_updated_at IS NOT NULL THEN
      IF portal.coordinates_plan(NEW.plan_id) THEN
        RAISE EXCEPTION 'a sub-goal''s marks and comments are the participant''s' USING ERRCODE = '42501';
      END IF;
    END IF;
  ELSIF (NEW.participant_status, NEW.participant_comment, NEW.participant_updated_at)
        IS DISTINCT FROM (OLD.participant_status, OLD.participant_comment, OLD.participant_updated_at) THEN
    IF portal.coordinates_plan(NEW.plan_id) THEN
      RAISE EXCEPTION 'a sub-goal''s marks and comments are the participant''s' USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS keep_participant_words_from_caseworker ON portal.sub_goals;
--> statement-breakpoint
CREATE TRIGGER keep_sub_goal_marks_from_caseworker BEFORE INSERT OR UPDATE ON portal.sub_goals
  FOR EACH ROW EXECUTE FUNCTION portal.keep_sub_goal_marks_from_caseworker();
