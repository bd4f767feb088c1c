-- Issue 21: the caseworker's inbox (/sagsbehandler/beskeder) read its page in one statement through
-- row-level security: her caseload through the caseworker_portal view, and the conversations, messages
-- and proposed times of her participants each checked again by their tables' policies (1.3 ms of the
-- statement's 6.3 ms at 100,000 participants). This definer function checks once, like her list's
-- (caseworker_portal.caseload_page, migration 0051): the person the request acts as is the caseworker
-- named, and still a caseworker; with no person set, only a superuser may name one (the embedded
-- database's one user, a script). Anyone else gets no row: an empty inbox.
--
-- The same columns, rows and json as the statement it replaces (app/features/caseworker/messages.server.ts):
-- her participants' conversations placed in the inbox's order (those waiting first, the longest wait on
-- top, to the millisecond as JavaScript compares; then the newest activity first), the page asked for
-- clamped to the last, the page's conversations with their messages and proposed times, its people,
-- the waits by the Danish day they began and the participant's municipality, and her municipalities.
--> statement-breakpoint
CREATE FUNCTION caseworker_portal.inbox_page(caseworker uuid, page_asked integer, page_size integer)
RETURNS TABLE (total integer, page integer, ids json, conversations json, messages json, proposals json, people json, waits json, municipalities json)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal, pg_temp
AS $$
DECLARE
  -- is_superuser follows SET ROLE and stays the caller's inside a definer function.
  me uuid := coalesce(portal.current_person_id(), CASE WHEN current_setting('is_superuser') = 'on' THEN caseworker END);
BEGIN
  IF me IS DISTINCT FROM caseworker OR NOT EXISTS (SELECT 1 FROM portal.persons pe WHERE pe.id = me AND pe.is_caseworker) THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH caseload AS (
    SELECT p.participant_id, p.first_name, p.last_name, p.municipality_key
    FROM caseworker.participants p WHERE p.coordinating_caseworker_person_id = me
  ),
  places AS (
    SELECT c.id, c.participant_id,
      row_number() OVER (ORDER BY (coalesce(c.awaits_caseworker, false) AND c.waiting_since IS NOT NULL) DESC,
        CASE WHEN c.awaits_caseworker THEN date_trunc('milliseconds', c.waiting_since) END,
        c.last_message_at DESC, c.id) AS n,
      CASE WHEN c.awaits_caseworker AND c.waiting_since IS NOT NULL
        THEN to_char(c.waiting_since AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') END AS waiting_day
    FROM portal.conversations c WHERE c.participant_id IN (SELECT cl.participant_id FROM caseload cl)
  ),
  paging AS (
    SELECT count(*)::int AS total, least(greatest(page_asked, 1), (count(*)::int - 1) / page_size + 1) AS page FROM places
  ),
  shown AS (
    SELECT paging.total, paging.page,
      coalesce((SELECT array_agg(p.id ORDER BY p.n) FROM places p WHERE (p.n - 1) / page_size + 1 = paging.page), '{}') AS ids,
      coalesce((SELECT json_agg(json_build_object('participantId', cl.participant_id, 'firstName', cl.first_name, 'lastName', cl.last_name,
          'municipalityKey', cl.municipality_key))
        FROM caseload cl WHERE cl.participant_id IN (SELECT p.participant_id FROM places p WHERE (p.n - 1) / page_size + 1 = paging.page)), '[]'::json) AS people,
      coalesce((SELECT json_agg(json_build_object('day', w.day, 'municipalityKey', w.municipality_key, 'n', w.n))
        FROM (SELECT p.waiting_day AS day, cl.municipality_key, count(*) AS n FROM places p JOIN caseload cl USING (participant_id)
          WHERE p.waiting_day IS NOT NULL GROUP BY 1, 2) w), '[]'::json) AS waits,
      coalesce((SELECT json_agg(DISTINCT cl.municipality_key) FROM caseload cl), '[]'::json) AS municipalities
    FROM paging
  )
  SELECT shown.total, shown.page, array_to_json(shown.ids),
    (SELECT coalesce(json_agg(json_build_object('id', c.id, 'participantId', c.participant_id, 'topic', c.topic, 'subject', c.subject,
        'appointmentId', c.appointment_id, 'callbackOn', c.callback_on, 'callbackWindow', c.callback_window, 'createdAt', c.created_at,
        'lastMessageAt', c.last_message_at, 'handledAt', c.handled_at) ORDER BY c.last_message_at DESC, c.id), '[]'::json)
      FROM portal.conversations c WHERE c.id = ANY (shown.ids)),
    (SELECT coalesce(json_agg(json_build_object('conversationId', m.conversation_id, 'authorRole', m.author_role, 'createdAt', m.created_at,
        'readAt', m.read_at) ORDER BY m.created_at), '[]'::json)
      FROM portal.messages m WHERE m.conversation_id = ANY (shown.ids)),
    (SELECT coalesce(json_agg(json_build_object('conversationId', ap.conversation_id, 'status', ap.status, 'createdAt', ap.created_at,
        'answeredAt', ap.answered_at) ORDER BY ap.created_at), '[]'::json)
      FROM portal.appointment_proposals ap WHERE ap.conversation_id = ANY (shown.ids)),
    shown.people, shown.waits, shown.municipalities
  FROM shown;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION caseworker_portal.inbox_page(uuid, integer, integer) FROM PUBLIC;
