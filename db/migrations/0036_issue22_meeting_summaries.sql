-- Issue 22, "Referat efter samtalen": a meeting's summary ("Det aftalte vi"), its drafts, published versions,
-- points and "Jeg husker det anderledes" (app/features/summaries). The conversation topic `summary`
-- was added by migration 0035.
CREATE TYPE "portal"."summary_source" AS ENUM('caseworker', 'case_system');--> statement-breakpoint
CREATE TABLE "portal"."meeting_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"first_published_at" timestamp with time zone,
	"last_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_summaries_appointment_id_unique" UNIQUE("appointment_id")
);
--> statement-breakpoint
CREATE TABLE "portal"."meeting_summary_drafts" (
	"summary_id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"points" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "portal"."meeting_summary_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"summary_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	"lineage_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sub_goal_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"activity_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "meeting_summary_points_text_length" CHECK (char_length("portal"."meeting_summary_points"."text") between 1 and 600)
);
--> statement-breakpoint
CREATE TABLE "portal"."meeting_summary_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"summary_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_person_id" uuid,
	"published_by_name" text NOT NULL,
	"source" "portal"."summary_source" NOT NULL,
	"correction_note" text,
	CONSTRAINT "meeting_summary_versions_note_length" CHECK (char_length("portal"."meeting_summary_versions"."correction_note") <= 300)
);
--> statement-breakpoint
CREATE TABLE "portal"."summary_recollections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"summary_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"lineage_id" uuid NOT NULL,
	"conversation_id" uuid,
	"author_person_id" uuid,
	"author_role" "portal"."author_role" NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submission_id" uuid,
	CONSTRAINT "summary_recollections_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "summary_recollections_body_length" CHECK (char_length("portal"."summary_recollections"."body") between 1 and 1500)
);
--> statement-breakpoint
ALTER TABLE "portal"."meeting_summaries" ADD CONSTRAINT "meeting_summaries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summaries" ADD CONSTRAINT "meeting_summaries_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "portal"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_drafts" ADD CONSTRAINT "meeting_summary_drafts_summary_id_meeting_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "portal"."meeting_summaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_drafts" ADD CONSTRAINT "meeting_summary_drafts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_drafts" ADD CONSTRAINT "meeting_summary_drafts_updated_by_person_id_persons_id_fk" FOREIGN KEY ("updated_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_points" ADD CONSTRAINT "meeting_summary_points_summary_id_meeting_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "portal"."meeting_summaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_points" ADD CONSTRAINT "meeting_summary_points_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_versions" ADD CONSTRAINT "meeting_summary_versions_summary_id_meeting_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "portal"."meeting_summaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_versions" ADD CONSTRAINT "meeting_summary_versions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."meeting_summary_versions" ADD CONSTRAINT "meeting_summary_versions_published_by_person_id_persons_id_fk" FOREIGN KEY ("published_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."summary_recollections" ADD CONSTRAINT "summary_recollections_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."summary_recollections" ADD CONSTRAINT "summary_recollections_summary_id_meeting_summaries_id_fk" FOREIGN KEY ("summary_id") REFERENCES "portal"."meeting_summaries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."summary_recollections" ADD CONSTRAINT "summary_recollections_point_id_meeting_summary_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "portal"."meeting_summary_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."summary_recollections" ADD CONSTRAINT "summary_recollections_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "portal"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."summary_recollections" ADD CONSTRAINT "summary_recollections_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_summaries_participant" ON "portal"."meeting_summaries" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_summary_points_summary_version_position" ON "portal"."meeting_summary_points" USING btree ("summary_id","version","position");--> statement-breakpoint
CREATE INDEX "meeting_summary_points_participant" ON "portal"."meeting_summary_points" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_summary_versions_summary_version" ON "portal"."meeting_summary_versions" USING btree ("summary_id","version");--> statement-breakpoint
CREATE INDEX "meeting_summary_versions_participant" ON "portal"."meeting_summary_versions" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "summary_recollections_summary" ON "portal"."summary_recollections" USING btree ("summary_id");--> statement-breakpoint
CREATE INDEX "summary_recollections_participant" ON "portal"."summary_recollections" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "summary_recollections_conversation" ON "portal"."summary_recollections" USING btree ("conversation_id");--> statement-breakpoint
-- Issue 22, "Referat efter samtalen" (app/features/summaries). Row-level security like the other
-- participant tables: the participant and a relative whose active grant has the appointments scope
-- read what is published; only her coordinating caseworker reads and writes drafts and publishes;
-- the case system of her municipality publishes and reads through the API (0030's rule). "Jeg husker
-- det anderledes" is written by her side (a relative only with the messages write right) and read
-- by whoever may read her conversations.
CREATE OR REPLACE FUNCTION portal.relative_sees_meetings(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (
    SELECT 1 FROM portal.relative_grants g
    WHERE g.participant_id = target
      AND g.relative_person_id = portal.current_person_id()
      AND g.status = 'active'
      AND g.valid_until >= (now() AT TIME ZONE 'Europe/Copenhagen')::date
      AND 'appointments' = ANY (g.scopes)
  )
$$;
--> statement-breakpoint
ALTER TABLE portal.meeting_summaries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY summary_read ON portal.meeting_summaries FOR SELECT
  USING (current_version > 0 AND (portal.is_own_participant(participant_id) OR portal.relative_sees_meetings(participant_id))
    OR portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY summary_write ON portal.meeting_summaries FOR INSERT
  WITH CHECK (portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY summary_update ON portal.meeting_summaries FOR UPDATE
  USING (portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()))
  WITH CHECK (portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
ALTER TABLE portal.meeting_summary_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY draft_rows ON portal.meeting_summary_drafts
  USING (portal.coordinates_participant(participant_id)) WITH CHECK (portal.coordinates_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.meeting_summary_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY version_read ON portal.meeting_summary_versions FOR SELECT
  USING (portal.is_own_participant(participant_id) OR portal.relative_sees_meetings(participant_id)
    OR portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY version_insert ON portal.meeting_summary_versions FOR INSERT
  WITH CHECK (portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
ALTER TABLE portal.meeting_summary_points ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY point_read ON portal.meeting_summary_points FOR SELECT
  USING (portal.is_own_participant(participant_id) OR portal.relative_sees_meetings(participant_id)
    OR portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY point_insert ON portal.meeting_summary_points FOR INSERT
  WITH CHECK (portal.coordinates_participant(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
ALTER TABLE portal.summary_recollections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY recollection_read ON portal.summary_recollections FOR SELECT
  USING (portal.may_converse_with(participant_id) OR participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
CREATE POLICY recollection_insert ON portal.summary_recollections FOR INSERT
  WITH CHECK (portal.is_own_participant(participant_id) OR portal.relative_may_converse(participant_id, true));
--> statement-breakpoint
-- Published versions and their points are never rewritten: a correction is a new version.
CREATE OR REPLACE FUNCTION portal.keep_summary_versions() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  RAISE EXCEPTION 'a published summary is never rewritten: publish a correction' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER keep_summary_versions BEFORE UPDATE ON portal.meeting_summary_versions
  FOR EACH ROW EXECUTE FUNCTION portal.keep_summary_versions();
--> statement-breakpoint
CREATE TRIGGER keep_summary_points BEFORE UPDATE ON portal.meeting_summary_points
  FOR EACH ROW EXECUTE FUNCTION portal.keep_summary_versions();
--> statement-breakpoint
-- The events (caseworker.events, the API's GET /events and webhooks): `summary.published` and
-- `summary.corrected`, with actor_role `caseworker` when she published on her pages (audit action
-- caseworker.summary_*, which the general trigger leaves out) and `case_system` through the API
-- (audit action summary.*, no actor person, which neither older trigger takes). Details: ids only.
-- (actor_role 'caseworker' is allowed since migration 0035.)
CREATE OR REPLACE FUNCTION portal.summary_to_caseworker_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  event_id bigint;
  event_kind text := 'summary.' || split_part(NEW.action, '_', 2);
BEGIN
  INSERT INTO portal.caseworker_outbox (participant_id, kind, actor_role, details, audit_event_id, occurred_at)
  VALUES (NEW.participant_id, event_kind, CASE WHEN NEW.actor_person_id IS NULL THEN 'case_system' ELSE 'caseworker' END,
          NEW.details, NEW.id, NEW.occurred_at)
  RETURNING id INTO event_id;
  PERFORM pg_notify('caseworker_events', json_build_object('id', event_id, 'participant_id', NEW.participant_id, 'kind', event_kind)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER summary_to_caseworker_outbox AFTER INSERT ON portal.audit_events
  FOR EACH ROW
  WHEN (NEW.participant_id IS NOT NULL AND (
    (NEW.actor_person_id IS NOT NULL AND NEW.action IN ('caseworker.summary_published', 'caseworker.summary_corrected'))
    OR (NEW.actor_person_id IS NULL AND NEW.action IN ('case_system.summary_published', 'case_system.summary_corrected'))))
  EXECUTE FUNCTION portal.summary_to_caseworker_outbox();
--> statement-breakpoint
-- The caseworker read model (db/caseworker/README.md): published versions only, point by point;
-- never a draft. "Jeg husker det anderledes" is in her conversations (portal.messages).
CREATE VIEW caseworker.meeting_summary_points WITH (security_barrier = true) AS
SELECT
  pt.id AS point_id,
  s.id AS summary_id,
  s.participant_id,
  s.appointment_id,
  pt.version,
  v.version = s.current_version AS is_current,
  pt.position,
  pt.text,
  pt.sub_goal_ids,
  pt.activity_ids,
  v.published_at,
  v.published_by_name,
  v.source::text AS source,
  v.correction_note
FROM portal.meeting_summary_points pt
JOIN portal.meeting_summaries s ON s.id = pt.summary_id
JOIN portal.meeting_summary_versions v ON v.summary_id = pt.summary_id AND v.version = pt.version;
--> statement-breakpoint
COMMENT ON VIEW caseworker.meeting_summary_points IS 'Referat efter samtalen: every point of every published version of a meeting''s summary ("Det aftalte vi"). Never a draft.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.point_id IS 'The point (one per version and position).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.summary_id IS 'The summary (one per meeting).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.participant_id IS 'The participant (caseworker.participants.participant_id).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.appointment_id IS 'The meeting (caseworker.appointments.appointment_id).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.version IS 'The published version: 1 is the first publication, each later one a correction.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.is_current IS 'True for the version the participant sees now.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.position IS 'The point''s number, from 1.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.text IS 'What was agreed, as published.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.sub_goal_ids IS 'The sub-goals (caseworker.sub_goals.sub_goal_id) the point changed; may be empty.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.activity_ids IS 'The activities (caseworker.activities.activity_id) the point changed; may be empty.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.published_at IS 'When this version was published.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.published_by_name IS 'Who published it: the caseworker''s name, or "Din sagsbehandler" for the case system.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.source IS 'caseworker (the portal''s caseworker pages) or case_system (the API).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.meeting_summary_points.correction_note IS 'What was corrected, in a few words; null for version 1 or when not said.';
--> statement-breakpoint
CREATE VIEW caseworker_portal.meeting_summary_points WITH (security_barrier = true) AS
SELECT * FROM caseworker.meeting_summary_points
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.meeting_summary_points WITH (security_barrier = true) AS
SELECT * FROM caseworker.meeting_summary_points
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
