import type { z } from "~/lib/zod";
import { publicOrigin } from "~/lib/env.server";
import { readMeeting } from "~/features/appointments/index.server";
import { CASE_SYSTEM_AUTHOR_NAME } from "~/features/messages/index.server";
import { getPublishedSummary, listSummaryVersions, publishSummary } from "~/features/summaries/index.server";
import { apiLoader, ApiProblem } from "./handler.server";
import { participantFor } from "./participant.server";
import { isUuid } from "./queries.server";
import { MeetingSummary, SummaryWrite } from "./schema";
import { apiWriter, etagOf } from "./write.server";

/**
 * "Referat efter samtalen" through the API (issue 22): a case system reads and publishes the
 * summary of one of her held meetings, as »Din sagsbehandler«, through the summaries area's face
 * (one transaction: the version, its points, one audit row `case_system.summary_*` that becomes the
 * event `summary.published` / `summary.corrected`; then the message that tells her).
 */

const iso = (value: Date) => value.toISOString();

async function heldMeeting(participantId: string, appointmentId: string | undefined) {
  const meeting = appointmentId && isUuid(appointmentId) ? await readMeeting(participantId, appointmentId) : null;
  if (!meeting) throw new ApiProblem("not-found", "No meeting with this id for this participant.");
  return meeting;
}

async function summaryBody(participantId: string, appointmentId: string): Promise<z.input<typeof MeetingSummary> | null> {
  const [published, versions] = await Promise.all([getPublishedSummary(participantId, appointmentId), listSummaryVersions(participantId, appointmentId)]);
  if (!published) return null;
  return {
    participantId,
    appointmentId,
    summaryId: published.summaryId,
    version: published.version,
    points: published.points.map((point) => ({
      pointId: point.id,
      number: point.position,
      text: point.text,
      subGoalIds: point.links.filter((link) => link.kind === "subGoal").map((link) => link.id),
      activityIds: point.links.filter((link) => link.kind === "activity").map((link) => link.id),
    })),
    versions: versions.map((version) => ({ ...version, publishedAt: iso(version.publishedAt) })),
    rememberedDifferently: published.recollections.map((note) => ({
      pointId: note.pointId,
      conversationId: note.conversationId,
      authorRole: note.authorRole,
      createdAt: iso(note.createdAt),
    })),
  };
}

/** GET /participants/{id}/appointments/{appointmentId}/summary: the summary she sees now, with its ETag. One line in her log. */
export const getSummary = apiLoader(["appointments:write", "participants:read"], MeetingSummary, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const meeting = await heldMeeting(participantId, params.appointmentId);
  const body = await summaryBody(participantId, meeting.appointmentId);
  if (!body) throw new ApiProblem("not-found", "No summary of this meeting is published yet. POST one without If-Match.");
  return { body, read: { what: "summary", participantIds: [participantId] }, headers: { ETag: etagOf(body.version) } };
});

/** POST /participants/{id}/appointments/{appointmentId}/summary: publishes version 1, or a correction at the version If-Match names. */
export const postSummary = apiWriter("appointments:write", { body: SummaryWrite, response: MeetingSummary }, async ({ params, caller, requestId, body, ifMatch, request }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const meeting = await heldMeeting(participantId, params.appointmentId);
  if (meeting.status === "cancelled" || meeting.startsAt.getTime() > Date.now()) {
    throw new ApiProblem("conflict", "The meeting has not been held (it lies ahead or was cancelled): there is nothing to summarise yet.");
  }
  const current = (await listSummaryVersions(participantId, meeting.appointmentId))[0]?.version ?? 0;
  if (current > 0 && ifMatch === null) throw new ApiProblem("precondition-required", "A summary is published: send If-Match with its ETag to correct it.", { ETag: etagOf(current) });
  const result = await publishSummary(
    { kind: "case_system", participantId, name: CASE_SYSTEM_AUTHOR_NAME, details: { client: caller.client.clientId, municipality: caller.municipality.id }, requestId },
    meeting.appointmentId,
    { meetingTitle: meeting.title, points: body.points, correctionNote: body.correctionNote, expectedVersion: ifMatch ?? 0 },
  );
  switch (result.status) {
    case "not_found":
      throw new ApiProblem("not-found", "No meeting with this id for this participant.");
    case "stale":
      throw new ApiProblem("precondition-failed", `The summary is at version ${result.currentVersion} now. Read it again and send your correction on top of it.`, {
        ETag: etagOf(result.currentVersion),
      });
    case "unknown-item":
      throw new ApiProblem("invalid-body", `points: ${result.ids.join(", ")} is not a sub-goal or activity of this participant's plan.`);
    case "published":
    case "corrected": {
      const answer = await summaryBody(participantId, meeting.appointmentId);
      if (!answer) throw new Error("a published summary is not readable by its own municipality");
      const location = `${publicOrigin(request)}/api/v1/participants/${participantId}/appointments/${meeting.appointmentId}/summary`;
      return {
        status: result.status === "published" ? 201 : 200,
        body: answer,
        headers: { ETag: etagOf(answer.version), ...(result.status === "published" ? { Location: location } : {}) },
      };
    }
  }
});
