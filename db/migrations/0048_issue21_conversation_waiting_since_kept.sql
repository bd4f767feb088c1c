-- Issue 21: the caseworker's inbox puts the conversations that wait for her answer first, the longest
-- wait on top. Since when each one waits was worked out for every page from all of its messages and
-- proposed times (inboxOrder: 8.6 ms over 601 conversations at 100,000 participants, and growing with
-- every message ever written). Each conversation now keeps it, beside awaits_caseworker (0043), so
-- the order is read from the conversations alone.
--
-- The rule is inboxOrder's, which a test holds to listInbox's (app/features/messages/status.ts): the
-- first of her side's activity (the conversation's start, her side's messages, her answers to a
-- proposed time) after the caseworker's last activity or "handled", compared in milliseconds as
-- JavaScript compares. It is kept where what it depends on changes: her and the caseworker's
-- activity (conversation_activity_changed, on messages and proposed times) and handled_at (a trigger
-- on the conversation itself).
ALTER TABLE portal.conversations ADD COLUMN waiting_since timestamptz;
--> statement-breakpoint
-- VOLATILE, so that inside a trigger it reads what was committed while the row waited for its lock.
CREATE FUNCTION portal.conversation_waiting_since(conversation uuid, started timestamptz, answered timestamptz)
RETURNS timestamptz
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT min(e.at) FROM (
    SELECT started AS at
    UNION ALL
    SELECT m.created_at FROM portal.messages m WHERE m.conversation_id = conversation AND m.author_role <> 'caseworker'
    UNION ALL
    SELECT p.answered_at FROM portal.appointment_proposals p
    WHERE p.conversation_id = conversation AND p.status IN ('accepted', 'declined') AND p.answered_at IS NOT NULL
  ) e
  WHERE date_trunc('milliseconds', e.at AT TIME ZONE 'UTC') > coalesce(date_trunc('milliseconds', answered AT TIME ZONE 'UTC'), '-infinity')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.conversation_waiting_since(uuid, timestamptz, timestamptz) FROM PUBLIC;
--> statement-breakpoint
-- As 0043's, with waiting_since worked out from the activity it has just read.
CREATE OR REPLACE FUNCTION portal.conversation_activity_changed() RETURNS trigger
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
    SET participant_acted_at = a.participant_at, caseworker_acted_at = a.caseworker_at, waiting_since = a.waiting_since
    FROM (
      SELECT b.*, portal.conversation_waiting_since(b.id, b.created_at, greatest(b.caseworker_at, b.handled_at)) AS waiting_since
      FROM (
        SELECT c2.id, c2.created_at, c2.handled_at,
          greatest(m.participant_at, p.answered_at) AS participant_at, greatest(m.caseworker_at, p.proposed_at) AS caseworker_at
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
      ) b
    ) a
    WHERE c.id = a.id
      AND (c.participant_acted_at, c.caseworker_acted_at, c.waiting_since) IS DISTINCT FROM (a.participant_at, a.caseworker_at, a.waiting_since);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new conversation waits from its start; marked handled (or no longer), it waits from her next word.
CREATE FUNCTION portal.conversation_waiting_since_kept() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
BEGIN
  NEW.waiting_since := portal.conversation_waiting_since(NEW.id, NEW.created_at, greatest(NEW.caseworker_acted_at, NEW.handled_at));
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER conversation_started_waiting BEFORE INSERT ON portal.conversations
  FOR EACH ROW EXECUTE FUNCTION portal.conversation_waiting_since_kept();
--> statement-breakpoint
CREATE TRIGGER conversation_handled_waiting BEFORE UPDATE OF handled_at ON portal.conversations
  FOR EACH ROW WHEN (NEW.handled_at IS DISTINCT FROM OLD.handled_at) EXECUTE FUNCTION portal.conversation_waiting_since_kept();
--> statement-breakpoint
-- The conversations written so far.
UPDATE portal.conversations c
  SET waiting_since = portal.conversation_waiting_since(c.id, c.created_at, greatest(c.caseworker_acted_at, c.handled_at));
