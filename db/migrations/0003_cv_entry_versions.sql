CREATE TYPE "portal"."cv_skill_category" AS ENUM('professional', 'personal');--> statement-breakpoint
ALTER TABLE "portal"."cv_entries" ADD COLUMN "category" "portal"."cv_skill_category";--> statement-breakpoint
ALTER TABLE "portal"."cv_entries" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."cv_entries" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."cv_entries" ADD COLUMN "submission_id" uuid;--> statement-breakpoint
ALTER TABLE "portal"."cv_profiles" ADD COLUMN "address" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cv_entries_submission_id" ON "portal"."cv_entries" USING btree ("submission_id");