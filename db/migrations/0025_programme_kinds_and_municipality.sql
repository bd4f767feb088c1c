-- Issue 19: the kinds of programme after the 2026 reform (kontaktforløb for people under the new
-- rules; ressourceforløb stays for those who started before), a meeting about the samlet beskrivelse,
-- and which configured municipality a participant belongs to (null: the configuration's first).
ALTER TYPE "portal"."programme" ADD VALUE 'kontaktforloeb';--> statement-breakpoint
ALTER TYPE "portal"."appointment_kind" ADD VALUE 'samlet_beskrivelse' BEFORE 'samtale';--> statement-breakpoint
ALTER TABLE "portal"."participants" ADD COLUMN "municipality_key" text;