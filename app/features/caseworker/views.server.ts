import { boolean, date, integer, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The `caseworker` schema's views (db/migrations/0005_caseworker_views.sql; the CV views, which
 * read the CV as shared, in 0007_cv_shared_snapshot.sql), typed for drizzle.
 * `.existing()`: drizzle-kit never generates or drops them; the migration is the source of truth
 * and db/caseworker/README.md documents every column. The briefing reads ONLY these.
 *
 * The portal reads them through `caseworker_portal` (migration 0008): the same views, same
 * columns, but on a Postgres server (as portal_app, under row-level security) only the rows of
 * participants whose coordinating caseworker is the signed-in person. The `caseworker` schema
 * itself belongs to the jobcentre's role (caseworker_ro); portal_app cannot read it.
 */
export const caseworkerSchema = pgSchema("caseworker_portal");

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const cwParticipants = caseworkerSchema
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
    coordinatingCaseworkerPersonId: uuid("coordinating_caseworker_person_id"),
    coordinatingCaseworkerName: text("coordinating_caseworker_name"),
    coordinatingCaseworkerSince: date("coordinating_caseworker_since"),
    /** Which configured municipality (issue 19); null: the portal's first. */
    municipalityKey: text("municipality_key"),
  })
  .existing();

export const cwPlans = caseworkerSchema
  .view("plans", {
    planId: uuid("plan_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    employmentGoal: text("employment_goal").notNull(),
    nextStep: text("next_step"),
    version: integer("version").notNull(),
    updatedAt: ts("updated_at").notNull(),
    updatedByName: text("updated_by_name"),
    ownGoal: text("own_goal"),
    ownGoalVersion: integer("own_goal_version").notNull(),
    ownGoalUpdatedAt: ts("own_goal_updated_at"),
    ownGoalAuthorRole: text("own_goal_author_role"),
    ownGoalAuthorPersonId: uuid("own_goal_author_person_id"),
    ownGoalAuthorName: text("own_goal_author_name"),
    lastReadVersion: integer("last_read_version"),
  })
  .existing();

export const cwSubGoals = caseworkerSchema
  .view("sub_goals", {
    subGoalId: uuid("sub_goal_id").notNull(),
    planId: uuid("plan_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    status: text("status").notNull(),
    dueOn: date("due_on"),
    sortOrder: integer("sort_order").notNull(),
    updatedAt: ts("updated_at").notNull(),
    participantStatus: text("participant_status"),
    participantComment: text("participant_comment"),
    participantUpdatedAt: ts("participant_updated_at"),
  })
  .existing();

export const cwPlanResponses = caseworkerSchema
  .view("plan_responses", {
    responseId: uuid("response_id").notNull(),
    planId: uuid("plan_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    planVersion: integer("plan_version").notNull(),
    kind: text("kind").notNull(),
    comment: text("comment"),
    authorPersonId: uuid("author_person_id"),
    authorName: text("author_name"),
    createdAt: ts("created_at").notNull(),
  })
  .existing();

export const cwAppointments = caseworkerSchema
  .view("appointments", {
    appointmentId: uuid("appointment_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    mode: text("mode").notNull(),
    placeName: text("place_name"),
    address: text("address"),
    directions: text("directions"),
    phoneNote: text("phone_note"),
    videoNote: text("video_note"),
    bringItems: text("bring_items").array().notNull(),
    supportPersonAllowed: boolean("support_person_allowed").notNull(),
    afterwards: text("afterwards"),
    status: text("status").notNull(),
    createdAt: ts("created_at").notNull(),
    participantQuestions: text("participant_questions"),
    participantNotes: text("participant_notes"),
    participantPreparedAt: ts("participant_prepared_at"),
  })
  .existing();

export const cwAppointmentAttendees = caseworkerSchema
  .view("appointment_attendees", {
    attendeeId: uuid("attendee_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    name: text("name").notNull(),
    roleText: text("role_text").notNull(),
    sortOrder: integer("sort_order").notNull(),
  })
  .existing();

export const cwAbsenceRequests = caseworkerSchema
  .view("absence_requests", {
    absenceRequestId: uuid("absence_request_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    reason: text("reason").notNull(),
    wishForNewTime: text("wish_for_new_time"),
    createdAt: ts("created_at").notNull(),
  })
  .existing();

export const cwSharedPreparation = caseworkerSchema
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

export const cwSharedPreparationComments = caseworkerSchema
  .view("shared_preparation_comments", {
    commentId: uuid("comment_id").notNull(),
    preparationPartId: uuid("preparation_part_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    part: text("part").notNull(),
    body: text("body").notNull(),
    authorPersonId: uuid("author_person_id").notNull(),
    authorFirstName: text("author_first_name").notNull(),
    authorRelation: text("author_relation"),
    createdAt: ts("created_at").notNull(),
  })
  .existing();

export const cwCv = caseworkerSchema
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

export const cwCvEntries = caseworkerSchema
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
    updatedAt: ts("updated_at").notNull(),
  })
  .existing();

export const cwWorkWishes = caseworkerSchema
  .view("work_wishes", {
    participantId: uuid("participant_id").notNull(),
    fields: text("fields").array().notNull(),
    hoursPerWeek: integer("hours_per_week"),
    maxCommuteMinutes: integer("max_commute_minutes"),
    areas: text("areas"),
    accommodations: text("accommodations"),
    showAccommodationsOnCv: boolean("show_accommodations_on_cv").notNull(),
    taskSuggestions: text("task_suggestions").array().notNull(),
    version: integer("version"),
    updatedAt: ts("updated_at"),
    sharedAt: ts("shared_at").notNull(),
    /** Migration 0010: the upper end of a range of hours ("10-15", "op til 20"). */
    hoursPerWeekMax: integer("hours_per_week_max"),
    /** Migration 0010: whether the participant chose to share the skånehensyn. */
    accommodationsShared: boolean("accommodations_shared").notNull(),
  })
  .existing();

export const cwNetworkPeople = caseworkerSchema
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

export const cwRelativeGrants = caseworkerSchema
  .view("relative_grants", {
    grantId: uuid("grant_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    relativePersonId: uuid("relative_person_id"),
    name: text("name").notNull(),
    email: text("email").notNull(),
    relation: text("relation").notNull(),
    scopes: text("scopes").array().notNull(),
    mayComment: boolean("may_comment").notNull(),
    bisidderAppointmentIds: uuid("bisidder_appointment_ids").array().notNull(),
    validUntil: date("valid_until").notNull(),
    status: text("status").notNull(),
    storedStatus: text("stored_status").notNull(),
    invitedAt: ts("invited_at").notNull(),
    acceptedAt: ts("accepted_at"),
    endedAt: ts("ended_at"),
    lastViewedAt: ts("last_viewed_at"),
  })
  .existing();

/**
 * "Sådan går det" (issue 22, migration 0028; the portal's copies since 0032): the answer sets she
 * has shared, and her signs while she shares them. The steps are words (`very_hard` … `good`),
 * never numbers. The energy diary has no view.
 */
export const cwProgressAnswers = caseworkerSchema
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

export const cwProgressSigns = caseworkerSchema
  .view("progress_signs", {
    participantId: uuid("participant_id").notNull(),
    warningSigns: text("warning_signs").array().notNull(),
    strategies: text("strategies").array().notNull(),
    updatedAt: ts("updated_at").notNull(),
    sharedAt: ts("shared_at").notNull(),
  })
  .existing();

/** Every view of the contract, by its SQL name (tests check each is readable). */
export const CASEWORKER_VIEWS = {
  participants: cwParticipants,
  plans: cwPlans,
  sub_goals: cwSubGoals,
  plan_responses: cwPlanResponses,
  appointments: cwAppointments,
  appointment_attendees: cwAppointmentAttendees,
  absence_requests: cwAbsenceRequests,
  shared_preparation: cwSharedPreparation,
  shared_preparation_comments: cwSharedPreparationComments,
  cv: cwCv,
  cv_entries: cwCvEntries,
  work_wishes: cwWorkWishes,
  network_people: cwNetworkPeople,
  relative_grants: cwRelativeGrants,
  progress_answers: cwProgressAnswers,
  progress_signs: cwProgressSigns,
} as const;
