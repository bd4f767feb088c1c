import { localeFor } from "~/lib/dates";

/**
 * Calendar days as "YYYY-MM-DD" strings (Copenhagen's calendar, already decided by the caller with
 * `copenhagenDay`), so the arithmetic here is plain UTC and never moves with a time zone.
 */

const MS_PER_DAY = 86_400_000;

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(new Date(toUtc(day).getTime() + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (0 = the same day). */
export function dayDifference(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / MS_PER_DAY);
}

/** The month a day falls in, as its first day: "2026-12-05" -> "2026-12-01". */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month after `month`'s. */
export function nextMonth(month: string): string {
  const date = toUtc(monthOf(month));
  return fromUtc(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

/** The Monday of the week `day` is in (weeks start on Monday in Denmark). */
export function weekStart(day: string): string {
  const weekday = (toUtc(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The ISO week number ("uge 49"). */
export function weekNumber(day: string): number {
  const date = toUtc(day);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * MS_PER_DAY);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - yearStart) / MS_PER_DAY / 7);
}

/** A real calendar day written "YYYY-MM-DD", or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = toUtc(value);
  return Number.isNaN(date.getTime()) || fromUtc(date) !== value ? null : value;
}

/**
 * The next day she is reminded, on or after `today`: this month's reminder day while it is still
 * ahead and she has not answered this month, else next month's. Null without a chosen day.
 */
export function nextReminder(today: string, reminderDay: number | null, answeredThisMonth: boolean): string | null {
  if (reminderDay === null) return null;
  const dayOfMonth = (month: string) => `${month.slice(0, 8)}${String(reminderDay).padStart(2, "0")}`;
  const thisMonth = dayOfMonth(monthOf(today));
  if (!answeredThisMonth && thisMonth >= today) return thisMonth;
  return dayOfMonth(nextMonth(today));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, style: "dayMonth" | "weekday" | "month" | "monthName" | "shortMonth"): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      style === "dayMonth"
        ? { day: "numeric", month: "long" }
        : style === "weekday"
          ? { weekday: "long", day: "numeric", month: "long" }
          : style === "month"
            ? { month: "long", year: "numeric" }
            : style === "monthName"
              ? { month: "long" }
              : { month: "short" };
    cached = new Intl.DateTimeFormat(localeFor(language), { ...options, timeZone: "UTC" });
    formatters.set(key, cached);
  }
  return cached;
}

/** "12. januar" / "12 January". */
export function formatDayMonth(day: string, language: string): string {
  return formatter(language, "dayMonth").format(toUtc(day));
}

/** "lørdag den 5. december" / "Saturday 5 December". */
export function formatWeekday(day: string, language: string): string {
  const parts = formatter(language, "weekday").formatToParts(toUtc(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return language === "da" ? `${part("weekday")} den ${part("day")}. ${part("month")}` : `${part("weekday")} ${part("day")} ${part("month")}`;
}

/** "december 2026" / "December 2026". */
export function formatMonth(month: string, language: string): string {
  return formatter(language, "month").format(toUtc(month));
}

/** "december" / "December": this month, in a sentence about now. */
export function formatMonthName(month: string, language: string): string {
  return formatter(language, "monthName").format(toUtc(month));
}

/** "dec." / "Dec": the chart's month marks. */
export function formatShortMonth(month: string, language: string): string {
  return formatter(language, "shortMonth").format(toUtc(month));
}
