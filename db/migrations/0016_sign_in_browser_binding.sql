ALTER TABLE "portal"."sign_in_requests" ADD COLUMN "browser_binding" text;--> statement-breakpoint
ALTER TABLE "portal"."sign_in_requests" ADD COLUMN "invitation_token_hash" text;