CREATE TYPE "portal"."callback_window" AS ENUM('morning', 'afternoon', 'any');--> statement-breakpoint
CREATE TYPE "portal"."conversation_topic" AS ENUM('general', 'appointment', 'plan', 'preparation', 'absence', 'disagreement', 'callback');--> statement-breakpoint
CREATE TYPE "portal"."proposal_status" AS ENUM('proposed', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "portal"."appointment_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "portal"."proposal_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal"."conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"topic" "portal"."conversation_topic" NOT NULL,
	"subject" text NOT NULL,
	"appointment_id" uuid,
	"sub_goal_id" uuid,
	"activity_id" uuid,
	"preparation_part_id" uuid,
	"absence_notice_id" uuid,
	"plan_response_id" uuid,
	"callback_on" date,
	"callback_window" "portal"."callback_window",
	"callback_phone" text,
	"started_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_person_id" uuid,
	"submission_id" uuid,
	CONSTRAINT "conversations_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "conversations_subject_length" CHECK (char_length("portal"."conversations"."subject") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "portal"."message_drafts" (
	"person_id" uuid NOT NULL,
	"draft_key" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_drafts_person_id_draft_key_pk" PRIMARY KEY("person_id","draft_key"),
	CONSTRAINT "message_drafts_body_length" CHECK (char_length("portal"."message_drafts"."body") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "portal"."messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_person_id" uuid,
	"author_role" "portal"."author_role" NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"submission_id" uuid,
	CONSTRAINT "messages_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "messages_body_length" CHECK (char_length("portal"."messages"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "portal"."notification_settings" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"by_email" boolean DEFAULT false NOT NULL,
	"by_sms" boolean DEFAULT false NOT NULL,
	"email" text,
	"phone" text,
	"quiet_from" time DEFAULT '21:00' NOT NULL,
	"quiet_until" time DEFAULT '08:00' NOT NULL,
	"new_messages" boolean DEFAULT true NOT NULL,
	"meeting_reminder_minutes" integer[] DEFAULT '{1440,120}'::integer[] NOT NULL,
	"agreement_reminders" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_settings_email_when_chosen" CHECK (not "portal"."notification_settings"."by_email" or "portal"."notification_settings"."email" is not null),
	CONSTRAINT "notification_settings_phone_when_chosen" CHECK (not "portal"."notification_settings"."by_sms" or "portal"."notification_settings"."phone" is not null)
);
--> statement-breakpoint
ALTER TABLE "portal"."relative_grants" ADD COLUMN "reminder_copy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."relative_grants" ADD COLUMN "may_write_messages" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."mail_outbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."mail_outbox" ADD COLUMN "participant_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."appointment_proposals" ADD CONSTRAINT "appointment_proposals_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "portal"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."appointment_proposals" ADD CONSTRAINT "appointment_proposals_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "portal"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."appointment_proposals" ADD CONSTRAINT "appointment_proposals_proposed_by_person_id_persons_id_fk" FOREIGN KEY ("proposed_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "portal"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_sub_goal_id_sub_goals_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "portal"."sub_goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "portal"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_preparation_part_id_preparation_parts_id_fk" FOREIGN KEY ("preparation_part_id") REFERENCES "portal"."preparation_parts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_absence_notice_id_absence_notices_id_fk" FOREIGN KEY ("absence_notice_id") REFERENCES "portal"."absence_notices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_plan_response_id_plan_responses_id_fk" FOREIGN KEY ("plan_response_id") REFERENCES "portal"."plan_responses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_started_by_person_id_persons_id_fk" FOREIGN KEY ("started_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."conversations" ADD CONSTRAINT "conversations_handled_by_person_id_persons_id_fk" FOREIGN KEY ("handled_by_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."message_drafts" ADD CONSTRAINT "message_drafts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."message_drafts" ADD CONSTRAINT "message_drafts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "portal"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."messages" ADD CONSTRAINT "messages_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."notification_settings" ADD CONSTRAINT "notification_settings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_proposals_conversation" ON "portal"."appointment_proposals" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "appointment_proposals_appointment" ON "portal"."appointment_proposals" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "conversations_participant_last" ON "portal"."conversations" USING btree ("participant_id","last_message_at");--> statement-breakpoint
CREATE INDEX "conversations_appointment" ON "portal"."conversations" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "messages_conversation_created" ON "portal"."messages" USING btree ("conversation_id","created_at");--> statement-breakpoint
ALTER TABLE "portal"."mail_outbox" ADD CONSTRAINT "mail_outbox_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."mail_outbox" ADD CONSTRAINT "mail_outbox_channel" CHECK ("portal"."mail_outbox"."channel" in ('email', 'sms'));--> statement-breakpoint
-- Issue 18: messages, "new time" proposals, notification settings, and notifications through the
-- outbox. Row-level security as for the rest of the participant's data (migration 0006), with one
-- addition: her coordinating caseworker (portal.my_coordinated_participants, migration 0008)
-- reads and writes her conversations. Which relative may read or write is the application's finer
-- check (the grant's messages scope and may_write_messages).
CREATE OR REPLACE FUNCTION portal.may_converse_with(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT portal.may_see_participant(target) OR target IN (SELECT portal.my_coordinated_participants()) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_conversation(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.conversations c WHERE c.id = target AND portal.may_converse_with(c.participant_id)) $$;
--> statement-breakpoint
ALTER TABLE portal.conversations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY conversation_rows ON portal.conversations
  USING (portal.may_converse_with(participant_id)) WITH CHECK (portal.may_converse_with(participant_id));
--> statement-breakpoint
ALTER TABLE portal.messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY message_rows ON portal.messages
  USING (portal.may_see_conversation(conversation_id)) WITH CHECK (portal.may_see_conversation(conversation_id));
--> statement-breakpoint
ALTER TABLE portal.appointment_proposals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY proposal_rows ON portal.appointment_proposals
  USING (portal.may_see_conversation(conversation_id)) WITH CHECK (portal.may_see_conversation(conversation_id));
--> statement-breakpoint
ALTER TABLE portal.message_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_drafts ON portal.message_drafts
  USING (person_id = portal.current_person_id())
  WITH CHECK (person_id = portal.current_person_id() AND portal.may_converse_with(participant_id));
--> statement-breakpoint
-- A person's own settings; the job worker reads everyone's (to address a notification).
ALTER TABLE portal.notification_settings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_settings ON portal.notification_settings
  USING (person_id = portal.current_person_id() OR current_setting('minvej.job_worker', true) = 'on')
  WITH CHECK (person_id = portal.current_person_id() OR current_setting('minvej.job_worker', true) = 'on');
--> statement-breakpoint
-- The outbox now also carries notifications (channel email or sms) about a participant: her
-- side and her caseworker may queue them in the business transaction (a reply queues "Du har en
-- ny besked"); reading and sending stay the worker's.
DROP POLICY outbox_rows ON portal.mail_outbox;
--> statement-breakpoint
CREATE POLICY outbox_rows ON portal.mail_outbox
  USING (current_setting('minvej.job_worker', true) = 'on')
  WITH CHECK (
    current_setting('minvej.job_worker', true) = 'on'
    OR portal.may_manage_grant(grant_id)
    OR (participant_id IS NOT NULL AND portal.may_converse_with(participant_id))
  );
--> statement-breakpoint
-- The reminders that are due at as_of (their time has come, not more than 6 hours ago, and the
-- meeting or deadline is still ahead), for the job worker, which queues one outbox row per
-- reminder, person and channel under a unique key (a moved meeting has a new sequence, so a new
-- reminder). Meetings: the participant's own settings, and a copy for each relative whose active
-- grant has the appointments scope and who asked for one (reminder_copy), by their own settings.
-- Agreements: the day before the deadline at 10.00 Danish time, for the participant only.
-- Runs with its owner's rights (no person's row-level security covers every participant);
-- answers with what a notification needs and nothing it must not say.
CREATE OR REPLACE FUNCTION portal.due_reminders(as_of timestamptz)
RETURNS TABLE (
  reminder_key text, kind text, participant_id uuid, person_id uuid, due_at timestamptz, event_at timestamptz,
  by_email boolean, by_sms boolean, email text, phone text, quiet_from time, quiet_until time, preferred_language text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  WITH recipients AS (
    SELECT pa.id AS participant_id, pa.person_id, false AS is_copy FROM portal.participants pa
    UNION ALL
    SELECT g.participant_id, g.relative_person_id, true FROM portal.relative_grants g
    WHERE g.status = 'active' AND g.reminder_copy AND 'appointments' = ANY (g.scopes)
      AND g.valid_until >= (as_of AT TIME ZONE 'Europe/Copenhagen')::date AND g.relative_person_id IS NOT NULL
  ),
  meeting AS (
    SELECT 'meeting:' || a.id || ':' || a.sequence || ':' || m || ':' || r.person_id AS reminder_key,
      CASE WHEN r.is_copy THEN 'meeting_reminder_copy' ELSE 'meeting_reminder' END AS kind,
      a.participant_id, r.person_id, a.starts_at - make_interval(mins => m) AS due_at, a.starts_at AS event_at
    FROM portal.appointments a
    JOIN recipients r ON r.participant_id = a.participant_id
    JOIN portal.notification_settings s ON s.person_id = r.person_id
    CROSS JOIN LATERAL unnest(s.meeting_reminder_minutes) AS m
    WHERE a.status IN ('planned', 'moved') AND a.starts_at > as_of
      AND a.starts_at - make_interval(mins => m) <= as_of
      AND a.starts_at - make_interval(mins => m) > as_of - interval '6 hours'
  ),
  agreement AS (
    SELECT 'agreement:' || ag.id || ':' || ag.due_on || ':' || pa.person_id,
      'agreement_reminder', pa.id, pa.person_id,
      ((ag.due_on - 1)::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen',
      (ag.due_on::timestamp + time '23:59') AT TIME ZONE 'Europe/Copenhagen'
    FROM portal.agreements ag
    JOIN portal.plans pl ON pl.id = ag.plan_id
    JOIN portal.participants pa ON pa.id = pl.participant_id
    JOIN portal.notification_settings s ON s.person_id = pa.person_id AND s.agreement_reminders
    WHERE ag.due_on IS NOT NULL
      AND ((ag.due_on - 1)::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen' <= as_of
      AND ((ag.due_on - 1)::timestamp + time '10:00') AT TIME ZONE 'Europe/Copenhagen' > as_of - interval '6 hours'
  )
  SELECT d.reminder_key, d.kind, d.participant_id, d.person_id, d.due_at, d.event_at,
    s.by_email, s.by_sms, s.email, s.phone, s.quiet_from, s.quiet_until, pe.preferred_language::text
  FROM (SELECT * FROM meeting UNION ALL SELECT * FROM agreement) d
  JOIN portal.notification_settings s ON s.person_id = d.person_id
  JOIN portal.persons pe ON pe.id = d.person_id
  WHERE s.by_email OR s.by_sms
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.due_reminders(timestamptz) FROM PUBLIC;
