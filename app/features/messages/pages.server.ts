import { municipalityById } from "~/lib/municipality.server";
import { findOwnAppointment } from "~/features/appointments/index.server";
import { findOwnSubGoalTitle } from "~/features/plan/index.server";
import { findPartForMessage } from "~/features/preparation/index.server";
import { getCoordinatingCaseworker } from "~/lib/contacts.server";
import type { CurrentUser } from "~/lib/auth.server";
import { requestIdOf, type RequestContext } from "~/lib/request.server";
import type { Author } from "./commands.server";
import { getConversation, getDraft, inboxOf } from "./queries.server";
import { nextWorkdays } from "~/lib/workdays";

type Participant = CurrentUser & { participant: NonNullable<CurrentUser["participant"]> };

/** The participant writing in her own conversations. */
export function participantAuthor(context: RequestContext, user: Participant): Author {
  return {
    personId: user.personId,
    participantId: user.participant.id,
    role: "participant",
    name: `${user.firstName} ${user.lastName}`.trim(),
    requestId: requestIdOf(context),
  };
}

/** `/beskeder`: her conversations, who answers, and how soon the municipality promises to. */
export async function messagesPage(user: Participant) {
  const { conversations, caseworker } = await inboxOf(user.participant.id);
  return { conversations, caseworker, answerWorkdays: municipalityById(user.participant.municipalityKey).messageAnswerWorkdays };
}

/** What a new message is about: one of her meetings, a sub-goal of her plan, or a part of her preparation. */
export type About =
  | { kind: "appointment"; appointmentId: string; title: string; startsAt: Date }
  | { kind: "subGoal"; subGoalId: string; title: string }
  | { kind: "preparation"; slug: string; partKey: string; rowId: string | null };

/**
 * Reads what the address or the form names (`moede`, `delmaal`, `forberedelse`). Only her own
 * things: anything else is a plain new message, and nothing about it is revealed.
 */
export async function resolveAbout(participantId: string, named: { appointmentId?: string | null; subGoalId?: string | null; partSlug?: string | null }): Promise<About | null> {
  if (named.appointmentId) {
    const appointment = await findOwnAppointment(participantId, named.appointmentId);
    if (appointment) return { kind: "appointment", appointmentId: appointment.id, title: appointment.title, startsAt: appointment.startsAt };
  }
  if (named.subGoalId) {
    const subGoal = await findOwnSubGoalTitle(participantId, named.subGoalId);
    if (subGoal) return { kind: "subGoal", subGoalId: subGoal.id, title: subGoal.title };
  }
  if (named.partSlug) {
    const part = await findPartForMessage(participantId, named.partSlug);
    if (part) return { kind: "preparation", slug: part.slug, partKey: part.key, rowId: part.rowId };
  }
  return null;
}

/** One draft per thing a new message can be about. */
export function draftKeyFor(about: About | null) {
  if (!about) return "new";
  if (about.kind === "appointment") return `new:appointment:${about.appointmentId}`;
  if (about.kind === "subGoal") return `new:sub-goal:${about.subGoalId}`;
  return `new:preparation:${about.slug}`;
}

/** Where "Tilbage" leads from a new message about something. */
export function aboutHref(about: About) {
  if (about.kind === "appointment") return `/moeder/${about.appointmentId}`;
  if (about.kind === "subGoal") return `/min-plan/delmaal/${about.subGoalId}`;
  return `/forberedelse/${about.slug}`;
}

/** The address of the new-message page for the same thing (after "Gem som kladde"). */
export function aboutQuery(about: About | null) {
  if (!about) return "";
  if (about.kind === "appointment") return `moede=${about.appointmentId}&`;
  if (about.kind === "subGoal") return `delmaal=${about.subGoalId}&`;
  return `forberedelse=${about.slug}&`;
}

/** `/beskeder/ny`, maybe about one of her things (`?moede=<id>`, `?delmaal=<id>`, `?forberedelse=<del>`). */
export async function newMessagePage(user: Participant, search: URLSearchParams) {
  const about = await resolveAbout(user.participant.id, {
    appointmentId: search.get("moede"),
    subGoalId: search.get("delmaal"),
    partSlug: search.get("forberedelse"),
  });
  const draftKey = draftKeyFor(about);
  const [caseworker, draft] = await Promise.all([getCoordinatingCaseworker(user.participant.id), getDraft(user.personId, draftKey)]);
  return {
    about,
    backHref: about ? aboutHref(about) : "/beskeder",
    draftKey,
    draft,
    caseworker,
    answerWorkdays: municipalityById(user.participant.municipalityKey).messageAnswerWorkdays,
    submissionId: crypto.randomUUID(),
  };
}

/** `/beskeder/ring-mig-op`: the next working days to choose from, and her number if we have it. */
export async function callbackPage(user: Participant, phone: string | null, now = new Date()) {
  const caseworker = await getCoordinatingCaseworker(user.participant.id);
  return { caseworker, days: nextWorkdays(now, 5), phone, submissionId: crypto.randomUUID() };
}

/** One conversation of hers, with her draft reply; null when it is not hers. */
export async function conversationPage(user: Participant, conversationId: string) {
  const conversation = await getConversation(user.participant.id, conversationId);
  if (!conversation) return null;
  const [caseworker, draft] = await Promise.all([getCoordinatingCaseworker(user.participant.id), getDraft(user.personId, conversationId)]);
  return { conversation, caseworker, draft, submissionId: crypto.randomUUID() };
}
