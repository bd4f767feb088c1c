-- Issue 14 point 5 and issue 15 (the job queue): the mail outbox and the retention job.
-- docs/decisions/2026-12-04-job-queue.md. A mail is written in the business transaction and sent
-- by the job worker after the commit; its content is wiped once it is sent or given up.
CREATE TABLE "portal"."mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"grant_id" uuid,
	"payload" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "portal"."mail_outbox" ADD CONSTRAINT "mail_outbox_grant_id_relative_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "portal"."relative_grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_due" ON "portal"."mail_outbox" USING btree ("run_after") WHERE sent_at is null and failed_at is null;
--> statement-breakpoint
-- Row-level security: the participant's own request may queue mail about her own grant (in the
-- transaction that makes the grant or the new link); only the job worker's transactions
-- (minvej.job_worker = on, set by app/features/jobs/outbox.server.ts) read and update the rows.
-- This catches a forgotten filter in a person's request, not the portal's own role.
ALTER TABLE portal.mail_outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outbox_rows ON portal.mail_outbox
  USING (current_setting('minvej.job_worker', true) = 'on')
  WITH CHECK (current_setting('minvej.job_worker', true) = 'on' OR portal.may_manage_grant(grant_id));
--> statement-breakpoint
-- The retention job (app/features/jobs/retention.server.ts). Runs with its owner's rights: no
-- person's row-level security covers other people's sessions. Answers with counts only.
CREATE OR REPLACE FUNCTION portal.prune_expired(as_of timestamptz, grace_days int)
RETURNS TABLE (sessions int, invitations int, mails int)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  grace interval := make_interval(days => greatest(grace_days, 0));
BEGIN
  -- Sessions that can never be used again: signed out, 30 minutes unused, or 8 hours old
  -- (app/lib/session.server.ts, and the privacy page's "højst 8 timer").
  DELETE FROM portal.auth_sessions s
  WHERE s.ended_at IS NOT NULL OR s.absolute_expires_at <= as_of OR s.last_seen_at <= as_of - interval '30 minutes';
  GET DIAGNOSTICS sessions = ROW_COUNT;
  -- Links never used that ran out more than the grace ago, when nothing still needs their end:
  -- the grant has a newer link, is no longer waiting for an answer, or is past its end date.
  DELETE FROM portal.invitations i
  USING portal.relative_grants g
  WHERE g.id = i.grant_id AND i.used_at IS NULL AND i.expires_at <= as_of - grace
    AND (g.status::text <> 'invited' OR g.valid_until < (as_of AT TIME ZONE 'Europe/Copenhagen')::date
      OR EXISTS (SELECT 1 FROM portal.invitations newer WHERE newer.grant_id = i.grant_id AND newer.created_at > i.created_at));
  GET DIAGNOSTICS invitations = ROW_COUNT;
  -- Outbox rows sent or given up more than the grace ago (their content is already gone).
  DELETE FROM portal.mail_outbox m
  WHERE coalesce(m.sent_at, m.failed_at) <= as_of - grace;
  GET DIAGNOSTICS mails = ROW_COUNT;
  RETURN NEXT;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.prune_expired(timestamptz, int) FROM PUBLIC;
