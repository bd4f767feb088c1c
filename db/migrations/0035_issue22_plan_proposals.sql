CREATE TYPE "portal"."plan_proposal_kind" AS ENUM('sub_goal', 'activity');--> statement-breakpoint
CREATE TYPE "portal"."plan_proposal_status" AS ENUM('waiting', 'accepted', 'changed', 'declined', 'withdrawn');--> statement-breakpoint
ALTER TYPE "portal"."conversation_topic" ADD VALUE 'summary';--> statement-breakpoint
CREATE TABLE "portal"."plan_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"author_person_id" uuid,
	"kind" "portal"."plan_proposal_kind" NOT NULL,
	"title" text NOT NULL,
	"why" text,
	"when_text" text,
	"how_much" text,
	"status" "portal"."plan_proposal_status" DEFAULT 'waiting' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submission_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_person_id" uuid,
	"decided_by_name" text,
	"plan_title" text,
	"plan_detail" text,
	"plan_version" integer,
	"plan_item_id" uuid,
	"decline_reason" text,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "plan_proposals_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "plan_proposals_decline_reason" CHECK ("portal"."plan_proposals"."status" <> 'declined' or coalesce(btrim("portal"."plan_proposals"."decline_reason"), '') <> ''),
	CONSTRAINT "plan_proposals_plan_words" CHECK ("portal"."plan_proposals"."status" not in ('accepted', 'changed') or "portal"."plan_proposals"."plan_title" is not null)
);
--> statement-breakpoint
ALTER TABLE "portal"."activities" ADD COLUMN "proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."sub_goals" ADD COLUMN "proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."plan_proposals" ADD CONSTRAINT "plan_proposals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."plan_proposals" ADD CONSTRAINT "plan_proposals_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."plan_proposals" ADD CONSTRAINT "plan_proposals_decided_by_person_id_persons_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_proposals_participant" ON "portal"."plan_proposals" USING btree ("participant_id","created_at");--> statement-breakpoint
-- Issue 22, "Forslag til min plan" (app/features/proposals): row-level security, the caseworker's
-- plan write from an accepted proposal, the events, and the caseworker views.
--
-- 1. Her proposals are hers: she reads, writes and withdraws her own; her coordinating caseworker
--    reads them and writes the decision; the case system of her municipality does the same through
--    the API. A relative never sees them (the plan shows her "Foreslået af Mette" on the item only).
ALTER TABLE portal.plan_proposals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON portal.plan_proposals
  USING (portal.is_own_participant(participant_id)) WITH CHECK (portal.is_own_participant(participant_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_read ON portal.plan_proposals FOR SELECT USING (portal.coordinates_participant(participant_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_decide ON portal.plan_proposals FOR UPDATE
  USING (portal.coordinates_participant(participant_id)) WITH CHECK (portal.coordinates_participant(participant_id));
--> statement-breakpoint
CREATE POLICY case_system ON portal.plan_proposals
  USING (participant_id IN (SELECT portal.case_system_participants())) WITH CHECK (participant_id IN (SELECT portal.case_system_participants()));
--> statement-breakpoint
-- 2. Accepting a proposal writes the plan as any plan change does (a new version, its snapshot,
--    "Nyt siden sidst"), through the plan area's own command. In the portal that is the coordinating
--    caseworker's request: she may read and add to her participant's plan, never delete from it.
CREATE OR REPLACE FUNCTION portal.coordinates_plan(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.plans t WHERE t.id = target AND portal.coordinates_participant(t.participant_id)) $$;
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_read ON portal.plans FOR SELECT USING (portal.coordinates_participant(participant_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_update ON portal.plans FOR UPDATE
  USING (portal.coordinates_participant(participant_id)) WITH CHECK (portal.coordinates_participant(participant_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_read ON portal.plan_versions FOR SELECT USING (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_insert ON portal.plan_versions FOR INSERT WITH CHECK (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_read ON portal.sub_goals FOR SELECT USING (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_insert ON portal.sub_goals FOR INSERT WITH CHECK (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_update ON portal.sub_goals FOR UPDATE USING (portal.coordinates_plan(plan_id)) WITH CHECK (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_read ON portal.activities FOR SELECT USING (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_insert ON portal.activities FOR INSERT WITH CHECK (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_update ON portal.activities FOR UPDATE USING (portal.coordinates_plan(plan_id)) WITH CHECK (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_read ON portal.agreements FOR SELECT USING (portal.coordinates_plan(plan_id));
--> statement-breakpoint
CREATE POLICY coordinating_caseworker_update ON portal.agreements FOR UPDATE USING (portal.coordinates_plan(plan_id)) WITH CHECK (portal.coordinates_plan(plan_id));
--> statement-breakpoint
-- Her own words on the plan stay hers when a caseworker's request writes it (as 0030 for the case system).
CREATE OR REPLACE FUNCTION portal.keep_participant_words_from_caseworker() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, portal
AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'plans' AND portal.coordinates_participant(NEW.participant_id)
     AND (NEW.own_goal, NEW.own_goal_version, NEW.own_goal_updated_at) IS DISTINCT FROM (OLD.own_goal, OLD.own_goal_version, OLD.own_goal_updated_at) THEN
    RAISE EXCEPTION 'the own goal is the participant''s' USING ERRCODE = '42501';
  END IF;
  IF TG_TABLE_NAME = 'sub_goals' AND portal.coordinates_plan(NEW.plan_id) AND (
       (TG_OP = 'INSERT' AND (NEW.participant_status IS NOT NULL OR NEW.participant_comment IS NOT NULL OR NEW.participant_updated_at IS NOT NULL))
    OR (TG_OP = 'UPDATE' AND (NEW.participant_status, NEW.participant_comment, NEW.participant_updated_at)
                             IS DISTINCT FROM (OLD.participant_status, OLD.participant_comment, OLD.participant_updated_at))) THEN
    RAISE EXCEPTION 'a sub-goal''s marks and comments are the participant''s' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER keep_participant_words_from_caseworker BEFORE UPDATE ON portal.plans
  FOR EACH ROW EXECUTE FUNCTION portal.keep_participant_words_from_caseworker();
--> statement-breakpoint
CREATE TRIGGER keep_participant_words_from_caseworker BEFORE INSERT OR UPDATE ON portal.sub_goals
  FOR EACH ROW EXECUTE FUNCTION portal.keep_participant_words_from_caseworker();
--> statement-breakpoint
-- 3. Events. `proposal.created` and `proposal.withdrawn` are hers (actor_role participant, as
--    portal.audit_to_caseworker_outbox decides). `proposal.decided` is the caseworker's
--    (actor_role caseworker) or, written by the API without a person, the case system's.
ALTER TABLE portal.caseworker_outbox DROP CONSTRAINT IF EXISTS caseworker_outbox_actor_role_check;
--> statement-breakpoint
ALTER TABLE portal.caseworker_outbox ADD CONSTRAINT caseworker_outbox_actor_role_check CHECK (actor_role IN ('participant', 'relative', 'case_system', 'caseworker'));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.proposal_decision_actor_role() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
BEGIN
  NEW.actor_role := CASE WHEN EXISTS (
      SELECT 1 FROM portal.audit_events a WHERE a.id = NEW.audit_event_id AND a.actor_person_id IS NOT NULL)
    THEN 'caseworker' ELSE 'case_system' END;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER proposal_decision_actor_role BEFORE INSERT ON portal.caseworker_outbox
  FOR EACH ROW WHEN (NEW.kind = 'proposal.decided') EXECUTE FUNCTION portal.proposal_decision_actor_role();
--> statement-breakpoint
CREATE TRIGGER case_system_proposal_decision_to_caseworker_outbox AFTER INSERT ON portal.audit_events
  FOR EACH ROW
  WHEN (NEW.actor_person_id IS NULL AND NEW.participant_id IS NOT NULL AND NEW.action = 'proposal.decided')
  EXECUTE FUNCTION portal.case_system_write_to_caseworker_outbox();
--> statement-breakpoint
-- 4. The caseworker's view (db/caseworker/README.md): every proposal but one she took back.
CREATE VIEW caseworker.plan_proposals WITH (security_barrier = true) AS
SELECT
  p.id AS proposal_id,
  p.participant_id,
  p.kind::text AS kind,
  p.title,
  p.why,
  p.when_text,
  p.how_much,
  p.status::text AS status,
  p.version,
  p.created_at,
  p.decided_at,
  p.decided_by_name,
  p.plan_title,
  p.plan_detail,
  p.plan_version,
  p.decline_reason
FROM portal.plan_proposals p
WHERE p.status <> 'withdrawn';
--> statement-breakpoint
COMMENT ON VIEW caseworker.plan_proposals IS 'Forslag til min plan: the sub-goals and activities the participant proposed in her own words, waiting or decided. Never one she withdrew.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.proposal_id IS 'The proposal.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.participant_id IS 'The participant (caseworker.participants.participant_id).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.kind IS 'sub_goal (delmål) or activity (aktivitet).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.title IS 'What she proposes, in her words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.why IS 'Why, in her words; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.when_text IS 'When, in her words; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.how_much IS 'How much (hours, days), in her words; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.status IS 'waiting, accepted (as she wrote it), changed (accepted with other words) or declined.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.version IS 'Raised by each change; a decision names the version it was made on (409 otherwise).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.created_at IS 'When she sent it.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.decided_at IS 'When it was decided; null while waiting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.decided_by_name IS 'Who decided, as she sees it (the caseworker''s name, or "Din sagsbehandler" for the case system).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.plan_title IS 'Accepted or changed: the item''s title as it went into the plan.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.plan_detail IS 'Accepted or changed: the item''s description (a sub-goal) or purpose (an activity) as it went into the plan.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.plan_version IS 'Accepted or changed: the plan version that first held the item.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_proposals.decline_reason IS 'Declined: the reason, which she reads.';
--> statement-breakpoint
CREATE VIEW caseworker_portal.plan_proposals WITH (security_barrier = true) AS
SELECT * FROM caseworker.plan_proposals
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_api.plan_proposals WITH (security_barrier = true) AS
SELECT * FROM caseworker.plan_proposals
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.case_system_participants());
