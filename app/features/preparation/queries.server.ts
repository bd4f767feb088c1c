import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { mapNested, nestedRows, preparedTogether, type Bound, type Nested } from "../../../db/nested";
import { persons } from "../../../db/schema/people";
import { preparationParts, preparationShares } from "../../../db/schema/preparation";
import type { AppointmentStatus } from "~/features/appointments";
import { findNextAppointment, nextAppointmentStartPiece, practicalDetails } from "~/features/appointments/index.server";
import { listExperienceSummary, listTaskSuggestions } from "~/features/cv/index.server";
import { listPeopleForMeeting } from "~/features/network/index.server";
import {
  PARTS,
  cleanAnswers,
  hasContent,
  partByKey,
  partBySlug,
  type Answers,
  type PartDefinition,
  type PartKey,
  type PartStatus,
  type SharedAnswers,
} from "./parts";
import type { PreparationMeetingKind } from "./setting";

/** Is what the caseworker can read the newest text? */
export type ShareState =
  | { kind: "not_shared" }
  | { kind: "shared"; sharedAt: Date; version: number }
  | { kind: "changed"; sharedAt: Date; version: number };

export interface PartState {
  key: PartKey;
  slug: string;
  status: PartStatus;
  version: number;
  updatedAt: Date | null;
  answers: Answers;
  share: ShareState;
  /** The text itself, ready to show or print: any answer, or (for "Mine ønsker") a work task. */
  hasContent: boolean;
}

type PartRow = typeof preparationParts.$inferSelect;

function shareStateOf(row: Pick<PartRow, "version" | "sharedAt" | "sharedVersion"> | undefined): ShareState {
  if (!row?.sharedAt || row.sharedVersion === null) return { kind: "not_shared" };
  return row.sharedVersion === row.version
    ? { kind: "shared", sharedAt: row.sharedAt, version: row.sharedVersion }
    : { kind: "changed", sharedAt: row.sharedAt, version: row.sharedVersion };
}

function stateOf(part: PartDefinition, row: PartRow | undefined, tasks: string[]): PartState {
  const answers = cleanAnswers(part, row?.answers);
  return {
    key: part.key,
    slug: part.slug,
    status: row?.status ?? "not_started",
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    answers,
    share: shareStateOf(row),
    hasContent: hasContent(answers, part.key === "wishes" ? tasks : []),
  };
}

async function partRows(participantId: string): Promise<Map<PartKey, PartRow>> {
  const database = await db();
  const rows = await database.select().from(preparationParts).where(eq(preparationParts.participantId, participantId));
  return new Map(rows.map((row) => [row.part, row]));
}

/** Every part's status and sharing state, in task-list order, and the work tasks. Own data only. */
export async function getPreparation(participantId: string) {
  const [rows, taskRows] = await Promise.all([partRows(participantId), listTaskSuggestions(participantId)]);
  const tasks = taskRows.map((task) => task.text);
  return { parts: PARTS.map((part) => stateOf(part, rows.get(part.key), tasks)), tasks };
}

export type PreparationState = Awaited<ReturnType<typeof getPreparation>>;

/** The meetings a preparation is for: not cancelled, and a held one until it has ended. */
const PREPARATION_MEETING_STATUSES: AppointmentStatus[] = ["planned", "moved", "held"];

/**
 * The task list's one read, built once (db/nested.ts): each part's status and sharing state (not
 * its answers: the list shows none), and when the next meeting of the municipality's kind begins.
 */
const readTaskList = preparedTogether(["participantId", "kind", "now"], (values) => ({
  parts: nestedRows(
    {
      part: preparationParts.part,
      status: preparationParts.status,
      version: preparationParts.version,
      sharedAt: preparationParts.sharedAt,
      sharedVersion: preparationParts.sharedVersion,
    },
    sql`from ${preparationParts} where ${preparationParts.participantId} = ${values.participantId}`,
  ),
  meeting: nextAppointmentStartPiece(values.participantId, { kind: values.kind, now: values.now, statuses: PREPARATION_MEETING_STATUSES }),
}));

/** /forberedelse: every part's status and whether the caseworker can read it, in task-list order, and the meeting's start. */
export async function getTaskList(participantId: string, kind: PreparationMeetingKind, now = new Date()) {
  const { parts, meeting } = await readTaskList({ participantId, kind, now });
  const rowOf = new Map(parts.map((row) => [row.part, row]));
  return {
    parts: PARTS.map((part) => {
      const row = rowOf.get(part.key);
      return { key: part.key, slug: part.slug, status: row?.status ?? "not_started", share: shareStateOf(row).kind };
    }),
    meeting,
  };
}

/** How many parts are done, of how many (the overview's card), as a piece of a page's one read (db/nested.ts). */
export function preparationProgressPiece(participantId: Bound<string>): Nested<{ done: number; total: number }> {
  const rows = nestedRows(
    { part: preparationParts.part, status: preparationParts.status },
    sql`from ${preparationParts} where ${preparationParts.participantId} = ${participantId}`,
  );
  return mapNested(rows, (found) => {
    const statusOf = new Map(found.map((row) => [row.part, row.status]));
    return { done: PARTS.filter((part) => statusOf.get(part.key) === "done").length, total: PARTS.length };
  });
}

/** One part for its form, with who saved it last (for a conflict message). */
export async function getPart(participantId: string, key: PartKey) {
  const database = await db();
  const [row] = await database
    .select()
    .from(preparationParts)
    .where(and(eq(preparationParts.participantId, participantId), eq(preparationParts.part, key)));
  const tasks = key === "wishes" ? (await listTaskSuggestions(participantId)).map((task) => task.text) : [];
  return { ...stateOf(partByKey(key), row, tasks), tasks };
}

/**
 * The next meeting the preparation is for, not cancelled, with who sits there; null when none is
 * planned. `kind` follows the municipality (setting.ts `preparationMeetingKind`): a
 * rehabiliteringsteam meeting where it keeps a team, otherwise a talk about the samlet beskrivelse.
 */
export async function getPreparationMeeting(participantId: string, kind: PreparationMeetingKind, now = new Date()) {
  // The next one of that kind that has not ended and is not cancelled, with who takes part.
  const appointment = await findNextAppointment(participantId, { kind, now, statuses: PREPARATION_MEETING_STATUSES });
  if (!appointment) return null;
  return {
    id: appointment.id,
    title: appointment.title,
    ...practicalDetails(appointment),
    attendees: appointment.attendees,
  };
}

export type PreparationMeeting = NonNullable<Awaited<ReturnType<typeof getPreparationMeeting>>>;

/** "Fra dit CV": jobs, educations, courses and volunteering the participant has written in the CV. */
export const getCvSummary = listExperienceSummary;

export type CvSummaryEntry = Awaited<ReturnType<typeof getCvSummary>>[number];

/**
 * People from the network map: name, relation and whether the participant wants them at the
 * meeting. Never `stance` (whether someone helps or holds back is the participant's private note).
 */
export const getNetworkSummary = listPeopleForMeeting;

export type NetworkSummaryPerson = Awaited<ReturnType<typeof getNetworkSummary>>[number];

export interface SharedPart {
  key: PartKey;
  version: number;
  sharedAt: Date;
  answers: Answers;
  tasks: string[];
  /** The draft has changed since it was shared (the reader sees the shared version, not the draft). */
  changedSince: boolean;
}

/**
 * What the caseworker (or a relative with the "preparation" scope) may read: the version the
 * participant shared, never the draft. Withdrawn parts are not here. Callers check access.
 */
export async function getSharedPreparation(participantId: string): Promise<SharedPart[]> {
  const database = await db();
  const rows = await database
    .select()
    .from(preparationParts)
    .where(and(eq(preparationParts.participantId, participantId), isNotNull(preparationParts.sharedAt)));
  const byKey = new Map(rows.map((row) => [row.part, row]));
  return PARTS.flatMap((part) => {
    const row = byKey.get(part.key);
    if (!row?.sharedAt || row.sharedVersion === null) return [];
    const shared = (row.sharedAnswers ?? {}) as Partial<SharedAnswers>;
    return [
      {
        key: part.key,
        version: row.sharedVersion,
        sharedAt: row.sharedAt,
        answers: cleanAnswers(part, shared.answers),
        tasks: Array.isArray(shared.tasks) ? shared.tasks.filter((task): task is string => typeof task === "string") : [],
        changedSince: row.version !== row.sharedVersion,
      },
    ];
  });
}

/** The record of shares for one participant (newest first), e.g. for "which version did I read". */
export async function listShares(participantId: string) {
  const database = await db();
  return database
    .select({
      part: preparationShares.part,
      version: preparationShares.version,
      sharedAt: preparationShares.sharedAt,
      withdrawnAt: preparationShares.withdrawnAt,
      sharedBy: persons.firstName,
    })
    .from(preparationShares)
    .leftJoin(persons, eq(persons.id, preparationShares.sharedByPersonId))
    .where(eq(preparationShares.participantId, participantId))
    .orderBy(desc(preparationShares.sharedAt));
}

/** A preparation part by its address (slug), for a message about it: its key, and its row's id once saved. */
export async function findPartForMessage(participantId: string, slug: string): Promise<{ key: PartKey; slug: string; rowId: string | null } | null> {
  const part = partBySlug(slug);
  if (!part) return null;
  const database = await db();
  const [row] = await database
    .select({ id: preparationParts.id })
    .from(preparationParts)
    .where(and(eq(preparationParts.participantId, participantId), eq(preparationParts.part, part.key)));
  return { key: part.key, slug: part.slug, rowId: row?.id ?? null };
}
