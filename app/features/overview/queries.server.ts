import { nextAppointmentPiece } from "~/features/appointments/index.server";
import { planSummaryPiece, type PlanGoal } from "~/features/plan/index.server";
import { coordinatingCaseworkerPiece } from "~/lib/contacts.server";
import { preparationProgressPiece } from "~/features/preparation/index.server";
import { checkInPieces, checkInStateOf } from "~/features/progress/index.server";
import { unreadCountPiece } from "~/features/messages/index.server";
import { helpedPiece, listHelped } from "~/features/relatives/index.server";
import { copenhagenDay } from "~/lib/dates";
import type { CurrentUser } from "~/lib/auth.server";
import { mapNested, preparedTogether, readTogether, type Bound } from "../../../db/nested";

// The overview owns no tables: it shows what the other areas say, asked through their faces. Their
// pieces are read together, in one statement (db/nested.ts).

export interface Overview {
  nextAppointment: {
    id: string;
    kind: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    mode: "in_person" | "phone" | "video";
    placeName: string | null;
    address: string | null;
    phoneNote: string | null;
    attendees: { name: string; roleText: string }[];
  } | null;
  goal: PlanGoal | null;
  caseworker: { name: string; phone: string | null; email: string | null; reachableText: string | null } | null;
}

/** The pieces of what the participant sees first: next meeting, the plan's goal and news, whom to call. */
function overviewPieces(participantId: Bound<string>, now: Bound<Date>) {
  return {
    next: mapNested(nextAppointmentPiece(participantId, { now }), (next): Overview["nextAppointment"] =>
      next
        ? {
            id: next.id,
            kind: next.kind,
            title: next.title,
            startsAt: next.startsAt,
            endsAt: next.endsAt,
            mode: next.mode,
            placeName: next.placeName,
            address: next.address,
            phoneNote: next.phoneNote,
            attendees: next.attendees,
          }
        : null,
    ),
    plan: planSummaryPiece(participantId),
    // Who to call: the coordinating caseworker, the same one as on /hjaelp and on the caseworker's side.
    caseworker: coordinatingCaseworkerPiece(participantId),
  };
}

/** What the participant sees first: their next meeting, their goal and next step, and who to call. */
export async function getOverview(participantId: string, now = new Date()): Promise<Overview> {
  const { next, plan, caseworker } = await readTogether(overviewPieces(participantId, now));
  return { nextAppointment: next, goal: plan.goal, caseworker };
}

/** The overview's one statement for "/", built once (db/nested.ts). */
const readOverviewPieces = preparedTogether(["participantId", "now", "personId", "today"], (values) => ({
  ...overviewPieces(values.participantId, values.now),
  preparation: preparationProgressPiece(values.participantId),
  unreadMessages: unreadCountPiece(values.participantId),
  helped: helpedPiece(values.personId, values.today),
  ...checkInPieces(values.participantId, values.today),
}));

/** "/": the cards for a participant (next meeting, plan, preparation, goal, contact, the people they help), or for anyone else only the people they help. */
export async function openOverview(user: CurrentUser, now = new Date()) {
  const base = { firstName: user.firstName, isCaseworker: user.isCaseworker };
  if (!user.participant) return { ...base, helped: await listHelped(user.personId), participant: null, overview: null, planNews: null, preparation: null, unreadMessages: 0, progress: null };
  const today = copenhagenDay(now);
  const { next, plan, caseworker, preparation, unreadMessages, helped, current, reminderDay } = await readOverviewPieces({
    participantId: user.participant.id,
    now,
    personId: user.personId,
    today,
  });
  const progress = checkInStateOf(today, { current, reminderDay });
  return {
    helped,
    ...base,
    participant: { programme: user.participant.programme },
    overview: { nextAppointment: next, goal: plan.goal, caseworker } satisfies Overview,
    planNews: plan.news,
    preparation,
    unreadMessages,
    progress,
  };
}

export type OverviewPageData = Awaited<ReturnType<typeof openOverview>>;
