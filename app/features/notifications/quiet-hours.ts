import { TIME_ZONE } from "~/lib/dates";

/**
 * Quiet hours ("Hvornår må vi ikke sende besked?"): from `from` to `until`, Danish time, possibly
 * past midnight (21.00 to 08.00). Nothing is sent in them: a notification due inside them waits
 * until they end. The same two times mean no quiet hours.
 */
export interface QuietHours {
  /** "21:00" or "21:00:00" (Postgres `time`). */
  from: string;
  until: string;
}

/** "21:00:00" → minutes after midnight (1260). */
export function minutesOfDay(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}

const clockFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The wall clock in Copenhagen at an instant. */
function copenhagenClock(at: Date) {
  const parts = Object.fromEntries(clockFormatter.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Copenhagen's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(at: Date): number {
  const c = copenhagenClock(at);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a Copenhagen wall-clock time happens on a day (`dayOffset` days after `on`'s day).
 * In the spring gap (02.00–03.00 does not exist) it lands an hour later, as clocks do.
 */
export function copenhagenInstant(on: Date, minutes: number, dayOffset = 0): Date {
  const c = copenhagenClock(on);
  const wall = Date.UTC(c.year, c.month - 1, c.day + dayOffset, Math.floor(minutes / 60), minutes % 60);
  let guess = wall - offsetMinutes(new Date(wall)) * 60_000;
  const corrected = wall - offsetMinutes(new Date(guess)) * 60_000;
  if (corrected !== guess) guess = corrected;
  return new Date(guess);
}

/** When the quiet hours that `at` falls in end, or null when `at` is outside them. */
export function quietHoursEnd(at: Date, quiet: QuietHours): Date | null {
  const from = minutesOfDay(quiet.from);
  const until = minutesOfDay(quiet.until);
  if (from === until) return null;
  const c = copenhagenClock(at);
  const now = c.hour * 60 + c.minute;
  const wraps = from > until;
  const inside = wraps ? now >= from || now < until : now >= from && now < until;
  if (!inside) return null;
  return copenhagenInstant(at, until, wraps && now >= from ? 1 : 0);
}

/** `at`, or the end of the quiet hours it falls in. */
export function outsideQuietHours(at: Date, quiet: QuietHours): Date {
  return quietHoursEnd(at, quiet) ?? at;
}
