import { newFeedTokenCookie } from "./calendar.server";
import { getActiveFeed, getAppointmentPage, hashFeedToken, practicalDetails } from "./queries.server";
import { publicOrigin } from "~/lib/env.server";

/** What the meeting pages read for the signed-in participant (loaders stay thin). Null: not theirs. */

/** /moeder/:id: the meeting, who comes, the participant's preparation and any "kan ikke komme". */
export async function appointmentPage(participantId: string, appointmentId: string, url: URL, now = new Date()) {
  const page = await getAppointmentPage(participantId, appointmentId, now);
  if (!page) return null;
  const { appointment } = page;
  return {
    now,
    justSaved: url.searchParams.has("gemt"),
    appointment: {
      id: appointment.id,
      kind: appointment.kind,
      title: appointment.title,
      purpose: appointment.purpose,
      ...practicalDetails(appointment),
      status: appointment.status,
      absenceSentAt: page.absence?.createdAt ?? null,
    },
    attendees: page.attendees,
    preparation: page.preparation,
    absence: page.absence,
    caseworker: page.caseworker,
    isPast: page.isPast,
    absenceState: page.absenceState,
  };
}

/** /moeder/:id/kan-ikke-komme: the meeting in short, whether a notice can still be sent, and who to call. */
export async function absencePage(participantId: string, appointmentId: string, now = new Date()) {
  const page = await getAppointmentPage(participantId, appointmentId, now);
  if (!page) return null;
  const { appointment } = page;
  return {
    now,
    appointment: {
      id: appointment.id,
      kind: appointment.kind,
      title: appointment.title,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      mode: appointment.mode,
      placeName: appointment.placeName,
      address: appointment.address,
    },
    state: page.absenceState,
    isPast: page.isPast,
    lastNoticeAt: page.absence?.createdAt ?? null,
    caseworker: page.caseworker,
  };
}

/**
 * /moeder/kalender: whether a feed is active, and its address only right after it was made (the
 * database keeps just its hash; the address comes back once, in a short-lived cookie).
 */
export async function calendarFeedPage(participantId: string, request: Request) {
  const feed = await getActiveFeed(participantId);
  const token: unknown = await newFeedTokenCookie.parse(request.headers.get("Cookie"));
  const fresh = feed && typeof token === "string" && hashFeedToken(token) === feed.tokenHash ? token : null;
  const address = fresh ? `${publicOrigin(request)}/kalender/${fresh}/moeder.ics` : null;
  return {
    feed: feed ? { createdAt: feed.createdAt } : null,
    address,
    revoked: !feed && new URL(request.url).searchParams.has("stoppet"),
  };
}
