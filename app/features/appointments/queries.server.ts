import { createHash } from "node:crypto";
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lte, sql, type SQLWrapper } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { nestedRow, nestedRows, nestedTime, preparedTogether, readTogether, type Bound } from "../../../db/nested";
import {
  absenceNotices,
  appointmentAttendees,
  appointmentPreparations,
  appointments,
  calendarFeeds,
} from "../../../db/schema/appointments";
import { coordinatingCaseworkerPiece, type CaseworkerContact } from "~/lib/contacts.server";

/** Who to call when something is urgent: the coordinating caseworker (app/lib/contacts.server.ts). */
export type Contact = CaseworkerContact;
import { isUuid } from "~/lib/ids";


/** A malformed id is "not found" too, and never reaches the database as a cast error. */
export const isAppointmentId = isUuid;

export type AppointmentKind = (typeof appointments.$inferSelect)["kind"];
export type AppointmentMode = (typeof appointments.$inferSelect)["mode"];
export type AppointmentStatus = (typeof appointments.$inferSelect)["status"];

export interface AppointmentListItem {
  id: string;
  kind: AppointmentKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: AppointmentMode;
  placeName: string | null;
  address: string | null;
  status: AppointmentStatus;
  /** When the participant last said "Jeg kan ikke komme" for this meeting. */
  absenceSentAt: Date | null;
}

const listColumns = {
  id: appointments.id,
  kind: appointments.kind,
  title: appointments.title,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  mode: appointments.mode,
  placeName: appointments.placeName,
  address: appointments.address,
  status: appointments.status,
};

/** When the participant last said "Jeg kan ikke komme" for the meeting of the row, or null. */
const absenceSentAt = nestedTime(sql`(select max(${absenceNotices.createdAt}) from ${absenceNotices} where ${absenceNotices.appointmentId} = ${appointments.id})`);

/** A list of the participant's meetings, each with its latest "cannot come": one statement, built once. */
function appointmentList(ahead: boolean) {
  const read = preparedTogether(["participantId", "now"], (values) => ({
    meetings: nestedRows(
      { ...listColumns, absenceSentAt },
      sql`from ${appointments} where ${appointments.participantId} = ${values.participantId}
        and ${ahead ? gt(appointments.endsAt, values.now) : lte(appointments.endsAt, values.now)}`,
      ahead ? sql`${appointments.startsAt}` : sql`${appointments.startsAt} desc`,
    ),
  }));
  return async (participantId: string, now = new Date()): Promise<AppointmentListItem[]> => (await read({ participantId, now })).meetings;
}

/** Meetings that have not ended yet, soonest first (cancelled ones too, marked as such). */
export const listUpcomingAppointments = appointmentList(true);

/** Meetings that have ended, most recent first. */
export const listPastAppointments = appointmentList(false);

/** One of the participant's own meetings, or null: another person's id looks exactly like an unknown one. */
export async function findOwnAppointment(participantId: string, appointmentId: string) {
  if (!isAppointmentId(appointmentId)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.participantId, participantId)));
  return row ?? null;
}

export type Appointment = NonNullable<Awaited<ReturnType<typeof findOwnAppointment>>>;

/**
 * A meeting's practical details, as the participant reads them: when, where and how, what to
 * bring, whether a support person may come, and what happens afterwards. The meeting's own page
 * and the preparation's team meeting show the same.
 */
export function practicalDetails(appointment: Appointment) {
  return {
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    mode: appointment.mode,
    placeName: appointment.placeName,
    address: appointment.address,
    directions: appointment.directions,
    phoneNote: appointment.phoneNote,
    videoNote: appointment.videoNote,
    bringItems: appointment.bringItems,
    supportPersonAllowed: appointment.supportPersonAllowed,
    afterwards: appointment.afterwards,
  };
}

export interface Preparation {
  notes: string;
  questions: string;
  version: number;
  updatedAt: Date;
}

export interface AbsenceNotice {
  reason: string;
  wishForNewTime: string | null;
  createdAt: Date;
}

/** Can "Jeg kan ikke komme" still be sent? Not once the meeting has started, nor for a cancelled one. */
export function absenceState(appointment: Pick<Appointment, "startsAt" | "status">, now = new Date()) {
  if (appointment.status === "cancelled") return "cancelled" as const;
  if (appointment.startsAt.getTime() <= now.getTime() || appointment.status === "held") return "past" as const;
  return "open" as const;
}

/**
 * The meeting page's one read, built once (db/nested.ts). The meeting must be the participant's;
 * what is read about it by its id alone (who comes, her notes, her latest "cannot come") is used
 * only when it is.
 */
const readAppointmentPage = preparedTogether(["participantId", "appointmentId"], (values) => ({
  appointment: nestedRow(
    getTableColumns(appointments),
    sql`from ${appointments} where ${appointments.id} = ${values.appointmentId} and ${appointments.participantId} = ${values.participantId}`,
  ),
  attendees: attendeesOf(values.appointmentId),
  preparation: nestedRow(
    { notes: appointmentPreparations.notes, questions: appointmentPreparations.questions, version: appointmentPreparations.version, updatedAt: appointmentPreparations.updatedAt },
    sql`from ${appointmentPreparations} where ${appointmentPreparations.appointmentId} = ${values.appointmentId}`,
  ),
  absence: nestedRow(
    { reason: absenceNotices.reason, wishForNewTime: absenceNotices.wishForNewTime, createdAt: absenceNotices.createdAt },
    sql`from ${absenceNotices} where ${absenceNotices.appointmentId} = ${values.appointmentId}`,
    sql`${absenceNotices.createdAt} desc`,
  ),
  caseworker: coordinatingCaseworkerPiece(values.participantId),
}));

/** Everything the meeting page shows, for the participant's own meeting only. */
export async function getAppointmentPage(participantId: string, appointmentId: string, now = new Date()) {
  if (!isAppointmentId(appointmentId)) return null;
  const { appointment, attendees, preparation, absence, caseworker } = await readAppointmentPage({ participantId, appointmentId });
  if (!appointment) return null;
  return {
    appointment,
    attendees,
    preparation: preparation
      ? { notes: preparation.notes ?? "", questions: preparation.questions ?? "", version: preparation.version, updatedAt: preparation.updatedAt }
      : null,
    absence,
    caseworker,
    isPast: appointment.endsAt.getTime() <= now.getTime(),
    absenceState: absenceState(appointment, now),
  };
}

// ---------------------------------------------------------------------------------------------
// Calendar feed
// ---------------------------------------------------------------------------------------------

/** Tokens are 32 random bytes in base64url: 43 characters. Anything else is not worth a lookup. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The participant's current (not revoked) feed, if any. */
export async function getActiveFeed(participantId: string) {
  const database = await db();
  const [row] = await database
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, tokenHash: calendarFeeds.tokenHash })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.participantId, participantId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Who a feed token belongs to. "unknown" for a token never issued (or malformed),
 * "revoked" for one the participant has stopped.
 */
export async function findFeedByToken(
  token: string,
): Promise<
  { status: "unknown" } | { status: "revoked" } | { status: "active"; participantId: string; personId: string; language: "da" | "en" }
> {
  if (!TOKEN.test(token)) return { status: "unknown" };
  // No one is signed in here: row-level security shows no feeds, so one answer for one token's hash
  // comes from a function (migration 0008).
  const database = await db();
  const result = await database.execute(
    sql`select participant_id as "participantId", person_id as "personId", revoked_at as "revokedAt", language from portal.calendar_feed_by_token_hash(${hashFeedToken(token)})`,
  );
  const [row] = rowsOf<{
    participantId: string;
    personId: string;
    revokedAt: Date | string | null;
    language: "da" | "en";
  }>(result);
  if (!row) return { status: "unknown" };
  if (row.revokedAt) return { status: "revoked" };
  return { status: "active", participantId: row.participantId, personId: row.personId, language: row.language };
}

/** What a subscribed calendar may see: time, place and kind. No titles, purposes, notes or names. */
export async function listFeedAppointments(participantId: string, now = new Date()) {
  const database = await db();
  return database
    .select({
      id: appointments.id,
      kind: appointments.kind,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      mode: appointments.mode,
      placeName: appointments.placeName,
      address: appointments.address,
      status: appointments.status,
      sequence: appointments.sequence,
      updatedAt: appointments.updatedAt,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.participantId, participantId),
        gt(appointments.endsAt, now),
        inArray(appointments.status, ["planned", "moved", "cancelled"]),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * The next planned (or moved) meeting that has not ended, with who takes part, or null. `kind`
 * narrows it to one kind (the plan's "next conversation" is the next "samtale"). For the
 * overview and the plan.
 */
export async function findNextAppointment(
  participantId: string,
  options: { kind?: AppointmentKind; now?: Date; statuses?: AppointmentStatus[] } = {},
) {
  return (await readTogether({ next: nextAppointmentPiece(participantId, { ...options, now: options.now ?? new Date() }) })).next;
}

// `now` is always given: a piece may be built once (preparedTogether), and a default taken here
// would be the moment it was built.
interface NextAppointmentOptions {
  kind?: Bound<AppointmentKind>;
  now: Bound<Date>;
  statuses?: AppointmentStatus[];
}

function nextAppointmentFrom(participantId: Bound<string>, options: NextAppointmentOptions) {
  const where = and(
    eq(appointments.participantId, participantId),
    options.kind ? eq(appointments.kind, options.kind) : undefined,
    gt(appointments.endsAt, options.now),
    inArray(appointments.status, options.statuses ?? ["planned", "moved"]),
  );
  return sql`from ${appointments} where ${where}`;
}

/** findNextAppointment as a piece of a page's one read (db/nested.ts): the meeting and its attendees. */
export function nextAppointmentPiece(participantId: Bound<string>, options: NextAppointmentOptions) {
  return nestedRow(
    { ...getTableColumns(appointments), attendees: attendeesOf(appointments.id) },
    nextAppointmentFrom(participantId, options),
    sql`${appointments.startsAt}`,
  );
}

/** The same meeting's id and start only, for a page that shows no more of it (the preparation's task list). */
export function nextAppointmentStartPiece(participantId: Bound<string>, options: NextAppointmentOptions) {
  return nestedRow({ id: appointments.id, startsAt: appointments.startsAt }, nextAppointmentFrom(participantId, options), sql`${appointments.startsAt}`);
}

/** Who takes part in a meeting (the professional side), in the order the jobcentre gave. */
function attendeesOf(appointmentId: SQLWrapper | string) {
  return nestedRows(
    { name: appointmentAttendees.name, roleText: appointmentAttendees.roleText },
    sql`from ${appointmentAttendees} where ${appointmentAttendees.appointmentId} = ${appointmentId}`,
    sql`${appointmentAttendees.sortOrder}`,
  );
}

/**
 * Meetings a relative may be chosen as bisidder for: not cancelled and not ended, soonest first.
 * For relatives (the invitation's and "Ret adgangen"'s choice of meetings).
 */
export async function listBisidderCandidates(participantId: string, now = new Date()) {
  const database = await db();
  return database
    .select({
      id: appointments.id,
      title: appointments.title,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      supportPersonAllowed: appointments.supportPersonAllowed,
    })
    .from(appointments)
    .where(and(eq(appointments.participantId, participantId), gt(appointments.endsAt, now), sql`${appointments.status} <> 'cancelled'`))
    .orderBy(asc(appointments.startsAt));
}

/** Title and time of some of the participant's meetings, by id, soonest first (a relative's bisidder meetings). */
export async function listMeetingsById(participantId: string, appointmentIds: string[]) {
  if (appointmentIds.length === 0) return [];
  const database = await db();
  return database
    .select({ id: appointments.id, title: appointments.title, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(inArray(appointments.id, appointmentIds), eq(appointments.participantId, participantId)))
    .orderBy(asc(appointments.startsAt));
}
