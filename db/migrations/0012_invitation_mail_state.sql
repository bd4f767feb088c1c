-- Issue 14, point 4 ("say only what is true"): /paaroerende shows whether the e-mail with an
-- unanswered invitation is on its way, was sent, or was given up. Row-level security (migration
-- 0011) lets only the job worker read portal.mail_outbox, and its rows hold the mail itself (a
-- live link) until it is sent. This answers one question for the signed-in participant's own
-- grants: for each grant, the mail of its newest link (outbox key `invitation:<invitations.id>`),
-- as a state and the moment it was sent. Never the address, the content, the error or the tries.
--   queued:   not tried yet, or the first try is under way
--   retrying: a try failed, and another one is due (5 tries, about 42 minutes in all)
--   sent:     the SMTP server took it (sent_at)
--   failed:   given up after the last try
-- Nothing for another participant's id, or with no person set: the same empty answer.
CREATE OR REPLACE FUNCTION portal.invitation_mail_states(target uuid)
RETURNS TABLE (grant_id uuid, state text, sent_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, portal
AS $$
  SELECT g.id,
    CASE
      WHEN m.sent_at IS NOT NULL THEN 'sent'
      WHEN m.failed_at IS NOT NULL THEN 'failed'
      WHEN m.last_error IS NOT NULL THEN 'retrying'
      ELSE 'queued'
    END,
    m.sent_at
  FROM portal.relative_grants g
  CROSS JOIN LATERAL (
    SELECT i.id FROM portal.invitations i
    WHERE i.grant_id = g.id
    ORDER BY i.created_at DESC, i.expires_at DESC
    LIMIT 1
  ) newest
  JOIN portal.mail_outbox m ON m.idempotency_key = 'invitation:' || newest.id::text AND m.grant_id = g.id
  WHERE g.participant_id = target
    AND portal.is_own_participant(target)
$$;
