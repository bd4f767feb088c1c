import { config } from "../../../server/config.js";
import { findOwnAppointment } from "~/features/appointments/index.server";
import { getCoordinatingCaseworker } from "~/lib/contacts.server";
import type { CurrentUser } from "~/lib/auth.server";
import { requestIdOf, type RequestContext } from "~/lib/request.server";
import type { Author } from "./commands.server";
import { getConversation, getDraft, listConversations } from "./queries.server";
import { nextWorkdays } from "./workdays";

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
  const [conversations, caseworker] = await Promise.all([
    listConversations(user.participant.id),
    getCoordinatingCaseworker(user.participant.id),
  ]);
  return { conversations, caseworker, answerWorkdays: config().messageAnswerWorkdays };
}

/** What a new message may be tied to, read from the page's address (`?moede=<id>`). */
export async function newMessagePage(user: Participant, search: URLSearchParams) {
  const appointmentId = search.get("moede");
  const appointment = appointmentId ? await findOwnAppointment(user.participant.id, appointmentId) : null;
  // An address naming someone else's meeting (or none) is a plain new message: nothing is revealed.
  const about = appointment ? { appointmentId: appointment.id, title: appointment.title, startsAt: appointment.startsAt } : null;
  const draftKey = about ? `new:appointment:${about.appointmentId}` : "new";
  const [caseworker, draft] = await Promise.all([getCoordinatingCaseworker(user.participant.id), getDraft(user.personId, draftKey)]);
  return {
    about,
    draftKey,
    draft,
    caseworker,
    answerWorkdays: config().messageAnswerWorkdays,
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
