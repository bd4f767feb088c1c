import { and, asc, between, eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { energyDiaryEntries, progressAnswerSets, progressSettings, progressSigns } from "../../../db/schema/progress";
import { isUuid } from "~/lib/ids";
import { FACTORS, type Activity, type EnergyLevel, type Factor, type Level, isActivity } from "./levels";

/**
 * Reads of "Sådan går det". Every read is by the session's participant id AND the row's own id,
 * so another participant's id (or a malformed one) finds nothing: the route answers 404.
 */

export interface AnswerSetView {
  id: string;
  /** The month's first day, "2026-12-01". */
  month: string;
  levels: Record<Factor, Level | null>;
  notes: Record<Factor, string | null>;
  whatHelps: string | null;
  somethingElse: string | null;
  version: number;
  updatedAt: Date;
  sharedAt: Date | null;
}

type AnswerRow = typeof progressAnswerSets.$inferSelect;

function toView(row: AnswerRow): AnswerSetView {
  const levels = {} as Record<Factor, Level | null>;
  const notes = {} as Record<Factor, string | null>;
  for (const factor of FACTORS) {
    levels[factor] = row[factor];
    notes[factor] = row[`${factor}Note`];
  }
  return {
    id: row.id,
    month: row.month,
    levels,
    notes,
    whatHelps: row.whatHelps,
    somethingElse: row.somethingElse,
    version: row.version,
    updatedAt: row.updatedAt,
    sharedAt: row.sharedAt,
  };
}

/** All her answer sets, the oldest month first. */
export async function listAnswerSets(participantId: string): Promise<AnswerSetView[]> {
  const database = await db();
  const rows = await database
    .select()
    .from(progressAnswerSets)
    .where(eq(progressAnswerSets.participantId, participantId))
    .orderBy(asc(progressAnswerSets.month));
  return rows.map(toView);
}

export async function getAnswerSet(participantId: string, id: string): Promise<AnswerSetView | null> {
  if (!isUuid(id)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(progressAnswerSets)
    .where(and(eq(progressAnswerSets.id, id), eq(progressAnswerSets.participantId, participantId)));
  return row ? toView(row) : null;
}

export async function getAnswerSetForMonth(participantId: string, month: string): Promise<AnswerSetView | null> {
  const database = await db();
  const [row] = await database
    .select()
    .from(progressAnswerSets)
    .where(and(eq(progressAnswerSets.participantId, participantId), eq(progressAnswerSets.month, month)));
  return row ? toView(row) : null;
}

/** The day of the month she chose for a reminder, or null. */
export async function getReminderDay(participantId: string): Promise<number | null> {
  const database = await db();
  const [row] = await database
    .select({ reminderDay: progressSettings.reminderDay })
    .from(progressSettings)
    .where(eq(progressSettings.participantId, participantId));
  return row?.reminderDay ?? null;
}

export interface DiaryEntryView {
  id: string;
  day: string;
  energy: EnergyLevel;
  activities: Activity[];
  note: string | null;
  version: number;
}

/** Her diary from `from` to `to` (both included), the earliest day first. */
export async function listDiary(participantId: string, from: string, to: string): Promise<DiaryEntryView[]> {
  const database = await db();
  const rows = await database
    .select()
    .from(energyDiaryEntries)
    .where(and(eq(energyDiaryEntries.participantId, participantId), between(energyDiaryEntries.day, from, to)))
    .orderBy(asc(energyDiaryEntries.day));
  return rows.map((row) => ({
    id: row.id,
    day: row.day,
    energy: row.energy,
    activities: row.activities.filter(isActivity),
    note: row.note,
    version: row.version,
  }));
}

export async function getDiaryDay(participantId: string, day: string): Promise<DiaryEntryView | null> {
  const [entry] = await listDiary(participantId, day, day);
  return entry ?? null;
}

export interface SignsView {
  warningSigns: string[];
  strategies: string[];
  /** 0 before anything is saved. */
  version: number;
  updatedAt: Date | null;
  sharedAt: Date | null;
}

export async function getSigns(participantId: string): Promise<SignsView> {
  const database = await db();
  const [row] = await database.select().from(progressSigns).where(eq(progressSigns.participantId, participantId));
  return row
    ? { warningSigns: row.warningSigns, strategies: row.strategies, version: row.version, updatedAt: row.updatedAt, sharedAt: row.sharedAt }
    : { warningSigns: [], strategies: [], version: 0, updatedAt: null, sharedAt: null };
}
