import type { Route } from "./+types/relatives-shared-appointment";
import { getAppointmentPage } from "~/features/appointments/index.server";
import { aboutParticipant } from "~/lib/addressee";
import { notFound } from "~/lib/auth.server";
import { openSharedView } from "../access.server";
import { participantName } from "../queries.server";
import { SharedAppointmentPage } from "../SharedAppointmentPage";
import { getPublishedSummary } from "~/features/summaries/index.server";

/**
 * One meeting, read-only: what, when, where, who comes, what to bring. The participant's own
 * notes and questions and any "I cannot come" message are never sent to the relative.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, grant, participantId, viewed } = await openSharedView(request, params.participantId, "appointments", "appointment", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const now = new Date();
  const page = await getAppointmentPage(participantId, params.id, now);
  if (!page) throw notFound();
  // "Det aftalte vi" (issue 22), read-only; her "husker det anderledes" notes only with the messages scope.
  const published = page.isPast ? await getPublishedSummary(participantId, page.appointment.id) : null;
  const seesMessages = grant.scopes.includes("messages");
  await viewed();
  const { appointment } = page;
  // The jobcentre wrote these to the participant ("Dine noter …", "Din mentor"): worded about her.
  const about = (text: string) => aboutParticipant(text, person.firstName);
  return {
    now,
    participantId,
    firstName: person.firstName,
    fullName: `${person.firstName} ${person.lastName}`,
    bisidder: grant.bisidderAppointmentIds.includes(appointment.id),
    isPast: page.isPast,
    appointment: {
      id: appointment.id,
      kind: appointment.kind,
      title: appointment.title,
      purpose: about(appointment.purpose),
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      mode: appointment.mode,
      placeName: appointment.placeName,
      address: appointment.address,
      directions: appointment.directions && about(appointment.directions),
      phoneNote: appointment.phoneNote && about(appointment.phoneNote),
      videoNote: appointment.videoNote && about(appointment.videoNote),
      bringItems: appointment.bringItems.map(about),
      supportPersonAllowed: appointment.supportPersonAllowed,
      status: appointment.status,
    },
    attendees: page.attendees.map((attendee) => ({ ...attendee, roleText: about(attendee.roleText) })),
    summary: published && {
      view: { ...published, recollections: seesMessages ? published.recollections : [] },
      readerPersonId: user.personId,
      seesPlan: grant.scopes.includes("plan"),
      seesMessages,
      mayRemember: seesMessages && grant.mayWriteMessages,
    },
  };
}

export default function SharedAppointmentRoute({ loaderData }: Route.ComponentProps) {
  return <SharedAppointmentPage loaderData={loaderData} />;
}
