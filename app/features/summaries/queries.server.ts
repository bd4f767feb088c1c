import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  meetingSummaries,
  meetingSummaryDrafts,
  meetingSummaryPoints,
  meetingSummaryVersions,
  summaryRecollections,
} from "../../../db/schema/summaries";
import { isUuid } from "~/lib/ids";
import { listPlanItems, type PlanItem } from "~/features/plan/index.server";
import type { SummaryPointInput } from "./schema";

export interface PublishedPoint {
  id: string;
  position: number;
  lineageId: string;
  text: string;
  /** The plan items it links to that still exist, in the plan's order. */
  links: PlanItem[];
}

export interface Recollection {
  id: string;
  pointId: string;
  lineageId: string;
  conversationId: string | null;
  authorPersonId: string | null;
  authorRole: "participant" | "relative" | "caseworker";
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface PublishedSummary {
  summaryId: string;
  appointmentId: string;
  version: number;
  firstPublishedAt: Date;
  /** Set when the version shown is a correction: when it was corrected. */
  correctedAt: Date | null;
  correctionNote: string | null;
  publishedByName: string;
  points: PublishedPoint[];
  /** "Jeg husker det anderledes" notes the reader may see (row-level security), oldest first. */
  recollections: Recollection[];
}

/**
 * The published summary of one meeting as the participant (or a relative with the appointments
 * scope, or her caseworker) reads it: the newest version only, never a draft. Null when none is
 * published. The caller has checked that the meeting is the participant's.
 */
export async function getPublishedSummary(participantId: string, appointmentId: string): Promise<PublishedSummary | null> {
  if (!isUuid(appointmentId)) return null;
  const database = await db();
  const [summary] = await database
    .select({
      id: meetingSummaries.id,
      currentVersion: meetingSummaries.currentVersion,
      firstPublishedAt: meetingSummaries.firstPublishedAt,
      version: meetingSummaryVersions,
    })
    .from(meetingSummaries)
    .innerJoin(
      meetingSummaryVersions,
      and(eq(meetingSummaryVersions.summaryId, meetingSummaries.id), eq(meetingSummaryVersions.version, meetingSummaries.currentVersion)),
    )
    .where(and(eq(meetingSummaries.appointmentId, appointmentId), eq(meetingSummaries.participantId, participantId)));
  if (!summary || summary.currentVersion < 1 || !summary.firstPublishedAt) return null;
  const points = await database
    .select()
    .from(meetingSummaryPoints)
    .where(and(eq(meetingSummaryPoints.summaryId, summary.id), eq(meetingSummaryPoints.version, summary.currentVersion)))
    .orderBy(asc(meetingSummaryPoints.position));
  const linked = [...new Set(points.flatMap((point) => [...point.subGoalIds, ...point.activityIds]))];
  const items = await listPlanItems(participantId, linked);
  const recollections = await database
    .select()
    .from(summaryRecollections)
    .where(eq(summaryRecollections.summaryId, summary.id))
    .orderBy(asc(summaryRecollections.createdAt));
  return {
    summaryId: summary.id,
    appointmentId,
    version: summary.currentVersion,
    firstPublishedAt: summary.firstPublishedAt,
    correctedAt: summary.currentVersion > 1 ? summary.version.publishedAt : null,
    correctionNote: summary.version.correctionNote,
    publishedByName: summary.version.publishedByName,
    points: points.map((point) => ({
      id: point.id,
      position: point.position,
      lineageId: point.lineageId,
      text: point.text,
      links: items.filter((item) => (item.kind === "subGoal" ? point.subGoalIds : point.activityIds).includes(item.id)),
    })),
    recollections: recollections.map((row) => ({
      id: row.id,
      pointId: row.pointId,
      lineageId: row.lineageId,
      conversationId: row.conversationId,
      authorPersonId: row.authorPersonId,
      authorRole: row.authorRole,
      authorName: row.authorName,
      body: row.body,
      createdAt: row.createdAt,
    })),
  };
}

export interface SummaryVersionInfo {
  version: number;
  publishedAt: Date;
  publishedByName: string;
  source: "caseworker" | "case_system";
  correctionNote: string | null;
}

export interface CaseworkerSummary {
  published: PublishedSummary | null;
  versions: SummaryVersionInfo[];
  draft: { points: SummaryPointInput[]; version: number; updatedAt: Date } | null;
  planItems: PlanItem[];
}

function draftPoints(value: unknown): SummaryPointInput[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== "object") return [];
    const point = entry as Record<string, unknown>;
    const ids = (list: unknown) => (Array.isArray(list) ? list.filter((id): id is string => typeof id === "string" && isUuid(id)) : []);
    return [{ text: typeof point.text === "string" ? point.text : "", subGoalIds: ids(point.subGoalIds), activityIds: ids(point.activityIds) }];
  });
}

/**
 * What her coordinating caseworker's summary page reads: the published version (with her
 * participant's "husker det anderledes"), every version, her draft and the plan items to link.
 * The caller has checked that she coordinates the participant and that the meeting is theirs.
 */
export async function getSummaryForCaseworker(participantId: string, appointmentId: string): Promise<CaseworkerSummary> {
  const database = await db();
  const [summary] = await database
    .select({ id: meetingSummaries.id })
    .from(meetingSummaries)
    .where(and(eq(meetingSummaries.appointmentId, appointmentId), eq(meetingSummaries.participantId, participantId)));
  const [versions, [draft], planItems, published] = await Promise.all([
    summary
      ? database
          .select({
            version: meetingSummaryVersions.version,
            publishedAt: meetingSummaryVersions.publishedAt,
            publishedByName: meetingSummaryVersions.publishedByName,
            source: meetingSummaryVersions.source,
            correctionNote: meetingSummaryVersions.correctionNote,
          })
          .from(meetingSummaryVersions)
          .where(eq(meetingSummaryVersions.summaryId, summary.id))
          .orderBy(desc(meetingSummaryVersions.version))
      : Promise.resolve([]),
    summary ? database.select().from(meetingSummaryDrafts).where(eq(meetingSummaryDrafts.summaryId, summary.id)) : Promise.resolve([]),
    listPlanItems(participantId),
    getPublishedSummary(participantId, appointmentId),
  ]);
  return {
    published,
    versions,
    draft: draft ? { points: draftPoints(draft.points), version: draft.version, updatedAt: draft.updatedAt } : null,
    planItems,
  };
}

export type SummaryState = { published: number; draft: boolean; publishedAt: Date | null; recollections: number };

/** For a list of meetings: which have a summary (its version), a draft, and notes of "husker det anderledes". */
export async function summaryStates(participantId: string, appointmentIds: string[]): Promise<Map<string, SummaryState>> {
  const states = new Map<string, SummaryState>();
  if (appointmentIds.length === 0) return states;
  const database = await db();
  const rows = await database
    .select({
      id: meetingSummaries.id,
      appointmentId: meetingSummaries.appointmentId,
      currentVersion: meetingSummaries.currentVersion,
      lastPublishedAt: meetingSummaries.lastPublishedAt,
      draft: meetingSummaryDrafts.summaryId,
    })
    .from(meetingSummaries)
    .leftJoin(meetingSummaryDrafts, eq(meetingSummaryDrafts.summaryId, meetingSummaries.id))
    .where(and(eq(meetingSummaries.participantId, participantId), inArray(meetingSummaries.appointmentId, appointmentIds)));
  const notes =
    rows.length === 0
      ? []
      : await database
          .select({ summaryId: summaryRecollections.summaryId })
          .from(summaryRecollections)
          .where(inArray(summaryRecollections.summaryId, rows.map((row) => row.id)));
  for (const row of rows) {
    states.set(row.appointmentId, {
      published: row.currentVersion,
      draft: row.draft !== null,
      publishedAt: row.lastPublishedAt,
      recollections: notes.filter((note) => note.summaryId === row.id).length,
    });
  }
  return states;
}

/** Every published version of a meeting's summary, newest first (the API's answer names them). */
export async function listSummaryVersions(participantId: string, appointmentId: string): Promise<SummaryVersionInfo[]> {
  const database = await db();
  return database
    .select({
      version: meetingSummaryVersions.version,
      publishedAt: meetingSummaryVersions.publishedAt,
      publishedByName: meetingSummaryVersions.publishedByName,
      source: meetingSummaryVersions.source,
      correctionNote: meetingSummaryVersions.correctionNote,
    })
    .from(meetingSummaryVersions)
    .innerJoin(meetingSummaries, eq(meetingSummaries.id, meetingSummaryVersions.summaryId))
    .where(and(eq(meetingSummaries.participantId, participantId), eq(meetingSummaries.appointmentId, appointmentId)))
    .orderBy(desc(meetingSummaryVersions.version));
}
