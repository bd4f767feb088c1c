-- The caseworker contract: read-only views over `portal`, documented in db/caseworker/README.md.
-- Views run with their owner's rights (the migration owner). Every view is a security barrier,
-- so a reader's own functions are never pushed below the view's filters. Nothing here exposes
-- sessions, identities, CPR numbers, token hashes, private notes or unshared drafts.
CREATE SCHEMA IF NOT EXISTS caseworker;
--> statement-breakpoint
COMMENT ON SCHEMA caseworker IS 'Read-only contract for the jobcentre: what participants wrote and chose to share. See db/caseworker/README.md.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.participants WITH (security_barrier = true) AS
SELECT
  p.id AS participant_id,
  pe.first_name,
  pe.last_name,
  p.programme::text AS programme,
  p.status::text AS status,
  p.started_on,
  p.expected_end_on,
  p.municipality,
  cw.professional_id AS coordinating_caseworker_professional_id,
  cw.person_id AS coordinating_caseworker_person_id,
  cw.name AS coordinating_caseworker_name,
  cw.since AS coordinating_caseworker_since
FROM portal.participants p
JOIN portal.persons pe ON pe.id = p.person_id
LEFT JOIN LATERAL (
  SELECT pr.id AS professional_id, pr.person_id, pr.name, pc.since
  FROM portal.participant_contacts pc
  JOIN portal.professionals pr ON pr.id = pc.professional_id
  WHERE pc.participant_id = p.id AND pc.role = 'koordinerende_sagsbehandler'
  ORDER BY pc.is_primary DESC, pc.since DESC NULLS LAST, pr.id
  LIMIT 1
) cw ON true;
--> statement-breakpoint
COMMENT ON VIEW caseworker.participants IS 'One row per participant in a programme, with the coordinating caseworker. Never a CPR number.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.participant_id IS 'The participant (portal.participants.id). Every other view refers to it.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.first_name IS 'First name of the participant.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.last_name IS 'Last name of the participant.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.programme IS 'ressourceforloeb or jobafklaringsforloeb.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.status IS 'preparing, active, paused or ended (a paused programme is never "failed").';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.started_on IS 'First day of the programme, if known.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.expected_end_on IS 'Expected last day of the programme, if known.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.municipality IS 'The municipality that holds the case.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.coordinating_caseworker_professional_id IS 'portal.professionals.id of the coordinating caseworker (koordinerende sagsbehandler); null if none is assigned.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.coordinating_caseworker_person_id IS 'persons.id of the coordinating caseworker when they can sign in to the portal; null otherwise.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.coordinating_caseworker_name IS 'Name of the coordinating caseworker.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.participants.coordinating_caseworker_since IS 'Since when they coordinate this case, if known.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.plans WITH (security_barrier = true) AS
SELECT
  pl.id AS plan_id,
  pl.participant_id,
  pl.employment_goal,
  pl.next_step,
  pl.version,
  pl.updated_at,
  pl.updated_by_name,
  pl.own_goal,
  pl.own_goal_version,
  pl.own_goal_updated_at,
  og.author_role::text AS own_goal_author_role,
  og.author_person_id AS own_goal_author_person_id,
  CASE
    WHEN og.id IS NULL THEN NULL
    WHEN ap.id IS NOT NULL THEN ap.first_name || ' ' || ap.last_name
    ELSE og.author_name
  END AS own_goal_author_name,
  (SELECT max(r.plan_version) FROM portal.plan_responses r WHERE r.plan_id = pl.id AND r.kind = 'read') AS last_read_version
FROM portal.plans pl
LEFT JOIN LATERAL (
  SELECT v.id, v.author_role, v.author_person_id, v.author_name
  FROM portal.own_goal_versions v
  WHERE v.plan_id = pl.id AND v.version = pl.own_goal_version AND pl.own_goal IS NOT NULL
  ORDER BY v.created_at DESC
  LIMIT 1
) og ON true
LEFT JOIN portal.persons ap ON ap.id = og.author_person_id;
--> statement-breakpoint
COMMENT ON VIEW caseworker.plans IS 'Min Plan: one living plan per participant, with the jobcentre''s goal and the participant''s own goal side by side.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.plan_id IS 'The plan.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.participant_id IS 'Whose plan (caseworker.participants).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.employment_goal IS 'The employment or education goal (beskæftigelsesmål), written by the jobcentre.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.next_step IS 'The next step, written by the jobcentre.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.version IS 'The jobcentre''s plan version ("version 3"); bumped by the jobcentre on every change, never by the participant''s own goal.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.updated_at IS 'When the jobcentre last changed the plan.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.updated_by_name IS 'Who at the jobcentre last changed the plan, as free text.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.own_goal IS 'The participant''s own goal in their own words; null until written.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.own_goal_version IS 'Counter of saved own-goal texts; changes every time the own goal is saved.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.own_goal_updated_at IS 'When the own goal was last saved.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.own_goal_author_role IS 'Who wrote the current own goal: participant, relative or caseworker; null when unknown (written before history was kept).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.own_goal_author_person_id IS 'persons.id of the writer of the current own goal, when they have a person row.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.own_goal_author_name IS 'Name of the writer of the current own goal; null when unknown.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plans.last_read_version IS 'Highest plan version the participant confirmed "Jeg har læst planen" for; null if none.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.sub_goals WITH (security_barrier = true) AS
SELECT
  sg.id AS sub_goal_id,
  sg.plan_id,
  pl.participant_id,
  sg.title,
  sg.description,
  sg.status::text AS status,
  sg.due_on,
  sg.sort_order,
  sg.updated_at,
  sg.participant_status::text AS participant_status,
  sg.participant_comment,
  sg.participant_updated_at
FROM portal.sub_goals sg
JOIN portal.plans pl ON pl.id = sg.plan_id;
--> statement-breakpoint
COMMENT ON VIEW caseworker.sub_goals IS 'Sub-goals (delmål) of each plan: the jobcentre''s status next to the participant''s own latest mark and comment.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.sub_goal_id IS 'The sub-goal.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.plan_id IS 'The plan it belongs to (caseworker.plans).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.participant_id IS 'Whose plan.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.title IS 'The sub-goal, written by the jobcentre.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.description IS 'Longer description, written by the jobcentre.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.status IS 'The jobcentre''s status: not_started, in_progress, reached or paused.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.due_on IS 'Target date, if any.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.sort_order IS 'Order in the plan (ascending).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.updated_at IS 'When the jobcentre last changed the sub-goal.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.participant_status IS 'The participant''s own latest progress mark (same values as status); null until they mark it. Never replaces status.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.participant_comment IS 'The participant''s own latest short comment ("Det gik godt"); null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.sub_goals.participant_updated_at IS 'When the participant last marked or commented.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.plan_responses WITH (security_barrier = true) AS
SELECT
  r.id AS response_id,
  r.plan_id,
  pl.participant_id,
  r.plan_version,
  r.kind::text AS kind,
  r.comment,
  r.author_person_id,
  CASE WHEN a.id IS NULL THEN NULL ELSE a.first_name || ' ' || a.last_name END AS author_name,
  r.created_at
FROM portal.plan_responses r
JOIN portal.plans pl ON pl.id = r.plan_id
LEFT JOIN portal.persons a ON a.id = r.author_person_id;
--> statement-breakpoint
COMMENT ON VIEW caseworker.plan_responses IS 'The participant''s answers to a plan version: "Jeg har læst planen" (read) and "Jeg er ikke enig / Jeg har spørgsmål" (question).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.response_id IS 'The response.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.plan_id IS 'The plan (caseworker.plans).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.participant_id IS 'Whose plan.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.plan_version IS 'The plan version the response is about.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.kind IS 'read (at most one per version) or question (disagreement or question, with a comment).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.comment IS 'The participant''s words with a question; null for read.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.author_person_id IS 'persons.id of who answered (the participant).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.author_name IS 'Name of who answered.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.plan_responses.created_at IS 'When.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.appointments WITH (security_barrier = true) AS
SELECT
  a.id AS appointment_id,
  a.participant_id,
  a.kind::text AS kind,
  a.title,
  a.purpose,
  a.starts_at,
  a.ends_at,
  a.mode::text AS mode,
  a.place_name,
  a.address,
  a.directions,
  a.phone_note,
  a.video_note,
  a.bring_items,
  a.support_person_allowed,
  a.afterwards,
  a.status::text AS status,
  a.created_at,
  ap.questions AS participant_questions,
  ap.notes AS participant_notes,
  ap.updated_at AS participant_prepared_at
FROM portal.appointments a
LEFT JOIN portal.appointment_preparations ap ON ap.appointment_id = a.id;
--> statement-breakpoint
COMMENT ON VIEW caseworker.appointments IS 'The participant''s meetings, with the questions and notes the participant wrote for each (the page tells them the caseworker can read what they save).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.appointment_id IS 'The meeting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.participant_id IS 'Whose meeting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.kind IS 'rehabiliteringsteam, samtale, mentor, rundbordssamtale, kursus, praktikstart or other.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.title IS 'Title shown to the participant.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.purpose IS 'What the meeting is about, in plain words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.starts_at IS 'Start (timestamptz; shown in Europe/Copenhagen).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.ends_at IS 'End (timestamptz).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.mode IS 'in_person, phone or video.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.place_name IS 'Name of the place, for in-person meetings.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.address IS 'Address of the place.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.directions IS 'How to find the way, in plain words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.phone_note IS 'For phone meetings: who calls whom.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.video_note IS 'For video meetings: how to join.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.bring_items IS 'What to bring (text array).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.support_person_allowed IS 'Whether the participant may bring a support person (bisidder).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.afterwards IS 'What happens after the meeting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.status IS 'planned, moved, cancelled or held.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.created_at IS 'When the meeting was created.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.participant_questions IS 'The participant''s questions for the meeting (appointment_preparations.questions); null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.participant_notes IS 'The participant''s notes for the meeting; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointments.participant_prepared_at IS 'When the participant last saved questions or notes; null if never.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.appointment_attendees WITH (security_barrier = true) AS
SELECT
  t.id AS attendee_id,
  t.appointment_id,
  a.participant_id,
  t.name,
  t.role_text,
  t.sort_order
FROM portal.appointment_attendees t
JOIN portal.appointments a ON a.id = t.appointment_id;
--> statement-breakpoint
COMMENT ON VIEW caseworker.appointment_attendees IS 'Who attends a meeting from the professional side, as the participant sees it. Relatives coming as bisidder are in caseworker.relative_grants.bisidder_appointment_ids.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointment_attendees.attendee_id IS 'The attendee row.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointment_attendees.appointment_id IS 'The meeting (caseworker.appointments).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointment_attendees.participant_id IS 'Whose meeting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointment_attendees.name IS 'Name of the attendee.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointment_attendees.role_text IS 'Role in plain words, e.g. "Din koordinerende sagsbehandler".';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.appointment_attendees.sort_order IS 'Order (ascending).';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.absence_requests WITH (security_barrier = true) AS
SELECT
  n.id AS absence_request_id,
  n.appointment_id,
  a.participant_id,
  n.reason,
  n.wish_for_new_time,
  n.created_at
FROM portal.absence_notices n
JOIN portal.appointments a ON a.id = n.appointment_id;
--> statement-breakpoint
COMMENT ON VIEW caseworker.absence_requests IS '"Jeg kan ikke komme": the participant says they cannot come to a meeting. Nothing is cancelled automatically; the caseworker acts.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.absence_requests.absence_request_id IS 'The request.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.absence_requests.appointment_id IS 'The meeting (caseworker.appointments).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.absence_requests.participant_id IS 'Whose meeting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.absence_requests.reason IS 'Why they cannot come, in their own words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.absence_requests.wish_for_new_time IS 'Their wish for a new time; null if none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.absence_requests.created_at IS 'When they sent it.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.shared_preparation WITH (security_barrier = true) AS
SELECT
  pp.id AS preparation_part_id,
  pp.participant_id,
  pp.part::text AS part,
  pp.shared_version,
  pp.shared_at,
  pp.shared_answers,
  (SELECT min(s.shared_at) FROM portal.preparation_shares s
    WHERE s.preparation_part_id = pp.id AND s.withdrawn_at IS NULL) AS first_shared_at
FROM portal.preparation_parts pp
WHERE pp.shared_at IS NOT NULL
  AND pp.shared_version IS NOT NULL
  AND pp.shared_answers IS NOT NULL
  AND pp.part::text <> 'about_meeting'; -- text: the enum value is new in 0004, unusable in the same transaction
--> statement-breakpoint
COMMENT ON VIEW caseworker.shared_preparation IS 'Forbered dit møde: only the parts the participant has shared, as they were when shared. Drafts and withdrawn parts never appear.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.preparation_part_id IS 'The part (also the key of caseworker.shared_preparation_comments).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.participant_id IS 'Whose preparation.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.part IS 'education_work, resources, challenges, abilities, wishes, network or questions.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.shared_version IS 'The version of the part the participant shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.shared_at IS 'When that version was shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.shared_answers IS 'jsonb {"answers": {field: text}, "tasks": [text]}: the answers as shared; "tasks" (work tasks) only for the part wishes.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation.first_shared_at IS 'When the part was first shared since it was last withdrawn.';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.shared_preparation_comments WITH (security_barrier = true) AS
SELECT
  c.id AS comment_id,
  pp.id AS preparation_part_id,
  pp.participant_id,
  pp.part::text AS part,
  c.body,
  c.author_person_id,
  au.first_name AS author_first_name,
  g.relation AS author_relation,
  c.created_at
FROM portal.preparation_comments c
JOIN portal.preparation_parts pp ON pp.id = c.preparation_part_id
JOIN portal.persons au ON au.id = c.author_person_id
LEFT JOIN LATERAL (
  SELECT rg.relation
  FROM portal.relative_grants rg
  WHERE rg.participant_id = pp.participant_id AND rg.relative_person_id = c.author_person_id
  ORDER BY rg.created_at DESC
  LIMIT 1
) g ON true
WHERE c.include_when_shared
  AND pp.shared_at IS NOT NULL
  AND pp.shared_answers IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.shared_preparation_comments IS 'Relatives'' remarks on a preparation part, only when the participant chose to include them AND the part is shared now.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.comment_id IS 'The remark.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.preparation_part_id IS 'The shared part (caseworker.shared_preparation).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.participant_id IS 'Whose preparation.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.part IS 'Which part.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.body IS 'The relative''s remark, in their words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.author_person_id IS 'persons.id of the relative.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.author_first_name IS 'First name of the relative.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.author_relation IS 'Who they are to the participant (from their latest grant), e.g. "Bror"; null if unknown.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.shared_preparation_comments.created_at IS 'When the remark was written.';
--> statement-breakpoint
-- caseworker.cv, caseworker.cv_entries and caseworker.work_wishes are defined in
-- 0007_cv_shared_snapshot.sql: they read the CV as shared (portal.cv_profiles.shared_snapshot),
-- a column that migration adds.
CREATE OR REPLACE VIEW caseworker.network_people WITH (security_barrier = true) AS
SELECT
  np.id AS network_person_id,
  np.participant_id,
  np.name,
  np.relation,
  np.sector::text AS sector,
  np.closeness::text AS closeness,
  np.help_kinds,
  CASE WHEN ss.network_stance_shared THEN np.stance::text END AS stance,
  np.contact_frequency,
  np.wanted_at_meeting,
  np.updated_at,
  ss.network_shared_at AS shared_at,
  ss.network_stance_shared AS stance_shared
FROM portal.network_people np
JOIN portal.share_settings ss ON ss.participant_id = np.participant_id
WHERE ss.network_shared_at IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.network_people IS 'The network map, only while the participant shares it (live). The participant''s judgement (stance) only when they chose to share it too; their own notes never.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.network_person_id IS 'The person on the map (not a persons.id).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.participant_id IS 'Whose network.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.name IS 'Name as the participant wrote it.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.relation IS 'Who the person is to them, in their words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.sector IS 'family, friends, work_school or professionals.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.closeness IS 'Ring on the map: close, middle or further.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.help_kinds IS 'How they help: practical, emotional, advice, company (older rows may hold free text).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.stance IS 'helps, holds_back or both: the participant''s private judgement; null unless stance_shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.contact_frequency IS 'How often they are in touch, in their words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.wanted_at_meeting IS 'Whether the participant wants this person at the meeting.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.updated_at IS 'When the person was last changed on the map.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.shared_at IS 'Since when the network is shared (share_settings.network_shared_at).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.network_people.stance_shared IS 'Whether the participant also shares their judgement (stance).';
--> statement-breakpoint
CREATE OR REPLACE VIEW caseworker.relative_grants WITH (security_barrier = true) AS
SELECT
  g.id AS grant_id,
  g.participant_id,
  g.relative_person_id,
  g.invited_name AS name,
  g.invited_email AS email,
  g.relation,
  g.scopes,
  g.may_comment,
  g.bisidder_appointment_ids,
  g.valid_until,
  CASE
    WHEN g.status IN ('invited', 'active') AND g.valid_until < (now() AT TIME ZONE 'Europe/Copenhagen')::date THEN 'expired'
    ELSE g.status::text
  END AS status,
  g.status::text AS stored_status,
  g.created_at AS invited_at,
  g.accepted_at,
  g.ended_at,
  g.last_viewed_at
FROM portal.relative_grants g;
--> statement-breakpoint
COMMENT ON VIEW caseworker.relative_grants IS 'Relatives (pårørende) the participant has invited: what they may see and do, until when, and whether they come to a meeting as bisidder. Never token hashes.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.grant_id IS 'The grant.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.participant_id IS 'Who invited.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.relative_person_id IS 'persons.id of the relative once they accepted; null while only invited.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.name IS 'The relative''s name as the participant wrote it.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.email IS 'The e-mail the invitation went to.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.relation IS 'Who they are to the participant, e.g. "Bror".';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.scopes IS 'What they may see: any of plan, appointments, preparation, cv, network.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.may_comment IS 'Whether they may add remarks to the preparation.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.bisidder_appointment_ids IS 'Meetings (caseworker.appointments) they come to as bisidder (support person).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.valid_until IS 'Last day the grant is valid (inclusive, Copenhagen date).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.status IS 'invited, active, expired, withdrawn or ended_by_relative. "expired" is derived on every read: invited or active with valid_until before today in Europe/Copenhagen.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.stored_status IS 'The stored status without the derived "expired".';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.invited_at IS 'When the participant invited them.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.accepted_at IS 'When they accepted; null if not (yet).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.ended_at IS 'When the participant withdrew it or the relative ended it; null otherwise.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.relative_grants.last_viewed_at IS 'When the relative last looked at the shared pages; null if never.';
