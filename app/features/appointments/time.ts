import { copenhagenDay, daysBetween } from "~/lib/dates";

/**
 * The last calendar day (YYYY-MM-DD) of the week `now` falls in, in Copenhagen.
 * Danish weeks run Monday to Sunday.
 */
export function endOfCopenhagenWeek(now: Date): string {
  const today = copenhagenDay(now);
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const noonUtc = new Date(Date.UTC(year, month - 1, day, 12));
  const weekday = (noonUtc.getUTCDay() + 6) % 7; // Monday = 0 ... Sunday = 6
  const sunday = new Date(noonUtc.getTime() + (6 - weekday) * 86_400_000);
  return sunday.toISOString().slice(0, 10);
}

/**
 * Splits upcoming meetings into "Denne uge" (up to and including Sunday, Copenhagen time),
 * "Næste uge" and "Senere", so a meeting on Monday is never filed under "Senere" on a Friday.
 */
export function groupByWeek<T extends { startsAt: Date | string }>(
  items: T[],
  now: Date,
): { thisWeek: T[]; nextWeek: T[]; later: T[] } {
  const lastDay = endOfCopenhagenWeek(now);
  const lastDayNextWeek = endOfCopenhagenWeek(new Date(Date.parse(`${lastDay}T12:00:00Z`) + 7 * 86_400_000));
  const groups = { thisWeek: [] as T[], nextWeek: [] as T[], later: [] as T[] };
  for (const item of items) {
    const day = copenhagenDay(new Date(item.startsAt));
    groups[day <= lastDay ? "thisWeek" : day <= lastDayNextWeek ? "nextWeek" : "later"].push(item);
  }
  return groups;
}

/** "today" / "tomorrow" for a meeting on one of those days (Copenhagen calendar), otherwise null. */
export function relativeDay(startsAt: Date | string, now: Date): "today" | "tomorrow" | null {
  const days = daysBetween(now, new Date(startsAt));
  return days === 0 ? "today" : days === 1 ? "tomorrow" : null;
}

/** Whole hours and the minutes left over, for "1 time og 30 minutter". */
export function durationParts(startsAt: Date | string, endsAt: Date | string): { hours: number; minutes: number } {
  const total = Math.max(0, Math.round((new Date(endsAt).getTime() - new Date(startsAt).getTime()) / 60_000));
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
