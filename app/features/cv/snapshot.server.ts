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
 * a hidden contact detail is never stored here. Skånehensyn are always included (the caseworker
 * sees them, whatever "Vis mine skånehensyn på mit CV" says); the entries are those the CV shows
 * (not deleted), in the CV's order. Changing the shape is a change of the caseworker contract.
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
    hours_per_week: number | null;
    max_commute_minutes: number | null;
    areas: string | null;
    accommodations: string | null;
    show_accommodations_on_cv: boolean;
    task_suggestions: string[];
    /** null when no work wishes were ever saved. */
    version: number | null;
    updated_at: string | null;
  };
}

export function cvSnapshot(cv: CvData): CvSnapshot {
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
      max_commute_minutes: cv.wishes.maxCommuteMinutes,
      areas: cv.wishes.areas,
      // Not doc.wishes.accommodations: that one follows "show on the CV"; the caseworker always sees them.
      accommodations: cv.wishes.accommodations,
      show_accommodations_on_cv: cv.wishes.showAccommodationsOnCv,
      task_suggestions: doc.tasks,
      version: cv.wishes.updatedAt ? cv.wishes.version : null,
      updated_at: cv.wishes.updatedAt ? cv.wishes.updatedAt.toISOString() : null,
    },
  };
}

/** The words and choices of a snapshot, without its bookkeeping (versions, times of change). */
function content(snapshot: CvSnapshot): unknown {
  const bookkeeping = new Set(["version", "updated_at"]);
  // Through JSON, as jsonb stores it (no undefined), leaving out the bookkeeping keys at every level.
  return JSON.parse(JSON.stringify(snapshot, (key, value: unknown) => (bookkeeping.has(key) ? undefined : value)));
}

/**
 * "Du har ændret noget, siden du delte": true when what the caseworker would read now differs
 * from what was shared. Only content counts, not versions or times, so an edit that was undone
 * again is no change. A share from before snapshots existed (shared_at without a snapshot)
 * counts as changed, so the page asks to share again.
 */
export function changedSinceShared(cv: CvData): boolean {
  if (!cv.sharedAt) return false;
  if (!cv.sharedSnapshot || typeof cv.sharedSnapshot !== "object") return true;
  return !isDeepStrictEqual(content(cvSnapshot(cv)), content(cv.sharedSnapshot as CvSnapshot));
}
