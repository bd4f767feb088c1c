import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import {
  absenceNotices,
  appointmentAttendees,
  appointmentPreparations,
  appointments,
  calendarFeeds,
} from "../../../db/schema/appointments";

/**
 * Everything the appointments area holds about one participant, for "Mine data" (issue 22):
 * every meeting (past, cancelled and coming) with who attends, her own notes and questions,
 * her "Jeg kan ikke komme" notices, and whether she has a calendar link (never its secret).
 */
export async function exportAppointmentsFor(participantId: string) {
  const database = await db();
  const meetings = await database
    .select()
    .from(appointments)
    .where(eq(appointments.participantId, participantId))
    .orderBy(asc(appointments.startsAt));
  const ids = meetings.map((meeting) => meeting.id);
  const [attendees, preparations, notices, feeds] = await Promise.all([
    ids.length
      ? database.select().from(appointmentAttendees).where(inArray(appointmentAttendees.appointmentId, ids)).orderBy(asc(appointmentAttendees.sortOrder))
      : [],
    ids.length ? database.select().from(appointmentPreparations).where(inArray(appointmentPreparations.appointmentId, ids)) : [],
    ids.length ? database.select().from(absenceNotices).where(inArray(absenceNotices.appointmentId, ids)).orderBy(asc(absenceNotices.createdAt)) : [],
    database
      .select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.participantId, participantId))
      .orderBy(asc(calendarFeeds.createdAt)),
  ]);
  return {
    meetings: meetings.map((meeting) => {
      const own = preparations.find((row) => row.appointmentId === meeting.id);
      return {
        kind: meeting.kind,
        title: meeting.title,
        purpose: meeting.purpose,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        mode: meeting.mode,
        placeName: meeting.placeName,
        address: meeting.address,
        directions: meeting.directions,
        phoneNote: meeting.phoneNote,
        videoNote: meeting.videoNote,
        bringItems: meeting.bringItems,
        supportPersonAllowed: meeting.supportPersonAllowed,
        afterwards: meeting.afterwards,
        status: meeting.status,
        attendees: attendees.filter((row) => row.appointmentId === meeting.id).map((row) => ({ name: row.name, roleText: row.roleText })),
        yourNotes: own?.notes ?? null,
        yourQuestions: own?.questions ?? null,
        yourNotesUpdatedAt: own?.updatedAt ?? null,
        cannotCome: notices
          .filter((row) => row.appointmentId === meeting.id)
          .map((row) => ({ reason: row.reason, wishForNewTime: row.wishForNewTime, createdAt: row.createdAt })),
      };
    }),
    calendarLinks: feeds,
  };
}

export type AppointmentsExport = Awaited<ReturnType<typeof exportAppointmentsFor>>;

const ownMeetings = (participantId: string) =>
  sql`${appointmentPreparations.appointmentId} in (select ${appointments.id} from ${appointments} where ${appointments.participantId} = ${participantId})`;
const written = or(
  and(isNotNull(appointmentPreparations.notes), sql`${appointmentPreparations.notes} <> ''`),
  and(isNotNull(appointmentPreparations.questions), sql`${appointmentPreparations.questions} <> ''`),
);

/** How many meetings carry her own notes or questions (what "Mine data" offers to delete). */
export async function countMeetingNotes(participantId: string): Promise<number> {
  const database = await db();
  const [row] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(appointmentPreparations)
    .where(and(ownMeetings(participantId), written));
  return row?.n ?? 0;
}

/**
 * Deletes her own notes and questions for every meeting, in the caller's transaction. The
 * meetings themselves and her "Jeg kan ikke komme" notices (sent to the municipality) stay.
 * Returns how many meetings had some.
 */
export async function deleteMeetingNotes(tx: Transaction, participantId: string): Promise<number> {
  const deleted = await tx
    .delete(appointmentPreparations)
    .where(ownMeetings(participantId))
    .returning({ id: appointmentPreparations.appointmentId, notes: appointmentPreparations.notes, questions: appointmentPreparations.questions });
  return deleted.filter((row) => (row.notes ?? "") !== "" || (row.questions ?? "") !== "").length;
}
