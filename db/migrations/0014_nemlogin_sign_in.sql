CREATE TABLE "portal"."sign_in_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"purpose" text NOT NULL,
	"return_to" text,
	"code_verifier" text,
	"nonce" text,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal"."used_assertions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal"."persons" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "portal"."relative_grants" ADD COLUMN "bound_birth_date" date;--> statement-breakpoint
ALTER TABLE "portal"."auth_sessions" ADD COLUMN "idle_minutes" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."auth_sessions" ADD COLUMN "authenticated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "portal"."auth_sessions" ADD COLUMN "assurance_level" text;--> statement-breakpoint
ALTER TABLE "portal"."auth_sessions" ADD COLUMN "provider_session" jsonb;--> statement-breakpoint
CREATE INDEX "sign_in_requests_expires_at" ON "portal"."sign_in_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "used_assertions_expires_at" ON "portal"."used_assertions" USING btree ("expires_at");--> statement-breakpoint
-- Issue 17: real sign-in. sign_in_requests and used_assertions hold no personal data (request ids,
-- assertion ids, a return path, a PKCE verifier): no row-level security, like rate_limits; the
-- portal reads and writes them through db/caseworker/roles.sql's grant on every portal table.
--
-- NemLog-in: the person a verified MitID sign-in belongs to. The portal never writes persons or
-- identities (migration 0008), so this runs with its owner's rights, for one verified subject:
-- the person already bound to this NemLog-in person UUID; else the person the jobcentre
-- registered with this CPR number, whose identity it binds now (never a person already bound to
-- another NemLog-in UUID; each binding is an audit row). Stores the verified birth date when none
-- is known (a CPR birth date never changes; a relative must be 15 or older). Null: Min Vej has
-- nothing for this person.
CREATE OR REPLACE FUNCTION portal.person_for_nemlogin(person_uuid text, cpr_number text, verified_birth_date date)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  found uuid;
BEGIN
  SELECT i.person_id INTO found FROM portal.identities i WHERE i.provider = 'nemlogin' AND i.subject = person_uuid;
  IF found IS NULL AND cpr_number IS NOT NULL THEN
    SELECT p.id INTO found FROM portal.persons p
    WHERE p.cpr = cpr_number
      AND NOT EXISTS (SELECT 1 FROM portal.identities i WHERE i.person_id = p.id AND i.provider = 'nemlogin');
    IF found IS NOT NULL THEN
      INSERT INTO portal.identities (person_id, provider, subject) VALUES (found, 'nemlogin', person_uuid);
      INSERT INTO portal.audit_events (actor_person_id, participant_id, action, details)
      SELECT found, pa.id, 'identity.bound', '{"provider":"nemlogin"}'::jsonb
      FROM (SELECT 1) one LEFT JOIN portal.participants pa ON pa.person_id = found;
    END IF;
  END IF;
  IF found IS NOT NULL AND verified_birth_date IS NOT NULL THEN
    UPDATE portal.persons SET birth_date = verified_birth_date WHERE id = found AND birth_date IS NULL;
  END IF;
  RETURN found;
END
$$;
--> statement-breakpoint
-- A relative the jobcentre never registered: created from the verified MitID name and birth date,
-- and only while the invitation whose token hash is given is open (unused, not run out, waiting
-- for an answer) and she may accept it (15 or older; born on the bound day, if it is bound).
-- Never a CPR number: the NemLog-in person UUID identifies them from then on.
CREATE OR REPLACE FUNCTION portal.register_invited_relative(person_uuid text, verified_first_name text, verified_last_name text,
  verified_birth_date date, invitation_token_hash text, as_of timestamptz)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  created uuid;
BEGIN
  IF verified_birth_date IS NULL
     OR verified_birth_date > ((as_of AT TIME ZONE 'Europe/Copenhagen')::date - interval '15 years')::date
     OR NOT EXISTS (
    SELECT 1 FROM portal.invitations i JOIN portal.relative_grants g ON g.id = i.grant_id
    WHERE i.token_hash = invitation_token_hash AND i.used_at IS NULL AND i.expires_at > as_of AND g.status = 'invited'
      AND (g.bound_birth_date IS NULL OR g.bound_birth_date = verified_birth_date)
  ) THEN
    RETURN NULL;
  END IF;
  SELECT i.person_id INTO created FROM portal.identities i WHERE i.provider = 'nemlogin' AND i.subject = person_uuid;
  IF created IS NOT NULL THEN
    RETURN created;
  END IF;
  INSERT INTO portal.persons (first_name, last_name, birth_date)
  VALUES (verified_first_name, verified_last_name, verified_birth_date)
  RETURNING id INTO created;
  INSERT INTO portal.identities (person_id, provider, subject) VALUES (created, 'nemlogin', person_uuid);
  RETURN created;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.person_for_nemlogin(text, text, date) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION portal.register_invited_relative(text, text, text, date, text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
-- The retention job also forgets sign-ins that never came back, assertion ids past their end,
-- and rate-limit windows that are over; sessions end after their own idle time (15 minutes for a
-- caseworker). Same answer as before: counts of sessions, invitations and mails.
CREATE OR REPLACE FUNCTION portal.prune_expired(as_of timestamptz, grace_days int)
RETURNS TABLE (sessions int, invitations int, mails int)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
DECLARE
  grace interval := make_interval(days => greatest(grace_days, 0));
BEGIN
  DELETE FROM portal.auth_sessions s
  WHERE s.ended_at IS NOT NULL OR s.absolute_expires_at <= as_of
    OR s.last_seen_at <= as_of - make_interval(mins => s.idle_minutes);
  GET DIAGNOSTICS sessions = ROW_COUNT;
  DELETE FROM portal.invitations i
  USING portal.relative_grants g
  WHERE g.id = i.grant_id AND i.used_at IS NULL AND i.expires_at <= as_of - grace
    AND (g.status::text <> 'invited' OR g.valid_until < (as_of AT TIME ZONE 'Europe/Copenhagen')::date
      OR EXISTS (SELECT 1 FROM portal.invitations newer WHERE newer.grant_id = i.grant_id AND newer.created_at > i.created_at));
  GET DIAGNOSTICS invitations = ROW_COUNT;
  DELETE FROM portal.mail_outbox m
  WHERE coalesce(m.sent_at, m.failed_at) <= as_of - grace;
  GET DIAGNOSTICS mails = ROW_COUNT;
  DELETE FROM portal.sign_in_requests r WHERE r.expires_at <= as_of;
  DELETE FROM portal.used_assertions a WHERE a.expires_at <= as_of;
  DELETE FROM portal.rate_limits l WHERE l.expires_at <= as_of;
  RETURN NEXT;
END
$$;
