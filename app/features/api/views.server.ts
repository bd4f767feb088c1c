import { bigint, boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The views the API reads: `caseworker_api.<view>` (migration 0027), each `SELECT *` of the
 * `caseworker` view of the same name (db/caseworker/README.md documents every column), filtered on a
 * Postgres server to the participants of the verified client's municipality. `.existing()`:
 * drizzle-kit never generates or drops them. Only the columns the API uses are typed here.
 */
const api = pgSchema("caseworker_api");
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const apiParticipants = api
  .view("participants", {
    participantId: uuid("participant_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    programme: text("programme").notNull(),
    status: text("status").notNull(),
    startedOn: date("started_on"),
    expectedEndOn: date("expected_end_on"),
    municipality: text("municipality").notNull(),
    coordinatingCaseworkerProfessionalId: uuid("coordinating_caseworker_professional_id"),
    coordinatingCaseworkerName: text("coordinating_caseworker_name"),
    coordinatingCaseworkerSince: date("coordinating_caseworker_since"),
    municipalityKey: text("municipality_key"),
  })
  .existing();

export const apiPlanResponses = api
  .view("plan_responses", {
    responseId: uuid("response_id").notNull(),
    planId: uuid("plan_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    planVersion: integer("plan_version").notNull(),
    kind: text("kind").notNull(),
    comment: text("comment"),
    authorName: text("author_name"),
    createdAt: ts("created_at").notNull(),
  })
  .existing();

export const apiAppointments = api
  .view("appointments", {
    appointmentId: uuid("appointment_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    status: text("status").notNull(),
    participantQuestions: text("participant_questions"),
    participantNotes: text("participant_notes"),
    participantPreparedAt: ts("participant_prepared_at"),
  })
  .existing();

export const apiAbsenceRequests = api
  .view("absence_requests", {
    absenceRequestId: uuid("absence_request_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    reason: text("reason").notNull(),
    wishForNewTime: text("wish_for_new_time"),
    createdAt: ts("created_at").notNull(),
  })
  .existing();

export const apiSharedPreparation = api
  .view("shared_preparation", {
    preparationPartId: uuid("preparation_part_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    part: text("part").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    sharedAt: ts("shared_at").notNull(),
    sharedAnswers: jsonb("shared_answers").notNull(),
    firstSharedAt: ts("first_shared_at"),
  })
  .existing();

export const apiSharedPreparationComments = api
  .view("shared_preparation_comments", {
    commentId: uuid("comment_id").notNull(),
    preparationPartId: uuid("preparation_part_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    body: text("body").notNull(),
    authorFirstName: text("author_first_name").notNull(),
    authorRelation: text("author_relation"),
    createdAt: ts("created_at").notNull(),
  })
  .existing();

export const apiCv = api
  .view("cv", {
    participantId: uuid("participant_id").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    summary: text("summary"),
    version: integer("version").notNull(),
    sharedAt: ts("shared_at").notNull(),
    changedSinceShared: boolean("changed_since_shared").notNull(),
  })
  .existing();

export const apiCvEntries = api
  .view("cv_entries", {
    entryId: uuid("entry_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    organisation: text("organisation"),
    fromText: text("from_text"),
    toText: text("to_text"),
    isOngoing: boolean("is_ongoing").notNull(),
    details: text("details"),
    level: text("level"),
    category: text("category"),
    sortOrder: integer("sort_order").notNull(),
  })
  .existing();

export const apiWorkWishes = api
  .view("work_wishes", {
    participantId: uuid("participant_id").notNull(),
    fields: text("fields").array().notNull(),
    hoursPerWeek: integer("hours_per_week"),
    hoursPerWeekMax: integer("hours_per_week_max"),
    maxCommuteMinutes: integer("max_commute_minutes"),
    areas: text("areas"),
    accommodations: text("accommodations"),
    accommodationsShared: boolean("accommodations_shared").notNull(),
    taskSuggestions: text("task_suggestions").array().notNull(),
    sharedAt: ts("shared_at").notNull(),
  })
  .existing();

export const apiNetworkPeople = api
  .view("network_people", {
    networkPersonId: uuid("network_person_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    name: text("name").notNull(),
    relation: text("relation"),
    sector: text("sector").notNull(),
    closeness: text("closeness").notNull(),
    helpKinds: text("help_kinds").array().notNull(),
    stance: text("stance"),
    contactFrequency: text("contact_frequency"),
    wantedAtMeeting: boolean("wanted_at_meeting").notNull(),
    updatedAt: ts("updated_at").notNull(),
    sharedAt: ts("shared_at").notNull(),
    stanceShared: boolean("stance_shared").notNull(),
  })
  .existing();

export const apiEvents = api
  .view("events", {
    id: bigint("id", { mode: "number" }).notNull(),
    participantId: uuid("participant_id").notNull(),
    kind: text("kind").notNull(),
    area: text("area").notNull(),
    actorRole: text("actor_role").notNull(),
    details: jsonb("details").notNull(),
    occurredAt: ts("occurred_at").notNull(),
    /** The writing transaction's id (xid8 as a number): may pass 2^53 on a long-lived cluster, so a BigInt. */
    transactionPosition: bigint("transaction_position", { mode: "bigint" }).notNull(),
    settled: boolean("settled").notNull(),
  })
  .existing();

/** "Sådan går det" (issue 22, migration 0040): the answer sets she shared, and her signs while shared. */
export const apiProgressAnswers = api
  .view("progress_answers", {
    answerSetId: uuid("answer_set_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    energy: text("energy"),
    energyNote: text("energy_note"),
    sleep: text("sleep"),
    sleepNote: text("sleep_note"),
    company: text("company"),
    companyNote: text("company_note"),
    outdoors: text("outdoors"),
    outdoorsNote: text("outdoors_note"),
    workBelief: text("work_belief"),
    workBeliefNote: text("work_belief_note"),
    whatHelps: text("what_helps"),
    somethingElse: text("something_else"),
    updatedAt: ts("updated_at").notNull(),
    sharedAt: ts("shared_at").notNull(),
  })
  .existing();

export const apiProgressSigns = api
  .view("progress_signs", {
    participantId: uuid("participant_id").notNull(),
    warningSigns: text("warning_signs").array().notNull(),
    strategies: text("strategies").array().notNull(),
    updatedAt: ts("updated_at").notNull(),
    sharedAt: ts("shared_at").notNull(),
  })
  .existing();
