-- Issue 21: the functions that row-level security calls for each row (may_see_participant,
-- may_see_plan, coordinates_participant, case_system_has_participant, ...) were plain SQL functions.
-- A definer function with its own search_path is never inlined, and Postgres 15 plans a SQL
-- function's query again in every statement that calls it, once for each place it is called: a
-- participant page's one statement reads a dozen tables, each with two or three such policies, and
-- spent most of its time planning them. /min-plan's statement took 3.1 ms as portal_app against 0.27
-- ms for the same statement without row-level security; with the same functions in PL/pgSQL, whose
-- plans are kept per connection, 0.88 ms (pgbench, 100,000 participants; /moeder's 3.1 -> 1.0). A
-- call costs what it did (26.7 against 25.4 µs, 20,000 calls with a new argument each).
--
-- Each function keeps its body, its arguments, volatility, definer rights and search_path; only the
-- language changes. `#variable_conflict use_column` keeps a SQL function's rule where an argument
-- and a column share a name (the column wins). Every body gives one value (EXISTS, a boolean
-- expression, or a lookup by a unique key), so `RETURN (...)` answers as the SQL function did.
-- tests/integration/row-security-functions.test.ts keeps every function behind row-level security
-- and the caseworker_portal and caseworker_api views out of the per-statement kind.
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_active()
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT portal.current_person_id() IS NULL AND coalesce(current_setting('minvej.api_municipality', true), '') <> '');
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_appointment(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.appointments t WHERE t.id = target AND portal.case_system_has_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_conversation(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.conversations t WHERE t.id = target AND portal.case_system_has_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_has_participant(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT portal.case_system_active() AND EXISTS (
    SELECT 1 FROM portal.participants p WHERE p.id = target AND portal.case_system_sees_municipality(p.municipality_key)
  ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_plan(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND portal.case_system_has_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.case_system_professional(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
    SELECT 1 FROM portal.participant_contacts c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.professional_id = target AND portal.case_system_sees_municipality(p.municipality_key)
  ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.coordinates_conversation(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = target AND portal.coordinates_participant(c.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.coordinates_participant(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
      SELECT 1 FROM portal.participants p
      JOIN portal.professionals pr ON pr.id = p.coordinating_professional_id
      WHERE p.id = target AND pr.person_id = portal.current_person_id()
    )
    AND EXISTS (SELECT 1 FROM portal.persons p WHERE p.id = portal.current_person_id() AND p.is_caseworker));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.coordinates_plan(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND portal.coordinates_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.invited_grant_id()
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT i.grant_id FROM portal.invitations i WHERE i.token_hash = portal.current_invitation_token_hash());
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.invited_participant_id()
 RETURNS uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT g.participant_id FROM portal.relative_grants g WHERE g.id = portal.invited_grant_id());
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.is_own_participant(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id()));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_converse_with(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id())
    OR portal.relative_may_converse(target, false)
    OR portal.coordinates_participant(target));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_manage_grant(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.relative_grants g WHERE g.id = target AND portal.is_own_participant(g.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_appointment(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.appointments t WHERE t.id = target AND portal.may_see_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_participant(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
      SELECT 1 FROM portal.participants p
      WHERE p.id = target AND p.person_id = portal.current_person_id()
    ) OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.participant_id = target
        AND g.relative_person_id = portal.current_person_id()
        AND g.status = 'active'
        AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
    ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_person(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT coalesce(target = portal.current_person_id(), false)
    OR EXISTS (
      SELECT 1 FROM portal.participants p
      WHERE p.person_id = target AND (portal.may_see_participant(p.id) OR p.id = portal.invited_participant_id())
    )
    OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.relative_person_id = target AND portal.is_own_participant(g.participant_id)
    )
    OR EXISTS (
      SELECT 1 FROM portal.professionals pr JOIN portal.participant_contacts c ON c.professional_id = pr.id
      WHERE pr.person_id = target AND portal.may_see_participant(c.participant_id)
    ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_plan(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND portal.may_see_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_preparation_part(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.preparation_parts t WHERE t.id = target AND portal.may_see_participant(t.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_professional(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.professionals pr WHERE pr.id = target AND pr.person_id = portal.current_person_id())
    OR EXISTS (SELECT 1 FROM portal.participant_contacts c WHERE c.professional_id = target AND portal.may_see_participant(c.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_sub_goal(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.sub_goals s JOIN portal.plans p ON p.id = s.plan_id WHERE s.id = target AND portal.may_see_participant(p.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_as(target uuid, role portal.author_role)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
    SELECT 1 FROM portal.conversations c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.id = target AND CASE role
      WHEN 'participant' THEN p.person_id = portal.current_person_id()
      WHEN 'relative' THEN portal.relative_may_converse(c.participant_id, true)
      WHEN 'caseworker' THEN portal.coordinates_participant(c.participant_id)
      ELSE false
    END
  ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_conversation(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = target AND portal.may_write_with(c.participant_id)));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_with(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id())
    OR portal.relative_may_converse(target, true)
    OR portal.coordinates_participant(target));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.owns_conversation(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
    SELECT 1 FROM portal.conversations c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.id = target AND p.person_id = portal.current_person_id()
  ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.relative_may_converse(target uuid, writing boolean)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
    SELECT 1 FROM portal.relative_grants g
    WHERE g.participant_id = target
      AND g.relative_person_id = portal.current_person_id()
      AND g.status = 'active'
      AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
      AND 'messages' = ANY (g.scopes)
      AND (NOT writing OR g.may_write_messages)
  ));
END
$function$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.relative_sees_meetings(target uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'portal'
AS $function$
#variable_conflict use_column
BEGIN
  RETURN (SELECT EXISTS (
    SELECT 1 FROM portal.relative_grants g
    WHERE g.participant_id = target
      AND g.relative_person_id = portal.current_person_id()
      AND g.status = 'active'
      AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
      AND 'appointments' = ANY (g.scopes)
  ));
END
$function$;
