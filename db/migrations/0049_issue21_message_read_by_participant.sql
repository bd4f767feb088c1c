-- Issue 21: who may read a message or a proposed time was asked of the set of every conversation the
-- reader may read (conversable_conversations, 0034). For a caseworker that set is all her caseload's
-- conversations: 601 at 100,000 participants, read again by each statement, 3.5 ms of each read of a
-- page's messages and of its proposed times (0.2 ms without row-level security). Each message and
-- proposed time now keeps whose conversation it is in, so the policies ask the same question of the
-- participants the reader may converse with (conversable_participants, 302 for her): the rule is
-- conversation_read's, as before, and the set is the one that statement already had.
--
-- The participant is the conversation's, which never changes (keep_conversation_handling); a trigger
-- sets it from the conversation on every insert and on every update that names either column,
-- whatever the writer sent, so nobody can move a message or a proposed time to another participant's
-- eyes. A read receipt or an answer to a proposed time names neither, and pays nothing.
ALTER TABLE portal.messages ADD COLUMN participant_id uuid;
--> statement-breakpoint
ALTER TABLE portal.appointment_proposals ADD COLUMN participant_id uuid;
--> statement-breakpoint
UPDATE portal.messages m SET participant_id = c.participant_id FROM portal.conversations c WHERE c.id = m.conversation_id;
--> statement-breakpoint
UPDATE portal.appointment_proposals p SET participant_id = c.participant_id FROM portal.conversations c WHERE c.id = p.conversation_id;
--> statement-breakpoint
CREATE FUNCTION portal.keep_conversation_participant() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
BEGIN
  NEW.participant_id := (SELECT c.participant_id FROM portal.conversations c WHERE c.id = NEW.conversation_id);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER message_in_participants_conversation BEFORE INSERT OR UPDATE OF conversation_id, participant_id ON portal.messages
  FOR EACH ROW EXECUTE FUNCTION portal.keep_conversation_participant();
--> statement-breakpoint
CREATE TRIGGER proposal_in_participants_conversation BEFORE INSERT OR UPDATE OF conversation_id, participant_id ON portal.appointment_proposals
  FOR EACH ROW EXECUTE FUNCTION portal.keep_conversation_participant();
--> statement-breakpoint
ALTER POLICY message_read ON portal.messages USING (participant_id IN (SELECT portal.conversable_participants(false)));
--> statement-breakpoint
ALTER POLICY proposal_read ON portal.appointment_proposals USING (participant_id IN (SELECT portal.conversable_participants(false)));
