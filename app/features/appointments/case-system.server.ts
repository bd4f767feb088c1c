import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { absenceNotices, appointmentAttendees, appointments } from "../../../db/schema/appointments";
import { recordAudit } from "~/lib/audit.server";

/**
 * Meetings as the municipality's case system writes them (the API, app/features/api, issue 20):
 * create, move and cancel, each in one transaction with an audit row `case_system.appointment_*`
 * without an actor person (it becomes an event, migration 0030). A meeting's version is its
 * `sequence`, which the database raises on every change a calendar shows (migration 0017): moving
 * or cancelling names the sequence it was read at, and another one is refused as stale. Nothing is
 * ever deleted: a cancelled meeting stays, saying so. Queries run on the command's own transaction.
 */

type AppointmentRow = typeof appointments.$inferSelect;
export type MeetingKind = AppointmentRow["kind"];
export type MeetingMode = AppointmentRow["mode"];

export interface MeetingPlace {
  mode: MeetingMode;
  placeName: string | null;
  address: string | null;
  directions: string | null;
  phoneNote: string | null;
  videoNote: string | null;
}

export interface MeetingInput extends MeetingPlace {
  kind: MeetingKind;
  title: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  bringItems: string[];
  /** Whether a bisidder may come. */
  supportPersonAllowed: boolean;
  afterwards: string | null;
  attendees: { name: string; roleText: string }[];
}

export interface CaseSystemMeeting extends MeetingInput {
  appointmentId: string;
  participantId: string;
  status: AppointmentRow["status"];
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingWriter {
  details: Record<string, unknown>;
  requestId: string | null;
}

async function meetingOf(tx: Transaction, participantId: string, appointmentId: string, lock = false): Promise<CaseSystemMeeting | null> {
  const query = tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.participantId, participantId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const attendees = await tx
    .select({ name: appointmentAttendees.name, roleText: appointmentAttendees.roleText })
    .from(appointmentAttendees)
    .where(eq(appointmentAttendees.appointmentId, row.id))
    .orderBy(asc(appointmentAttendees.sortOrder), asc(appointmentAttendees.name));
  return {
    appointmentId: row.id,
    participantId: row.participantId,
    kind: row.kind,
    title: row.title,
    purpose: row.purpose,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    mode: row.mode,
    placeName: row.placeName,
    address: row.address,
    directions: row.directions,
    phoneNote: row.phoneNote,
    videoNote: row.videoNote,
    bringItems: row.bringItems,
    supportPersonAllowed: row.supportPersonAllowed,
    afterwards: row.afterwards,
    attendees,
    status: row.status,
    sequence: row.sequence,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One of the participant's meetings as the case system reads it, or null (not hers, unknown). */
export async function readMeeting(participantId: string, appointmentId: string): Promise<CaseSystemMeeting | null> {
  const database = await db();
  return database.transaction((tx) => meetingOf(tx, participantId, appointmentId));
}

/** Books a meeting with its attendees. */
export async function createMeeting(participantId: string, input: MeetingInput, writer: MeetingWriter): Promise<CaseSystemMeeting> {
  const database = await db();
  return database.transaction(async (tx) => {
    const { attendees, ...values } = input;
    const appointmentId = randomUUID();
    await tx.insert(appointments).values({ ...values, id: appointmentId, participantId, status: "planned" });
    if (attendees.length) {
      await tx.insert(appointmentAttendees).values(attendees.map((attendee, index) => ({ ...attendee, appointmentId, sortOrder: index + 1 })));
    }
    const meeting = (await meetingOf(tx, participantId, appointmentId))!;
    await recordAudit(tx, {
      actorPersonId: null,
      participantId,
      action: "case_system.appointment_created",
      details: { ...writer.details, appointmentId, sequence: meeting.sequence },
      requestId: writer.requestId,
    });
    return meeting;
  });
}

export type ChangeMeetingResult =
  | { status: "moved" | "cancelled"; meeting: CaseSystemMeeting }
  | { status: "not_found" }
  /** If-Match names another sequence: 412. */
  | { status: "stale"; currentSequence: number }
  /** Cancelled or held: it cannot be moved or cancelled again (409). */
  | { status: "closed"; meetingStatus: "cancelled" | "held" };

async function change(
  participantId: string,
  appointmentId: string,
  expectedSequence: number,
  writer: MeetingWriter,
  apply: (tx: Transaction, meeting: CaseSystemMeeting) => Promise<"moved" | "cancelled">,
): Promise<ChangeMeetingResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const current = await meetingOf(tx, participantId, appointmentId, true);
    if (!current) return { status: "not_found" } as const;
    if (current.sequence !== expectedSequence) return { status: "stale", currentSequence: current.sequence } as const;
    if (current.status === "cancelled" || current.status === "held") return { status: "closed", meetingStatus: current.status } as const;
    const status = await apply(tx, current);
    const meeting = (await meetingOf(tx, participantId, appointmentId))!;
    await recordAudit(tx, {
      actorPersonId: null,
      participantId,
      action: status === "moved" ? "case_system.appointment_moved" : "case_system.appointment_cancelled",
      details: { ...writer.details, appointmentId, sequence: meeting.sequence },
      requestId: writer.requestId,
    });
    return { status, meeting } as const;
  });
}

/**
 * Moves a meeting to a new time (and, when given, a new place): it says "Ny tid" to the
 * participant, her calendar updates, and reminders for the old time are dropped.
 */
export function moveMeeting(
  participantId: string,
  appointmentId: string,
  expectedSequence: number,
  to: { startsAt: Date; endsAt: Date } & Partial<MeetingPlace>,
  writer: MeetingWriter,
): Promise<ChangeMeetingResult> {
  return change(participantId, appointmentId, expectedSequence, writer, async (tx) => {
    const place = Object.fromEntries(Object.entries(to).filter(([, value]) => value !== undefined));
    await tx
      .update(appointments)
      .set({ ...place, status: "moved" })
      .where(eq(appointments.id, appointmentId));
    return "moved";
  });
}

/** Cancels a meeting: it stays, saying "Aflyst", and leaves her calendar. */
export function cancelMeeting(participantId: string, appointmentId: string, expectedSequence: number, writer: MeetingWriter): Promise<ChangeMeetingResult> {
  return change(participantId, appointmentId, expectedSequence, writer, async (tx) => {
    await tx.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, appointmentId));
    return "cancelled";
  });
}

/** A "Jeg kan ikke komme" of the participant, with its meeting's title, or null. */
export async function findAbsenceNotice(participantId: string, noticeId: string) {
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx
      .select({
        noticeId: absenceNotices.id,
        appointmentId: absenceNotices.appointmentId,
        title: appointments.title,
        reason: absenceNotices.reason,
        wishForNewTime: absenceNotices.wishForNewTime,
      })
      .from(absenceNotices)
      .innerJoin(appointments, eq(appointments.id, absenceNotices.appointmentId))
      .where(and(eq(absenceNotices.id, noticeId), eq(appointments.participantId, participantId)));
    return row ?? null;
  });
}
