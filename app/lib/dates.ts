import { remembered } from "./remembered";

export const TIME_ZONE = "Europe/Copenhagen";

/** The BCP 47 locale for one of the portal's languages (dates, numbers, documents). */
export function localeFor(language: string): "da-DK" | "en-GB" {
  return language === "da" ? "da-DK" : "en-GB";
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per language and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, style: "date" | "documentDate" | "time"): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(
      localeFor(language),
      style === "date"
        ? { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long" }
        : style === "documentDate"
          ? { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }
          : { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" },
    );
    formatters.set(key, cached);
  }
  return cached;
}

/** "torsdag den 3. december" / "Thursday 3 December" in Copenhagen time. */
export function formatDate(value: Date | string, language: string): string {
  return weekdayDate(value, language, "date");
}

/**
 * "torsdag den 3. december 2026" / "Thursday 3 December 2026": for a document (print, PDF), which
 * is read later, perhaps in another year.
 */
export function formatDocumentDate(value: Date | string, language: string): string {
  return weekdayDate(value, language, "documentDate");
}

// A day's name is the same for every moment of it: worked out once per day, language and style
// (formatToParts is the dearest call of a caseworker's list of 50 cards). Kept to a few years of days.
const dayNames = new Map<string, string>();

function weekdayDate(value: Date | string, language: string, style: "date" | "documentDate"): string {
  const moment = new Date(value);
  return remembered(dayNames, `${language}:${style}:${copenhagenDay(moment)}`, () => nameOfDay(moment, language, style));
}

function nameOfDay(value: Date, language: string, style: "date" | "documentDate"): string {
  const parts = formatter(language, style).formatToParts(value);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const year = style === "documentDate" ? ` ${part("year")}` : "";
  // Danes write "torsdag den 3. december"; Intl leaves out "den".
  return language === "da"
    ? `${part("weekday")} den ${part("day")}. ${part("month")}${year}`
    : `${part("weekday")} ${part("day")} ${part("month")}${year}`;
}

// The time at the start of each UTC hour asked for, per language: Copenhagen's offset is a whole
// hour for all of that hour (see copenhagenDay), so a moment's time is that hour's with its own
// minutes. Intl's format is the dearest call of a caseworker's list of 50 cards after React's.
const hourStarts = new Map<string, string>();

/** "10.00" / "10:00" in Copenhagen time. */
export function formatTime(value: Date | string, language: string): string {
  const moment = new Date(value);
  const time = moment.getTime();
  if (!(time >= WHOLE_HOURS_SINCE)) return formatter(language, "time").format(moment);
  const hour = Math.floor(time / HOUR_MS);
  const start = remembered(hourStarts, `${language}:${hour}`, () => formatter(language, "time").format(new Date(hour * HOUR_MS)));
  const minutes = moment.getUTCMinutes();
  if (minutes === 0) return start;
  // "10.00" / "10:00" end in the minutes; a runtime whose Intl writes otherwise ("10:00 AM") asks it.
  if (!start.endsWith("00")) return formatter(language, "time").format(moment);
  return `${start.slice(0, -2)}${minutes < 10 ? "0" : ""}${minutes}`;
}

/** Machine-readable date-time for <time dateTime>. */
export function isoDateTime(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

const isoDayFormatter = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });
/**
 * Copenhagen's day of each UTC hour asked for. Since 1980 its offset is a whole hour and it changes
 * at 01:00 UTC, so its midnight falls on a UTC hour and every moment of that hour has the same day:
 * formatting once an hour is exact (a page of 50 cards formats some 100 moments).
 */
const dayOfUtcHour = new Map<number, string>();
const WHOLE_HOURS_SINCE = Date.UTC(1980, 0, 1);
const HOUR_MS = 3_600_000;

/** The calendar date (YYYY-MM-DD) a moment falls on in Copenhagen. */
export function copenhagenDay(value: Date): string {
  const time = value.getTime();
  if (!(time >= WHOLE_HOURS_SINCE)) return isoDayFormatter.format(value);
  return remembered(dayOfUtcHour, Math.floor(time / HOUR_MS), () => isoDayFormatter.format(value));
}

/** Days between two moments' Copenhagen calendar dates (0 = same day). */
export function daysBetween(from: Date, to: Date): number {
  const a = Date.parse(copenhagenDay(from));
  const b = Date.parse(copenhagenDay(to));
  return Math.round((b - a) / 86_400_000);
}

/**
 * Reads a day/month/year triple typed by a person. Returns "YYYY-MM-DD" or null
 * when it is not a real calendar date (31 February, month 13, ...).
 */
/**
 * Month names and short forms a person may type, in Danish and English ("marts", "mar.",
 * "March", "sept"), in any case, with or without a dot. Index 0 is January.
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ["januar", "jan", "january"],
  ["februar", "feb", "february"],
  ["marts", "mar", "mrt", "march"],
  ["april", "apr"],
  ["maj", "may"],
  ["juni", "jun", "june"],
  ["juli", "jul", "july"],
  ["august", "aug"],
  ["september", "sep", "sept"],
  ["oktober", "okt", "oct", "october"],
  ["november", "nov"],
  ["december", "dec"],
];

export function monthFromName(name: string): number | null {
  const word = name.toLocaleLowerCase("da").replace(/\.$/, "");
  const index = MONTH_NAMES.findIndex((names) => names.includes(word));
  return index < 0 ? null : index + 1;
}

/**
 * A date typed in three fields, as a person would type it: the day "23" or "23.", the month
 * "2", "02", "2.", "feb", "februar" or "February", the year "2027" or "27" (this century).
 */
export function parseDayMonthYear(day: string, month: string, year: string): string | null {
  const d = Number(day.trim().replace(/\.$/, ""));
  const monthText = month.trim().replace(/\.$/, "");
  const m = /^\d{1,2}$/.test(monthText) ? Number(monthText) : (monthFromName(monthText) ?? Number.NaN);
  const yearText = year.trim();
  const y = /^\d{2}$/.test(yearText) ? 2000 + Number(yearText) : Number(yearText);
  if (![d, m, y].every(Number.isInteger) || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Calendar dates and moments without a weekday ("5. marts 2026"): plans and grants reach months
// ahead or back, so the year is shown.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}:${timeZone}`;
  let cached = dayFormatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(localeFor(language), { timeZone, day: "numeric", month: "long", year: "numeric" });
    dayFormatters.set(key, cached);
  }
  return cached;
}

// Each day's text, worked out once per language (an inbox of 50 conversations shows ~100 moments).
const dayTexts = new Map<string, string>();

/** A calendar date ("2026-03-05") as "5. marts 2026" / "5 March 2026". */
export function formatDay(isoDay: string, language: string): string {
  return remembered(dayTexts, `${language}:${isoDay}`, () => dayFormatter(language, "UTC").format(new Date(`${isoDay}T00:00:00Z`)));
}

/** The calendar date of a moment, in Copenhagen: "5. marts 2026". */
export function formatMomentDay(value: Date | string, language: string): string {
  const moment = new Date(value);
  const day = copenhagenDay(moment);
  // A year of four digits makes a date `formatDay` reads; any other is left to Intl.
  return day.length === 10 ? formatDay(day, language) : dayFormatter(language, TIME_ZONE).format(moment);
}

/** "kl. 10.04" / "at 10:04". */
function atTime(value: Date | string, language: string): string {
  return `${language === "da" ? "kl." : "at"} ${formatTime(value, language)}`;
}

/** A moment on a page, read now: "i dag kl. 10.04", "i går kl. 10.04" or "5. marts 2026 kl. 10.04". */
export function formatMoment(value: Date | string, language: string, now = new Date()): string {
  const moment = new Date(value);
  const days = daysBetween(moment, now);
  if (days === 0) return `${language === "da" ? "i dag" : "today"} ${atTime(moment, language)}`;
  if (days === 1) return `${language === "da" ? "i går" : "yesterday"} ${atTime(moment, language)}`;
  return `${formatMomentDay(moment, language)} ${atTime(moment, language)}`;
}

/** "mandag den 23. november kl. 15.40" / "Monday 23 November at 15:40". */
export function formatWeekdayMoment(value: Date | string, language: string): string {
  return `${formatDate(value, language)} ${atTime(value, language)}`;
}

/**
 * A moment in a document (PDF, print), which is read later: always the whole date and time, never
 * "i dag": "fredag den 4. december 2026 kl. 15.40" / "Friday 4 December 2026 at 15:40".
 */
export function formatDocumentMoment(value: Date | string, language: string): string {
  return `${formatDocumentDate(value, language)} ${atTime(value, language)}`;
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();
/** "november 2026" / "November 2026" in Copenhagen time. */
export function formatMonthYear(value: Date | string, language: string): string {
  let cached = monthFormatters.get(language);
  if (!cached) {
    cached = new Intl.DateTimeFormat(localeFor(language), { timeZone: TIME_ZONE, month: "long", year: "numeric" });
    monthFormatters.set(language, cached);
  }
  return cached.format(new Date(value));
}

/** "8" or "2,5" hours (the database keeps numeric(4,1) as "8.0"). */
const hourFormats = new Map<string, Intl.NumberFormat>();
export function formatHours(value: string, language: string): string {
  const hours = Number(value);
  if (!Number.isFinite(hours)) return value;
  let format = hourFormats.get(language);
  if (!format) hourFormats.set(language, (format = new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 1 })));
  return format.format(hours);
}

/** Names in Danish alphabetical order (æ, ø, å last); one collator, as building one costs more than comparing. */
const danishCollator = new Intl.Collator("da");
export function byDanishName(a: string, b: string): number {
  return danishCollator.compare(a, b);
}
