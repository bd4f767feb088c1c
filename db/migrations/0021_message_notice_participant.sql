-- Issue 18: a caseworker who writes in a conversation tells the participant ("Du har en ny besked
-- i Min Vej", app/features/notifications). The caseworker may not read the participant's people
-- rows (migration 0008), so this answers the one thing the notice needs: whose conversation it
-- is, as a person id, and only to someone who may take part in it (or the tables' owner, whom
-- row-level security does not bind: the embedded database, scripts).
CREATE OR REPLACE FUNCTION portal.conversation_participant_person(conversation uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT pa.person_id FROM portal.conversations c
  JOIN portal.participants pa ON pa.id = c.participant_id
  WHERE c.id = conversation AND (portal.may_converse_with(c.participant_id) OR portal.caller_bypasses_row_security())
$$;
