import { data, redirect } from "react-router";
import type { Route } from "./+types/appointment";
import { parseSubmission } from "~/components/form/submission.server";
import { AppointmentPage } from "../AppointmentPage";
import { savePreparation } from "../commands.server";
import { appointmentPage } from "../pages.server";
import { findOwnAppointment, isAppointmentId } from "../queries.server";
import { keepSavedSchema, preparationSchema } from "../schema";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { participantActor } from "~/lib/actor.server";
import { MeetingSummary } from "~/features/summaries";
import { getPublishedSummary } from "~/features/summaries/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const page = await appointmentPage(user.participant.id, params.id, new URL(request.url));
  if (!page) throw notFound();
  // "Det aftalte vi" (issue 22): the published summary of a past meeting, never a draft.
  const summary = page.isPast ? await getPublishedSummary(user.participant.id, page.appointment.id) : null;
  return { ...page, summary, readerPersonId: user.personId };
}

/** Saves the participant's notes and questions; a stale version shows both texts (409). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  if (!isAppointmentId(params.id)) throw notFound();
  const formData = await request.formData();
  const page = `/moeder/${params.id}`;
  if (parseSubmission(formData, { schema: keepSavedSchema }).status === "success") {
    // Nothing to write: the saved text stays. Still only for the participant's own meeting.
    if (!(await findOwnAppointment(user.participant.id, params.id))) throw notFound();
    return redirect(`${page}#forberedelse`);
  }
  const submission = parseSubmission(formData, { schema: preparationSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const { notes, questions, version } = submission.value;
  const result = await savePreparation(participantActor(context, user), params.id, { notes, questions, version });
  if (result.status === "not_found") throw notFound();
  if (result.status === "conflict") {
    return data({ result: submission.reply(), conflict: { saved: result.saved, mine: { notes, questions } } }, { status: 409 });
  }
  return redirect(`${page}?gemt=1#forberedelse`);
}

export default function AppointmentRoute({ loaderData, actionData }: Route.ComponentProps) {
  const { summary, readerPersonId } = loaderData;
  return (
    <AppointmentPage
      loaderData={loaderData}
      actionData={actionData}
      summary={
        summary ? (
          <MeetingSummary
            summary={summary}
            readerPersonId={readerPersonId}
            planHref={(item) => (item.kind === "subGoal" ? `/min-plan/delmaal/${item.id}` : "/min-plan")}
            rememberHref={(pointId) => `/moeder/${loaderData.appointment.id}/referat/${pointId}`}
            conversationHref={(conversationId) => `/beskeder/${conversationId}`}
          />
        ) : null
      }
    />
  );
}
