import { sql } from "drizzle-orm";
import { boolean, check, date, index, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { participants, persons } from "./people";
import { authorRoleEnum, activities, planResponses, subGoals } from "./plan";
import { absenceNotices, appointments } from "./appointments";
import { preparationParts } from "./preparation";

/**
 * What a conversation is about. `absence` ("Jeg kan ikke komme"), `disagreement` ("Jeg er ikke
 * enig i planen") and `callback` ("Ring mig op") are requests whose status the participant sees.
 */
export const conversationTopicEnum = portal.enum("conversation_topic", [
  "general",
  "appointment",
  "plan",
  "preparation",
  "absence",
  "disagreement",
  "callback",
  /** "Jeg husker det anderledes" about a point of a meeting's summary (app/features/summaries). */
  "summary",
]);
export const callbackWindowEnum = portal.enum("callback_window", ["morning", "afternoon", "any"]);
export const proposalStatusEnum = portal.enum("proposal_status", ["proposed", "accepted", "declined", "withdrawn"]);

export { MESSAGE_MAX_LENGTH } from "./limits";

/**
 * A conversation between the participant (and relatives allowed to write) and the coordinating
 * caseworker. Read and written by the participant's side through row-level security
 * (`may_see_participant`) and by her coordinating caseworker (`my_coordinated_participants`).
 */
export const conversations = portal.table(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    topic: conversationTopicEnum("topic").notNull(),
    /** Short, in the words of whoever started it, or made from what it is tied to. */
    subject: text("subject").notNull(),
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    subGoalId: uuid("sub_goal_id").references(() => subGoals.id, { onDelete: "set null" }),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    preparationPartId: uuid("preparation_part_id").references(() => preparationParts.id, { onDelete: "set null" }),
    absenceNoticeId: uuid("absence_notice_id").references(() => absenceNotices.id, { onDelete: "set null" }),
    planResponseId: uuid("plan_response_id").references(() => planResponses.id, { onDelete: "set null" }),
    /** "Ring mig op": the day and part of the day, and the number to call. */
    callbackOn: date("callback_on"),
    callbackWindow: callbackWindowEnum("callback_window"),
    callbackPhone: text("callback_phone"),
    startedByPersonId: uuid("started_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    /** The caseworker marked it handled; a new message from the participant's side reopens it. */
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledByPersonId: uuid("handled_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    /** A one-time id the form carries, so a double submit starts one conversation. */
    submissionId: uuid("submission_id").unique(),
    /**
     * The newest of her side's messages and answers to a proposed time, and of the caseworker's
     * messages and proposed times: kept by triggers (migration 0043), never written by the portal.
     */
    participantActedAt: timestamp("participant_acted_at", { withTimezone: true }),
    caseworkerActedAt: timestamp("caseworker_acted_at", { withTimezone: true }),
    /**
     * Since when it waits for the caseworker, as listInbox works it out: the first of her side's
     * activity after the caseworker's last or "handled". Kept by triggers (migration 0048) beside
     * awaits_caseworker; only meaningful while that is true.
     */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    /** Waiting for the caseworker's answer, as listInbox's "awaiting" (status.ts, awaitsCaseworker), in milliseconds. */
    awaitsCaseworker: boolean("awaits_caseworker").generatedAlwaysAs(
      sql`(caseworker_acted_at IS NULL
      OR date_trunc('milliseconds', caseworker_acted_at AT TIME ZONE 'UTC') < date_trunc('milliseconds', greatest(created_at, participant_acted_at) AT TIME ZONE 'UTC'))
    AND (handled_at IS NULL
      OR date_trunc('milliseconds', handled_at AT TIME ZONE 'UTC') < date_trunc('milliseconds', greatest(created_at, participant_acted_at) AT TIME ZONE 'UTC'))`,
    ),
  },
  (t) => [
    index("conversations_participant_last").on(t.participantId, t.lastMessageAt),
    index("conversations_awaiting_caseworker").on(t.participantId).where(sql`${t.awaitsCaseworker}`),
    index("conversations_appointment").on(t.appointmentId),
    check("conversations_subject_length", sql`char_length(${t.subject}) between 1 and 120`),
  ],
);

/**
 * One message. Text only, shown as text. `read_at` is the receipt: the first time the other
 * side opened the conversation after it was sent (the caseworker for the participant's side's
 * messages, the participant for the caseworker's).
 */
export const messages = portal.table(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** Whose conversation it is in: kept from the conversation by a trigger (migration 0049), never written by the portal. */
    participantId: uuid("participant_id"),
    authorPersonId: uuid("author_person_id").references(() => persons.id, { onDelete: "set null" }),
    authorRole: authorRoleEnum("author_role").notNull(),
    /** The author's name as it was when written: a relative's messages show their own name. */
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    submissionId: uuid("submission_id").unique(),
  },
  (t) => [
    index("messages_conversation_created").on(t.conversationId, t.createdAt),
    check("messages_body_length", sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

/**
 * A draft kept for one person: `draft_key` is a conversation id, or `new` / `new:<topic>:<id>`
 * for a conversation not yet started. Saved with the form ("Gem kladde") or autosaved.
 */
export const messageDrafts = portal.table(
  "message_drafts",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    draftKey: text("draft_key").notNull(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    subject: text("subject"),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.draftKey] }), check("message_drafts_body_length", sql`char_length(${t.body}) <= 2000`)],
);

/** "Ny tid foreslået": the caseworker proposes a new time for a meeting; the participant answers. */
export const appointmentProposals = portal.table(
  "appointment_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** Whose conversation it is in: kept from the conversation by a trigger (migration 0049), never written by the portal. */
    participantId: uuid("participant_id"),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: proposalStatusEnum("status").notNull().default("proposed"),
    proposedByPersonId: uuid("proposed_by_person_id").references(() => persons.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [index("appointment_proposals_conversation").on(t.conversationId), index("appointment_proposals_appointment").on(t.appointmentId)],
);
