-- Issue 21: /sagsbehandler counts the conversations that wait for the caseworker's answer over her
-- whole caseload. It read every conversation's messages and proposals for that (about 600 lookups,
-- 8-10 ms at 100,000 participants). Each conversation now keeps the newest activity of each side,
-- kept by triggers in the same transaction as the message or proposal, and whether it waits for the
-- caseworker (a generated column, so handled_at counts at once): the count is an index lookup.
-- The rule is listInbox's (app/features/messages/status.ts, awaitsCaseworker), compared in
-- milliseconds as JavaScript compares it. Her side: her side's messages, her answer to a proposed
-- time and the conversation's start; the caseworker's side: her messages and proposed times.
ALTER TABLE portal.conversations
  ADD COLUMN participant_acted_at timestamptz,
  ADD COLUMN caseworker_acted_at timestamptz,
  ADD COLUMN awaits_caseworker boolean GENERATED ALWAYS AS (
    (caseworker_acted_at IS NULL
      OR date_trunc('milliseconds', caseworker_acted_at AT TIME ZONE 'UTC') < date_trunc('milliseconds', greatest(created_at, participant_acted_at) AT TIME ZONE 'UTC'))
    AND (handled_at IS NULL
      OR date_trunc('milliseconds', handled_at AT TIME ZONE 'UTC') < date_trunc('milliseconds', greatest(created_at, participant_acted_at) AT TIME ZONE 'UTC'))
  ) STORED;
--> statement-breakpoint
CREATE FUNCTION portal.conversation_activity_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT conversation_id FROM changed);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT conversation_id FROM gone);
  ELSE
    ids := ARRAY(SELECT conversation_id FROM changed UNION SELECT conversation_id FROM gone);
  END IF;
  IF cardinality(ids) = 0 THEN
    RETURN NULL;
  END IF;
  -- Lock first, then read (a new snapshot): what another transaction wrote in the same conversation
  -- and committed while this one waited is counted too, not overwritten.
  PERFORM 1 FROM conversations WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE conversations c
    SET participant_acted_at = a.participant_at, caseworker_acted_at = a.caseworker_at
    FROM (
      SELECT c2.id, greatest(m.participant_at, p.answered_at) AS participant_at, greatest(m.caseworker_at, p.proposed_at) AS caseworker_at
      FROM conversations c2
      LEFT JOIN LATERAL (
        SELECT max(created_at) FILTER (WHERE author_role <> 'caseworker') AS participant_at,
          max(created_at) FILTER (WHERE author_role = 'caseworker') AS caseworker_at
        FROM messages WHERE conversation_id = c2.id
      ) m ON true
      LEFT JOIN LATERAL (
        SELECT max(answered_at) FILTER (WHERE status IN ('accepted', 'declined')) AS answered_at, max(created_at) AS proposed_at
        FROM appointment_proposals WHERE conversation_id = c2.id
      ) p ON true
      WHERE c2.id = ANY (ids)
    ) a
    WHERE c.id = a.id
      AND (c.participant_acted_at, c.caseworker_acted_at) IS DISTINCT FROM (a.participant_at, a.caseworker_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A message is never changed once written (keep_messages_as_written), so no UPDATE trigger on it.
CREATE TRIGGER messages_inserted_activity AFTER INSERT ON portal.messages
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION portal.conversation_activity_changed();
--> statement-breakpoint
CREATE TRIGGER messages_deleted_activity AFTER DELETE ON portal.messages
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION portal.conversation_activity_changed();
--> statement-breakpoint
CREATE TRIGGER proposals_inserted_activity AFTER INSERT ON portal.appointment_proposals
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION portal.conversation_activity_changed();
--> statement-breakpoint
CREATE TRIGGER proposals_updated_activity AFTER UPDATE ON portal.appointment_proposals
  REFERENCING NEW TABLE AS changed OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION portal.conversation_activity_changed();
--> statement-breakpoint
CREATE TRIGGER proposals_deleted_activity AFTER DELETE ON portal.appointment_proposals
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION portal.conversation_activity_changed();
--> statement-breakpoint
-- The conversations written so far.
UPDATE portal.conversations c
  SET participant_acted_at = a.participant_at, caseworker_acted_at = a.caseworker_at
  FROM (
    SELECT c2.id, greatest(m.participant_at, p.answered_at) AS participant_at, greatest(m.caseworker_at, p.proposed_at) AS caseworker_at
    FROM portal.conversations c2
    LEFT JOIN (
      SELECT conversation_id, max(created_at) FILTER (WHERE author_role <> 'caseworker') AS participant_at,
        max(created_at) FILTER (WHERE author_role = 'caseworker') AS caseworker_at
      FROM portal.messages GROUP BY conversation_id
    ) m ON m.conversation_id = c2.id
    LEFT JOIN (
      SELECT conversation_id, max(answered_at) FILTER (WHERE status IN ('accepted', 'declined')) AS answered_at, max(created_at) AS proposed_at
      FROM portal.appointment_proposals GROUP BY conversation_id
    ) p ON p.conversation_id = c2.id
    WHERE m.conversation_id IS NOT NULL OR p.conversation_id IS NOT NULL
  ) a
  WHERE c.id = a.id;
--> statement-breakpoint
CREATE INDEX conversations_awaiting_caseworker ON portal.conversations (participant_id) WHERE awaits_caseworker;
