import { copenhagenDay } from "./dates";
import { remembered } from "./remembered";

/**
 * Working days in Denmark: the days "Ring mig op" offers, the caseworker's answer deadline, and the
 * days the demo books meetings on (db/seed-data.ts). Not Saturday or Sunday, and not
 * a public holiday or a day public offices are closed: New Year's Day, Maundy Thursday, Good
 * Friday, Easter Monday, Ascension Day, Whit Monday, Constitution Day (5 June), 24–26 and 31
 * December. Store Bededag is no longer a holiday (from 2024).
 */

/** Easter Sunday (Gregorian, the anonymous algorithm), as "YYYY-MM-DD". */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(date: Date) {
  return date.toISOString().slice(0, 10);
}

function plusDays(date: Date, days: number) {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Each year's holidays, computed once: the caseworker's inbox asks for hundreds of deadlines. */
const holidaysByYear = new Map<number, ReadonlySet<string>>();

export function danishHolidays(year: number): ReadonlySet<string> {
  const known = holidaysByYear.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const fixed = ["01-01", "06-05", "12-24", "12-25", "12-26", "12-31"].map((day) => `${year}-${day}`);
  const moving = [-3, -2, 1, 39, 50].map((offset) => iso(plusDays(easter, offset)));
  const holidays: ReadonlySet<string> = new Set([...fixed, ...moving]);
  holidaysByYear.set(year, holidays);
  return holidays;
}

export function isWorkday(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !danishHolidays(date.getUTCFullYear()).has(day);
}

/** The next `count` working days after today (Danish time), as "YYYY-MM-DD". */
export function nextWorkdays(now: Date, count: number): string[] {
  return workdaysAfter(copenhagenDay(now), count);
}

/** The next `count` working days after `day` ("YYYY-MM-DD"). */
function workdaysAfter(day: string, count: number): string[] {
  const days: string[] = [];
  let date = new Date(`${day}T00:00:00Z`);
  while (days.length < count) {
    date = plusDays(date, 1);
    if (isWorkday(iso(date))) days.push(iso(date));
  }
  return days;
}

/** Deadlines already worked out, by Danish day and count: an inbox asks for one per waiting conversation, most on few days. */
const deadlines = new Map<string, string | null>();

/** The last of the next `count` working days after `now`'s day in Denmark: an answer's deadline ("YYYY-MM-DD"). */
export function workdayDeadline(now: Date, count: number): string | null {
  return deadlineAfter(copenhagenDay(now), count);
}

/** workdayDeadline for a wait that began on `day` ("YYYY-MM-DD", Danish). */
export function deadlineAfter(day: string, count: number): string | null {
  return remembered(deadlines, `${day}:${count}`, () => workdaysAfter(day, count).at(-1) ?? null);
}
