import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { toDocument } from "./document";
import type { CvData } from "./queries.server";

/**
 * What the caseworker sees of a shared CV, frozen when the participant presses "Del med min
 * sagsbehandler" (`cv_profiles.shared_snapshot`, written by `shareCv`). The caseworker views
 * (`caseworker.cv`, `caseworker.cv_entries`, `caseworker.work_wishes`, migration 0007) read only
 * this, so a later edit never reaches the caseworker before the participant shares again.
 *
 * Keys are the views' column names (snake_case), so the views map them one to one. Contact
 * details, name and summary come from `toDocument`, the same filter the preview and the PDF use:
 * a hidden contact detail is never stored here. Skånehensyn are included only when the person
 * ticks "Del også mine skånehensyn" on the share page (`accommodations_shared`; nothing is shared
 * by default, issue 14), whatever "Vis mine skånehensyn på mit CV" says; the entries are those the
 * CV shows (not deleted), in the CV's order. Changing the shape is a change of the caseworker
 * contract. Keys added later (`hours_per_week_max`, `accommodations_shared`, migration 0010) are
 * missing from older snapshots; `withDefaults` reads those as they were meant then.
 */
export interface CvSnapshot {
  format: 1;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  summary: string;
  /** `cv_profiles.version` when shared (0: no "Kort om mig" written yet). */
  version: number;
  entries: {
    entry_id: string;
    kind: string;
    title: string;
    organisation: string | null;
    from_text: string | null;
    to_text: string | null;
    is_ongoing: boolean;
    details: string | null;
    level: string | null;
    category: string | null;
    sort_order: number;
    updated_at: string;
  }[];
  work_wishes: {
    fields: string[];
    /** The one number, or the lower end of a range. */
    hours_per_week: number | null;
    /** The upper end of a range ("10-15", "op til 20"); null for one number. */
    hours_per_week_max: number | null;
    max_commute_minutes: number | null;
    areas: string | null;
    /** Null unless the person chose to share them (`accommodations_shared`). */
    accommodations: string | null;
    /** The person ticked "Del også mine skånehensyn" when sharing. */
    accommodations_shared: boolean;
    show_accommodations_on_cv: boolean;
    task_suggestions: string[];
    /** null when no work wishes were ever saved. */
    version: number | null;
    updated_at: string | null;
  };
}

/** What the person chooses on the share page. Nothing is chosen for them. */
export interface ShareChoices {
  accommodations: boolean;
}

export function cvSnapshot(cv: CvData, choices: ShareChoices): CvSnapshot {
  const shareAccommodations = choices.accommodations && Boolean(cv.wishes.accommodations);
  const doc = toDocument(cv);
  return {
    format: 1,
    first_name: cv.firstName,
    last_name: cv.lastName,
    email: doc.contact.email,
    phone: doc.contact.phone,
    address: doc.contact.address,
    summary: doc.summary,
    version: cv.profileVersion,
    entries: cv.entries.map((entry) => ({
      entry_id: entry.id,
      kind: entry.kind,
      title: entry.title,
      organisation: entry.organisation,
      from_text: entry.fromText,
      to_text: entry.toText,
      is_ongoing: entry.isOngoing,
      details: entry.details,
      level: entry.level,
      category: entry.category,
      sort_order: entry.sortOrder,
      updated_at: entry.updatedAt.toISOString(),
    })),
    work_wishes: {
      fields: cv.wishes.fields,
      hours_per_week: cv.wishes.hoursPerWeek,
      hours_per_week_max: cv.wishes.hoursPerWeekMax,
      max_commute_minutes: cv.wishes.maxCommuteMinutes,
      areas: cv.wishes.areas,
      // Not doc.wishes.accommodations: that one follows "show on the CV"; this follows the share choice.
      accommodations: shareAccommodations ? cv.wishes.accommodations : null,
      accommodations_shared: shareAccommodations,
      show_accommodations_on_cv: cv.wishes.showAccommodationsOnCv,
      task_suggestions: doc.tasks,
      version: cv.wishes.updatedAt ? cv.wishes.version : null,
      updated_at: cv.wishes.updatedAt ? cv.wishes.updatedAt.toISOString() : null,
    },
  };
}

/**
 * A stored snapshot with the keys added later filled in: before migration 0010 hours were one
 * number, and skånehensyn were always shared (so "shared" when the snapshot holds some).
 */
export function withDefaults(stored: unknown): CvSnapshot | null {
  if (!stored || typeof stored !== "object") return null;
  const snapshot = stored as CvSnapshot;
  const wishes = snapshot.work_wishes ?? ({} as CvSnapshot["work_wishes"]);
  return {
    ...snapshot,
    work_wishes: {
      ...wishes,
      hours_per_week_max: wishes.hours_per_week_max ?? null,
      accommodations_shared: wishes.accommodations_shared ?? Boolean(wishes.accommodations),
    },
  };
}

/** What the person chose the last time they shared: the share page starts from it, never from a guess. */
export function lastShareChoices(cv: CvData): ShareChoices {
  return { accommodations: withDefaults(cv.sharedSnapshot)?.work_wishes.accommodations_shared ?? false };
}

/** The words and choices of a snapshot, without its bookkeeping (versions, times of change). */
function content(snapshot: CvSnapshot): unknown {
  const bookkeeping = new Set(["version", "updated_at"]);
  // Through JSON, as jsonb stores it (no undefined), leaving out the bookkeeping keys at every level.
  return JSON.parse(JSON.stringify(snapshot, (key, value: unknown) => (bookkeeping.has(key) ? undefined : value)));
}

/**
 * What the share page shows: everything that can be shared, the skånehensyn beside their own box.
 * The person shares this, less the skånehensyn when the box is not ticked.
 */
export function reviewSnapshot(cv: CvData): CvSnapshot {
  return cvSnapshot(cv, { accommodations: true });
}

/**
 * A short fingerprint of what the share page showed. Sharing goes ahead only when the CV would
 * show the same now, so the caseworker reads exactly what the person saw.
 */
export function reviewFingerprint(cv: CvData): string {
  return createHash("sha256").update(JSON.stringify(content(reviewSnapshot(cv)))).digest("hex").slice(0, 32);
}

/**
 * "Du har ændret noget, siden du delte": true when what the caseworker would read now differs
 * from what was shared (with the same choice about skånehensyn). Only content counts, not versions
 * or times, so an edit that was undone again is no change. A share from before snapshots existed
 * (shared_at without a snapshot) counts as changed, so the page asks to share again.
 */
export function changedSinceShared(cv: CvData): boolean {
  if (!cv.sharedAt) return false;
  const shared = withDefaults(cv.sharedSnapshot);
  if (!shared) return true;
  return !isDeepStrictEqual(content(cvSnapshot(cv, lastShareChoices(cv))), content(shared));
}
