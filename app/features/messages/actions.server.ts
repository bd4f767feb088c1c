import type { CurrentUser } from "~/lib/auth.server";
import type { RequestContext } from "~/lib/request.server";
import { findOwnAppointment, moveToAgreedTime } from "~/features/appointments/index.server";
import { answerProposal, saveDraft, startConversation, writeMessage } from "./commands.server";
import { getConversation } from "./queries.server";
import { aboutQuery, draftKeyFor, participantAuthor, resolveAbout } from "./pages.server";
import { callbackSchema, hasText, newConversationSchema, proposalAnswerSchema, replySchema } from "./schema";
import { nextWorkdays } from "~/lib/workdays";

type Participant = CurrentUser & { participant: NonNullable<CurrentUser["participant"]> };

/** What a form's action answers: go on (redirect after POST), or the page again with what was typed. */
export type FormOutcome =
  | { kind: "redirect"; to: string }
  | { kind: "page"; status: number; body: FormAnswer };

export interface FormAnswer {
  /** Translation keys per field, in the order the fields stand. */
  errors: Partial<Record<"subject" | "body" | "day" | "window" | "phone" | "about", string>>;
  values: Record<string, string>;
  draftSavedAt?: string;
  refused?: "already_answered" | "cannot_move" | null;
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function firstErrors(issues: { path: PropertyKey[]; message: string }[]) {
  const errors: FormAnswer["errors"] = {};
  for (const issue of issues) {
    const field = String(issue.path[0]) as keyof FormAnswer["errors"];
    errors[field] ??= issue.message;
  }
  return errors;
}

/** `/beskeder/ny`: send the first message, keep it as a draft, or (with JavaScript) autosave it. */
export async function sendNewMessage(context: RequestContext, user: Participant, formData: FormData): Promise<FormOutcome> {
  const values = { subject: text(formData, "subject"), body: text(formData, "body") };
  const intent = text(formData, "intent");
  const parsed = newConversationSchema.safeParse({ ...Object.fromEntries(formData), intent: intent === "autosave" ? "draft" : intent || undefined });
  if (!parsed.success) return { kind: "page", status: 400, body: { errors: firstErrors(parsed.error.issues), values } };
  const input = parsed.data;
  // Only her own things can be named; anything else is a plain message.
  const about = await resolveAbout(user.participant.id, {
    appointmentId: input.appointmentId,
    subGoalId: input.subGoalId,
    partSlug: input.preparationPart,
  });
  const draftKey = draftKeyFor(about);
  if (intent === "autosave" || intent === "draft") {
    const saved = await saveDraft(user.personId, user.participant.id, draftKey, { subject: input.subject, body: input.body });
    if (intent === "draft") return { kind: "redirect", to: `/beskeder/ny?${aboutQuery(about)}kladde=gemt` };
    return { kind: "page", status: 200, body: { errors: {}, values, draftSavedAt: saved.status === "saved" ? saved.savedAt.toISOString() : undefined } };
  }
  const errors: FormAnswer["errors"] = {};
  if (!hasText(input.subject)) errors.subject = "messages:errors.subjectRequired";
  if (!hasText(input.body)) errors.body = "messages:errors.bodyRequired";
  if (Object.keys(errors).length > 0) return { kind: "page", status: 400, body: { errors, values } };
  const started = await startConversation(participantAuthor(context, user), {
    topic: about?.kind === "appointment" ? "appointment" : about?.kind === "subGoal" ? "plan" : about?.kind === "preparation" ? "preparation" : "general",
    subject: input.subject,
    body: input.body,
    submissionId: input.submissionId,
    appointmentId: about?.kind === "appointment" ? about.appointmentId : null,
    subGoalId: about?.kind === "subGoal" ? about.subGoalId : null,
    preparationPartId: about?.kind === "preparation" ? about.rowId : null,
    draftKey,
  });
  return { kind: "redirect", to: `/beskeder/${started.conversationId}?sendt=1` };
}

/** `/beskeder/:id`: a reply, a draft of one, or her answer to a proposed new time. */
export async function replyInConversation(
  context: RequestContext,
  user: Participant,
  conversationId: string,
  formData: FormData,
): Promise<FormOutcome> {
  const intent = text(formData, "intent");
  if (intent === "accept" || intent === "decline") return answerNewTime(context, user, conversationId, formData);
  const values = { body: text(formData, "body") };
  const parsed = replySchema.safeParse({ ...Object.fromEntries(formData), intent: intent === "autosave" ? "draft" : intent || undefined });
  if (!parsed.success) return { kind: "page", status: 400, body: { errors: firstErrors(parsed.error.issues), values } };
  if (intent === "autosave" || intent === "draft") {
    const saved = await saveDraft(user.personId, user.participant.id, conversationId, { body: parsed.data.body });
    if (intent === "draft") return { kind: "redirect", to: `/beskeder/${conversationId}?kladde=gemt#svar` };
    return { kind: "page", status: 200, body: { errors: {}, values, draftSavedAt: saved.status === "saved" ? saved.savedAt.toISOString() : undefined } };
  }
  if (!hasText(parsed.data.body)) return { kind: "page", status: 400, body: { errors: { body: "messages:errors.bodyRequired" }, values } };
  const written = await writeMessage(participantAuthor(context, user), conversationId, {
    body: parsed.data.body,
    submissionId: parsed.data.submissionId,
  });
  if (written.status === "not_found") throw new Response(null, { status: 404 });
  return { kind: "redirect", to: `/beskeder/${conversationId}?sendt=1#seneste` };
}

async function answerNewTime(context: RequestContext, user: Participant, conversationId: string, formData: FormData, now = new Date()): Promise<FormOutcome> {
  const parsed = proposalAnswerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response(null, { status: 400 });
  if (parsed.data.intent === "accept") {
    // A yes must move the meeting: not when it is cancelled or held, or the time has passed.
    const conversation = await getConversation(user.participant.id, conversationId);
    if (!conversation) throw new Response(null, { status: 404 });
    const proposal = conversation.proposals.find((entry) => entry.id === parsed.data.proposalId);
    const meeting = conversation.appointmentId ? await findOwnAppointment(user.participant.id, conversation.appointmentId) : null;
    if (proposal?.status === "proposed" && (!meeting || meeting.status === "cancelled" || meeting.status === "held" || proposal.startsAt <= now)) {
      return { kind: "page", status: 409, body: { errors: {}, values: {}, refused: "cannot_move" } };
    }
  }
  const answer = await answerProposal(participantAuthor(context, user), conversationId, {
    proposalId: parsed.data.proposalId,
    accept: parsed.data.intent === "accept",
  });
  if (answer.status === "not_found") throw new Response(null, { status: 404 });
  if (answer.status === "already_answered") return { kind: "page", status: 409, body: { errors: {}, values: {}, refused: "already_answered" } };
  if (answer.status === "accepted") {
    const moved = await moveToAgreedTime(
      { personId: user.personId, participantId: user.participant.id, requestId: participantAuthor(context, user).requestId },
      answer.appointmentId,
      { startsAt: answer.startsAt, endsAt: answer.endsAt },
    );
    // Checked above; changed in the same moment by someone else: nothing is kept (the request's
    // transaction rolls back) rather than a yes to a meeting that did not move.
    if (moved.status !== "moved") throw new Error("an accepted time could not move the meeting");
  }
  return { kind: "redirect", to: `/beskeder/${conversationId}?svar=${answer.status === "accepted" ? "ja" : "nej"}` };
}

/** `/beskeder/ring-mig-op`: a request to be called on one of the next working days. */
export async function requestCallback(context: RequestContext, user: Participant, formData: FormData, now = new Date()): Promise<FormOutcome> {
  const values = { day: text(formData, "day"), window: text(formData, "window"), phone: text(formData, "phone"), about: text(formData, "about") };
  const parsed = callbackSchema.safeParse(Object.fromEntries(formData));
  const errors = parsed.success ? {} : firstErrors(parsed.error.issues);
  // Only a day the page offered: a working day, soon.
  if (parsed.success && !nextWorkdays(now, 5).includes(parsed.data.day)) errors.day = "messages:callback.errors.dayRequired";
  if (!parsed.success || Object.keys(errors).length > 0) return { kind: "page", status: 400, body: { errors, values } };
  const input = parsed.data;
  await startConversation(participantAuthor(context, user), {
    topic: "callback",
    subject: "Ring mig op",
    body: input.about,
    submissionId: input.submissionId,
    callback: { on: input.day, window: input.window, phone: input.phone },
  });
  return { kind: "redirect", to: "/beskeder?sendt=ring-op" };
}
