import { findNextAppointment } from "~/features/appointments/index.server";
import { getContacts, getPlanGoal, getPlanNews, type PlanGoal } from "~/features/plan/index.server";
import { getPreparation } from "~/features/preparation/index.server";
import { checkInState } from "~/features/progress/index.server";
import { unreadCount } from "~/features/messages/index.server";
import { listHelped } from "~/features/relatives/index.server";
import type { CurrentUser } from "~/lib/auth.server";

// The overview owns no tables: it shows what the other areas say, asked through their faces.

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

/** What the participant sees first: their next meeting, their goal and next step, and who to call. */
export async function getOverview(participantId: string, now = new Date()): Promise<Overview> {
  const [next, goal, contacts] = await Promise.all([
    findNextAppointment(participantId, { now }),
    getPlanGoal(participantId),
    getContacts(participantId),
  ]);
  // The coordinating caseworker (the primary one first): who to call.
  const caseworker = contacts.find((contact) => contact.role === "koordinerende_sagsbehandler");
  return {
    nextAppointment: next
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
    goal,
    caseworker: caseworker
      ? { name: caseworker.name, phone: caseworker.phone, email: caseworker.email, reachableText: caseworker.reachableText }
      : null,
  };
}

/** "/": the cards for a participant (next meeting, plan, preparation, goal, contact, the people they help), or for anyone else only the people they help. */
export async function openOverview(user: CurrentUser) {
  const helped = await listHelped(user.personId);
  const base = { firstName: user.firstName, isCaseworker: user.isCaseworker, helped };
  if (!user.participant) return { ...base, participant: null, overview: null, planNews: null, preparation: null, unreadMessages: 0, progress: null };
  const participantId = user.participant.id;
  const overview = await getOverview(participantId);
  const planNews = await getPlanNews(participantId);
  const { parts } = await getPreparation(participantId);
  const unreadMessages = await unreadCount(participantId);
  const progress = await checkInState(participantId);
  return {
    ...base,
    participant: { programme: user.participant.programme },
    overview,
    planNews,
    preparation: { done: parts.filter((part) => part.status === "done").length, total: parts.length },
    unreadMessages,
    progress,
  };
}

export type OverviewPageData = Awaited<ReturnType<typeof openOverview>>;
