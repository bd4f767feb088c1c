import { TIME_ZONE } from "~/lib/dates";

/**
 * A time of day as a person types it: "10", "10.00", "10:00", "9.30", "kl. 9.30". Returns "HH:MM"
 * or null when it is not a time on the clock.
 */
export function parseClock(text: string): string | null {
  const match = /^(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?$/i.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Copenhagen's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetMs(instant: number): number {
  const parts = wallClock.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - (instant - (instant % 1000));
}

/** The moment Copenhagen clocks show `hhmm` ("10:00") on `day` ("2026-03-05"), winter and summer alike. */
export function copenhagenInstant(day: string, hhmm: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = hhmm.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  // Looked up twice: the first guess may fall on the other side of a change to or from summer time.
  const guess = wall - offsetMs(wall);
  return new Date(wall - offsetMs(guess));
}
