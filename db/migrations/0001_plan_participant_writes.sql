CREATE TYPE "portal"."author_role" AS ENUM('participant', 'relative', 'caseworker');--> statement-breakpoint
CREATE TABLE "portal"."own_goal_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"author_person_id" uuid,
	"author_role" "portal"."author_role" NOT NULL,
	"author_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal"."plan_responses" ADD COLUMN "author_person_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."plan_responses" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."plan_visits" ADD COLUMN "marker_base_version" integer;--> statement-breakpoint
ALTER TABLE "portal"."plan_visits" ADD COLUMN "marker_session_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."plans" ADD COLUMN "own_goal_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."sub_goal_updates" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."sub_goals" ADD COLUMN "participant_status" "portal"."sub_goal_status";--> statement-breakpoint
ALTER TABLE "portal"."sub_goals" ADD COLUMN "participant_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portal"."own_goal_versions" ADD CONSTRAINT "own_goal_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "portal"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal"."own_goal_versions" ADD CONSTRAINT "own_goal_versions_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "own_goal_versions_plan_version" ON "portal"."own_goal_versions" USING btree ("plan_id","version");--> statement-breakpoint
ALTER TABLE "portal"."plan_responses" ADD CONSTRAINT "plan_responses_author_person_id_persons_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "portal"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_responses_one_read_per_version" ON "portal"."plan_responses" USING btree ("plan_id","plan_version") WHERE "portal"."plan_responses"."kind" = 'read';--> statement-breakpoint
CREATE INDEX "sub_goal_updates_sub_goal" ON "portal"."sub_goal_updates" USING btree ("sub_goal_id","created_at");--> statement-breakpoint
ALTER TABLE "portal"."plan_responses" ADD CONSTRAINT "plan_responses_submission_id_unique" UNIQUE("submission_id");--> statement-breakpoint
ALTER TABLE "portal"."sub_goal_updates" ADD CONSTRAINT "sub_goal_updates_submission_id_unique" UNIQUE("submission_id");