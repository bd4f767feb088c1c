-- Row-level security for the tables 0006 left open (issue 13, point 11), and the caseworker views
-- taken away from the portal's own role. Designed in db/caseworker/README.md ("Row-level security").
-- Who is asking is still portal.current_person_id() (minvej.person_id, set per transaction). Two
-- lookups happen before a person is known; each is opened by the secret it is made with, never
-- by "no person": a session by the SHA-256 of its cookie token (minvej.session_token_hash), an
-- invitation by the SHA-256 of its link token (minvej.invitation_token_hash). Sign-in and the
-- calendar feed use SECURITY DEFINER functions that answer one question for one secret.
-- Roles and grants (the CPR column, EXECUTE, the caseworker schemas) are in db/caseworker/roles.sql.

-- 1. A person the participant wants to confirm may be someone the link holder turned out to be:
-- accepted, but grants nothing until the participant has seen the real name and confirmed it.
ALTER TYPE portal.grant_status ADD VALUE IF NOT EXISTS 'awaiting_confirmation' BEFORE 'active';
--> statement-breakpoint
-- 2. The secrets a request may carry before a person is known. Anything but 64 hex digits is nothing.
CREATE OR REPLACE FUNCTION portal.current_session_token_hash() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN current_setting('minvej.session_token_hash', true) ~ '^[0-9a-f]{64}$'
    THEN current_setting('minvej.session_token_hash', true) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.current_invitation_token_hash() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN current_setting('minvej.invitation_token_hash', true) ~ '^[0-9a-f]{64}$'
    THEN current_setting('minvej.invitation_token_hash', true) END
$$;
--> statement-breakpoint
-- 3. Helpers for the policies. SECURITY DEFINER, so that a policy never reads a table through
-- another table's policy (no recursion); each answers yes/no or one id, never rows.
CREATE OR REPLACE FUNCTION portal.is_own_participant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.participants p WHERE p.id = target AND p.person_id = portal.current_person_id()) $$;
--> statement-breakpoint
-- The grant whose invitation link this request holds (by the link's hash), or null.
CREATE OR REPLACE FUNCTION portal.invited_grant_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT i.grant_id FROM portal.invitations i WHERE i.token_hash = portal.current_invitation_token_hash() $$;
--> statement-breakpoint
-- The participant who sent that invitation (the invitation page shows her name), or null.
CREATE OR REPLACE FUNCTION portal.invited_participant_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT g.participant_id FROM portal.relative_grants g WHERE g.id = portal.invited_grant_id() $$;
--> statement-breakpoint
-- A grant of the signed-in participant's own.
CREATE OR REPLACE FUNCTION portal.may_manage_grant(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT EXISTS (SELECT 1 FROM portal.relative_grants g WHERE g.id = target AND portal.is_own_participant(g.participant_id)) $$;
--> statement-breakpoint
-- Whose name (persons row) the signed-in person may read: their own; a participant they may see
-- (themselves, or through an active grant) or whose invitation link they hold; the relatives the
-- participant invited (bound to a grant of hers, whatever its state: her list and her log name
-- them); the professionals of a participant they may see. With no person set: nobody, except
-- the participant whose invitation link the request holds (her name on the invitation page).
CREATE OR REPLACE FUNCTION portal.may_see_person(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT coalesce(target = portal.current_person_id(), false)
    OR EXISTS (
      SELECT 1 FROM portal.participants p
      WHERE p.person_id = target AND (portal.may_see_participant(p.id) OR p.id = portal.invited_participant_id())
    )
    OR EXISTS (
      SELECT 1 FROM portal.relative_grants g
      WHERE g.relative_person_id = target AND portal.is_own_participant(g.participant_id)
    )
    OR EXISTS (
      SELECT 1 FROM portal.professionals pr JOIN portal.participant_contacts c ON c.professional_id = pr.id
      WHERE pr.person_id = target AND portal.may_see_participant(c.participant_id)
    )
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.may_see_professional(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT EXISTS (SELECT 1 FROM portal.professionals pr WHERE pr.id = target AND pr.person_id = portal.current_person_id())
    OR EXISTS (SELECT 1 FROM portal.participant_contacts c WHERE c.professional_id = target AND portal.may_see_participant(c.participant_id))
$$;
--> statement-breakpoint
-- The participants whose coordinating caseworker (as caseworker.participants defines it) is the
-- signed-in person, and only when that person is a caseworker.
CREATE OR REPLACE FUNCTION portal.my_coordinated_participants() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT v.participant_id FROM caseworker.participants v
  JOIN portal.persons p ON p.id = v.coordinating_caseworker_person_id
  WHERE p.id = portal.current_person_id() AND p.is_caseworker
$$;
--> statement-breakpoint
-- 4. One question for one secret, before a person is known (EXECUTE for portal_app only: roles.sql).
-- Sign-in: which person a provider's verified subject belongs to.
CREATE OR REPLACE FUNCTION portal.person_for_identity(provider_id text, provider_subject text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$ SELECT i.person_id FROM portal.identities i WHERE i.provider = provider_id AND i.subject = provider_subject $$;
--> statement-breakpoint
-- The demo sign-in page's list of seeded people (only identities of the "demo" provider, which
-- production never has; the page itself shows nothing unless DEMO_LOGIN=1). Never a CPR number.
CREATE OR REPLACE FUNCTION portal.demo_sign_in_people()
RETURNS TABLE (subject text, first_name text, last_name text, is_caseworker boolean, programme text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT i.subject, pe.first_name, pe.last_name, pe.is_caseworker, pa.programme::text
  FROM portal.identities i
  JOIN portal.persons pe ON pe.id = i.person_id
  LEFT JOIN portal.participants pa ON pa.person_id = pe.id
  WHERE i.provider = 'demo'
  ORDER BY pe.first_name
$$;
--> statement-breakpoint
-- The calendar feed: whose feed a token's hash is, and whether it was stopped.
CREATE OR REPLACE FUNCTION portal.calendar_feed_by_token_hash(feed_token_hash text)
RETURNS TABLE (participant_id uuid, person_id uuid, revoked_at timestamptz, language text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT f.participant_id, pa.person_id, f.revoked_at, pe.preferred_language::text
  FROM portal.calendar_feeds f
  JOIN portal.participants pa ON pa.id = f.participant_id
  JOIN portal.persons pe ON pe.id = pa.person_id
  WHERE f.token_hash = feed_token_hash
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION portal.person_for_identity(text, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION portal.demo_sign_in_people() FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION portal.calendar_feed_by_token_hash(text) FROM PUBLIC;
--> statement-breakpoint
-- 5. The policies. No policy for a command means the portal cannot do it (persons, identities,
-- participants, professionals and participant_contacts are the jobcentre's: read only).
ALTER TABLE portal.persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_read ON portal.persons FOR SELECT USING (portal.may_see_person(id));
--> statement-breakpoint
ALTER TABLE portal.identities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_identity ON portal.identities FOR SELECT USING (person_id = portal.current_person_id());
--> statement-breakpoint
ALTER TABLE portal.participants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY participant_read ON portal.participants FOR SELECT
  USING (portal.may_see_participant(id) OR id = portal.invited_participant_id());
--> statement-breakpoint
ALTER TABLE portal.professionals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY professional_read ON portal.professionals FOR SELECT USING (portal.may_see_professional(id));
--> statement-breakpoint
ALTER TABLE portal.participant_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contact_read ON portal.participant_contacts FOR SELECT USING (portal.may_see_participant(participant_id));
--> statement-breakpoint
-- A session: its own person's, or the one whose token hash this request holds (read, touched,
-- ended and started by that hash before the person is known).
ALTER TABLE portal.auth_sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_session ON portal.auth_sessions
  USING (person_id = portal.current_person_id() OR token_hash = portal.current_session_token_hash())
  WITH CHECK (person_id = portal.current_person_id() OR token_hash = portal.current_session_token_hash());
--> statement-breakpoint
-- A calendar feed is the participant's alone (relatives do not see or make it); the feed itself
-- is read through portal.calendar_feed_by_token_hash.
ALTER TABLE portal.calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_feed ON portal.calendar_feeds
  USING (portal.is_own_participant(participant_id)) WITH CHECK (portal.is_own_participant(participant_id));
--> statement-breakpoint
-- A grant: the participant's own; the relative's own (bound to them); the one whose invitation
-- link this request holds (to show the offer and answer it). Written rows must be the
-- participant's or bound to the person writing them.
ALTER TABLE portal.relative_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY grant_rows ON portal.relative_grants
  USING (portal.is_own_participant(participant_id) OR relative_person_id = portal.current_person_id() OR id = portal.invited_grant_id())
  WITH CHECK (portal.is_own_participant(participant_id) OR relative_person_id = portal.current_person_id());
--> statement-breakpoint
ALTER TABLE portal.invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY invitation_rows ON portal.invitations
  USING (portal.may_manage_grant(grant_id) OR token_hash = portal.current_invitation_token_hash())
  WITH CHECK (portal.may_manage_grant(grant_id) OR token_hash = portal.current_invitation_token_hash());
--> statement-breakpoint
-- Only the participant decides what a grant allows. Anyone else bound by row-level security (the
-- relative, the holder of a link) may only: answer an open invitation for themselves (invited ->
-- awaiting_confirmation or ended_by_relative), stop their own active or unconfirmed grant, and
-- note when they last looked. The owner (migrations, seeds, the embedded database) is not bound.
CREATE OR REPLACE FUNCTION portal.guard_relative_grant_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT row_security_active('portal.relative_grants') OR portal.is_own_participant(OLD.participant_id) THEN
    RETURN NEW;
  END IF;
  IF (NEW.participant_id, NEW.invited_name, NEW.invited_email, NEW.relation, NEW.scopes, NEW.may_comment,
      NEW.bisidder_appointment_ids, NEW.valid_until, NEW.created_at)
     IS DISTINCT FROM
     (OLD.participant_id, OLD.invited_name, OLD.invited_email, OLD.relation, OLD.scopes, OLD.may_comment,
      OLD.bisidder_appointment_ids, OLD.valid_until, OLD.created_at)
     OR NEW.relative_person_id IS DISTINCT FROM portal.current_person_id()
     OR (OLD.relative_person_id IS NOT NULL AND OLD.relative_person_id IS DISTINCT FROM NEW.relative_person_id)
     OR NOT (
       (NEW.status = OLD.status AND NEW.status::text IN ('active', 'awaiting_confirmation')
         AND NEW.accepted_at IS NOT DISTINCT FROM OLD.accepted_at AND NEW.ended_at IS NOT DISTINCT FROM OLD.ended_at)
       OR (OLD.status = 'invited' AND NEW.status::text IN ('awaiting_confirmation', 'ended_by_relative'))
       OR (OLD.status::text IN ('active', 'awaiting_confirmation') AND NEW.status = 'ended_by_relative')
     )
  THEN
    RAISE EXCEPTION 'only the participant may change what a grant allows' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER guard_relative_grant_change BEFORE UPDATE ON portal.relative_grants
  FOR EACH ROW EXECUTE FUNCTION portal.guard_relative_grant_change();
--> statement-breakpoint
-- 6. The caseworker views are the jobcentre's (caseworker_ro), not the portal's: portal_app loses
-- them in roles.sql. The portal's own caseworker pages (/sagsbehandler) read these copies, which
-- show a connection bound by row-level security only the participants whose coordinating
-- caseworker is the signed-in caseworker (nothing when no person is set), and show the owner
-- (the embedded database, which has no other role) everything, as the views do.
CREATE SCHEMA IF NOT EXISTS caseworker_portal;
--> statement-breakpoint
COMMENT ON SCHEMA caseworker_portal IS 'The caseworker views as the portal''s own caseworker pages may read them: only the signed-in caseworker''s own participants. See db/caseworker/README.md.';
--> statement-breakpoint
CREATE VIEW caseworker_portal.participants WITH (security_barrier = true) AS
SELECT * FROM caseworker.participants
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.plans WITH (security_barrier = true) AS
SELECT * FROM caseworker.plans
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.sub_goals WITH (security_barrier = true) AS
SELECT * FROM caseworker.sub_goals
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.plan_responses WITH (security_barrier = true) AS
SELECT * FROM caseworker.plan_responses
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.appointments WITH (security_barrier = true) AS
SELECT * FROM caseworker.appointments
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.appointment_attendees WITH (security_barrier = true) AS
SELECT * FROM caseworker.appointment_attendees
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.absence_requests WITH (security_barrier = true) AS
SELECT * FROM caseworker.absence_requests
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.shared_preparation WITH (security_barrier = true) AS
SELECT * FROM caseworker.shared_preparation
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.shared_preparation_comments WITH (security_barrier = true) AS
SELECT * FROM caseworker.shared_preparation_comments
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.cv WITH (security_barrier = true) AS
SELECT * FROM caseworker.cv
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.cv_entries WITH (security_barrier = true) AS
SELECT * FROM caseworker.cv_entries
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.work_wishes WITH (security_barrier = true) AS
SELECT * FROM caseworker.work_wishes
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.network_people WITH (security_barrier = true) AS
SELECT * FROM caseworker.network_people
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
--> statement-breakpoint
CREATE VIEW caseworker_portal.relative_grants WITH (security_barrier = true) AS
SELECT * FROM caseworker.relative_grants
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
