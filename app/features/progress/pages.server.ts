import { sql } from "drizzle-orm";
import { copenhagenDay } from "~/lib/dates";
import { nestedNumber, nestedRow, preparedTogether, type Bound } from "../../../db/nested";
import { progressAnswerSets, progressSettings } from "../../../db/schema/progress";
import { addDays, monthOf, nextReminder, parseDay, weekStart } from "./calendar";
import { DIARY_DAYS_BACK, PATTERN_MIN_ENTRIES, PATTERN_WINDOW_DAYS } from "./levels";
import { energyPatterns } from "./patterns";
import { getAnswerSet, getAnswerSetForMonth, getDiaryDay, getSigns, listAnswerSets, listDiary } from "./queries.server";
import { diaryNotice, progressNotice, setNotice, signsNotice } from "./schema";

/** What the pages of "Sådan går det" read for the signed-in participant (loaders stay thin). */

/**
 * What the overview's card and the top of /saadan-gaar-det read of this month, as pieces of a page's
 * one read (db/nested.ts): this month's answers, if any (the month of `today`, Copenhagen's day), and
 * her reminder day.
 */
export function checkInPieces(participantId: Bound<string>, today: Bound<string>) {
  return {
    current: nestedRow(
      { id: progressAnswerSets.id },
      sql`from ${progressAnswerSets} where ${progressAnswerSets.participantId} = ${participantId}
        and ${progressAnswerSets.month} = date_trunc('month', ${today}::date)::date`,
    ),
    reminderDay: nestedNumber(sql`(select ${progressSettings.reminderDay} from ${progressSettings} where ${progressSettings.participantId} = ${participantId})`),
  };
}

/** This month and the next reminder, from what `checkInPieces` read on `today` (Copenhagen's day). */
export function checkInStateOf(today: string, read: { current: { id: string } | null; reminderDay: number | null }) {
  return {
    today,
    month: monthOf(today),
    current: read.current,
    reminderDay: read.reminderDay,
    nextReminder: nextReminder(today, read.reminderDay, read.current !== null),
  };
}

const readCheckIn = preparedTogether(["participantId", "today"], (values) => checkInPieces(values.participantId, values.today));

/** The overview's card and the top of /saadan-gaar-det: this month, and the next reminder. */
export async function checkInState(participantId: string, now = new Date()) {
  const today = copenhagenDay(now);
  return checkInStateOf(today, await readCheckIn({ participantId, today }));
}

export type CheckInState = Awaited<ReturnType<typeof checkInState>>;

/** /saadan-gaar-det: this month, the next reminder, and every month's answers over time. */
export async function progressPage(participantId: string, url: URL, now = new Date()) {
  const [state, sets] = await Promise.all([checkInState(participantId, now), listAnswerSets(participantId)]);
  return { ...state, sets, notice: progressNotice.parse(url.searchParams.get("gemt")) };
}

/** The month she answers for now (its first day, Copenhagen). */
export function currentMonth(now = new Date()): string {
  return monthOf(copenhagenDay(now));
}

/** /saadan-gaar-det/svar: the form for this month, with what is saved. */
export async function answersPage(participantId: string, now = new Date()) {
  const month = currentMonth(now);
  return { month, saved: await getAnswerSetForMonth(participantId, month) };
}

/** /saadan-gaar-det/svar/:id: one month's answers and whether they are shared. Null: not hers. */
export async function answerSetPage(participantId: string, id: string, url: URL, now = new Date()) {
  const set = await getAnswerSet(participantId, id);
  if (!set) return null;
  return { set, isCurrentMonth: set.month === monthOf(copenhagenDay(now)), notice: setNotice.parse(url.searchParams.get("gemt")) };
}

/** The days she may write about: today and the DIARY_DAYS_BACK days before. */
export function writableDay(value: unknown, today: string): string | null {
  const day = parseDay(value);
  if (!day || day > today || day < addDays(today, -DIARY_DAYS_BACK)) return null;
  return day;
}

/**
 * /saadan-gaar-det/dagbog: the form for one day (today unless `?dag=` names a writable day), the
 * week (`?uge=` any day in it, never after this week), and patterns from her last weeks.
 */
export async function diaryPage(participantId: string, url: URL, now = new Date()) {
  const today = copenhagenDay(now);
  const day = writableDay(url.searchParams.get("dag"), today) ?? today;
  const asked = parseDay(url.searchParams.get("uge"));
  const week = weekStart(asked && asked <= today ? asked : day);
  const [entry, weekEntries, recent] = await Promise.all([
    getDiaryDay(participantId, day),
    listDiary(participantId, week, addDays(week, 6)),
    listDiary(participantId, addDays(today, -(PATTERN_WINDOW_DAYS - 1)), today),
  ]);
  return {
    today,
    day,
    entry,
    week,
    weekEntries,
    patterns: recent.length >= PATTERN_MIN_ENTRIES ? energyPatterns(recent) : [],
    notice: diaryNotice.parse(url.searchParams.get("gemt")),
  };
}

/** /saadan-gaar-det/tegn and its print view. */
export async function signsPage(participantId: string, url: URL) {
  return { signs: await getSigns(participantId), notice: signsNotice.parse(url.searchParams.get("gemt")) };
}
