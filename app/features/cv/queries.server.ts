import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "../../../db/client";
import { cvEntries, cvProfiles, workWishes } from "../../../db/schema/cv";
import { participants, persons } from "../../../db/schema/people";
import { nestedRow, nestedRows, preparedTogether, type Bound } from "../../../db/nested";
import type { WorkWishes } from "./document";
import type { CvEntryKind } from "./sections";
import { UNDO_MINUTES } from "./sections";
import { taskSuggestionsPiece, type TaskSuggestion } from "./task-suggestions.server";
import { isUuid } from "~/lib/ids";

export interface CvEntry {
  id: string;
  kind: CvEntryKind;
  title: string;
  organisation: string | null;
  fromText: string | null;
  toText: string | null;
  isOngoing: boolean;
  details: string | null;
  level: string | null;
  category: "professional" | "personal" | null;
  sortOrder: number;
  version: number;
  updatedAt: Date;
}

export interface ContactVisibility {
  email: boolean;
  phone: boolean;
  address: boolean;
}

/** Where a read runs: the request's database, or a command's own transaction (share). */
export type Executor = Database | Transaction;

export interface CvData {
  name: string;
  firstName: string;
  lastName: string;
  /** From the person's record; what shows on the CV follows `visibility`. Never a CPR number. */
  contact: { email: string | null; phone: string | null; address: string | null };
  visibility: ContactVisibility;
  /** The person has saved their choice of contact details at least once (`/cv/kontakt`). */
  visibilityChosen: boolean;
  summary: string;
  profileVersion: number;
  sharedAt: Date | null;
  /** What the caseworker sees (`snapshot.server.ts`); compare with it to say "changed since you shared it". */
  sharedSnapshot: unknown;
  entries: CvEntry[];
  wishes: WorkWishes & {
    showAccommodationsOnCv: boolean;
    version: number;
    /** null when no work wishes were ever saved. */
    updatedAt: Date | null;
  };
  tasks: TaskSuggestion[];
}

export { isUuid };

const entryColumns = {
  id: cvEntries.id,
  kind: cvEntries.kind,
  title: cvEntries.title,
  organisation: cvEntries.organisation,
  fromText: cvEntries.fromText,
  toText: cvEntries.toText,
  isOngoing: cvEntries.isOngoing,
  details: cvEntries.details,
  level: cvEntries.level,
  category: cvEntries.category,
  sortOrder: cvEntries.sortOrder,
  version: cvEntries.version,
  updatedAt: cvEntries.updatedAt,
};

/**
 * Only the name is on the CV until the person ticks more (issue 14: opt in, never opt out). A
 * choice the person saved is kept as it is; a detail never chosen is not shown.
 */
export function readVisibility(value: unknown): ContactVisibility {
  const stored = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return {
    email: stored.email === true,
    phone: stored.phone === true,
    address: stored.address === true,
  };
}

/** True once the person has saved what their CV shows (the form stores all three choices). */
export function visibilityChosen(value: unknown): boolean {
  return Boolean(value && typeof value === "object" && Object.keys(value).length > 0);
}

/** The entries that are not deleted, in the participant's order, as a piece of a read (db/nested.ts). */
function entriesPiece(participantId: Bound<string>) {
  return nestedRows(
    entryColumns,
    sql`from ${cvEntries} where ${cvEntries.participantId} = ${participantId} and ${cvEntries.deletedAt} is null`,
    sql`${cvEntries.sortOrder}, ${cvEntries.createdAt}`,
  );
}

const readEntries = preparedTogether(["participantId"], (values) => ({ entries: entriesPiece(values.participantId) }));

export async function listEntries(participantId: string, executor?: Executor): Promise<CvEntry[]> {
  return (await readEntries({ participantId }, executor)).entries;
}

/** getCv's one read, built once (db/nested.ts). */
const readCv = preparedTogether(["participantId"], (values) => ({
  person: nestedRow(
    { firstName: persons.firstName, lastName: persons.lastName, email: persons.email, phone: persons.phone },
    sql`from ${participants} join ${persons} on ${persons.id} = ${participants.personId} where ${participants.id} = ${values.participantId}`,
  ),
  profile: nestedRow(
    {
      address: cvProfiles.address,
      contactVisibility: cvProfiles.contactVisibility,
      summary: cvProfiles.summary,
      version: cvProfiles.version,
      sharedAt: cvProfiles.sharedAt,
      sharedSnapshot: cvProfiles.sharedSnapshot,
    },
    sql`from ${cvProfiles} where ${cvProfiles.participantId} = ${values.participantId}`,
  ),
  wishes: nestedRow(
    {
      fields: workWishes.fields,
      hoursPerWeek: workWishes.hoursPerWeek,
      hoursPerWeekMax: workWishes.hoursPerWeekMax,
      maxCommuteMinutes: workWishes.maxCommuteMinutes,
      areas: workWishes.areas,
      accommodations: workWishes.accommodations,
      showAccommodationsOnCv: workWishes.showAccommodationsOnCv,
      version: workWishes.version,
      updatedAt: workWishes.updatedAt,
    },
    sql`from ${workWishes} where ${workWishes.participantId} = ${values.participantId}`,
  ),
  entries: entriesPiece(values.participantId),
  tasks: taskSuggestionsPiece(values.participantId),
}));

/**
 * The whole CV of the signed-in participant (`participantId` from the session). `executor`: a
 * command's transaction, so "Del med min sagsbehandler" snapshots what that transaction sees.
 */
export async function getCv(participantId: string, executor?: Executor): Promise<CvData> {
  const { person, profile, wishes, entries, tasks } = await readCv({ participantId }, executor);
  return {
    name: person ? `${person.firstName} ${person.lastName}` : "",
    firstName: person?.firstName ?? "",
    lastName: person?.lastName ?? "",
    contact: { email: person?.email ?? null, phone: person?.phone ?? null, address: profile?.address ?? null },
    visibility: readVisibility(profile?.contactVisibility),
    visibilityChosen: visibilityChosen(profile?.contactVisibility),
    summary: profile?.summary ?? "",
    profileVersion: profile?.version ?? 0,
    sharedAt: profile?.sharedAt ?? null,
    sharedSnapshot: profile?.sharedSnapshot ?? null,
    entries,
    wishes: {
      fields: wishes?.fields ?? [],
      hoursPerWeek: wishes?.hoursPerWeek ?? null,
      hoursPerWeekMax: wishes?.hoursPerWeekMax ?? null,
      maxCommuteMinutes: wishes?.maxCommuteMinutes ?? null,
      areas: wishes?.areas ?? null,
      accommodations: wishes?.accommodations ?? null,
      showAccommodationsOnCv: wishes?.showAccommodationsOnCv ?? false,
      version: wishes?.version ?? 0,
      updatedAt: wishes?.updatedAt ?? null,
    },
    tasks,
  };
}

/** One of the participant's own entries that is not deleted, or null (someone else's id: null too). */
export async function findEntry(participantId: string, entryId: string | undefined): Promise<CvEntry | null> {
  if (!isUuid(entryId)) return null;
  const database = await db();
  const [row] = await database
    .select(entryColumns)
    .from(cvEntries)
    .where(and(eq(cvEntries.id, entryId), eq(cvEntries.participantId, participantId), isNull(cvEntries.deletedAt)));
  return row ?? null;
}

/** A deleted entry that can still be brought back ("Fortryd"). */
export async function findUndoableEntry(participantId: string, entryId: string | null, now = new Date()) {
  if (!isUuid(entryId ?? undefined)) return null;
  const database = await db();
  const [row] = await database
    .select({ id: cvEntries.id, title: cvEntries.title, kind: cvEntries.kind })
    .from(cvEntries)
    .where(
      and(
        eq(cvEntries.id, entryId!),
        eq(cvEntries.participantId, participantId),
        gt(cvEntries.deletedAt, new Date(now.getTime() - UNDO_MINUTES * 60_000)),
      ),
    );
  return row ?? null;
}

/** "Fra dit CV" on the preparation's "Uddannelse og arbejde": jobs, educations, courses and volunteering, in the CV's order. */
export async function listExperienceSummary(participantId: string) {
  const database = await db();
  const rows = await database
    .select({
      kind: cvEntries.kind,
      title: cvEntries.title,
      organisation: cvEntries.organisation,
      fromText: cvEntries.fromText,
      toText: cvEntries.toText,
      isOngoing: cvEntries.isOngoing,
    })
    .from(cvEntries)
    .where(and(eq(cvEntries.participantId, participantId), isNull(cvEntries.deletedAt)))
    .orderBy(asc(cvEntries.kind), asc(cvEntries.sortOrder), asc(cvEntries.createdAt));
  const experience: readonly string[] = ["work", "education", "course", "volunteering"];
  return rows.filter((row) => experience.includes(row.kind));
}
