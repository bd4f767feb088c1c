-- Issue 21: the API's lists (GET /api/v1/participants, GET /api/v1/events and the webhooks' queue)
-- read the whole municipality through the caseworker_api views and sorted it for one page: 850 ms a
-- page of participants at 100,000 participants, sequential scans of participants, persons and
-- participant_contacts. A security-barrier view is planned on its own, so no ORDER BY ... LIMIT
-- outside it reaches an index inside it. These definer functions pick a page's keys by index, in
-- the municipality the request set (as portal.case_system_participants(): nothing while a person is
-- set or no municipality is), and the API then reads those rows through the same views as before.
--> statement-breakpoint
DROP INDEX "portal"."participants_municipality_key";--> statement-breakpoint
CREATE INDEX "participants_municipality_key_id" ON "portal"."participants" USING btree ("municipality_key","id");--> statement-breakpoint
CREATE INDEX "participants_without_municipality_key" ON "portal"."participants" USING btree ("id") WHERE "portal"."participants"."municipality_key" is null;
--> statement-breakpoint
-- The next page of the municipality's participants after `after` (the nil uuid: from the start; a
-- participant's id is never nil), in id order.
CREATE FUNCTION portal.case_system_participant_page(after uuid, page_size integer) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT page.id FROM (
    (SELECT p.id FROM portal.participants p
     WHERE p.municipality_key = current_setting('minvej.api_municipality', true) AND p.id > after
     ORDER BY p.id LIMIT page_size)
    UNION ALL
    (SELECT p.id FROM portal.participants p
     WHERE p.municipality_key IS NULL
       AND nullif(current_setting('minvej.api_default_municipality', true), '') = current_setting('minvej.api_municipality', true)
       AND p.id > after
     ORDER BY p.id LIMIT page_size)
  ) page
  WHERE portal.case_system_active()
  ORDER BY page.id LIMIT page_size
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.case_system_participant_page(uuid, integer) FROM PUBLIC;
--> statement-breakpoint
-- caseworker.events orders the feed by (transaction_position, id), transaction_position being
-- transaction_id::text::bigint: the same expression, so the index serves the view's order.
CREATE INDEX caseworker_outbox_feed ON portal.caseworker_outbox (((transaction_id::text)::bigint), id);
--> statement-breakpoint
-- The ids of the next page of settled events of the municipality's participants after the cursor,
-- in feed order (caseworker.events' own expressions for the position and for settled).
CREATE FUNCTION portal.case_system_event_page(after_position bigint, after_id bigint, page_size integer) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT o.id FROM portal.caseworker_outbox o
  JOIN portal.participants p ON p.id = o.participant_id
  WHERE portal.case_system_active()
    AND coalesce(p.municipality_key, nullif(current_setting('minvej.api_default_municipality', true), ''))
      = current_setting('minvej.api_municipality', true)
    AND ((o.transaction_id::text)::bigint, o.id) > (after_position, after_id)
    AND o.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY (o.transaction_id::text)::bigint, o.id
  LIMIT page_size
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.case_system_event_page(bigint, bigint, integer) FROM PUBLIC;
