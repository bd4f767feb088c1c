/**
 * What the jobcentre can read about a participant, area by area, and from when: the one list
 * behind the privacy page's "Hvem kan læse det?" and the caseworker page's "Det kan du se".
 * Every column of every `caseworker` view (db/caseworker/README.md) belongs to exactly one area;
 * tests/integration/caseworker/caseworker-disclosure.test.ts reads the real views' columns from
 * information_schema and fails when a column is added, moved or removed without this list.
 *
 * The words are in locales/<lng>/caseworker.json under `disclosure.participant.<key>` (to the
 * participant) and `disclosure.caseworker.<key>` (to the caseworker).
 */

/**
 * - `jobcentre`: written by the jobcentre itself, always there.
 * - `saved`: the participant's (or a relative's) words, readable as soon as they are saved or sent.
 * - `shared`: only after the participant shares it, and only while it is shared.
 */
export type DisclosureMoment = "jobcentre" | "saved" | "shared";

export const DISCLOSURE_MOMENTS: readonly DisclosureMoment[] = ["saved", "shared", "jobcentre"];

export interface DisclosedArea {
  key: string;
  moment: DisclosureMoment;
  /** view name in the `caseworker` schema -> the columns of it this area covers */
  columns: Readonly<Record<string, readonly string[]>>;
}

export const DISCLOSED_AREAS: readonly DisclosedArea[] = [
  {
    key: "programme",
    moment: "jobcentre",
    columns: {
      participants: [
        "participant_id",
        "first_name",
        "last_name",
        "programme",
        "status",
        "started_on",
        "expected_end_on",
        "municipality",
        "coordinating_caseworker_professional_id",
        "coordinating_caseworker_person_id",
        "coordinating_caseworker_name",
        "coordinating_caseworker_since",
        "municipality_key",
      ],
    },
  },
  {
    key: "plan",
    moment: "jobcentre",
    columns: {
      plans: ["plan_id", "participant_id", "employment_goal", "next_step", "version", "updated_at", "updated_by_name"],
      sub_goals: ["sub_goal_id", "plan_id", "participant_id", "title", "description", "status", "due_on", "sort_order", "updated_at"],
    },
  },
  {
    key: "meetings",
    moment: "jobcentre",
    columns: {
      appointments: [
        "appointment_id",
        "participant_id",
        "kind",
        "title",
        "purpose",
        "starts_at",
        "ends_at",
        "mode",
        "place_name",
        "address",
        "directions",
        "phone_note",
        "video_note",
        "bring_items",
        "support_person_allowed",
        "afterwards",
        "status",
        "created_at",
      ],
      appointment_attendees: ["attendee_id", "appointment_id", "participant_id", "name", "role_text", "sort_order"],
    },
  },
  {
    // Referat efter samtalen (issue 22, migration 0036): what the caseworker published, never a draft.
    key: "meetingSummaries",
    moment: "jobcentre",
    columns: {
      meeting_summary_points: [
        "point_id",
        "summary_id",
        "participant_id",
        "appointment_id",
        "version",
        "is_current",
        "position",
        "text",
        "sub_goal_ids",
        "activity_ids",
        "published_at",
        "published_by_name",
        "source",
        "correction_note",
      ],
    },
  },
  {
    key: "ownGoal",
    moment: "saved",
    columns: {
      plans: ["own_goal", "own_goal_version", "own_goal_updated_at", "own_goal_author_role", "own_goal_author_person_id", "own_goal_author_name"],
    },
  },
  {
    key: "subGoalMarks",
    moment: "saved",
    columns: { sub_goals: ["participant_status", "participant_comment", "participant_updated_at"] },
  },
  {
    key: "planResponses",
    moment: "saved",
    columns: {
      plans: ["last_read_version"],
      plan_responses: ["response_id", "plan_id", "participant_id", "plan_version", "kind", "comment", "author_person_id", "author_name", "created_at"],
    },
  },
  {
    // Forslag til min plan (issue 22, migration 0035): a proposal as soon as she sends it; never one she withdrew.
    key: "planProposals",
    moment: "saved",
    columns: {
      plan_proposals: [
        "proposal_id",
        "participant_id",
        "kind",
        "title",
        "why",
        "when_text",
        "how_much",
        "status",
        "version",
        "created_at",
        "decided_at",
        "decided_by_name",
        "plan_title",
        "plan_detail",
        "plan_version",
        "decline_reason",
      ],
    },
  },
  {
    key: "meetingNotes",
    moment: "saved",
    columns: { appointments: ["participant_questions", "participant_notes", "participant_prepared_at"] },
  },
  {
    key: "absence",
    moment: "saved",
    columns: { absence_requests: ["absence_request_id", "appointment_id", "participant_id", "reason", "wish_for_new_time", "created_at"] },
  },
  {
    // Beskeder (issue 18): read on the caseworker's own pages from the portal's tables under
    // row-level security, not through a view (docs/decisions/0022-messages.md): no columns here.
    key: "messages",
    moment: "saved",
    columns: {},
  },
  {
    key: "relatives",
    moment: "saved",
    columns: {
      relative_grants: [
        "grant_id",
        "participant_id",
        "relative_person_id",
        "name",
        "email",
        "relation",
        "scopes",
        "may_comment",
        "bisidder_appointment_ids",
        "valid_until",
        "status",
        "stored_status",
        "invited_at",
        "accepted_at",
        "ended_at",
        "last_viewed_at",
      ],
    },
  },
  {
    key: "changes",
    moment: "saved",
    columns: { events: ["id", "participant_id", "kind", "area", "actor_role", "details", "occurred_at", "transaction_position", "settled"] },
  },
  {
    key: "preparation",
    moment: "shared",
    columns: {
      shared_preparation: ["preparation_part_id", "participant_id", "part", "shared_version", "shared_at", "shared_answers", "first_shared_at"],
    },
  },
  {
    key: "preparationRemarks",
    moment: "shared",
    columns: {
      shared_preparation_comments: [
        "comment_id",
        "preparation_part_id",
        "participant_id",
        "part",
        "body",
        "author_person_id",
        "author_first_name",
        "author_relation",
        "created_at",
      ],
    },
  },
  {
    key: "cv",
    moment: "shared",
    columns: {
      cv: ["participant_id", "first_name", "last_name", "email", "phone", "address", "summary", "version", "shared_at", "changed_since_shared"],
      cv_entries: [
        "entry_id",
        "participant_id",
        "kind",
        "title",
        "organisation",
        "from_text",
        "to_text",
        "is_ongoing",
        "details",
        "level",
        "category",
        "sort_order",
        "updated_at",
      ],
      work_wishes: [
        "participant_id",
        "fields",
        "hours_per_week",
        "max_commute_minutes",
        "areas",
        "accommodations",
        "show_accommodations_on_cv",
        "task_suggestions",
        "version",
        "updated_at",
        "shared_at",
        "hours_per_week_max",
        "accommodations_shared",
      ],
    },
  },
  {
    key: "network",
    moment: "shared",
    columns: {
      network_people: [
        "network_person_id",
        "participant_id",
        "name",
        "relation",
        "sector",
        "closeness",
        "help_kinds",
        "stance",
        "contact_frequency",
        "wanted_at_meeting",
        "updated_at",
        "shared_at",
        "stance_shared",
      ],
    },
  },
  {
    // Sådan går det (issue 22, migration 0028): each month's answers only once she shares that set.
    key: "progressAnswers",
    moment: "shared",
    columns: {
      progress_answers: [
        "answer_set_id",
        "participant_id",
        "month",
        "energy",
        "energy_note",
        "sleep",
        "sleep_note",
        "company",
        "company_note",
        "outdoors",
        "outdoors_note",
        "work_belief",
        "work_belief_note",
        "what_helps",
        "something_else",
        "updated_at",
        "shared_at",
      ],
    },
  },
  {
    key: "progressSigns",
    moment: "shared",
    columns: { progress_signs: ["participant_id", "warning_signs", "strategies", "updated_at", "shared_at"] },
  },
];

/** What no `caseworker` view ever shows (db/caseworker/README.md, "Never exposed"). Keys under `disclosure.<reader>.never`. */
export const NEVER_DISCLOSED = ["drafts", "messageDrafts", "networkNotes", "remarksLeftOut", "signIn", "energyDiary"] as const;

export function areasAt(moment: DisclosureMoment): readonly DisclosedArea[] {
  return DISCLOSED_AREAS.filter((area) => area.moment === moment);
}
