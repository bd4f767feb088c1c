/** Limits shown before the writer reaches them (the tables check them too, migration 0036). */
export const LIMITS = { point: 600, points: 12, note: 300, recollection: 1500 } as const;

/** One numbered point as written: what was agreed, and the plan items it changed. */
export interface SummaryPointInput {
  text: string;
  subGoalIds: string[];
  activityIds: string[];
}

/** A field's error as a translation key of the summaries namespace. */
export interface FormError {
  fieldId: string;
  key: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Rows the form shows: what was written, and at least three (without JavaScript "Tilføj et punkt" adds one). */
export const MIN_ROWS = 3;

export interface SummaryForm {
  intent: "draft" | "publish" | "add";
  /** The rows as typed, empty ones included (the page shows them again). */
  rows: SummaryPointInput[];
  /** The points to keep: rows with text. */
  points: SummaryPointInput[];
  correctionNote: string;
  draftVersion: number | null;
  publishedVersion: number;
  errors: FormError[];
}

function whole(value: string, fallback: number | null) {
  return /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}

/**
 * The caseworker's summary form (`point-N`, `links-N` with `subGoal:<id>` / `activity:<id>`,
 * `rows`, `correctionNote`, the hidden versions). Empty rows are left out; a row with links but no
 * text is an error, as is a too long point; publishing needs at least one point.
 */
export function parseSummaryForm(formData: FormData): SummaryForm {
  const intentValue = text(formData, "intent");
  const intent = intentValue === "publish" ? "publish" : intentValue === "add" ? "add" : "draft";
  const count = Math.min(Math.max(whole(text(formData, "rows"), MIN_ROWS) ?? MIN_ROWS, 1), LIMITS.points);
  const rows: SummaryPointInput[] = [];
  const errors: FormError[] = [];
  for (let index = 1; index <= count; index++) {
    const links = formData.getAll(`links-${index}`).filter((value): value is string => typeof value === "string");
    const subGoalIds = links.flatMap((link) => (link.startsWith("subGoal:") && UUID.test(link.slice(8)) ? [link.slice(8)] : []));
    const activityIds = links.flatMap((link) => (link.startsWith("activity:") && UUID.test(link.slice(9)) ? [link.slice(9)] : []));
    const value = text(formData, `point-${index}`).trim();
    rows.push({ text: value, subGoalIds: [...new Set(subGoalIds)], activityIds: [...new Set(activityIds)] });
    if (value.length > LIMITS.point) errors.push({ fieldId: `point-${index}`, key: "write.errors.pointTooLong" });
    else if (!value && subGoalIds.length + activityIds.length > 0) errors.push({ fieldId: `point-${index}`, key: "write.errors.pointMissing" });
  }
  const points = rows.filter((row) => row.text.length > 0);
  const correctionNote = text(formData, "correctionNote").trim();
  if (correctionNote.length > LIMITS.note) errors.push({ fieldId: "correctionNote", key: "write.errors.noteTooLong" });
  if (intent === "publish" && points.length === 0 && errors.length === 0) errors.push({ fieldId: "point-1", key: "write.errors.noPoints" });
  if (intent === "add" && rows.length < LIMITS.points) rows.push({ text: "", subGoalIds: [], activityIds: [] });
  return {
    intent,
    rows,
    points,
    correctionNote,
    draftVersion: whole(text(formData, "draftVersion"), null),
    publishedVersion: whole(text(formData, "publishedVersion"), 0) ?? 0,
    errors,
  };
}

/** "Jeg husker det anderledes": what she remembers (required, at most 1,500 characters). */
export function parseRecollection(formData: FormData): { body: string; submissionId: string; error: string | null } {
  const body = text(formData, "body").trim();
  const submissionId = text(formData, "submissionId");
  const error = !body ? "remember.errors.bodyMissing" : body.length > LIMITS.recollection ? "remember.errors.bodyTooLong" : null;
  return { body, submissionId: UUID.test(submissionId) ? submissionId : crypto.randomUUID(), error };
}
