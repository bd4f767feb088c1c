/**
 * Partial dates for a CV: "03/2019" (month/year) or "2019" (year). Stored as "2019-03" / "2019",
 * shown as "marts 2019" / "2019".
 */
import { copenhagenDay, localeFor, monthFromName } from "~/lib/dates";

export interface PartialDate {
  year: number;
  month: number | null;
}

/** "17" -> 2017, "98" -> 1998: a two-digit year is the latest one that is not in the future. */
function fullYear(text: string, now: Date): number {
  if (text.length === 4) return Number(text);
  const century = Math.floor(now.getUTCFullYear() / 100) * 100;
  const year = century + Number(text);
  return year > now.getUTCFullYear() ? year - 100 : year;
}

/**
 * Reads what a person typed: "marts 2017", "mar. 2017", "March 2017", "3/2017", "03/2017",
 * "3-2017", "3.2017", "3 2017", "3/17", "2017-03", "2017/3" or just "2017".
 */
export function parsePartialDate(input: string, now = new Date()): PartialDate | null {
  const text = input.trim().replace(/\s+/g, " ");
  let match = /^(\d{4})$/.exec(text);
  if (match) return validYear(Number(match[1]), null);
  match = /^(\d{1,2}) ?[/. -] ?(\d{4}|\d{2})$/.exec(text);
  if (match) return validYear(fullYear(match[2]!, now), Number(match[1]));
  match = /^(\d{4}) ?[/.-] ?(\d{1,2})$/.exec(text);
  if (match) return validYear(Number(match[1]), Number(match[2]));
  // A month name, then the year: "marts 2017", "Mar. 2017", "sept. '17", "marts/2017".
  match = /^(\p{L}+\.?) ?[,/-]? ?'?(\d{4}|\d{2})$/u.exec(text);
  if (match) {
    const month = monthFromName(match[1]!);
    return month ? validYear(fullYear(match[2]!, now), month) : null;
  }
  // The year first: "2017 marts".
  match = /^(\d{4}) (\p{L}+\.?)$/u.exec(text);
  if (match) {
    const month = monthFromName(match[2]!);
    return month ? validYear(Number(match[1]), month) : null;
  }
  return null;
}

/** Words for "still there" a person may type in the "Til" field instead of ticking the box. */
export function meansNow(input: string): boolean {
  return /^(nu|i dag|idag|stadig|nuværende|now|today|present|current|still)$/i.test(input.trim().replace(/[.!]$/, ""));
}

function validYear(year: number, month: number | null): PartialDate | null {
  if (year < 1940 || year > 2100) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year, month };
}

/** "2019-03" or "2019". */
export function storePartialDate(date: PartialDate): string {
  return date.month ? `${date.year}-${String(date.month).padStart(2, "0")}` : String(date.year);
}

/** The stored form back into what the form field shows: "03/2019" or "2019". */
export function editablePartialDate(stored: string | null | undefined): string {
  if (!stored) return "";
  const date = parsePartialDate(stored);
  if (!date) return stored;
  return date.month ? `${String(date.month).padStart(2, "0")}/${date.year}` : String(date.year);
}

/** Comparable number: a year alone counts as its first month for starts and last month for ends. */
export function partialDateValue(date: PartialDate, edge: "start" | "end"): number {
  return date.year * 12 + (date.month ?? (edge === "start" ? 1 : 12)) - 1;
}

const monthYearFormats = new Map<string, Intl.DateTimeFormat>();

/** This month in Copenhagen, as a comparable number. */
export function currentMonthValue(now = new Date()): number {
  const [year, month] = copenhagenDay(now).split("-").map(Number) as [number, number];
  return year * 12 + month - 1;
}

/** "marts 2019" / "March 2019" / "2019". */
export function formatPartialDate(stored: string | null | undefined, language: string): string {
  if (!stored) return "";
  const date = parsePartialDate(stored);
  if (!date) return stored;
  if (!date.month) return String(date.year);
  let format = monthYearFormats.get(language);
  if (!format) monthYearFormats.set(language, (format = new Intl.DateTimeFormat(localeFor(language), { month: "long", year: "numeric", timeZone: "UTC" })));
  return format.format(new Date(Date.UTC(date.year, date.month - 1, 1)));
}

/** "2012 – 2019", "marts 2019 – nu" (the word for "now" comes translated). */
export function formatPeriod(
  entry: { fromText: string | null; toText: string | null; isOngoing: boolean },
  language: string,
  now: string,
): string {
  const from = formatPartialDate(entry.fromText, language);
  const to = entry.isOngoing ? now : formatPartialDate(entry.toText, language);
  if (from && to) return from === to ? from : `${from} – ${to}`;
  return from || to;
}
