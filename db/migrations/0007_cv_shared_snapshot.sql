ALTER TABLE "portal"."cv_profiles" ADD COLUMN "shared_snapshot" jsonb;--> statement-breakpoint
-- The caseworker's CV views read the CV as it was shared (portal.cv_profiles.shared_snapshot,
-- written by "Del med min sagsbehandler", app/features/cv/snapshot.server.ts), never the live CV.
-- They live here, not in 0005, because they need the column added above. Dropped first: a
-- development database may hold the earlier live definitions from 0005.
DROP VIEW IF EXISTS caseworker.cv;
--> statement-breakpoint
DROP VIEW IF EXISTS caseworker.cv_entries;
--> statement-breakpoint
DROP VIEW IF EXISTS caseworker.work_wishes;
--> statement-breakpoint
CREATE VIEW caseworker.cv WITH (security_barrier = true) AS
SELECT
  cp.participant_id,
  s.first_name,
  s.last_name,
  s.email,
  s.phone,
  s.address,
  nullif(s.summary, '') AS summary,
  s.version,
  cp.shared_at,
  coalesce(
    greatest(
      cp.updated_at,
      (SELECT ww.updated_at FROM portal.work_wishes ww WHERE ww.participant_id = cp.participant_id),
      (SELECT max(greatest(e.updated_at, e.deleted_at)) FROM portal.cv_entries e WHERE e.participant_id = cp.participant_id),
      (SELECT max(t.created_at) FROM portal.task_suggestions t WHERE t.participant_id = cp.participant_id)
    ) > cp.shared_at,
    false
  ) AS changed_since_shared
FROM portal.cv_profiles cp
CROSS JOIN LATERAL jsonb_to_record(cp.shared_snapshot) AS s(
  first_name text, last_name text, email text, phone text, address text, summary text, version integer
)
WHERE cp.shared_at IS NOT NULL AND cp.shared_snapshot IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.cv IS 'The CV as the participant shared it ("Del med min sagsbehandler"), frozen at shared_at: later edits appear only when they share again. Only while shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.participant_id IS 'Whose CV.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.first_name IS 'First name as on the CV, as shared at shared_at.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.last_name IS 'Last name as on the CV, as shared at shared_at.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.email IS 'E-mail as shared at shared_at; null when the participant hid it on the CV then.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.phone IS 'Phone as shared at shared_at; null when the participant hid it on the CV then.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.address IS 'Address or town in the participant''s words as shared at shared_at; null when hidden or not written.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.summary IS '"Kort om mig": a short text about themselves, as shared at shared_at; null if not written.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.version IS 'Version of the CV profile ("Kort om mig") as shared at shared_at; 0 if not written.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.shared_at IS 'When the participant last shared the CV and work wishes: every caseworker.cv, cv_entries and work_wishes row shows the CV as of then.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv.changed_since_shared IS 'True when the participant saved a change to the CV, work wishes or task suggestions after shared_at (it may since be undone). What changed is not shown until they share again.';
--> statement-breakpoint
CREATE VIEW caseworker.cv_entries WITH (security_barrier = true) AS
SELECT
  e.entry_id,
  cp.participant_id,
  e.kind,
  e.title,
  e.organisation,
  e.from_text,
  e.to_text,
  e.is_ongoing,
  e.details,
  e.level,
  e.category,
  e.sort_order,
  e.updated_at
FROM portal.cv_profiles cp
CROSS JOIN LATERAL jsonb_to_recordset(cp.shared_snapshot -> 'entries') AS e(
  entry_id uuid, kind text, title text, organisation text, from_text text, to_text text, is_ongoing boolean,
  details text, level text, category text, sort_order integer, updated_at timestamptz
)
WHERE cp.shared_at IS NOT NULL AND cp.shared_snapshot IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.cv_entries IS 'Lines of a shared CV (jobs, education, courses, volunteering, skills, languages, IT, driving licence) as shared at caseworker.cv.shared_at. Lines deleted before sharing never appear; a line changed or deleted after sharing shows as shared until the participant shares again.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.entry_id IS 'The line.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.participant_id IS 'Whose CV.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.kind IS 'work, education, course, volunteering, skill, language, it_skill or driving_licence.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.title IS 'Job title, education, skill, language... as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.organisation IS 'Workplace or school, if any, as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.from_text IS 'Start as a partial date: "2019" or "2019-03".';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.to_text IS 'End as a partial date; null when ongoing or unknown.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.is_ongoing IS 'True for "Jeg er her stadig".';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.details IS 'What they did, in their words, as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.level IS 'Level (languages, IT), in their words.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.category IS 'Skills only: professional or personal.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.sort_order IS 'Order within the kind (ascending), as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.cv_entries.updated_at IS 'When the line was last changed before it was shared.';
--> statement-breakpoint
CREATE VIEW caseworker.work_wishes WITH (security_barrier = true) AS
SELECT
  cp.participant_id,
  coalesce(w.fields, ARRAY[]::text[]) AS fields,
  w.hours_per_week,
  w.max_commute_minutes,
  w.areas,
  w.accommodations,
  coalesce(w.show_accommodations_on_cv, false) AS show_accommodations_on_cv,
  coalesce(w.task_suggestions, ARRAY[]::text[]) AS task_suggestions,
  w.version,
  w.updated_at,
  cp.shared_at
FROM portal.cv_profiles cp
LEFT JOIN LATERAL jsonb_to_record(cp.shared_snapshot -> 'work_wishes') AS w(
  fields text[], hours_per_week integer, max_commute_minutes integer, areas text, accommodations text,
  show_accommodations_on_cv boolean, task_suggestions text[], version integer, updated_at timestamptz
) ON true
WHERE cp.shared_at IS NOT NULL AND cp.shared_snapshot IS NOT NULL;
--> statement-breakpoint
COMMENT ON VIEW caseworker.work_wishes IS 'Jobønsker with skånehensyn and task suggestions as shared at shared_at, only while the CV is shared. One row per participant with a shared CV (empty wishes when none were written).';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.participant_id IS 'Whose wishes.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.fields IS 'Kinds of work they wish for, as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.hours_per_week IS 'Hours per week they could work when they shared; null if not given.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.max_commute_minutes IS 'Longest travel time one way, in minutes, as shared; null if not given.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.areas IS 'Areas or towns they can work in, in their words, as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.accommodations IS 'Skånehensyn (accommodations needed at work) as shared. Always visible to the caseworker when the CV is shared, whatever show_accommodations_on_cv says.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.show_accommodations_on_cv IS 'Whether the participant printed the skånehensyn on the CV for employers when they shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.task_suggestions IS 'Concrete work tasks that could suit them (at least three is the aim), in their order, as shared.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.version IS 'Version of the work wishes as shared; null when none were written.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.updated_at IS 'When the shared work wishes had last been saved; null when none were written.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.shared_at IS 'When the CV and work wishes were last shared (the moment this row shows).';
