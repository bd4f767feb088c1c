import { z } from "~/lib/zod";
import { participantStatusEnum, programmeEnum } from "../../../db/schema/people";
import { API_SCOPES } from "../../../server/api-clients.js";

/**
 * The API's shapes, once: every response goes through its schema before it is sent (so the code
 * cannot answer what the document does not say), every query is parsed with its schema, and the
 * OpenAPI document (openapi.ts) is generated from the same schemas with zod's own `z.toJSONSchema`.
 * Field names are camelCase; values of enumerations are those of the caseworker views
 * (db/caseworker/README.md), so a reader of both finds the same words.
 */

/** The schemas the document names under components.schemas, by id. */
export const apiSchemas = z.registry<{ id: string; description: string }>();

/** Each named schema's description, by id (zod's JSON Schema leaves a registry's own metadata out). */
export const schemaDescriptions = new Map<string, string>();

const named = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  apiSchemas.add(schema, { id, description });
  schemaDescriptions.set(id, description);
  return schema;
};

const id = () => z.uuid();
const instant = () => z.iso.datetime({ offset: true });
const day = () => z.iso.date();
const text = () => z.string();

export const scopeSchema = z.enum(API_SCOPES);

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export const Problem = named(
  "Problem",
  "An error, as RFC 9457 problem details (`application/problem+json`). `type` points at its description on the reference page.",
  z.object({
    type: z.url().describe("The problem type: an address on the reference page, e.g. …/api/v1/reference#problem-invalid-token."),
    title: text().describe("A short summary of the problem type; the same for every occurrence."),
    status: z.number().int().describe("The HTTP status code."),
    detail: text().optional().describe("What went wrong this time, for a person reading the log."),
    correlationId: text().describe("This request's id, also in the X-Request-Id header. Give it to us when you ask about an error."),
  }),
);

// ---------------------------------------------------------------------------------------------
// Participants
// ---------------------------------------------------------------------------------------------

const Municipality = named(
  "Municipality",
  "The municipality that holds the participant's case. A client only ever sees its own municipality's participants.",
  z.object({
    id: text().describe("The municipality's id in the portal's MUNICIPALITIES_FILE."),
    name: text().describe("Its name, as stored on the participant, e.g. Solbjerg Kommune."),
  }),
);

const CoordinatingCaseworker = named(
  "CoordinatingCaseworker",
  "The participant's koordinerende sagsbehandler (the primary one, else the latest).",
  z.object({
    professionalId: id().describe("The professional's id in Min Vej."),
    name: text(),
    since: day().nullable().describe("Since when, if known."),
  }),
);

export const Participant = named(
  "Participant",
  "A participant in a programme, as caseworker.participants defines it. Never a CPR number.",
  z.object({
    id: id().describe("The participant's id in Min Vej (caseworker.participants.participant_id)."),
    firstName: text(),
    lastName: text(),
    programme: z.enum(programmeEnum.enumValues).describe("ressourceforloeb (only people who started before the 2026 reform), jobafklaringsforloeb or kontaktforloeb."),
    status: z.enum(participantStatusEnum.enumValues),
    startedOn: day().nullable(),
    expectedEndOn: day().nullable(),
    municipality: Municipality,
    coordinatingCaseworker: CoordinatingCaseworker.nullable(),
  }),
);

export const ParticipantPage = named(
  "ParticipantPage",
  "One page of the client's municipality's participants, ordered by id. Ask again with `cursor` = `nextCursor` until it is null.",
  z.object({
    items: z.array(Participant),
    nextCursor: text().nullable().describe("Opaque. Null on the last page."),
  }),
);

// ---------------------------------------------------------------------------------------------
// What the participant shared
// ---------------------------------------------------------------------------------------------

export const preparationParts = ["education_work", "resources", "challenges", "abilities", "wishes", "network", "questions"] as const;

const Remark = named(
  "PreparationRemark",
  "A relative's remark on a shared part, only when the participant chose to include it, and only while the part is shared.",
  z.object({
    commentId: id(),
    body: text(),
    authorFirstName: text(),
    authorRelation: text().nullable().describe("Who the relative is to the participant, e.g. Bror; null if unknown."),
    createdAt: instant(),
  }),
);

const SharedPart = named(
  "SharedPreparationPart",
  "One part of »Forbered dit møde« as the participant shared it: the version they shared, never a later draft.",
  z.object({
    preparationPartId: id(),
    part: z.enum(preparationParts),
    sharedVersion: z.number().int().describe("The version of the part that was shared."),
    sharedAt: instant().describe("When that version was shared."),
    firstSharedAt: instant().nullable().describe("When the part was first shared since it was last withdrawn."),
    answers: z.record(text(), text()).describe("Field name to the participant's words (field names of app/features/preparation/parts.ts)."),
    tasks: z.array(text()).describe("Work tasks; only for the part `wishes`."),
    remarks: z.array(Remark),
  }),
);

export const SharedPreparation = named(
  "SharedPreparation",
  "Only the parts the participant shares now (caseworker.shared_preparation). A withdrawn part is gone, with its earlier versions.",
  z.object({ participantId: id(), parts: z.array(SharedPart) }),
);

const CvProfile = named(
  "CvProfile",
  "The CV as the participant last shared it (a copy taken when sharing), never the live CV.",
  z.object({
    firstName: text(),
    lastName: text(),
    email: text().nullable().describe("Null when the participant hid it on the CV when sharing, or has none."),
    phone: text().nullable(),
    address: text().nullable(),
    summary: text().nullable().describe("»Kort om mig«."),
    version: z.number().int(),
    sharedAt: instant(),
    changedSinceShared: z.boolean().describe("True when the participant saved a change after sharing. Only the fact, never what changed."),
  }),
);

const CvEntry = named(
  "CvEntry",
  "A line of the shared CV.",
  z.object({
    entryId: id(),
    kind: z.enum(["work", "education", "course", "volunteering", "skill", "language", "it_skill", "driving_licence"]),
    title: text(),
    organisation: text().nullable(),
    details: text().nullable(),
    level: text().nullable(),
    fromText: text().nullable().describe("A partial date: 2019 or 2019-03."),
    toText: text().nullable(),
    isOngoing: z.boolean(),
    category: z.enum(["professional", "personal"]).nullable().describe("Skills only."),
    sortOrder: z.number().int(),
  }),
);

const WorkWishes = named(
  "WorkWishes",
  "Jobønsker, skånehensyn and task suggestions, as shared with the CV.",
  z.object({
    fields: z.array(text()),
    hoursPerWeek: z.number().int().nullable().describe("The one number given, or the lower end of a range."),
    hoursPerWeekMax: z.number().int().nullable().describe("The upper end of a range; null for one number."),
    maxCommuteMinutes: z.number().int().nullable(),
    areas: text().nullable(),
    accommodations: text().nullable().describe("Skånehensyn, only when the participant chose to share them."),
    accommodationsShared: z.boolean(),
    taskSuggestions: z.array(text()),
    sharedAt: instant(),
  }),
);

export const SharedCv = named(
  "SharedCv",
  "The CV and work wishes the participant shared (caseworker.cv, cv_entries, work_wishes). `cv` is null and the lists empty when nothing is shared.",
  z.object({ participantId: id(), cv: CvProfile.nullable(), entries: z.array(CvEntry), workWishes: WorkWishes.nullable() }),
);

const NetworkPerson = named(
  "NetworkPerson",
  "A person on the participant's network map. Never the participant's private note about them.",
  z.object({
    networkPersonId: id().describe("The person on the map (not a person in Min Vej)."),
    name: text(),
    relation: text().nullable(),
    sector: z.enum(["family", "friends", "work_school", "professionals"]),
    closeness: z.enum(["close", "middle", "further"]),
    helpKinds: z.array(text()),
    stance: z.enum(["helps", "holds_back", "both"]).nullable().describe("The participant's own judgement; null unless they share it too."),
    contactFrequency: text().nullable(),
    wantedAtMeeting: z.boolean(),
    updatedAt: instant(),
  }),
);

export const SharedNetwork = named(
  "SharedNetwork",
  "The network map while the participant shares it (caseworker.network_people, live). Empty when it is not shared, or shared with nobody on it.",
  z.object({
    participantId: id(),
    sharedAt: instant().nullable().describe("Since when it is shared; null when no person is shown."),
    stanceShared: z.boolean().describe("Whether the participant shares their judgement of each person too."),
    people: z.array(NetworkPerson),
  }),
);

// ---------------------------------------------------------------------------------------------
// Meetings, "cannot come", disagreements
// ---------------------------------------------------------------------------------------------

const AppointmentPreparation = named(
  "AppointmentPreparation",
  "A meeting with the participant's own questions and notes for it (the meeting page tells them the caseworker can read what they save).",
  z.object({
    appointmentId: id(),
    kind: text().describe("rehabiliteringsteam, samlet_beskrivelse, samtale, mentor, rundbordssamtale, kursus, praktikstart or other."),
    title: text(),
    startsAt: instant(),
    endsAt: instant(),
    status: z.enum(["planned", "moved", "cancelled", "held"]),
    participantQuestions: text().nullable(),
    participantNotes: text().nullable(),
    participantPreparedAt: instant().nullable().describe("When they last saved questions or notes."),
  }),
);

export const AppointmentPreparations = named(
  "AppointmentPreparations",
  "The participant's meetings, newest first, with their questions and notes (caseworker.appointments).",
  z.object({ participantId: id(), appointments: z.array(AppointmentPreparation) }),
);

const AbsenceRequest = named(
  "AbsenceRequest",
  "»Jeg kan ikke komme«: the participant cannot come to a meeting. Nothing is cancelled by it: the municipality acts.",
  z.object({
    absenceRequestId: id(),
    appointmentId: id(),
    reason: text().describe("Why, in the participant's words."),
    wishForNewTime: text().nullable(),
    createdAt: instant(),
  }),
);

export const AbsenceRequests = named(
  "AbsenceRequests",
  "Every »Jeg kan ikke komme« of the participant, newest first (caseworker.absence_requests).",
  z.object({ participantId: id(), absenceRequests: z.array(AbsenceRequest) }),
);

const Disagreement = named(
  "Disagreement",
  "»Jeg er ikke enig, eller jeg har spørgsmål«: the participant (or a relative helping them) disagrees with or asks about a version of the plan.",
  z.object({
    responseId: id(),
    planId: id(),
    planVersion: z.number().int().describe("The plan version it is about."),
    comment: text().nullable().describe("Their words."),
    authorName: text().nullable().describe("Who wrote it: the participant, or a relative helping them."),
    createdAt: instant(),
  }),
);

export const Disagreements = named(
  "Disagreements",
  "The participant's disagreements with and questions about the plan, newest first (caseworker.plan_responses, kind question).",
  z.object({ participantId: id(), disagreements: z.array(Disagreement) }),
);

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

const Event = named(
  "Event",
  "A participant's or relative's write the municipality may know of (caseworker.events). Reads, drafts and unshared work never appear.",
  z.object({
    id: z.number().int().describe("From a sequence; not the order to read in (the cursor keeps that)."),
    participantId: id(),
    kind: text().describe("What happened, e.g. preparation.shared, cv.shared, appointment.absence_notified, plan.question_sent."),
    area: text().describe("The first part of kind."),
    actorRole: z.enum(["participant", "relative"]),
    details: z.record(text(), z.unknown()).describe("Ids and names of things, never free text a person wrote."),
    occurredAt: instant(),
  }),
);

export const EventPage = named(
  "EventPage",
  "Settled events after the cursor, in the order they committed. Ask again with `after` = `nextCursor`; an empty page keeps the cursor.",
  z.object({
    events: z.array(Event),
    nextCursor: text().describe("Opaque. Where the next request starts; the same as `after` when there was nothing new."),
    hasMore: z.boolean().describe("True when the page was full: ask again at once."),
  }),
);

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const limit = (fallback: number, max: number) =>
  z.coerce
    .number({ error: `limit must be a whole number from 1 to ${max}.` })
    .int({ error: `limit must be a whole number from 1 to ${max}.` })
    .min(1, { error: `limit must be a whole number from 1 to ${max}.` })
    .max(max, { error: `limit must be a whole number from 1 to ${max}.` })
    .default(fallback);

export const ParticipantListQuery = z.object({
  cursor: text().max(200).optional().describe("The `nextCursor` of the page before; leave out for the first page."),
  limit: limit(50, 200).describe("Participants per page."),
});

export const EventsQuery = z.object({
  after: text().max(200).optional().describe("The `nextCursor` of the page before; leave out to start from the first event."),
  limit: limit(100, 500).describe("Events per page."),
});
