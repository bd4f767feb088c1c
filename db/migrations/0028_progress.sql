-- Issue 22: "Sådan går det" (monthly answers in words), the energy diary (private), and "Mine tegn
-- og mine strategier"; row-level security, the change feed, and the caseworker views.
CREATE TYPE "portal"."energy_level" AS ENUM('very_little', 'little', 'some', 'quite_a_lot', 'a_lot');--> statement-breakpoint
CREATE TYPE "portal"."progress_level" AS ENUM('very_hard', 'hard', 'mixed', 'fairly_good', 'good');--> statement-breakpoint
CREATE TABLE "portal"."energy_diary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"energy" "portal"."energy_level" NOT NULL,
	"activities" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."progress_answer_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"energy" "portal"."progress_level",
	"energy_note" text,
	"sleep" "portal"."progress_level",
	"sleep_note" text,
	"company" "portal"."progress_level",
	"company_note" text,
	"outdoors" "portal"."progress_level",
	"outdoors_note" text,
	"work_belief" "portal"."progress_level",
	"work_belief_note" text,
	"what_helps" text,
	"something_else" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone,
	CONSTRAINT "progress_answer_sets_first_of_month" CHECK (extract(day from "portal"."progress_answer_sets"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "portal"."progress_settings" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"reminder_day" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_settings_reminder_day" CHECK ("portal"."progress_settings"."reminder_day" between 1 and 28)
);
--> statement-breakpoint
CREATE TABLE "portal"."progress_signs" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"warning_signs" text[] DEFAULT '{}' NOT NULL,
	"strategies" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "portal"."energy_diary_entries" ADD CONSTRAINT "energy_diary_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."progress_answer_sets" ADD CONSTRAINT "progress_answer_sets_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."progress_settings" ADD CONSTRAINT "progress_settings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."progress_signs" ADD CONSTRAINT "progress_signs_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "energy_diary_entries_participant_day" ON "portal"."energy_diary_entries" USING btree ("participant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_answer_sets_participant_month" ON "portal"."progress_answer_sets" USING btree ("participant_id","month");--> statement-breakpoint
-- Issue 22, "Sådan går det": row-level security. These rows are the participant's alone: a
-- relative never sees them, whatever her grant says (no scope covers them), and the caseworker
-- reads only what she shares, through the views below.
ALTER TABLE portal.progress_answer_sets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON portal.progress_answer_sets
  USING (portal.is_own_participant(participant_id)) WITH CHECK (portal.is_own_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.progress_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON portal.progress_settings
  USING (portal.is_own_participant(participant_id)) WITH CHECK (portal.is_own_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.energy_diary_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON portal.energy_diary_entries
  USING (portal.is_own_participant(participant_id)) WITH CHECK (portal.is_own_participant(participant_id));
--> statement-breakpoint
ALTER TABLE portal.progress_signs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_rows ON portal.progress_signs
  USING (portal.is_own_participant(participant_id)) WITH CHECK (portal.is_own_participant(participant_id));
--> statement-breakpoint
-- The change feed (migration 0006) learns about "Sådan går det": the energy diary never reaches it,
-- and an answer set or the signs only as they are shared, and while they are shared. Everything
-- else is as 0006 wrote it.
CREATE OR REPLACE FUNCTION portal.audit_to_caseworker_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  event_id bigint;
  role text;
BEGIN
  IF NEW.participant_id IS NULL OR NEW.actor_person_id IS NULL THEN
    RETURN NULL;
  END IF;
  -- Reading, signing in and the caseworker's own reads are not changes.
  IF NEW.action LIKE 'session.%' OR NEW.action LIKE 'caseworker.%' OR NEW.action LIKE '%.viewed'
     OR NEW.action LIKE 'appointment.calendar_feed_%' THEN
    RETURN NULL;
  END IF;
  -- Work the caseworker cannot see must not show up as activity either: drafts of the
  -- preparation, a CV or network that is not shared, a relative's remarks (shared with the part).
  IF NEW.action IN ('preparation.part_saved', 'preparation.about_meeting_read', 'relatives.commented', 'relatives.comment_deleted') THEN
    RETURN NULL;
  END IF;
  IF (NEW.action LIKE 'cv.%' OR NEW.action LIKE 'work_tasks.%') AND NEW.action <> 'cv.shared'
     AND NOT EXISTS (SELECT 1 FROM portal.cv_profiles c WHERE c.participant_id = NEW.participant_id AND c.shared_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  IF NEW.action LIKE 'network.%' AND NEW.action NOT LIKE 'network.shar%' AND NEW.action NOT LIKE 'network.unshar%'
     AND NOT EXISTS (SELECT 1 FROM portal.share_settings s WHERE s.participant_id = NEW.participant_id AND s.network_shared_at IS NOT NULL) THEN
    RETURN NULL;
  END IF;
  -- Sådan går det (issue 22): only these, and a save only of what is shared at that moment. The
  -- diary, the reminder day and anything new in the area stay out until named here.
  IF NEW.action LIKE 'progress.%' THEN
    IF NEW.action NOT IN ('progress.answers_shared', 'progress.answers_sharing_stopped', 'progress.answers_saved',
                          'progress.signs_shared', 'progress.signs_sharing_stopped', 'progress.signs_saved') THEN
      RETURN NULL;
    END IF;
    IF NEW.action = 'progress.answers_saved' AND NOT EXISTS (
         SELECT 1 FROM portal.progress_answer_sets a
         WHERE a.participant_id = NEW.participant_id AND a.id::text = NEW.details->>'answerSetId' AND a.shared_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
    IF NEW.action = 'progress.signs_saved' AND NOT EXISTS (
         SELECT 1 FROM portal.progress_signs s WHERE s.participant_id = NEW.participant_id AND s.shared_at IS NOT NULL) THEN
      RETURN NULL;
    END IF;
  END IF;
  role := CASE WHEN EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = NEW.participant_id AND p.person_id = NEW.actor_person_id)
               THEN 'participant' ELSE 'relative' END;
  INSERT INTO portal.caseworker_outbox (participant_id, kind, actor_role, details, audit_event_id, occurred_at)
  VALUES (NEW.participant_id, NEW.action, role, NEW.details, NEW.id, NEW.occurred_at)
  RETURNING id INTO event_id;
  -- A wake-up hint only (delivered at commit, never for a rolled-back write): read the view.
  PERFORM pg_notify('caseworker_events', json_build_object('id', event_id, 'participant_id', NEW.participant_id, 'kind', NEW.action)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The caseworker's views (db/caseworker/README.md). Shared answer sets only; the energy diary has
-- no view at all. The steps are words (text), never numbers.
CREATE VIEW caseworker.progress_answers WITH (security_barrier = true) AS
SELECT
  a.id AS answer_set_id,
  a.participant_id,
  a.month,
  a.energy::text AS energy,
  a.energy_note,
  a.sleep::text AS sleep,
  a.sleep_note,
  a.company::text AS company,
  a.company_note,
  a.outdoors::text AS outdoors,
  a.outdoors_note,
  a.work_belief::text AS work_belief,
  a.work_belief_note,
  a.what_helps,
  a.something_else,
  a.updated_at,
  a.shared_at
FROM portal.progress_answer_sets a
WHERE a.shared_at IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.progress_answers IS 'Sådan går det: the monthly answer sets the participant has shared, one by one, as they are now. Words, never scores. Never the energy diary.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.answer_set_id IS 'The answer set (one per participant and month).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.participant_id IS 'The participant (caseworker.participants.participant_id).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.month IS 'The month answered for: its first day.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.energy IS 'Energy this month: very_hard, hard, mixed, fairly_good or good (words on her page: Meget svært ... Godt); null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.energy_note IS 'Her own words about energy; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.sleep IS 'Sleep: very_hard, hard, mixed, fairly_good or good; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.sleep_note IS 'Her own words about sleep; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.company IS 'Being with others: very_hard, hard, mixed, fairly_good or good; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.company_note IS 'Her own words about being with others; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.outdoors IS 'Getting out of the door: very_hard, hard, mixed, fairly_good or good; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.outdoors_note IS 'Her own words about getting out; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.work_belief IS 'Believing that work is possible: very_hard, hard, mixed, fairly_good or good; null if left out.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.work_belief_note IS 'Her own words about work; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.what_helps IS 'What has helped her this month, in her words; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.something_else IS '"Noget andet, jeg vil sige", in her words; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.updated_at IS 'When she last saved the set.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_answers.shared_at IS 'When she shared the set. The row disappears when she stops sharing it.';
--> statement-breakpoint
CREATE VIEW caseworker.progress_signs WITH (security_barrier = true) AS
SELECT
  s.participant_id,
  s.warning_signs,
  s.strategies,
  s.updated_at,
  s.shared_at
FROM portal.progress_signs s
WHERE s.shared_at IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.progress_signs IS 'Mine tegn og mine strategier: her warning signs and what helps, only while she shares them; live, as they are now.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_signs.participant_id IS 'The participant (caseworker.participants.participant_id).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_signs.warning_signs IS 'Her warning signs, in her words and her order.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_signs.strategies IS 'What helps her (her strategies), in her words and her order.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_signs.updated_at IS 'When she last saved the lists.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.progress_signs.shared_at IS 'Since when she shares them. The row disappears when she stops.';
