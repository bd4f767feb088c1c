import { and, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { energyDiaryEntries, progressAnswerSets, progressSettings, progressSigns } from "../../../db/schema/progress";
import { recordAudit } from "~/lib/audit.server";
import type { Actor } from "~/lib/actor.server";
import { isUuid } from "~/lib/ids";
import { FACTORS } from "./levels";
import { getAnswerSetForMonth, getDiaryDay, getSigns, type AnswerSetView, type DiaryEntryView, type SignsView } from "./queries.server";
import type { AnswerFields, DiaryInput } from "./schema";

/**
 * The writes of "Sådan går det". Each is one transaction with its audit row; the owner of a row is
 * always the session's participant (`actor`), never a form field. Audit details hold ids, months,
 * days and counts, never what she wrote. The change feed (migration 0028) passes on only the
 * shares, and saves of what is shared; never the diary.
 */

function audit(tx: Transaction, actor: Actor, action: string, details: Record<string, unknown>) {
  return recordAudit(tx, {
    actorPersonId: actor.personId,
    participantId: actor.participantId,
    action,
    details,
    requestId: actor.requestId ?? null,
  });
}

const orNull = (text: string) => (text === "" ? null : text);

function answerColumns(fields: AnswerFields) {
  return {
    energy: fields.energy ?? null,
    energyNote: orNull(fields.energyNote),
    sleep: fields.sleep ?? null,
    sleepNote: orNull(fields.sleepNote),
    company: fields.company ?? null,
    companyNote: orNull(fields.companyNote),
    outdoors: fields.outdoors ?? null,
    outdoorsNote: orNull(fields.outdoorsNote),
    workBelief: fields.workBelief ?? null,
    workBeliefNote: orNull(fields.workBeliefNote),
    whatHelps: orNull(fields.whatHelps),
    somethingElse: orNull(fields.somethingElse),
  };
}

function sameAnswers(saved: AnswerSetView, fields: AnswerFields): boolean {
  const columns = answerColumns(fields);
  return (
    FACTORS.every((factor) => saved.levels[factor] === columns[factor] && saved.notes[factor] === columns[`${factor}Note`]) &&
    saved.whatHelps === columns.whatHelps &&
    saved.somethingElse === columns.somethingElse
  );
}

export type SaveResult<T> = { status: "saved"; id: string } | { status: "conflict"; saved: T };

/**
 * Saves the month's answers. `version` is what the form was loaded with (0: nothing saved yet).
 * When another window saved in between, nothing is overwritten: the caller gets the saved set to
 * show beside what she typed. The same answers sent twice are not a conflict and make no new
 * version.
 */
export async function saveAnswers(actor: Actor, month: string, fields: AnswerFields, version: number): Promise<SaveResult<AnswerSetView>> {
  const database = await db();
  const written = await database.transaction(async (tx) => {
    const values = answerColumns(fields);
    const [row] =
      version === 0
        ? await tx
            .insert(progressAnswerSets)
            .values({ participantId: actor.participantId, month, ...values })
            .onConflictDoNothing({ target: [progressAnswerSets.participantId, progressAnswerSets.month] })
            .returning({ id: progressAnswerSets.id, version: progressAnswerSets.version })
        : await tx
            .update(progressAnswerSets)
            .set({ ...values, version: sql`${progressAnswerSets.version} + 1`, updatedAt: sql`now()` })
            .where(
              and(
                eq(progressAnswerSets.participantId, actor.participantId),
                eq(progressAnswerSets.month, month),
                eq(progressAnswerSets.version, version),
              ),
            )
            .returning({ id: progressAnswerSets.id, version: progressAnswerSets.version });
    if (!row) return null;
    await audit(tx, actor, "progress.answers_saved", { answerSetId: row.id, month, version: row.version });
    return row.id;
  });
  if (written) return { status: "saved", id: written };
  const saved = await getAnswerSetForMonth(actor.participantId, month);
  if (!saved) return saveAnswers(actor, month, fields, 0); // removed meanwhile: start afresh
  if (sameAnswers(saved, fields)) return { status: "saved", id: saved.id };
  return { status: "conflict", saved };
}

/**
 * The share switch of one answer set. Sharing keeps the first time it was shared; stopping clears
 * it, and the set leaves `caseworker.progress_answers`. False when the set is not hers.
 */
export async function setAnswerSetSharing(actor: Actor, id: string, share: boolean): Promise<boolean> {
  if (!isUuid(id)) return false;
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx
      .update(progressAnswerSets)
      .set({ sharedAt: share ? sql`coalesce(${progressAnswerSets.sharedAt}, now())` : null })
      .where(and(eq(progressAnswerSets.id, id), eq(progressAnswerSets.participantId, actor.participantId)))
      .returning({ month: progressAnswerSets.month });
    if (!row) return false;
    await audit(tx, actor, share ? "progress.answers_shared" : "progress.answers_sharing_stopped", { answerSetId: id, month: row.month });
    return true;
  });
}

/**
 * The day of the month she wants to be reminded (1-28), on the overview and by the channels of her
 * notification settings (migration 0032); or null: no reminder at all (the row goes).
 */
export async function saveReminderDay(actor: Actor, reminderDay: number | null): Promise<void> {
  const database = await db();
  await database.transaction(async (tx) => {
    if (reminderDay === null) {
      const removed = await tx
        .delete(progressSettings)
        .where(eq(progressSettings.participantId, actor.participantId))
        .returning({ participantId: progressSettings.participantId });
      if (removed.length > 0) await audit(tx, actor, "progress.reminder_stopped", {});
      return;
    }
    await tx
      .insert(progressSettings)
      .values({ participantId: actor.participantId, reminderDay })
      .onConflictDoUpdate({
        target: progressSettings.participantId,
        set: { reminderDay, version: sql`${progressSettings.version} + 1`, updatedAt: sql`now()` },
      });
    await audit(tx, actor, "progress.reminder_day_chosen", { reminderDay });
  });
}

type DiaryFields = Omit<DiaryInput, "version" | "day">;

function sameDay(saved: DiaryEntryView, fields: DiaryFields): boolean {
  return saved.energy === fields.energy && saved.activities.join("|") === fields.activities.join("|") && saved.note === orNull(fields.note);
}

/**
 * One day of the energy diary, by the same rules as the answers (version, no lost typing). The
 * caller has checked that the day is one she may write about.
 */
export async function saveDiaryDay(actor: Actor, day: string, fields: DiaryFields, version: number): Promise<SaveResult<DiaryEntryView>> {
  const database = await db();
  const written = await database.transaction(async (tx) => {
    const values = { energy: fields.energy, activities: [...fields.activities], note: orNull(fields.note) };
    const [row] =
      version === 0
        ? await tx
            .insert(energyDiaryEntries)
            .values({ participantId: actor.participantId, day, ...values })
            .onConflictDoNothing({ target: [energyDiaryEntries.participantId, energyDiaryEntries.day] })
            .returning({ id: energyDiaryEntries.id })
        : await tx
            .update(energyDiaryEntries)
            .set({ ...values, version: sql`${energyDiaryEntries.version} + 1`, updatedAt: sql`now()` })
            .where(
              and(
                eq(energyDiaryEntries.participantId, actor.participantId),
                eq(energyDiaryEntries.day, day),
                eq(energyDiaryEntries.version, version),
              ),
            )
            .returning({ id: energyDiaryEntries.id });
    if (!row) return null;
    // Private: the change feed never passes a diary row on (migration 0028).
    await audit(tx, actor, "progress.diary_saved", { day });
    return row.id;
  });
  if (written) return { status: "saved", id: written };
  const saved = await getDiaryDay(actor.participantId, day);
  if (!saved) return saveDiaryDay(actor, day, fields, 0);
  if (sameDay(saved, fields)) return { status: "saved", id: saved.id };
  return { status: "conflict", saved };
}

/** "Mine tegn og mine strategier": both lists, by the same version rules. */
export async function saveSigns(
  actor: Actor,
  lists: { warningSigns: string[]; strategies: string[] },
  version: number,
): Promise<{ status: "saved" } | { status: "conflict"; saved: SignsView }> {
  const database = await db();
  const written = await database.transaction(async (tx) => {
    const values = { warningSigns: lists.warningSigns, strategies: lists.strategies };
    const [row] =
      version === 0
        ? await tx
            .insert(progressSigns)
            .values({ participantId: actor.participantId, ...values })
            .onConflictDoNothing({ target: progressSigns.participantId })
            .returning({ version: progressSigns.version })
        : await tx
            .update(progressSigns)
            .set({ ...values, version: sql`${progressSigns.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(progressSigns.participantId, actor.participantId), eq(progressSigns.version, version)))
            .returning({ version: progressSigns.version });
    if (!row) return false;
    await audit(tx, actor, "progress.signs_saved", {
      version: row.version,
      warningSigns: lists.warningSigns.length,
      strategies: lists.strategies.length,
    });
    return true;
  });
  if (written) return { status: "saved" };
  const saved = await getSigns(actor.participantId);
  const same = saved.warningSigns.join("\n") === lists.warningSigns.join("\n") && saved.strategies.join("\n") === lists.strategies.join("\n");
  if (same && saved.version > 0) return { status: "saved" };
  if (saved.version === 0) return saveSigns(actor, lists, 0);
  return { status: "conflict", saved };
}

/**
 * The one switch for the signs. Sharing needs something saved to share (false otherwise, and
 * nothing changes); stopping always works.
 */
export async function setSignsSharing(actor: Actor, share: boolean): Promise<boolean> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx
      .update(progressSigns)
      .set({ sharedAt: share ? sql`coalesce(${progressSigns.sharedAt}, now())` : null })
      .where(
        and(
          eq(progressSigns.participantId, actor.participantId),
          share ? sql`cardinality(${progressSigns.warningSigns}) + cardinality(${progressSigns.strategies}) > 0` : sql`true`,
        ),
      )
      .returning({ participantId: progressSigns.participantId });
    if (!row) return false;
    await audit(tx, actor, share ? "progress.signs_shared" : "progress.signs_sharing_stopped", {});
    return true;
  });
}
