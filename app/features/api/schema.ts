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
// Sådan går det (issue 22)
// ---------------------------------------------------------------------------------------------

const progressLevel = () =>
  z
    .enum(["very_hard", "hard", "mixed", "fairly_good", "good"])
    .nullable()
    .describe("Her answer in words, from »Meget svært« to »Godt«: never a score. Null when she left it out.");

const ProgressFactor = named(
  "ProgressFactor",
  "One everyday factor of a month: her answer and her own words about it.",
  z.object({ level: progressLevel(), note: text().nullable() }),
);

const ProgressAnswerSet = named(
  "ProgressAnswerSet",
  "One month of »Sådan går det«, as she answered it, once she shared it (caseworker.progress_answers).",
  z.object({
    answerSetId: id(),
    month: day().describe("The first day of the month the answers are about."),
    energy: ProgressFactor,
    sleep: ProgressFactor,
    company: ProgressFactor.describe("Being with others."),
    outdoors: ProgressFactor.describe("Getting out of the door."),
    workBelief: ProgressFactor.describe("Believing that work is possible."),
    whatHelps: text().nullable(),
    somethingElse: text().nullable().describe("»Noget andet, jeg vil sige«."),
    updatedAt: instant(),
    sharedAt: instant(),
  }),
);

const ProgressSigns = named(
  "ProgressSigns",
  "»Mine tegn og mine strategier«: her warning signs and what helps her, in her words and order, while she shares them (caseworker.progress_signs).",
  z.object({ warningSigns: z.array(text()), strategies: z.array(text()), updatedAt: instant(), sharedAt: instant() }),
);

export const SharedProgress = named(
  "SharedProgress",
  "»Sådan går det«: the months the participant chose to share, newest first, and her signs and strategies while shared (null otherwise). Never her energy diary, which is hers alone.",
  z.object({ participantId: id(), answerSets: z.array(ProgressAnswerSet), signs: ProgressSigns.nullable() }),
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
  "A participant's or relative's write the municipality may know of, or a case system's write through this API (caseworker.events). Reads, drafts and unshared work never appear.",
  z.object({
    id: z.number().int().describe("From a sequence; not the order to read in (the cursor keeps that)."),
    participantId: id(),
    kind: text().describe("What happened, e.g. preparation.shared, cv.shared, appointment.absence_notified, plan.question_sent."),
    area: text().describe("The first part of kind."),
    actorRole: z
      .enum(["participant", "relative", "case_system", "caseworker"])
      .describe("Who wrote: the participant, a relative, a case system of the municipality (through this API; `details.client` says which), or her coordinating caseworker in the portal (e.g. proposal.decided)."),
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

// ---------------------------------------------------------------------------------------------
// Writes (issue 20, second half). Request bodies are strict: a field the schema does not name is
// refused (422), so a body can never carry the participant's own fields (her own goal, her marks
// and comments on a sub-goal, her questions and notes for a meeting, her preparation). They are
// named in `apiRequestSchemas` and shown in the document as the client sends them (zod's input).
// ---------------------------------------------------------------------------------------------

/** The request bodies the document names under components.schemas, by id. */
export const apiRequestSchemas = z.registry<{ id: string; description: string }>();

const request = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  apiRequestSchemas.add(schema, { id, description });
  schemaDescriptions.set(id, description);
  return schema;
};

/** Fields that are the participant's own: named in a body, the answer says so (422). */
export const PARTICIPANT_OWN_FIELDS = [
  "ownGoal",
  "ownGoalVersion",
  "participantStatus",
  "participantComment",
  "participantUpdatedAt",
  "participantQuestions",
  "participantNotes",
  "participantPreparedAt",
  "questions",
  "notes",
  "preparation",
  "marks",
  "comments",
] as const;

const words = (max: number) => z.string().trim().min(1).max(max);
const optionalWords = (max: number) => z.string().trim().max(max).nullable().optional().transform((value) => (value ? value : null));
/** A field of a change: left out, it stays as it is; null or "" clears it. */
const changedWords = (max: number) => z.string().trim().max(max).nullable().optional().describe("Left out: as it is. Null: cleared.");
const optionalDay = () => day().nullable().optional().transform((value) => value ?? null);

export const subGoalStatuses = ["not_started", "in_progress", "reached", "paused"] as const;
export const activityKinds = ["mentor", "virksomhedspraktik", "loentilskud", "kursus", "behandling", "other"] as const;
export const activityStatuses = ["planned", "being_arranged", "active", "completed", "paused"] as const;
export const professionalRoles = ["koordinerende_sagsbehandler", "forberedende_sagsbehandler", "mentor", "virksomhedskonsulent", "sundhedskoordinator", "other"] as const;
export const appointmentKinds = ["rehabiliteringsteam", "samlet_beskrivelse", "samtale", "mentor", "rundbordssamtale", "kursus", "praktikstart", "other"] as const;
export const appointmentModes = ["in_person", "phone", "video"] as const;

const SubGoalWrite = z.strictObject({
  id: id().optional().describe("Leave out for a new sub-goal; give it to keep and change one of this plan's."),
  title: words(200),
  description: optionalWords(2000),
  status: z.enum(subGoalStatuses).describe("The jobcentre's status. The participant's own mark is hers and never written here."),
  helperText: optionalWords(1000).describe("»Sådan kan du komme videre«, in plain words."),
  dueOn: optionalDay(),
});

const ActivityWrite = z.strictObject({
  id: id().optional().describe("Leave out for a new activity; give it to keep and change one of this plan's."),
  kind: z.enum(activityKinds),
  title: words(200),
  purpose: words(2000),
  responsibleName: optionalWords(200),
  place: optionalWords(300),
  startsOn: optionalDay(),
  endsOn: optionalDay(),
  hoursPerWeek: z.number().min(0).max(999.9).multipleOf(0.1).nullable().optional().transform((value) => value ?? null),
  status: z.enum(activityStatuses),
});

const AgreementWrite = z.strictObject({
  id: id().optional().describe("Leave out for a new agreement; give it to keep and change one of this plan's."),
  text: words(1000),
  ownerText: optionalWords(200).describe("Who does it, in plain words: »Du«, »Sara«, »Kommunen«."),
  dueOn: optionalDay(),
});

const contactLink = {
  role: z.enum(professionalRoles),
  isPrimary: z.boolean().default(false).describe("The primary one of her contacts in this role (the coordinating caseworker shown first)."),
  since: optionalDay(),
};

const ContactWrite = z.union([
  z.strictObject({
    professionalId: id().describe("A professional already working with one of your municipality's participants (e.g. Participant.coordinatingCaseworker.professionalId)."),
    ...contactLink,
  }),
  z.strictObject({
    name: words(200),
    organisation: words(200),
    phone: optionalWords(50),
    email: optionalWords(200),
    reachableText: optionalWords(200).describe("When she can be reached, e.g. »Mandag-torsdag kl. 9-12«."),
    ...contactLink,
  }),
]);

export const PlanWrite = request(
  "PlanWrite",
  "The jobcentre's part of the plan, whole: each list is the plan's list after the write (an item with an id is kept and changed, one without is new, one left out is removed; a sub-goal with the participant's own marks or comments cannot be removed). Never her own goal, marks or comments.",
  z.strictObject({
    employmentGoal: words(1000).describe("The beskæftigelsesmål."),
    nextStep: optionalWords(1000),
    subGoals: z.array(SubGoalWrite).max(50).default([]),
    activities: z.array(ActivityWrite).max(50).default([]),
    agreements: z.array(AgreementWrite).max(100).default([]),
    contacts: z
      .array(ContactWrite)
      .max(30)
      .optional()
      .describe("Leave out to keep her contacts as they are. Given, her contacts become exactly these, with at least one koordinerende_sagsbehandler. A known professional's own details are not changed here."),
    updatedByName: optionalWords(200).describe("Shown as »Opdateret … af …«, e.g. »Sara Nielsen, Solbjerg Kommune«."),
    changeSummary: optionalWords(500).describe("What changed, in a sentence, for »Tidligere versioner«."),
  }),
);

const meetingPlace = {
  mode: z.enum(appointmentModes).describe("in_person, phone or video."),
  placeName: optionalWords(200),
  address: optionalWords(300),
  directions: optionalWords(1000),
  phoneNote: optionalWords(500).describe("For a phone meeting: who calls whom."),
  videoNote: optionalWords(500).describe("For a video meeting: how to join."),
};

const endsAfterStart = (value: { startsAt: string; endsAt: string }) => Date.parse(value.endsAt) > Date.parse(value.startsAt);

export const MeetingCreate = request(
  "MeetingCreate",
  "A new meeting with the participant, as she will see it on »Mine møder«.",
  z
    .strictObject({
      kind: z.enum(appointmentKinds),
      title: words(200),
      purpose: words(2000),
      startsAt: instant(),
      endsAt: instant(),
      ...meetingPlace,
      mode: meetingPlace.mode.default("in_person"),
      bringItems: z.array(words(200)).max(20).default([]).describe("What to bring."),
      supportPersonAllowed: z.boolean().default(true).describe("Whether she may bring a bisidder."),
      afterwards: optionalWords(1000).describe("What happens after the meeting."),
      attendees: z
        .array(z.strictObject({ name: words(200), roleText: words(200).describe("Their role in plain words, e.g. »Din koordinerende sagsbehandler«.") }))
        .max(20)
        .default([]),
    })
    .refine(endsAfterStart, { error: "endsAt must be after startsAt.", path: ["endsAt"] }),
);

export const MeetingMove = request(
  "MeetingMove",
  "A new time, and a new place when given (a field left out stays as it is). The meeting then says »Ny tid«, and her calendar follows.",
  z
    .strictObject({
      startsAt: instant(),
      endsAt: instant(),
      mode: meetingPlace.mode.optional(),
      placeName: changedWords(200),
      address: changedWords(300),
      directions: changedWords(1000),
      phoneNote: changedWords(500),
      videoNote: changedWords(500),
    })
    .refine(endsAfterStart, { error: "endsAt must be after startsAt.", path: ["endsAt"] }),
);

export const MeetingCancel = request("MeetingCancel", "Cancelling needs nothing more than If-Match: an empty object (or no body).", z.strictObject({}));

export const ConversationStart = request(
  "ConversationStart",
  "A new conversation with the participant, from »Din sagsbehandler«.",
  z.strictObject({ subject: words(120), body: words(2000) }),
);

export const MessageWrite = request("MessageWrite", "A message from »Din sagsbehandler«, in plain words. Text only.", z.strictObject({ body: words(2000) }));

export const ParticipantRegistration = request(
  "ParticipantRegistration",
  "A new participant of your municipality and her coordinating caseworker. The CPR number is stored so that MitID finds her at her first sign-in; it is never shown or returned.",
  z
    .strictObject({
      firstName: words(100),
      lastName: words(100),
      birthDate: day(),
      cpr: z
        .string()
        .regex(/^\d{6}-?\d{4}$/, { error: "cpr: ten digits, ddmmyyxxxx (a dash after the sixth is allowed)." })
        .transform((value) => value.replace("-", ""))
        .describe("Ten digits; its first six must be the birth date (ddmmyy)."),
      programme: z.enum(programmeEnum.enumValues).describe("kontaktforloeb or jobafklaringsforloeb; a ressourceforloeb only when it started before 1 July 2026 (nobody new starts one since the reform)."),
      status: z.enum(participantStatusEnum.enumValues).default("active"),
      startedOn: optionalDay(),
      expectedEndOn: optionalDay(),
      coordinatingCaseworker: z
        .union([
          z.strictObject({ professionalId: id().describe("A caseworker already coordinating one of your municipality's participants."), since: optionalDay() }),
          z.strictObject({
            name: words(200),
            organisation: optionalWords(200).describe("Defaults to your municipality's name."),
            phone: optionalWords(50),
            email: optionalWords(200),
            reachableText: optionalWords(200),
            since: optionalDay(),
          }),
        ])
        .describe("Her koordinerende sagsbehandler: a known one by id, or a new one."),
    })
    .refine((value) => value.cpr.slice(0, 6) === `${value.birthDate.slice(8, 10)}${value.birthDate.slice(5, 7)}${value.birthDate.slice(2, 4)}`, {
      error: "cpr: its first six digits must be the birth date (ddmmyy).",
      path: ["cpr"],
    })
    .refine((value) => value.programme !== "ressourceforloeb" || (value.startedOn !== null && value.startedOn < "2026-07-01"), {
      error: "programme: nobody starts a ressourceforloeb after 1 July 2026; give startedOn before it, or use kontaktforloeb.",
      path: ["programme"],
    }),
);

// Responses of the writes

const PlanSubGoal = named(
  "PlanSubGoal",
  "A sub-goal (delmål) as the jobcentre wrote it.",
  z.object({ id: id(), title: text(), description: text().nullable(), status: z.enum(subGoalStatuses), helperText: text().nullable(), dueOn: day().nullable() }),
);

const PlanActivity = named(
  "PlanActivity",
  "An activity of the plan.",
  z.object({
    id: id(),
    kind: z.enum(activityKinds),
    title: text(),
    purpose: text(),
    responsibleName: text().nullable(),
    place: text().nullable(),
    startsOn: day().nullable(),
    endsOn: day().nullable(),
    hoursPerWeek: z.number().nullable(),
    status: z.enum(activityStatuses),
  }),
);

const PlanAgreement = named("PlanAgreement", "An agreement (aftale).", z.object({ id: id(), text: text(), ownerText: text().nullable(), dueOn: day().nullable() }));

const PlanContact = named(
  "PlanContact",
  "A professional who works with the participant, in a role.",
  z.object({
    professionalId: id(),
    name: text(),
    role: z.enum(professionalRoles),
    organisation: text(),
    phone: text().nullable(),
    email: text().nullable(),
    reachableText: text().nullable(),
    isPrimary: z.boolean(),
    since: day().nullable(),
  }),
);

export const JobcentrePlan = named(
  "JobcentrePlan",
  "The jobcentre's part of the participant's plan. `version` is its ETag: send it back as If-Match to change the plan.",
  z.object({
    planId: id(),
    participantId: id(),
    version: z.number().int().describe("Raised by every change; the participant sees »version N«. Also the ETag (\"N\")."),
    updatedAt: instant(),
    updatedByName: text().nullable(),
    employmentGoal: text(),
    nextStep: text().nullable(),
    subGoals: z.array(PlanSubGoal),
    activities: z.array(PlanActivity),
    agreements: z.array(PlanAgreement),
    contacts: z.array(PlanContact),
  }),
);

export const Meeting = named(
  "Meeting",
  "A meeting as the municipality wrote it. `version` is its ETag: send it back as If-Match to move or cancel it.",
  z.object({
    appointmentId: id(),
    participantId: id(),
    kind: z.enum(appointmentKinds),
    title: text(),
    purpose: text(),
    startsAt: instant(),
    endsAt: instant(),
    mode: z.enum(appointmentModes),
    placeName: text().nullable(),
    address: text().nullable(),
    directions: text().nullable(),
    phoneNote: text().nullable(),
    videoNote: text().nullable(),
    bringItems: z.array(text()),
    supportPersonAllowed: z.boolean().describe("Whether she may bring a bisidder."),
    afterwards: text().nullable(),
    attendees: z.array(z.object({ name: text(), roleText: text() })),
    status: z.enum(["planned", "moved", "cancelled", "held"]),
    version: z.number().int().describe("The meeting's calendar sequence, raised by every change her calendar shows. Also the ETag (\"N\")."),
    createdAt: instant(),
    updatedAt: instant(),
  }),
);

export const MessageSent = named(
  "MessageSent",
  "A message written to the participant as »Din sagsbehandler«. She is told as she chose (e-mail or SMS: »Du har en ny besked i Min Vej«).",
  z.object({
    participantId: id(),
    conversationId: id(),
    messageId: id(),
    startedConversation: z.boolean().describe("True when this message started the conversation."),
    authorName: text().describe("How the message is signed: always »Din sagsbehandler«, never an employee's name."),
    sentAt: instant(),
  }),
);

// ---------------------------------------------------------------------------------------------
// Forslag til min plan (issue 22)
// ---------------------------------------------------------------------------------------------

export const PlanProposal = named(
  "PlanProposal",
  "A sub-goal or an activity the participant proposed for her plan, in her own words, and where it stands (caseworker.plan_proposals). `version` is its ETag: send it back as If-Match to decide it.",
  z.object({
    proposalId: id(),
    participantId: id(),
    kind: z.enum(["sub_goal", "activity"]),
    title: text().describe("What she proposes, in her words."),
    why: text().nullable(),
    when: text().nullable(),
    howMuch: text().nullable(),
    status: z.enum(["waiting", "accepted", "changed", "declined"]).describe("waiting; accepted (as she wrote it); changed (accepted with other words); declined (with a reason she reads). One she withdrew is not listed."),
    version: z.number().int().describe("Raised by each change. Also the ETag (\"N\")."),
    createdAt: instant(),
    decidedAt: instant().nullable(),
    decidedByName: text().nullable().describe("The caseworker's name, or »Din sagsbehandler« for a case system."),
    planTitle: text().nullable().describe("Accepted or changed: the item's title in the plan."),
    planDetail: text().nullable().describe("Accepted or changed: the sub-goal's description or the activity's purpose in the plan."),
    planVersion: z.number().int().nullable().describe("Accepted or changed: the plan version that first held the item."),
    declineReason: text().nullable(),
  }),
);

export const PlanProposals = named(
  "PlanProposals",
  "The participant's proposals for her plan, newest first.",
  z.object({ participantId: id(), proposals: z.array(PlanProposal) }),
);

export const ProposalDecision = request(
  "ProposalDecision",
  "The answer to a waiting proposal, at the version If-Match names: accept (her words go into the plan as a new sub-goal or activity), change (your words go in; she sees both), or decline (a reason she reads).",
  z
    .strictObject({
      decision: z.enum(["accept", "change", "decline"]),
      title: words(200).optional().describe("change: the item's title in the plan (required)."),
      detail: optionalWords(1000).describe("change: the sub-goal's description or the activity's purpose in the plan."),
      reason: words(1000).optional().describe("decline: why, in plain words (required): she reads it."),
    })
    .superRefine((value, context) => {
      if (value.decision === "change" && !value.title) context.addIssue({ code: "custom", path: ["title"], message: "Give the title the item gets in the plan." });
      if (value.decision === "decline" && !value.reason) context.addIssue({ code: "custom", path: ["reason"], message: "Give a reason: she reads it." });
      if (value.decision !== "change" && (value.title !== undefined || value.detail)) context.addIssue({ code: "custom", path: ["title"], message: "Only a change takes a title and a detail." });
      if (value.decision !== "decline" && value.reason !== undefined) context.addIssue({ code: "custom", path: ["reason"], message: "Only a decline takes a reason." });
    }),
);

// ---------------------------------------------------------------------------------------------
// Meeting summaries ("Referat efter samtalen", issue 22)
// ---------------------------------------------------------------------------------------------

export const MeetingSummary = named(
  "MeetingSummary",
  "»Det aftalte vi« after a held meeting: the numbered points of the version she sees now, the plan items each changed, every version, and which points she (or a relative allowed to write) remembers differently. Her words are in the conversation named, never here.",
  z.object({
    participantId: id(),
    appointmentId: id(),
    summaryId: id(),
    version: z.number().int().describe("The version she sees now (also the ETag): 1 is the first publication, each later one a correction."),
    points: z.array(
      z.object({
        pointId: id(),
        number: z.number().int().describe("From 1, as she reads them."),
        text: text(),
        subGoalIds: z.array(id()).describe("Sub-goals of her plan the point changed (those still in the plan)."),
        activityIds: z.array(id()).describe("Activities of her plan the point changed (those still in the plan)."),
      }),
    ),
    versions: z.array(
      z.object({
        version: z.number().int(),
        publishedAt: instant(),
        publishedByName: text().describe("The caseworker's name, or »Din sagsbehandler« when a case system published it."),
        source: z.enum(["caseworker", "case_system"]),
        correctionNote: text().nullable().describe("What was corrected, as she reads it; null for version 1 or when not said."),
      }),
    ),
    rememberedDifferently: z.array(
      z.object({
        pointId: id().describe("The point as it was when she wrote (it may be of an earlier version)."),
        conversationId: id().nullable(),
        authorRole: z.enum(["participant", "relative", "caseworker"]),
        createdAt: instant(),
      }),
    ),
  }),
);

export const SummaryWrite = request(
  "SummaryWrite",
  "The summary to publish: a few numbered points, each with the sub-goals and activities of her plan it changed. With no summary yet, send it without If-Match (version 1); after that, a correction needs If-Match with the current version, and she sees »Rettet den …«. Published versions are never rewritten.",
  z.strictObject({
    points: z
      .array(
        z.strictObject({
          text: words(600),
          subGoalIds: z.array(id()).max(20).optional().default([]),
          activityIds: z.array(id()).max(20).optional().default([]),
        }),
      )
      .min(1)
      .max(12),
    correctionNote: optionalWords(300).describe("A correction: what was corrected, in a few words she reads."),
  }),
);
