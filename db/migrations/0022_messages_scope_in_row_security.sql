-- Issue 18: the database, not only the application, says which relative may read and write the
-- participant's conversations. Migration 0018 let a relative with any active grant reach them
-- (may_see_participant); now reading needs the grant's messages scope, and writing (a message, a
-- new conversation, the bump of its last_message_at) also needs may_write_messages. The
-- participant herself and her coordinating caseworker read and write as before.
CREATE OR REPLACE FUNCTION portal.relative_may_converse(target uuid, writing boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM portal.relative_grants g
    WHERE g.participant_id = target
      AND g.relative_person_id = portal.current_person_id()
      AND g.status = 'active'
      AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
      AND 'messages' = ANY (g.scopes)
      AND (NOT writing OR g.may_write_messages)
  )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_converse_with(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id())
    OR portal.relative_may_converse(target, false)
    OR target IN (SELECT portal.my_coordinated_participants())
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_with(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id())
    OR portal.relative_may_converse(target, true)
    OR target IN (SELECT portal.my_coordinated_participants())
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_write_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = target AND portal.may_write_with(c.participant_id)) $$;
--> statement-breakpoint
DROP POLICY conversation_rows ON portal.conversations;
--> statement-breakpoint
CREATE POLICY conversation_read ON portal.conversations FOR SELECT USING (portal.may_converse_with(participant_id));
--> statement-breakpoint
CREATE POLICY conversation_insert ON portal.conversations FOR INSERT WITH CHECK (portal.may_write_with(participant_id));
--> statement-breakpoint
CREATE POLICY conversation_update ON portal.conversations FOR UPDATE
  USING (portal.may_write_with(participant_id)) WITH CHECK (portal.may_write_with(participant_id));
--> statement-breakpoint
DROP POLICY message_rows ON portal.messages;
--> statement-breakpoint
CREATE POLICY message_read ON portal.messages FOR SELECT USING (portal.may_see_conversation(conversation_id));
--> statement-breakpoint
CREATE POLICY message_insert ON portal.messages FOR INSERT WITH CHECK (portal.may_write_conversation(conversation_id));
--> statement-breakpoint
-- Receipts (read_at): the participant and her caseworker; a relative who may write passes here
-- too, but the application never marks anything read for a relative.
CREATE POLICY message_update ON portal.messages FOR UPDATE
  USING (portal.may_write_conversation(conversation_id)) WITH CHECK (portal.may_write_conversation(conversation_id));
