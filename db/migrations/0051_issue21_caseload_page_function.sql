-- Issue 21: the caseworker's list (/sagsbehandler) read its page and its cards in one statement
-- through the caseworker_portal views, and each of those views checks again that she coordinates the
-- participant: nine checks a page, each parsing her kept caseload (302 ids at 100,000 participants) and
-- hashing it, 3.7 of the statement's 7.5 ms. This definer function checks once, who is asking and that
-- she is a caseworker, and then reads the `caseworker` views for her own participants only: the same
-- columns, rows and json as the statement it replaces (app/features/caseworker/queries.server.ts), 3.8
-- ms. PL/pgSQL, so that its plan is kept per connection (a plain SQL function is planned at every call,
-- 3 ms here).
--
-- Who may ask: the person the request acts as (portal.current_person_id(), set by the session), for
-- herself only. With no person set, only a superuser may name a caseworker (the embedded database's
-- one user, a script): row-level security does not bind one anyway. A superuser who has SET ROLE to
-- portal_app is portal_app here. A participant, a relative, the API, or one caseworker naming
-- another gets no row at all.
--
-- What waits for her: proposals with status 'waiting', and conversations that await the caseworker
-- (`awaits_caseworker`, as the inbox counts them, app/features/messages/inbox.server.ts).
--> statement-breakpoint
CREATE FUNCTION caseworker_portal.caseload_page(caseworker uuid, page_asked integer, page_size integer, at timestamptz)
RETURNS TABLE (total bigint, page bigint, people json, next json, preparation json, cvs json, networks json, plans json, questions json, proposals json, awaiting json)
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
  SELECT shown.total, shown.page, shown.people,
    -- Each one's next meeting (one row a participant, not every meeting ahead); whether she wrote
    -- questions or notes for it, as text that JavaScript's trim() keeps (the briefing shows them
    -- trimmed); and to how many of her meetings ahead she cannot come.
    (SELECT coalesce(json_agg(json_build_object('appointmentId', n.appointment_id, 'participantId', n.participant_id, 'kind', n.kind,
        'title', n.title, 'startsAt', n.starts_at, 'endsAt', n.ends_at, 'mode', n.mode, 'status', n.status, 'hasQuestions', n.has_questions,
        'absences', n.absences)), '[]'::json)
      FROM (SELECT DISTINCT ON (a.participant_id) a.appointment_id, a.participant_id, a.kind, a.title, a.starts_at, a.ends_at, a.mode, a.status,
          (coalesce(a.participant_questions, '') || coalesce(a.participant_notes, '')) ~ '[^ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]' AS has_questions,
          sum((SELECT count(*) FROM caseworker.absence_requests ar WHERE ar.appointment_id = a.appointment_id)) OVER (PARTITION BY a.participant_id) AS absences
        FROM caseworker.appointments a
        WHERE a.participant_id = ANY (shown.ids) AND a.ends_at > at AND a.status IN ('planned', 'moved')
        ORDER BY a.participant_id, a.starts_at, a.appointment_id) n),
    (SELECT coalesce(json_agg(json_build_object('participantId', t.participant_id, 'parts', t.parts, 'latest', t.latest)), '[]'::json)
      FROM (SELECT sp.participant_id, count(*) AS parts, max(sp.shared_at) AS latest
        FROM caseworker.shared_preparation sp WHERE sp.participant_id = ANY (shown.ids) GROUP BY sp.participant_id) t),
    (SELECT coalesce(json_agg(json_build_object('participantId', cv.participant_id, 'sharedAt', cv.shared_at)), '[]'::json)
      FROM caseworker.cv cv WHERE cv.participant_id = ANY (shown.ids)),
    -- One lookup per participant: the view joins the share settings, and a list of ids on it would
    -- read every participant's settings.
    (SELECT coalesce(json_agg(json_build_object('participantId', wanted.id, 'sharedAt',
        (SELECT max(np.shared_at) FROM caseworker.network_people np WHERE np.participant_id = wanted.id))), '[]'::json)
      FROM unnest(shown.ids) AS wanted(id)),
    (SELECT coalesce(json_agg(json_build_object('participantId', pl.participant_id, 'version', pl.version)), '[]'::json)
      FROM caseworker.plans pl WHERE pl.participant_id = ANY (shown.ids)),
    (SELECT coalesce(json_agg(json_build_object('participantId', r.participant_id, 'planVersion', r.plan_version)), '[]'::json)
      FROM caseworker.plan_responses r WHERE r.participant_id = ANY (shown.ids) AND r.kind = 'question'),
    (SELECT coalesce(json_object_agg(t.participant_id, t.n), '{}'::json)
      FROM (SELECT pp.participant_id, count(*) AS n FROM caseworker.plan_proposals pp
        WHERE pp.participant_id = ANY (shown.ids) AND pp.status = 'waiting' GROUP BY pp.participant_id) t),
    (SELECT json_build_object('total', coalesce(sum(w.n), 0),
        'byParticipant', coalesce(json_object_agg(w.participant_id, w.n) FILTER (WHERE w.participant_id = ANY (shown.ids)), '{}'::json))
      FROM (SELECT c.participant_id, count(*) AS n FROM portal.conversations c
        WHERE c.awaits_caseworker AND c.participant_id = ANY (shown.caseload) GROUP BY c.participant_id) w)
  -- Her caseload numbered by name, the page asked for clamped to the last, and the page's ids and
  -- the whole caseload's worked out once for every piece above.
  FROM (SELECT coalesce(max(c.total), 0) AS total, coalesce(max(c.page), 1) AS page,
      coalesce(array_agg(c.participant_id ORDER BY c.n) FILTER (WHERE c.on_page), '{}') AS ids,
      coalesce(array_agg(c.participant_id), '{}') AS caseload,
      coalesce(json_agg(json_build_object('participantId', c.participant_id, 'firstName', c.first_name, 'lastName', c.last_name,
        'programme', c.programme, 'status', c.status) ORDER BY c.n) FILTER (WHERE c.on_page), '[]'::json) AS people
    FROM (SELECT q.*, (q.n - 1) / page_size + 1 = q.page AS on_page
      FROM (SELECT p.participant_id, p.first_name, p.last_name, p.programme, p.status,
          row_number() OVER (ORDER BY p.first_name, p.last_name, p.participant_id) AS n,
          count(*) OVER () AS total,
          least(greatest(page_asked, 1), (count(*) OVER () - 1) / page_size + 1) AS page
        FROM caseworker.participants p WHERE p.coordinating_caseworker_person_id = me) q) c) shown;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION caseworker_portal.caseload_page(uuid, integer, integer, timestamptz) FROM PUBLIC;
