-- Roles and privileges for the portal, the caseworkers and the jobcentre's case system.
-- Idempotent: run it as the owner of the `portal` schema after every migration (the portal does
-- so at start-up when DATABASE_OWNER_URL is set; `npm run db:roles` does it by hand).
-- Roles belong to the whole Postgres cluster; the grants below belong to this database.
-- Passwords are not set here: in production, `ALTER ROLE ... PASSWORD` (or certificates) is
-- the operator's job. Locally, trust authentication lets the roles log in without one.

-- 1. The three roles. Never superuser, never owner of anything, never BYPASSRLS.
DO $$
DECLARE
  wanted text;
BEGIN
  FOREACH wanted IN ARRAY ARRAY['portal_app', 'caseworker_ro', 'jobcentre_writer'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = wanted) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION', wanted);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database's start-up created it at the same moment
      END;
    END IF;
  END LOOP;
END
$$;

-- A caseworker's connection can never write, whatever the client asks for.
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
    WHERE r.rolname = 'caseworker_ro' AND s.setdatabase = 0
      AND 'default_transaction_read_only=on' = ANY (s.setconfig)
  ) THEN
    ALTER ROLE caseworker_ro SET default_transaction_read_only = on;
  END IF;
EXCEPTION WHEN OTHERS THEN
  -- "tuple concurrently updated" when two databases set it at once: the other one won.
  IF NOT EXISTS (SELECT 1 FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole WHERE r.rolname = 'caseworker_ro') THEN
    RAISE;
  END IF;
END
$$;

-- 2. portal_app: what the portal connects as. All participant data goes through row-level
-- security (migration 0006): the portal sets minvej.person_id per transaction.
GRANT USAGE ON SCHEMA portal TO portal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA portal TO portal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA portal TO portal_app;
-- The audit log is append-only for the portal; the outbox is written only by its trigger.
REVOKE UPDATE, DELETE, TRUNCATE ON portal.audit_events FROM portal_app;
REVOKE ALL ON portal.caseworker_outbox FROM portal_app;
-- Readiness (/readyz) compares the applied migrations with the ones it was built with.
GRANT USAGE ON SCHEMA drizzle TO portal_app;
GRANT SELECT ON drizzle.__drizzle_migrations TO portal_app;
-- People (migration 0008): the portal never writes them, and never reads a CPR number. Column
-- privileges, so that no person setting, no policy and no bug can show one; a column added to
-- persons later stays unreadable until it is named here.
REVOKE ALL ON portal.persons FROM portal_app;
GRANT SELECT (id, demo_key, first_name, last_name, birth_date, email, phone, preferred_language, is_caseworker, created_at)
  ON portal.persons TO portal_app;
-- The lookups made before a person is known, each for one secret (migration 0008), and the
-- request's session with its person in one statement (migration 0031; since 0050 with the time its
-- cookie carries, the two-argument version for the release before during a rolling update).
GRANT EXECUTE ON FUNCTION portal.person_for_identity(text, text), portal.demo_sign_in_people(),
  portal.calendar_feed_by_token_hash(text), portal.open_session(text, timestamptz),
  portal.open_session(text, timestamptz, timestamptz) TO portal_app;
-- A verified MitID sign-in (migration 0014): the registered person it belongs to, or a relative
-- created from an open invitation.
GRANT EXECUTE ON FUNCTION portal.person_for_nemlogin(text, text, date),
  portal.register_invited_relative(text, text, text, date, text, timestamptz) TO portal_app;
-- The job worker's retention job (migration 0011): deletes ended sessions, dead links and old
-- outbox rows, and answers with counts only.
GRANT EXECUTE ON FUNCTION portal.prune_expired(timestamptz, int), portal.due_reminders(timestamptz) TO portal_app;
-- Notifications (migration 0019): a request that writes a message reads its recipient's notice
-- settings; the worker asks, just before sending, whether a reminder or notice is still wanted.
GRANT EXECUTE ON FUNCTION portal.message_notice_recipient(uuid, uuid, uuid),
  portal.notification_at_send(text, text, timestamptz) TO portal_app;
-- The portal's own caseworker pages read only the signed-in caseworker's participants, through
-- the filtered copies in `caseworker_portal`, never the `caseworker` views themselves (below).
GRANT USAGE ON SCHEMA caseworker_portal TO portal_app;
GRANT SELECT ON ALL TABLES IN SCHEMA caseworker_portal TO portal_app;
-- Her list's page and its cards (migration 0051), read with her caseload checked once.
GRANT EXECUTE ON FUNCTION caseworker_portal.caseload_page(uuid, integer, integer, timestamptz) TO portal_app;
-- Her inbox's page (migration 0055), likewise.
GRANT EXECUTE ON FUNCTION caseworker_portal.inbox_page(uuid, integer, integer) TO portal_app;
-- The API for case systems (/api/v1, migration 0027) reads the copies in `caseworker_api`: only the
-- participants of the verified client's municipality, and only while no person is set.
GRANT USAGE ON SCHEMA caseworker_api TO portal_app;
GRANT SELECT ON ALL TABLES IN SCHEMA caseworker_api TO portal_app;
-- Its lists pick a page's keys by index (migration 0044), then read the rows through the views.
GRANT EXECUTE ON FUNCTION portal.case_system_participant_page(uuid, integer), portal.case_system_event_page(bigint, bigint, integer) TO portal_app;
-- Its writes (migration 0030): registering a participant (the person's CPR number is written by this
-- definer function only; portal_app still never reads or writes persons.cpr).
GRANT EXECUTE ON FUNCTION portal.register_case_system_participant(text, text, text, date, portal.programme, portal.participant_status, date, date, text) TO portal_app;

-- 3. caseworker_ro: the `caseworker` views and nothing else (no `portal` tables: no session
-- tokens, no private notes, no unshared drafts). The views read with their owner's rights.
REVOKE ALL ON SCHEMA portal FROM caseworker_ro;
REVOKE ALL ON ALL TABLES IN SCHEMA portal FROM caseworker_ro;
GRANT USAGE ON SCHEMA caseworker TO caseworker_ro;
GRANT SELECT ON ALL TABLES IN SCHEMA caseworker TO caseworker_ro;
REVOKE ALL ON SCHEMA caseworker_portal FROM caseworker_ro;
REVOKE ALL ON SCHEMA caseworker_api FROM caseworker_ro;
-- The views are the jobcentre's, not the portal's: portal_app reads none of them (it had them
-- before migration 0008; taken back here on every run).
REVOKE ALL ON ALL TABLES IN SCHEMA caseworker FROM portal_app;
REVOKE ALL ON SCHEMA caseworker FROM portal_app;

-- 4. jobcentre_writer: the case system writes plans, goals, activities, agreements and
-- appointments. Column privileges keep it out of the participant's own fields (own goal,
-- own sub-goal marks and comments, notes, questions, answers).
GRANT USAGE ON SCHEMA portal TO jobcentre_writer;
GRANT SELECT ON portal.persons, portal.participants, portal.professionals, portal.participant_contacts TO jobcentre_writer;
GRANT SELECT ON portal.plans, portal.plan_versions, portal.sub_goals, portal.activities, portal.agreements,
  portal.appointments, portal.appointment_attendees TO jobcentre_writer;
GRANT INSERT (participant_id, employment_goal, next_step, version, updated_at, updated_by_name),
  UPDATE (employment_goal, next_step, version, updated_at, updated_by_name) ON portal.plans TO jobcentre_writer;
GRANT INSERT ON portal.plan_versions TO jobcentre_writer;
GRANT INSERT (plan_id, title, description, status, helper_text, due_on, sort_order, updated_at),
  UPDATE (title, description, status, helper_text, due_on, sort_order, updated_at),
  DELETE ON portal.sub_goals TO jobcentre_writer;
GRANT INSERT, UPDATE, DELETE ON portal.activities, portal.agreements, portal.appointment_attendees TO jobcentre_writer;
GRANT INSERT, UPDATE ON portal.appointments TO jobcentre_writer;
GRANT INSERT, UPDATE, DELETE ON portal.participant_contacts TO jobcentre_writer;

-- Row-level security: the case system works for the whole jobcentre, so its policies let it
-- see and write every participant's rows in the tables it was granted above (people, contacts
-- and professionals too, since migration 0008 put them under row-level security).
DO $$
DECLARE
  jobcentre_table text;
BEGIN
  FOREACH jobcentre_table IN ARRAY ARRAY['plans', 'plan_versions', 'sub_goals', 'activities', 'agreements', 'appointments', 'appointment_attendees',
                                         'persons', 'participants', 'professionals', 'participant_contacts'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'portal' AND tablename = jobcentre_table AND policyname = 'jobcentre_system') THEN
      EXECUTE format('CREATE POLICY jobcentre_system ON portal.%I TO jobcentre_writer USING (true) WITH CHECK (true)', jobcentre_table);
    END IF;
  END LOOP;
END
$$;
