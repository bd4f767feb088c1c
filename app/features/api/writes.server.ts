import type { z } from "~/lib/zod";
import { publicOrigin } from "~/lib/env.server";
import { readJobcentrePlan, writeJobcentrePlan, type JobcentreContact } from "~/features/plan/index.server";
import { cancelMeeting, createMeeting, findAbsenceNotice, moveMeeting, readMeeting, type ChangeMeetingResult } from "~/features/appointments/index.server";
import {
  answerAbsenceAsCaseSystem,
  CASE_SYSTEM_AUTHOR_NAME,
  startCaseSystemConversation,
  writeCaseSystemMessage,
  type CaseSystemMessageResult,
} from "~/features/messages/index.server";
import type { ApiCaller } from "./auth.server";
import { registerParticipant } from "./commands.server";
import { apiLoader, ApiProblem } from "./handler.server";
import { participantFor } from "./participant.server";
import { meetingBody, messageSentBody, participantOf, planBody } from "./present.server";
import { findParticipant, isUuid, knownProfessionals } from "./queries.server";
import {
  ConversationStart,
  JobcentrePlan,
  Meeting,
  MeetingCancel,
  MeetingCreate,
  MeetingMove,
  MessageSent,
  MessageWrite,
  Participant,
  ParticipantRegistration,
  PlanWrite,
} from "./schema";
import { apiWriter, etagOf, type ApiWritten } from "./write.server";

/**
 * The API's writes (issue 20, second half): each parses its body (write.server.ts), finds the
 * participant in the client's municipality (else 404, as for reads), and asks the area that owns
 * the data (plan, appointments, messages: their public faces), which writes the change, its audit
 * row and its event in one transaction. The client and its municipality are named in each audit row;
 * a person never is.
 */

const writerOf = (caller: ApiCaller, requestId: string) => ({
  details: { client: caller.client.clientId, municipality: caller.municipality.id },
  requestId,
});

const v1 = (request: Request) => `${publicOrigin(request)}/api/v1`;

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/** GET /participants/{id}/plan: the jobcentre's part with its ETag (the version). One line in her log. */
export const getPlan = apiLoader(["plans:write", "participants:read"], JobcentrePlan, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const plan = await readJobcentrePlan(participantId);
  if (!plan) throw new ApiProblem("not-found", "This participant has no plan yet. PUT one without If-Match to create it.");
  return { body: planBody(plan), read: { what: "plan", participantIds: [participantId] }, headers: { ETag: etagOf(plan.version) } };
});

function contactIds(contacts: readonly JobcentreContact[] | undefined) {
  return (contacts ?? []).flatMap((contact) => ("professionalId" in contact ? [contact.professionalId] : []));
}

/** PUT /participants/{id}/plan: creates the plan (no If-Match) or replaces its jobcentre part at the version If-Match names. */
export const putPlan = apiWriter("plans:write", { body: PlanWrite, response: JobcentrePlan }, async ({ params, caller, requestId, body, ifMatch, request }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  if (body.contacts && !body.contacts.some((contact) => contact.role === "koordinerende_sagsbehandler")) {
    throw new ApiProblem("invalid-body", "contacts: name at least one koordinerende_sagsbehandler (leave contacts out to keep them as they are).");
  }
  const known = await knownProfessionals(caller, contactIds(body.contacts));
  const result = await writeJobcentrePlan(
    participantId,
    ifMatch,
    {
      employmentGoal: body.employmentGoal,
      nextStep: body.nextStep,
      subGoals: body.subGoals,
      activities: body.activities.map((activity) => ({ ...activity, hoursPerWeek: activity.hoursPerWeek === null ? null : activity.hoursPerWeek.toFixed(1) })),
      agreements: body.agreements,
      contacts: body.contacts,
      updatedByName: body.updatedByName,
      changeSummary: body.changeSummary,
    },
    known,
    writerOf(caller, requestId),
  );
  switch (result.status) {
    case "created":
    case "updated":
    case "unchanged":
      return {
        status: result.status === "created" ? 201 : 200,
        body: planBody(result.plan),
        headers: { ETag: etagOf(result.plan.version), ...(result.status === "created" ? { Location: `${v1(request)}/participants/${participantId}/plan` } : {}) },
      };
    case "stale":
      throw result.currentVersion === null
        ? new ApiProblem("precondition-failed", "This participant has no plan yet: PUT it without If-Match to create it.")
        : new ApiProblem("precondition-failed", `The plan is at version ${result.currentVersion} now. Read it again and send your change on top of it.`, {
            ETag: etagOf(result.currentVersion),
          });
    case "version-required":
      throw new ApiProblem("precondition-required", "The plan exists: send If-Match with its ETag (GET it first).", { ETag: etagOf(result.currentVersion) });
    case "unknown-item":
      throw new ApiProblem("invalid-body", result.detail);
    case "participant-words":
      throw new ApiProblem(
        "conflict",
        `subGoals: the sub-goal ${result.subGoalId} holds the participant's own marks or comments, so it stays. Keep it in the list (set its status to reached or paused instead).`,
      );
  }
});

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

/** POST /participants/{id}/appointments: books a meeting. */
export const postMeeting = apiWriter("appointments:write", { body: MeetingCreate, response: Meeting }, async ({ params, caller, requestId, body, request }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const meeting = await createMeeting(participantId, { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) }, writerOf(caller, requestId));
  return {
    status: 201,
    body: meetingBody(meeting),
    headers: { ETag: etagOf(meeting.sequence), Location: `${v1(request)}/participants/${participantId}/appointments/${meeting.appointmentId}` },
  };
});

async function meetingFor(participantId: string, appointmentId: string | undefined) {
  const meeting = appointmentId && isUuid(appointmentId) ? await readMeeting(participantId, appointmentId) : null;
  if (!meeting) throw new ApiProblem("not-found", "No meeting with this id for this participant.");
  return meeting;
}

/** GET /participants/{id}/appointments/{appointmentId}: the meeting as written, with its ETag. One line in her log. */
export const getMeeting = apiLoader(["appointments:write", "participants:read"], Meeting, async ({ params, caller }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const meeting = await meetingFor(participantId, params.appointmentId);
  return { body: meetingBody(meeting), read: { what: "appointment", participantIds: [participantId] }, headers: { ETag: etagOf(meeting.sequence) } };
});

function changed(result: ChangeMeetingResult): ApiWritten<z.input<typeof Meeting>> {
  switch (result.status) {
    case "moved":
    case "cancelled":
      return { status: 200, body: meetingBody(result.meeting), headers: { ETag: etagOf(result.meeting.sequence) } };
    case "not_found":
      throw new ApiProblem("not-found", "No meeting with this id for this participant.");
    case "stale":
      throw new ApiProblem("precondition-failed", `The meeting is at version ${result.currentSequence} now. Read it again and decide once more.`, {
        ETag: etagOf(result.currentSequence),
      });
    case "closed":
      throw new ApiProblem("conflict", `The meeting is ${result.meetingStatus}: it cannot be moved or cancelled. Book a new one.`);
  }
}

/** Both changes of a meeting need If-Match: without it, 428 with the current ETag. */
async function expectedSequence(participantId: string, appointmentId: string | undefined, ifMatch: number | null) {
  const meeting = await meetingFor(participantId, appointmentId);
  if (ifMatch === null) throw new ApiProblem("precondition-required", "Send If-Match with the meeting's ETag (GET it first).", { ETag: etagOf(meeting.sequence) });
  return { appointmentId: meeting.appointmentId, sequence: ifMatch };
}

/** POST /participants/{id}/appointments/{appointmentId}/move */
export const postMove = apiWriter("appointments:write", { body: MeetingMove, response: Meeting }, async ({ params, caller, requestId, body, ifMatch }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const { appointmentId, sequence } = await expectedSequence(participantId, params.appointmentId, ifMatch);
  const { startsAt, endsAt, mode, placeName, address, directions, phoneNote, videoNote } = body;
  const change = (value: string | null | undefined) => (value === undefined ? undefined : value || null);
  const result = await moveMeeting(
    participantId,
    appointmentId,
    sequence,
    {
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      mode,
      placeName: change(placeName),
      address: change(address),
      directions: change(directions),
      phoneNote: change(phoneNote),
      videoNote: change(videoNote),
    },
    writerOf(caller, requestId),
  );
  return changed(result);
});

/** POST /participants/{id}/appointments/{appointmentId}/cancel */
export const postCancel = apiWriter("appointments:write", { body: MeetingCancel, response: Meeting }, async ({ params, caller, requestId, ifMatch }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const { appointmentId, sequence } = await expectedSequence(participantId, params.appointmentId, ifMatch);
  return changed(await cancelMeeting(participantId, appointmentId, sequence, writerOf(caller, requestId)));
});

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

function sentOrNotFound(participantId: string, result: CaseSystemMessageResult, notFound: string): ApiWritten<z.input<typeof MessageSent>> {
  if (result.status !== "sent") throw new ApiProblem("not-found", notFound);
  return { status: 201, body: messageSentBody(participantId, result, CASE_SYSTEM_AUTHOR_NAME) };
}

/** POST /participants/{id}/absence-requests/{absenceRequestId}/answer: the answer to a »cannot come«, in its conversation. */
export const postAbsenceAnswer = apiWriter("appointments:write", { body: MessageWrite, response: MessageSent }, async ({ params, caller, requestId, body }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const noticeId = params.absenceRequestId;
  const notice = noticeId && isUuid(noticeId) ? await findAbsenceNotice(participantId, noticeId) : null;
  if (!notice) throw new ApiProblem("not-found", "No »cannot come« with this id for this participant.");
  return sentOrNotFound(participantId, await answerAbsenceAsCaseSystem(participantId, notice, body.body, writerOf(caller, requestId)), "");
});

/** POST /participants/{id}/conversations: a new conversation from »Din sagsbehandler«. */
export const postConversation = apiWriter("messages:write", { body: ConversationStart, response: MessageSent }, async ({ params, caller, requestId, body }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  return sentOrNotFound(participantId, await startCaseSystemConversation(participantId, body, writerOf(caller, requestId)), "");
});

/** POST /participants/{id}/conversations/{conversationId}/messages: a message in one of her conversations. */
export const postMessage = apiWriter("messages:write", { body: MessageWrite, response: MessageSent }, async ({ params, caller, requestId, body }) => {
  const { participantId } = await participantFor(caller, params.participantId);
  const conversationId = params.conversationId;
  const notFound = "No conversation with this id for this participant.";
  if (!conversationId || !isUuid(conversationId)) throw new ApiProblem("not-found", notFound);
  return sentOrNotFound(participantId, await writeCaseSystemMessage(participantId, conversationId, body.body, writerOf(caller, requestId)), notFound);
});

// ---------------------------------------------------------------------------------------------
// Registering a participant
// ---------------------------------------------------------------------------------------------

/** POST /participants: a new participant of the client's municipality and her coordinating caseworker. */
export const postParticipant = apiWriter("participants:write", { body: ParticipantRegistration, response: Participant }, async ({ caller, requestId, body, request }) => {
  const given = body.coordinatingCaseworker;
  let contact: JobcentreContact;
  if ("professionalId" in given) {
    const known = await knownProfessionals(caller, [given.professionalId]);
    if (!known.has(given.professionalId)) {
      throw new ApiProblem("invalid-body", "coordinatingCaseworker.professionalId: not a professional your municipality's participants work with.");
    }
    contact = { professionalId: given.professionalId, role: "koordinerende_sagsbehandler", isPrimary: true, since: given.since };
  } else {
    contact = {
      name: given.name,
      organisation: given.organisation ?? caller.municipality.name,
      phone: given.phone,
      email: given.email,
      reachableText: given.reachableText,
      role: "koordinerende_sagsbehandler",
      isPrimary: true,
      since: given.since,
    };
  }
  const result = await registerParticipant(caller, { ...body, coordinatingCaseworker: contact }, requestId);
  if (result.status === "cpr-taken") throw new ApiProblem("conflict", "A person with this CPR number is already registered in Min Vej.");
  const row = await findParticipant(caller, result.participantId);
  if (!row) throw new Error("the registered participant is not visible to its own municipality");
  return { status: 201, body: participantOf(row, caller), headers: { Location: `${v1(request)}/participants/${row.participantId}` } };
});

export type { ApiWritten };
