import { asc, eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { meetingSummaries, meetingSummaryPoints, meetingSummaryVersions, summaryRecollections } from "../../../db/schema/summaries";
import { listMeetingsById } from "~/features/appointments/index.server";
import { listPlanItems } from "~/features/plan/index.server";

/**
 * Everything "Referat efter samtalen" holds about one participant, for "Mine data" (issue 22): the
 * summaries she received, every published version with its points and the plan items they named,
 * and the notes of "Jeg husker det anderledes" (hers and her relatives'), never a draft.
 */
export async function exportSummariesFor(participantId: string) {
  const database = await db();
  const summaries = await database
    .select({ id: meetingSummaries.id, appointmentId: meetingSummaries.appointmentId, currentVersion: meetingSummaries.currentVersion })
    .from(meetingSummaries)
    .where(eq(meetingSummaries.participantId, participantId))
    .orderBy(asc(meetingSummaries.createdAt));
  const published = summaries.filter((summary) => summary.currentVersion > 0);
  if (published.length === 0) return [];
  const [versions, points, notes, meetings, items] = await Promise.all([
    database.select().from(meetingSummaryVersions).where(eq(meetingSummaryVersions.participantId, participantId)).orderBy(asc(meetingSummaryVersions.version)),
    database.select().from(meetingSummaryPoints).where(eq(meetingSummaryPoints.participantId, participantId)).orderBy(asc(meetingSummaryPoints.position)),
    database.select().from(summaryRecollections).where(eq(summaryRecollections.participantId, participantId)).orderBy(asc(summaryRecollections.createdAt)),
    listMeetingsById(participantId, published.map((summary) => summary.appointmentId)),
    listPlanItems(participantId),
  ]);
  const titleOf = new Map(items.map((item) => [item.id, item.title]));
  const meetingOf = new Map(meetings.map((meeting) => [meeting.id, meeting]));
  return published.map((summary) => {
    const meeting = meetingOf.get(summary.appointmentId);
    const pointsOf = (version: number) => points.filter((point) => point.summaryId === summary.id && point.version === version);
    const pointById = new Map(points.filter((point) => point.summaryId === summary.id).map((point) => [point.id, point]));
    return {
      meeting: { title: meeting?.title ?? "", startsAt: meeting?.startsAt ?? null },
      versions: versions
        .filter((version) => version.summaryId === summary.id)
        .map((version) => ({
          version: version.version,
          publishedAt: version.publishedAt,
          publishedBy: version.publishedByName,
          correctionNote: version.correctionNote,
          points: pointsOf(version.version).map((point) => ({
            number: point.position,
            text: point.text,
            planItems: [...point.subGoalIds, ...point.activityIds].flatMap((id) => (titleOf.has(id) ? [titleOf.get(id)!] : [])),
          })),
        })),
      rememberedDifferently: notes
        .filter((note) => note.summaryId === summary.id)
        .map((note) => ({
          pointNumber: pointById.get(note.pointId)?.position ?? null,
          version: pointById.get(note.pointId)?.version ?? null,
          text: note.body,
          writtenBy: note.authorName,
          authorRole: note.authorRole,
          createdAt: note.createdAt,
        })),
    };
  });
}

export type SummariesExport = Awaited<ReturnType<typeof exportSummariesFor>>;
