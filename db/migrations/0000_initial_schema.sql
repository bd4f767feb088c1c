CREATE SCHEMA "portal";
--> statement-breakpoint
CREATE TYPE "portal"."language" AS ENUM('da', 'en');--> statement-breakpoint
CREATE TYPE "portal"."participant_status" AS ENUM('preparing', 'active', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "portal"."professional_role" AS ENUM('koordinerende_sagsbehandler', 'forberedende_sagsbehandler', 'mentor', 'virksomhedskonsulent', 'sundhedskoordinator', 'other');--> statement-breakpoint
CREATE TYPE "portal"."programme" AS ENUM('ressourceforloeb', 'jobafklaringsforloeb');--> statement-breakpoint
CREATE TYPE "portal"."activity_kind" AS ENUM('mentor', 'virksomhedspraktik', 'loentilskud', 'kursus', 'behandling', 'other');--> statement-breakpoint
CREATE TYPE "portal"."activity_status" AS ENUM('planned', 'being_arranged', 'active', 'completed', 'paused');--> statement-breakpoint
CREATE TYPE "portal"."plan_response_kind" AS ENUM('read', 'question');--> statement-breakpoint
CREATE TYPE "portal"."sub_goal_status" AS ENUM('not_started', 'in_progress', 'reached', 'paused');--> statement-breakpoint
CREATE TYPE "portal"."appointment_kind" AS ENUM('rehabiliteringsteam', 'samtale', 'mentor', 'rundbordssamtale', 'kursus', 'praktikstart', 'other');--> statement-breakpoint
CREATE TYPE "portal"."appointment_mode" AS ENUM('in_person', 'phone', 'video');--> statement-breakpoint
CREATE TYPE "portal"."appointment_status" AS ENUM('planned', 'moved', 'cancelled', 'held');--> statement-breakpoint
CREATE TYPE "portal"."preparation_part" AS ENUM('education_work', 'resources', 'challenges', 'abilities', 'wishes', 'network', 'questions');--> statement-breakpoint
CREATE TYPE "portal"."preparation_status" AS ENUM('not_started', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "portal"."cv_entry_kind" AS ENUM('work', 'education', 'course', 'volunteering', 'skill', 'language', 'it_skill', 'driving_licence');--> statement-breakpoint
CREATE TYPE "portal"."network_closeness" AS ENUM('close', 'middle', 'further');--> statement-breakpoint
CREATE TYPE "portal"."network_sector" AS ENUM('family', 'friends', 'work_school', 'professionals');--> statement-breakpoint
CREATE TYPE "portal"."network_stance" AS ENUM('helps', 'holds_back', 'both');--> statement-breakpoint
CREATE TYPE "portal"."grant_status" AS ENUM('invited', 'active', 'withdrawn', 'ended_by_relative');--> statement-breakpoint
CREATE TABLE "portal"."identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."participant_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"professional_id" uuid NOT NULL,
	"role" "portal"."professional_role" NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"since" date
);
--> statement-breakpoint
CREATE TABLE "portal"."participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"programme" "portal"."programme" NOT NULL,
	"status" "portal"."participant_status" DEFAULT 'active' NOT NULL,
	"started_on" date,
	"expected_end_on" date,
	"municipality" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "portal"."persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demo_key" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"cpr" text,
	"email" text,
	"phone" text,
	"preferred_language" "portal"."language" DEFAULT 'da' NOT NULL,
	"is_caseworker" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_demo_key_unique" UNIQUE("demo_key")
);
--> statement-breakpoint
CREATE TABLE "portal"."professionals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"role" "portal"."professional_role" NOT NULL,
	"organisation" text NOT NULL,
	"phone" text,
	"email" text,
	"reachable_text" text
);
--> statement-breakpoint
CREATE TABLE "portal"."activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "portal"."activity_kind" NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"responsible_name" text,
	"place" text,
	"starts_on" date,
	"ends_on" date,
	"hours_per_week" numeric(4, 1),
	"status" "portal"."activity_status" DEFAULT 'planned' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_text" text,
	"due_on" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."plan_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"plan_version" integer NOT NULL,
	"kind" "portal"."plan_response_kind" NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"change_summary" text,
	"changed_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."plan_visits" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"last_seen_version" integer NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"employment_goal" text NOT NULL,
	"own_goal" text,
	"own_goal_updated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"next_step" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_name" text,
	CONSTRAINT "plans_participant_id_unique" UNIQUE("participant_id")
);
--> statement-breakpoint
CREATE TABLE "portal"."sub_goal_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sub_goal_id" uuid NOT NULL,
	"author_person_id" uuid,
	"status" "portal"."sub_goal_status",
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."sub_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" "portal"."sub_goal_status" DEFAULT 'not_started' NOT NULL,
	"helper_text" text,
	"due_on" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"participant_comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."absence_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"wish_for_new_time" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."appointment_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role_text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."appointment_preparations" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"notes" text,
	"questions" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" "portal"."appointment_kind" NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" "portal"."appointment_mode" DEFAULT 'in_person' NOT NULL,
	"place_name" text,
	"address" text,
	"directions" text,
	"phone_note" text,
	"video_note" text,
	"bring_items" text[] DEFAULT '{}' NOT NULL,
	"support_person_allowed" boolean DEFAULT true NOT NULL,
	"afterwards" text,
	"status" "portal"."appointment_status" DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "portal"."preparation_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"preparation_part_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"include_when_shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."preparation_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"part" "portal"."preparation_part" NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "portal"."preparation_status" DEFAULT 'not_started' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone,
	"shared_version" integer,
	"shared_answers" jsonb
);
--> statement-breakpoint
CREATE TABLE "portal"."cv_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" "portal"."cv_entry_kind" NOT NULL,
	"title" text NOT NULL,
	"organisation" text,
	"from_text" text,
	"to_text" text,
	"is_ongoing" boolean DEFAULT false NOT NULL,
	"details" text,
	"level" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."cv_profiles" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"summary" text,
	"contact_visibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal"."task_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."work_wishes" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"hours_per_week" integer,
	"max_commute_minutes" integer,
	"areas" text,
	"accommodations" text,
	"show_accommodations_on_cv" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."network_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text,
	"sector" "portal"."network_sector" NOT NULL,
	"closeness" "portal"."network_closeness" NOT NULL,
	"help_kinds" text[] DEFAULT '{}' NOT NULL,
	"stance" "portal"."network_stance" DEFAULT 'helps' NOT NULL,
	"contact_frequency" text,
	"note" text,
	"wanted_at_meeting" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."network_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"label" text,
	"people" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."share_settings" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"network_shared_at" timestamp with time zone,
	"cv_shared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal"."invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "portal"."relative_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"relative_person_id" uuid,
	"invited_name" text NOT NULL,
	"invited_email" text NOT NULL,
	"relation" text NOT NULL,
	"scopes" text[] NOT NULL,
	"may_comment" boolean DEFAULT false NOT NULL,
	"bisidder_appointment_ids" uuid[] DEFAULT '{}' NOT NULL,
	"valid_until" date NOT NULL,
	"status" "portal"."grant_status" DEFAULT 'invited' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"last_viewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal"."audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"participant_id" uuid,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "portal"."auth_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "auth_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "portal"."identities" ADD CONSTRAINT "identities_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."participant_contacts" ADD CONSTRAINT "participant_contacts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."participant_contacts" ADD CONSTRAINT "participant_contacts_professional_id_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "portal"."professionals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."participants" ADD CONSTRAINT "participants_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."professionals" ADD CONSTRAINT "professionals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."activities" ADD CONSTRAINT "activities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."agreements" ADD CONSTRAINT "agreements_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."plan_responses" ADD CONSTRAINT "plan_responses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."plan_visits" ADD CONSTRAINT "plan_visits_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."plans" ADD CONSTRAINT "plans_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."sub_goal_updates" ADD CONSTRAINT "sub_goal_updates_sub_goal_id_sub_goals_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "portal"."sub_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."sub_goal_updates" ADD CONSTRAINT "sub_goal_updates_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."sub_goals" ADD CONSTRAINT "sub_goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."absence_notices" ADD CONSTRAINT "absence_notices_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "portal"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."appointment_attendees" ADD CONSTRAINT "appointment_attendees_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "portal"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."appointment_preparations" ADD CONSTRAINT "appointment_preparations_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "portal"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."appointments" ADD CONSTRAINT "appointments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."calendar_feeds" ADD CONSTRAINT "calendar_feeds_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."preparation_comments" ADD CONSTRAINT "preparation_comments_preparation_part_id_preparation_parts_id_fk" FOREIGN KEY ("preparation_part_id") REFERENCES "portal"."preparation_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."preparation_comments" ADD CONSTRAINT "preparation_comments_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."preparation_parts" ADD CONSTRAINT "preparation_parts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."cv_entries" ADD CONSTRAINT "cv_entries_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."cv_profiles" ADD CONSTRAINT "cv_profiles_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."task_suggestions" ADD CONSTRAINT "task_suggestions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."work_wishes" ADD CONSTRAINT "work_wishes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."network_people" ADD CONSTRAINT "network_people_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."network_snapshots" ADD CONSTRAINT "network_snapshots_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."share_settings" ADD CONSTRAINT "share_settings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."invitations" ADD CONSTRAINT "invitations_grant_id_relative_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "portal"."relative_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."relative_grants" ADD CONSTRAINT "relative_grants_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."relative_grants" ADD CONSTRAINT "relative_grants_relative_person_id_persons_id_fk" FOREIGN KEY ("relative_person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."audit_events" ADD CONSTRAINT "audit_events_actor_person_id_persons_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."audit_events" ADD CONSTRAINT "audit_events_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "portal"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."auth_sessions" ADD CONSTRAINT "auth_sessions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "portal"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_provider_subject_key" ON "portal"."identities" USING btree ("provider","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_contacts_unique" ON "portal"."participant_contacts" USING btree ("participant_id","professional_id","role");--> statement-breakpoint
CREATE INDEX "participant_contacts_professional" ON "portal"."participant_contacts" USING btree ("professional_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_cpr_key" ON "portal"."persons" USING btree ("cpr") WHERE "portal"."persons"."cpr" is not null;--> statement-breakpoint
CREATE INDEX "activities_plan" ON "portal"."activities" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "agreements_plan" ON "portal"."agreements" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_responses_plan" ON "portal"."plan_responses" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_plan_version" ON "portal"."plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "sub_goals_plan" ON "portal"."sub_goals" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "absence_notices_appointment" ON "portal"."absence_notices" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointment_attendees_appointment" ON "portal"."appointment_attendees" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointments_participant_starts" ON "portal"."appointments" USING btree ("participant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "preparation_parts_participant_part" ON "portal"."preparation_parts" USING btree ("participant_id","part");--> statement-breakpoint
CREATE INDEX "cv_entries_participant_kind" ON "portal"."cv_entries" USING btree ("participant_id","kind");--> statement-breakpoint
CREATE INDEX "task_suggestions_participant" ON "portal"."task_suggestions" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "network_people_participant" ON "portal"."network_people" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "relative_grants_participant" ON "portal"."relative_grants" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "relative_grants_relative" ON "portal"."relative_grants" USING btree ("relative_person_id");--> statement-breakpoint
CREATE INDEX "audit_events_participant_time" ON "portal"."audit_events" USING btree ("participant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "auth_sessions_person" ON "portal"."auth_sessions" USING btree ("person_id");