-- Issue 21 (first step): an index on every foreign key the hot reads and the deletes follow and
-- that had none (the issue lists them). Without them a caseworker lookup by person, a share by
-- part, a feed or snapshot by participant, a link by grant, and a person's deletion (ON DELETE SET
-- NULL on professionals and audit_events) read the whole table.
CREATE INDEX "professionals_person" ON "portal"."professionals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "calendar_feeds_participant" ON "portal"."calendar_feeds" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "preparation_comments_part" ON "portal"."preparation_comments" USING btree ("preparation_part_id");--> statement-breakpoint
CREATE INDEX "preparation_shares_part" ON "portal"."preparation_shares" USING btree ("preparation_part_id");--> statement-breakpoint
CREATE INDEX "network_snapshots_participant" ON "portal"."network_snapshots" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "invitations_grant" ON "portal"."invitations" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "portal"."audit_events" USING btree ("actor_person_id");