-- Issue 21's review follow-up: portal.caller_bypasses_row_security() (migration 0019) asked about
-- session_user, the role the connection logged in as. SET ROLE does not change session_user, so a
-- superuser login that had done SET ROLE portal_app still passed, and with it the checks of the
-- functions that call it: whose conversation this is (conversation_participant_person), a notice's
-- recipient (message_notice_recipient), the reminders due (due_reminders), the notification at send
-- (notification_at_send) and who may mark a conversation handled (keep_conversation_handling). No app
-- path does SET ROLE (the app logs in as portal_app), but a script or a support session could.
--
-- Now it asks about the role the caller acts as: the one SET ROLE chose, else the login role. Both
-- stay the caller's inside a SECURITY DEFINER function, where current_user is the function's owner.
-- A superuser, a role with BYPASSRLS and the schema's owner still pass: the embedded database,
-- migrations and seeds, whose row-level security does not bind them anyway. PL/pgSQL, like the other
-- checks (migration 0053), so that its statement is planned once per connection.
--> statement-breakpoint
CREATE OR REPLACE FUNCTION portal.caller_bypasses_row_security() RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, portal
AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM pg_roles r
    -- 'none' until SET ROLE; a role cannot be named "none".
    WHERE r.rolname = CASE WHEN current_setting('role') = 'none' THEN session_user ELSE current_setting('role') END
      AND (r.rolsuper OR r.rolbypassrls OR r.oid = (SELECT c.relowner FROM pg_class c WHERE c.oid = 'portal.notification_settings'::regclass))
  );
END
$$;
