import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { absenceNotices, appointmentPreparations, appointments, calendarFeeds } from "../../../db/schema/appointments";
import { recordAudit } from "~/lib/audit.server";
import { absenceState, hashFeedToken, type Preparation } from "./queries.server";
import type { Actor } from "~/lib/actor.server";

/** Who is acting: always taken from the session, never from the form. */
export type { Actor };

/** Locks the participant's own meeting row for this transaction, or returns null (someone else's / unknown). */
async function lockOwnAppointment(tx: Transaction, actor: Actor, appointmentId: string) {
  const [row] = await tx
    .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.participantId, actor.participantId)))
    .for("update");
  return row ?? null;
}

export type SavePreparationResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; saved: Preparation }
  | { status: "not_found" };

/**
 * Saves the participant's notes and questions for a meeting. `version` is the version the
 * person started from (0 = nothing saved yet). If someone saved in between, nothing is
 * overwritten: the caller gets the saved text back to show next to the person's own.
 * Saving the very text that is already saved is not a conflict.
 */
export async function savePreparation(
  actor: Actor,
  appointmentId: string,
  input: { notes: string; questions: string; version: number },
  now = new Date(),
): Promise<SavePreparationResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const appointment = await lockOwnAppointment(tx, actor, appointmentId);
    if (!appointment) return { status: "not_found" } as const;

    const values = { notes: input.notes || null, questions: input.questions || null, updatedAt: now };
    const written =
      input.version === 0
        ? await tx
            .insert(appointmentPreparations)
            .values({ appointmentId, ...values, version: 1 })
            .onConflictDoNothing()
            .returning({ version: appointmentPreparations.version })
        : await tx
            .update(appointmentPreparations)
            .set({ ...values, version: sql`${appointmentPreparations.version} + 1` })
            .where(
              and(
                eq(appointmentPreparations.appointmentId, appointmentId),
                eq(appointmentPreparations.version, input.version),
              ),
            )
            .returning({ version: appointmentPreparations.version });

    if (written[0]) {
      await recordAudit(tx, {
        actorPersonId: actor.personId,
        participantId: actor.participantId,
        action: "appointment.preparation_saved",
        details: { appointmentId, version: written[0].version },
        requestId: actor.requestId ?? null,
      });
      return { status: "saved", version: written[0].version } as const;
    }

    const [current] = await tx
      .select()
      .from(appointmentPreparations)
      .where(eq(appointmentPreparations.appointmentId, appointmentId));
    const saved: Preparation = {
      notes: current?.notes ?? "",
      questions: current?.questions ?? "",
      version: current?.version ?? 0,
      updatedAt: current?.updatedAt ?? now,
    };
    if (saved.notes === input.notes && saved.questions === input.questions) {
      return { status: "saved", version: saved.version } as const;
    }
    return { status: "conflict", saved } as const;
  });
}

export type AbsenceResult =
  | { status: "recorded"; noticeId: string }
  | { status: "duplicate"; noticeId: string }
  | { status: "past" }
  | { status: "cancelled" }
  | { status: "not_found" };

/** The same notice twice within this window is one notice (a double click, a resent form). */
const DUPLICATE_WINDOW_SECONDS = 60;

/**
 * "Jeg kan ikke komme": records the notice for the caseworker. Nothing is cancelled.
 * Refused once the meeting has started (or is over), and for a cancelled meeting.
 */
export async function recordAbsenceNotice(
  actor: Actor,
  appointmentId: string,
  input: { reason: string; wish: string },
  now = new Date(),
): Promise<AbsenceResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    // The row lock serialises two submits of the same form, so the duplicate check below is reliable.
    const appointment = await lockOwnAppointment(tx, actor, appointmentId);
    if (!appointment) return { status: "not_found" } as const;
    const state = absenceState(appointment, now);
    if (state !== "open") return { status: state } as const;

    const wish = input.wish || null;
    const [recent] = await tx
      .select({ id: absenceNotices.id })
      .from(absenceNotices)
      .where(
        and(
          eq(absenceNotices.appointmentId, appointmentId),
          eq(absenceNotices.reason, input.reason),
          sql`${absenceNotices.wishForNewTime} is not distinct from ${wish}`,
          gt(absenceNotices.createdAt, sql`now() - make_interval(secs => ${DUPLICATE_WINDOW_SECONDS})`),
        ),
      )
      .orderBy(desc(absenceNotices.createdAt))
      .limit(1);
    if (recent) return { status: "duplicate", noticeId: recent.id } as const;

    const [notice] = await tx
      .insert(absenceNotices)
      .values({ appointmentId, reason: input.reason, wishForNewTime: wish })
      .returning({ id: absenceNotices.id });
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "appointment.absence_notified",
      details: { appointmentId, noticeId: notice!.id, withWishForNewTime: wish !== null },
      requestId: actor.requestId ?? null,
    });
    return { status: "recorded", noticeId: notice!.id } as const;
  });
}

/**
 * Makes a new secret calendar address and stops any earlier one. Returns the token: it is
 * shown to the participant once and never stored (only its SHA-256 hash is).
 */
export async function createCalendarFeed(actor: Actor): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const database = await db();
  await database.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(calendarFeeds.participantId, actor.participantId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ participantId: actor.participantId, tokenHash: hashFeedToken(token) })
      .returning({ id: calendarFeeds.id });
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "appointment.calendar_feed_created",
      details: { feedId: feed!.id, replacedFeedIds: revoked.map((row) => row.id) },
      requestId: actor.requestId ?? null,
    });
  });
  return token;
}

/** Stops the participant's calendar address: the old URL answers 410 Gone from now on. */
export async function revokeCalendarFeed(actor: Actor): Promise<number> {
  const database = await db();
  return database.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(calendarFeeds.participantId, actor.participantId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    if (revoked.length > 0) {
      await recordAudit(tx, {
        actorPersonId: actor.personId,
        participantId: actor.participantId,
        action: "appointment.calendar_feed_revoked",
        details: { feedIds: revoked.map((row) => row.id) },
        requestId: actor.requestId ?? null,
      });
    }
    return revoked.length;
  });
}

/**
 * The participant said yes to a new time her caseworker proposed (the messages area): the meeting
 * moves there and says "Ny tid". The calendar's SEQUENCE goes up by the trigger (migration 0017).
 * Only her own meeting that is still ahead and not cancelled.
 */
export async function moveToAgreedTime(actor: Actor, appointmentId: string, time: { startsAt: Date; endsAt: Date }, now = new Date()) {
  const database = await db();
  return database.transaction(async (tx) => {
    const appointment = await lockOwnAppointment(tx, actor, appointmentId);
    if (!appointment || appointment.status === "cancelled" || appointment.status === "held") return { status: "not_moved" } as const;
    if (time.startsAt <= now) return { status: "not_moved" } as const;
    await tx
      .update(appointments)
      .set({ startsAt: time.startsAt, endsAt: time.endsAt, status: "moved" })
      .where(eq(appointments.id, appointmentId));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "appointment.moved_by_agreement",
      details: { appointmentId },
      requestId: actor.requestId ?? null,
    });
    return { status: "moved" } as const;
  });
}
