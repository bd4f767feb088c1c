import { formatDate, formatDocumentDate, formatTime, TIME_ZONE, localeFor } from "~/lib/dates";

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** "november 2026" / "November 2026" in Copenhagen time. */
export function formatMonthYear(
  value: Date | string,
  language: string,
): string {
  let formatter = monthFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeFor(language), {
      timeZone: TIME_ZONE,
      month: "long",
      year: "numeric",
    });
    monthFormatters.set(language, formatter);
  }
  return formatter.format(new Date(value));
}

/** "mandag den 23. november kl. 15.40" / "Monday 23 November at 15:40". */
export function formatMoment(value: Date | string, language: string): string {
  return language === "da"
    ? `${formatDate(value, language)} kl. ${formatTime(value, language)}`
    : `${formatDate(value, language)} at ${formatTime(value, language)}`;
}

/** For a printout, read later: "fredag den 4. december 2026 kl. 15.40" / "Friday 4 December 2026 at 15:40". */
export function formatDocumentMoment(value: Date | string, language: string): string {
  const date = formatDocumentDate(value, language);
  return language === "da" ? `${date} kl. ${formatTime(value, language)}` : `${date} at ${formatTime(value, language)}`;
}
