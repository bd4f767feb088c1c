-- Issue 21: the messages' row-level security asked, for every conversation and message row a
-- caseworker reads, for her whole caseload (`target IN (SELECT portal.my_coordinated_participants())`,
-- run again for each row): 1.2 s for 600 conversations at 100,000 participants. It now asks about
-- the one participant: is the signed-in caseworker that participant's coordinating caseworker (the
-- rule of caseworker.participants, migration 0031)? Same answer as the caseload's, per row at the
-- cost of one index lookup. The functions below are otherwise as they were (0018, 0022, 0023). Like
-- the other helpers of the policies, they answer only about the signed-in person.
CREATE OR REPLACE FUNCTION portal.coordinates_participant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
      SELECT 1 FROM portal.participant_contacts pc
      JOIN portal.professionals pr ON pr.id = pc.professional_id
      WHERE pc.participant_id = target
        AND pc.role = 'koordinerende_sagsbehandler'
        AND pr.person_id = portal.current_person_id()
        AND NOT EXISTS (
          SELECT 1 FROM portal.participant_contacts better
          WHERE better.participant_id = pc.participant_id
            AND better.role = 'koordinerende_sagsbehandler'
            AND (better.is_primary, coalesce(better.since, '-infinity'::date), pc.professional_id)
              > (pc.is_primary, coalesce(pc.since, '-infinity'::date), better.professional_id)
        )
    )
    AND EXISTS (SELECT 1 FROM portal.persons p WHERE p.id = portal.current_person_id() AND p.is_caseworker)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_converse_with(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id())
    OR portal.relative_may_converse(target, false)
    OR portal.coordinates_participant(target)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_with(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id())
    OR portal.relative_may_converse(target, true)
    OR portal.coordinates_participant(target)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.coordinates_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = target AND portal.coordinates_participant(c.participant_id)) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_as(target uuid, role portal.author_role) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM portal.conversations c JOIN portal.participants p ON p.id = c.participant_id
    WHERE c.id = target AND CASE role
      WHEN 'participant' THEN p.person_id = portal.current_person_id()
      WHEN 'relative' THEN portal.relative_may_converse(c.participant_id, true)
      WHEN 'caseworker' THEN portal.coordinates_participant(c.participant_id)
      ELSE false
    END
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.keep_conversation_handling() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF NEW.participant_id IS DISTINCT FROM OLD.participant_id OR NEW.topic IS DISTINCT FROM OLD.topic
     OR NEW.subject IS DISTINCT FROM OLD.subject OR NEW.submission_id IS DISTINCT FROM OLD.submission_id
  THEN
    RAISE EXCEPTION 'a conversation keeps what it is about' USING ERRCODE = '42501';
  END IF;
  IF (NEW.handled_at, NEW.handled_by_person_id) IS DISTINCT FROM (OLD.handled_at, OLD.handled_by_person_id)
     AND NOT portal.caller_bypasses_row_security()
     AND NOT portal.coordinates_participant(NEW.participant_id)
     AND NEW.handled_by_person_id IS NOT NULL
  THEN
    RAISE EXCEPTION 'only the coordinating caseworker marks a conversation handled' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- And the read policies of conversations, messages and proposed times ask with sets that a statement
-- computes once (a policy's uncorrelated subquery is hashed) instead of calling a function per row: the participants whose conversations the person
-- may read (or, `writing`, write in) exactly as may_converse_with / may_write_with decide it (her own,
-- a relative's with the messages scope, the coordinating caseworker's), and those conversations.
CREATE OR REPLACE FUNCTION portal.conversable_participants(writing boolean) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 10
AS $$
  SELECT p.id FROM portal.participants p WHERE p.person_id = portal.current_person_id()
  UNION ALL
  SELECT g.participant_id FROM portal.relative_grants g
  WHERE g.relative_person_id = portal.current_person_id()
    AND g.status = 'active'
    AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
    AND 'messages' = ANY (g.scopes)
    AND (NOT writing OR g.may_write_messages)
  UNION ALL
  SELECT portal.my_coordinated_participants()
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.conversable_conversations(writing boolean) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
ROWS 20
AS $$
  SELECT c.id FROM portal.conversations c WHERE c.participant_id IN (SELECT portal.conversable_participants(writing))
$$;
--> statement-breakpoint
ALTER POLICY conversation_read ON portal.conversations USING (participant_id IN (SELECT portal.conversable_participants(false)));
--> statement-breakpoint
ALTER POLICY message_read ON portal.messages USING (conversation_id IN (SELECT portal.conversable_conversations(false)));
--> statement-breakpoint
ALTER POLICY proposal_read ON portal.appointment_proposals USING (conversation_id IN (SELECT portal.conversable_conversations(false)));
