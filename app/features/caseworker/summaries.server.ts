import { and, desc, eq, lt, ne } from "drizzle-orm";
import { db } from "../../../db/client";
import { summaryStates, type SummaryState } from "~/features/summaries/index.server";
import { findMyParticipant } from "./queries.server";
import { cwAppointments } from "./views.server";

/**
 * "Referat efter samtalen" (issue 22) on her pages: which of her participant's meetings are over
 * (read through the caseworker views, as the briefing does), and each one's summary state (the
 * summaries area's face). Null for anyone she does not coordinate, as everywhere (404).
 */

export interface PastMeeting {
  id: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  summary: SummaryState | null;
}

const meetingColumns = {
  id: cwAppointments.appointmentId,
  title: cwAppointments.title,
  kind: cwAppointments.kind,
  startsAt: cwAppointments.startsAt,
  endsAt: cwAppointments.endsAt,
};

/** Her participant's meetings that have begun and were not cancelled, newest first, with their summaries. */
export async function pastMeetingsOf(caseworkerPersonId: string, participantId: string | undefined, now = new Date()) {
  const participant = await findMyParticipant(caseworkerPersonId, participantId);
  if (!participant) return null;
  const database = await db();
  const meetings = await database
    .select(meetingColumns)
    .from(cwAppointments)
    .where(and(eq(cwAppointments.participantId, participant.participantId), lt(cwAppointments.startsAt, now), ne(cwAppointments.status, "cancelled")))
    .orderBy(desc(cwAppointments.startsAt))
    .limit(50);
  const states = await summaryStates(participant.participantId, meetings.map((meeting) => meeting.id));
  return {
    participant: { id: participant.participantId, firstName: participant.firstName, name: `${participant.firstName} ${participant.lastName}` },
    meetings: meetings.map((meeting): PastMeeting => ({ ...meeting, summary: states.get(meeting.id) ?? null })),
  };
}

/** One past meeting of her participant, or null (not hers, not begun, cancelled, unknown). */
export async function myPastMeeting(caseworkerPersonId: string, participantId: string | undefined, appointmentId: string | undefined, now = new Date()) {
  const participant = await findMyParticipant(caseworkerPersonId, participantId);
  if (!participant || !appointmentId || !/^[0-9a-f-]{36}$/i.test(appointmentId)) return null;
  const database = await db();
  const [meeting] = await database
    .select(meetingColumns)
    .from(cwAppointments)
    .where(
      and(
        eq(cwAppointments.appointmentId, appointmentId),
        eq(cwAppointments.participantId, participant.participantId),
        lt(cwAppointments.startsAt, now),
        ne(cwAppointments.status, "cancelled"),
      ),
    );
  if (!meeting) return null;
  return {
    participant: { id: participant.participantId, firstName: participant.firstName, name: `${participant.firstName} ${participant.lastName}` },
    meeting,
  };
}
