/**
 * The frozen copy of a plan version (`plan_versions.snapshot`) and what changed between two.
 * Pure functions, no database: the server computes changes, the browser only gets the result.
 *
 * Shape 2 (written by the portal from now on) holds everything the participant sees in the plan.
 * Shape 1 (the seed's versions 1 and 2, and perhaps older writers) holds only the goals and
 * each sub-goal's and activity's title and status. Readers accept both: every field but an
 * item's title is optional, and items are matched by id when both sides have one, else by title.
 */

export const subGoalStatuses = ["not_started", "in_progress", "reached", "paused"] as const;
export type SubGoalStatus = (typeof subGoalStatuses)[number];
export const activityKinds = ["mentor", "virksomhedspraktik", "loentilskud", "kursus", "behandling", "other"] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityStatuses = ["planned", "being_arranged", "active", "completed", "paused"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export interface SnapshotSubGoal {
  id?: string;
  title: string;
  description?: string | null;
  status?: SubGoalStatus;
  helperText?: string | null;
  dueOn?: string | null;
}

export interface SnapshotActivity {
  id?: string;
  kind?: ActivityKind;
  title: string;
  purpose?: string;
  responsibleName?: string | null;
  place?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  hoursPerWeek?: string | null;
  status?: ActivityStatus;
}

export interface SnapshotAgreement {
  id?: string;
  text: string;
  ownerText?: string | null;
  dueOn?: string | null;
  /** ISO timestamp; lets a newer version tell which agreements came after an older shape-1 snapshot. */
  createdAt?: string;
}

export interface PlanSnapshot {
  /** 2 for snapshots the portal writes; absent in the seed's shape-1 snapshots. */
  shape?: 2;
  employmentGoal?: string;
  ownGoal?: string | null;
  nextStep?: string | null;
  /** Absent (not empty) when the writer did not record that part. */
  subGoals?: SnapshotSubGoal[];
  activities?: SnapshotActivity[];
  agreements?: SnapshotAgreement[];
}

/** One thing that changed between two versions, in terms the page can phrase. */
export type PlanChange =
  | { area: "employmentGoal" | "nextStep" | "ownGoal"; kind: "changed"; from: string | null; to: string | null }
  | {
      area: "subGoal" | "activity" | "agreement";
      kind: "added" | "removed" | "changed";
      /** The item's id in the newer version (added/changed), for "Nyt" markers. */
      id?: string;
      /** Title (sub-goal, activity) or text (agreement). */
      label: string;
      statusFrom?: string;
      statusTo?: string;
    };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => (typeof value === "string" ? value : value === null ? null : undefined);

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Reads a stored snapshot defensively: unknown fields are dropped, malformed items skipped. */
export function parseSnapshot(raw: unknown): PlanSnapshot {
  if (!isRecord(raw)) return {};
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : undefined);
  const subGoals = list(raw.subGoals)
    ?.filter((item) => typeof item.title === "string")
    .map((item) =>
      clean<SnapshotSubGoal>({
        id: optionalString(item.id) ?? undefined,
        title: item.title as string,
        description: optionalString(item.description),
        status: pick(item.status, subGoalStatuses),
        helperText: optionalString(item.helperText),
        dueOn: optionalString(item.dueOn),
      }),
    );
  const activities = list(raw.activities)
    ?.filter((item) => typeof item.title === "string")
    .map((item) =>
      clean<SnapshotActivity>({
        id: optionalString(item.id) ?? undefined,
        kind: pick(item.kind, activityKinds),
        title: item.title as string,
        purpose: optionalString(item.purpose) ?? undefined,
        responsibleName: optionalString(item.responsibleName),
        place: optionalString(item.place),
        startsOn: optionalString(item.startsOn),
        endsOn: optionalString(item.endsOn),
        hoursPerWeek: optionalString(item.hoursPerWeek),
        status: pick(item.status, activityStatuses),
      }),
    );
  const agreements = list(raw.agreements)
    ?.filter((item) => typeof item.text === "string")
    .map((item) =>
      clean<SnapshotAgreement>({
        id: optionalString(item.id) ?? undefined,
        text: item.text as string,
        ownerText: optionalString(item.ownerText),
        dueOn: optionalString(item.dueOn),
        createdAt: optionalString(item.createdAt) ?? undefined,
      }),
    );
  return clean<PlanSnapshot>({
    shape: raw.shape === 2 ? 2 : undefined,
    employmentGoal: optionalString(raw.employmentGoal) ?? undefined,
    ownGoal: optionalString(raw.ownGoal),
    nextStep: optionalString(raw.nextStep),
    subGoals,
    activities,
    agreements,
  });
}

type Item = { id?: string };

/** Finds the item in `candidates` that is the same thing as `item`: by id when both have one, else by label. */
function findMatch<T extends Item>(item: T, candidates: T[], label: (x: T) => string, used: Set<T>): T | undefined {
  const byId = item.id ? candidates.find((c) => !used.has(c) && c.id === item.id) : undefined;
  if (byId) return byId;
  return candidates.find((c) => !used.has(c) && (!item.id || !c.id) && label(c) === label(item));
}

/** Fields present on both sides that differ (a field one side never recorded is not a change). */
function differs<T extends Item>(a: T, b: T, fields: (keyof T)[]): boolean {
  return fields.some((field) => a[field] !== undefined && b[field] !== undefined && a[field] !== b[field]);
}

function statusOf(item: Item): string | undefined {
  const status = (item as { status?: unknown }).status;
  return typeof status === "string" ? status : undefined;
}

function diffList<T extends Item>(
  area: "subGoal" | "activity" | "agreement",
  older: T[],
  newer: T[],
  label: (x: T) => string,
  fields: (keyof T)[],
): PlanChange[] {
  const changes: PlanChange[] = [];
  const used = new Set<T>();
  for (const item of newer) {
    const match = findMatch(item, older, label, used);
    if (!match) {
      changes.push({ area, kind: "added", id: item.id, label: label(item) });
      continue;
    }
    used.add(match);
    if (differs(match, item, fields)) {
      const statusFrom = statusOf(match);
      const statusTo = statusOf(item);
      changes.push({
        area,
        kind: "changed",
        id: item.id,
        label: label(item),
        ...(statusFrom && statusTo && statusFrom !== statusTo ? { statusFrom, statusTo } : {}),
      });
    }
  }
  for (const item of older) {
    if (!used.has(item)) changes.push({ area, kind: "removed", label: label(item) });
  }
  return changes;
}

/**
 * What changed from `older` to `newer`. `olderFrozenAt` is when the older version was saved:
 * an older snapshot without agreements (shape 1) counts the newer version's agreements made
 * after that moment as added.
 */
export function diffSnapshots(older: PlanSnapshot, newer: PlanSnapshot, olderFrozenAt?: Date): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const area of ["employmentGoal", "nextStep", "ownGoal"] as const) {
    const a = older[area];
    const b = newer[area];
    if (a !== undefined && b !== undefined && (a ?? "") !== (b ?? "")) {
      changes.push({ area, kind: "changed", from: a ?? null, to: b ?? null });
    }
  }
  if (older.subGoals && newer.subGoals) {
    changes.push(
      ...diffList<SnapshotSubGoal>("subGoal", older.subGoals, newer.subGoals, (x) => x.title, [
        "title",
        "description",
        "status",
        "helperText",
        "dueOn",
      ]),
    );
  }
  if (older.activities && newer.activities) {
    changes.push(
      ...diffList<SnapshotActivity>("activity", older.activities, newer.activities, (x) => x.title, [
        "kind",
        "title",
        "purpose",
        "responsibleName",
        "place",
        "startsOn",
        "endsOn",
        "hoursPerWeek",
        "status",
      ]),
    );
  }
  if (older.agreements && newer.agreements) {
    changes.push(
      ...diffList<SnapshotAgreement>("agreement", older.agreements, newer.agreements, (x) => x.text, [
        "text",
        "ownerText",
        "dueOn",
      ]),
    );
  } else if (!older.agreements && newer.agreements && olderFrozenAt) {
    for (const agreement of newer.agreements) {
      if (agreement.createdAt && Date.parse(agreement.createdAt) > olderFrozenAt.getTime()) {
        changes.push({ area: "agreement", kind: "added", id: agreement.id, label: agreement.text });
      }
    }
  }
  return changes;
}

/** Changes the jobcentre made (the participant's own goal is theirs, so it is left out). */
export function jobcentreChanges(changes: PlanChange[]): PlanChange[] {
  return changes.filter((change) => change.area !== "ownGoal");
}
