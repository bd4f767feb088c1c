-- Issue 15: rate limits that hold across several portal processes (app/lib/rate-limit.server.ts).
-- One row per limited key: the limit's name and a keyed hash (HMAC) of what is counted (a client
-- address, a person, a feed link), never the thing itself. No row-level security: the rows say
-- nothing about anyone, and sign-in is limited before anyone is known. portal_app reads and writes
-- them through db/caseworker/roles.sql's grant on every portal table; the caseworker and jobcentre
-- roles get nothing. The job worker's retention pass deletes rows whose window has ended.
CREATE TABLE "portal"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_expires_at" ON "portal"."rate_limits" USING btree ("expires_at");
