import { data, redirect } from "react-router";
import type { Route } from "./+types/appointment-absence";
import { parseSubmission } from "~/components/form/submission.server";
import { AbsencePage } from "../AbsencePage";
import { recordAbsenceNotice } from "../commands.server";
import { absencePage } from "../pages.server";
import { getAppointmentPage, isAppointmentId } from "../queries.server";
import { absenceSchema } from "../schema";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { openAbsenceConversation, participantAuthor } from "~/features/messages/index.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const page = await absencePage(user.participant.id, params.id);
  if (!page) throw notFound();
  return page;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  if (!isAppointmentId(params.id)) throw notFound();
  const formData = await request.formData();
  const page = await getAppointmentPage(user.participant.id, params.id);
  if (!page) throw notFound();
  const submission = parseSubmission(formData, { schema: absenceSchema });
  // A meeting that has started, is over or is cancelled: refused, whatever was typed.
  if (page.absenceState !== "open") {
    return data({ result: null, refused: page.absenceState }, { status: 409 });
  }
  if (submission.status !== "success") {
    return data({ result: submission.reply(), refused: null }, { status: 400 });
  }
  const result = await recordAbsenceNotice(participantActor(context, user), params.id, submission.value);
  if (result.status === "not_found") throw notFound();
  if (result.status === "past" || result.status === "cancelled") {
    return data({ result: null, refused: result.status }, { status: 409 });
  }
  // The notice also opens a conversation, where she sees it read and answered.
  const conversation = await openAbsenceConversation(participantAuthor(context, user), {
    noticeId: result.noticeId,
    appointmentId: params.id,
    title: page.appointment.title,
    reason: submission.value.reason,
    wish: submission.value.wish,
  });
  return redirect(`/beskeder/${conversation.conversationId}?sendt=fravaer`);
}

export default function AbsenceRoute({ loaderData, actionData }: Route.ComponentProps) {
  return <AbsencePage loaderData={loaderData} actionData={actionData} />;
}
