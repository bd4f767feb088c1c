ALTER TABLE "portal"."work_wishes" ADD COLUMN "hours_per_week_max" integer;--> statement-breakpoint
-- Issue 14, point 11: hours per week as a range ("10-15", "op til 20"). work_wishes.hours_per_week
-- stays the one number or the lower end, so every earlier row reads as before; the upper end is
-- new. Issue 14, point 1: skånehensyn reach the caseworker only when the participant ticks "Del
-- også mine skånehensyn" when sharing (snapshot key accommodations_shared). A CV shared before
-- that choice existed always carried them: for such a snapshot it reads as shared when it holds
-- skånehensyn. Both columns are added at the end, so the views keep every column as it was.
CREATE OR REPLACE VIEW caseworker.work_wishes WITH (security_barrier = true) AS
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
  cp.shared_at,
  w.hours_per_week_max,
  coalesce(w.accommodations_shared, w.accommodations IS NOT NULL) AS accommodations_shared
FROM portal.cv_profiles cp
LEFT JOIN LATERAL jsonb_to_record(cp.shared_snapshot -> 'work_wishes') AS w(
  fields text[], hours_per_week integer, max_commute_minutes integer, areas text, accommodations text,
  show_accommodations_on_cv boolean, task_suggestions text[], version integer, updated_at timestamptz,
  hours_per_week_max integer, accommodations_shared boolean
) ON true
WHERE cp.shared_at IS NOT NULL AND cp.shared_snapshot IS NOT NULL;
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.hours_per_week IS 'Hours per week they could work when they shared: the one number they gave, or the lower end of a range ("10-15" gives 10); null if not given or only an upper limit ("op til 20").';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.hours_per_week_max IS 'The upper end of a range of hours per week ("10-15" gives 15, "op til 20" gives 20); null when they gave one number or none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.accommodations IS 'Skånehensyn (accommodations needed at work) as shared; null when they chose not to share them (see accommodations_shared) or wrote none.';
--> statement-breakpoint
COMMENT ON COLUMN caseworker.work_wishes.accommodations_shared IS 'True when the participant chose to share their skånehensyn with the caseworker; false when they kept them to themselves (then accommodations is null).';
--> statement-breakpoint
-- The portal's row-filtered twin (0008) was made with SELECT *, which Postgres expands once:
-- made again so it has the new columns too.
CREATE OR REPLACE VIEW caseworker_portal.work_wishes WITH (security_barrier = true) AS
SELECT * FROM caseworker.work_wishes
WHERE NOT row_security_active('portal.participants') OR participant_id IN (SELECT portal.my_coordinated_participants());
