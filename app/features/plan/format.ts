import { TIME_ZONE, daysBetween, formatTime, localeFor } from "~/lib/dates";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}:${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(localeFor(language), { timeZone, day: "numeric", month: "long", year: "numeric" });
    formatters.set(key, cached);
  }
  return cached;
}

/** A calendar date ("2026-03-05") as "5. marts 2026" / "5 March 2026". Plans reach months ahead, so the year is shown. */
export function formatDay(isoDay: string, language: string): string {
  return formatter(language, "UTC").format(new Date(`${isoDay}T00:00:00Z`));
}

/** A moment as "i dag kl. 10.04", "i går kl. 10.04" or "5. marts 2026 kl. 10.04" (Copenhagen time). */
export function formatMoment(
  value: Date | string,
  language: string,
  t: (key: string, options?: Record<string, unknown>) => string,
  now = new Date(),
): string {
  const moment = new Date(value);
  const time = formatTime(moment, language);
  const days = daysBetween(moment, now);
  if (days === 0) return t("plan:when.today", { time });
  if (days === 1) return t("plan:when.yesterday", { time });
  return t("plan:when.date", { date: formatter(language, TIME_ZONE).format(moment), time });
}

/**
 * A moment for a document (PDF, print), which is read later: always the full date and time,
 * never "i dag" or "i går" (issue 14, point 13).
 */
export function formatDocumentMoment(value: Date | string, language: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const moment = new Date(value);
  return t("plan:when.date", { date: formatter(language, TIME_ZONE).format(moment), time: formatTime(moment, language) });
}

/** The calendar date of a moment, in Copenhagen: "5. marts 2026". */
export function formatMomentDay(value: Date | string, language: string): string {
  return formatter(language, TIME_ZONE).format(new Date(value));
}

/** "8" or "2,5" hours (the database keeps numeric(4,1) as "8.0"). */
export function formatHours(value: string, language: string): string {
  const hours = Number(value);
  if (!Number.isFinite(hours)) return value;
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 1 }).format(hours);
}
