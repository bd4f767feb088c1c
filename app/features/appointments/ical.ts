/**
 * A small iCalendar (RFC 5545) writer: only what Min Vej needs, done carefully.
 * Times are written in UTC ("...Z"), so no VTIMEZONE block is needed; every calendar
 * app shows them in the reader's own zone (Europe/Copenhagen for our participants).
 */

export interface CalendarEvent {
  /** Globally unique and stable, so a re-import updates the event instead of adding a copy. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  cancelled?: boolean;
  /**
   * Counts the changes a calendar shows (SEQUENCE): an app that already holds this UID takes
   * the event only when the number is higher, so a moved or cancelled meeting must raise it.
   */
  sequence: number;
  /** When the event last changed (LAST-MODIFIED), not when the file was made. */
  lastModified: Date;
}

export interface CalendarOptions {
  events: CalendarEvent[];
  /** When this file was made (DTSTAMP). */
  now: Date;
  /** Shown by calendar apps as the subscribed calendar's name. */
  name?: string;
  /** For subscribed feeds: how often apps should fetch again. */
  refreshInterval?: string;
}

const CRLF = "\r\n";

/** Reminders on every meeting that is not cancelled: the day before, and two hours before. */
export const REMINDERS = ["-P1D", "-PT2H"] as const;

/** "20260305T090000Z" */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(value: string): string {
  return (
    value
      // Control characters other than line breaks are not allowed in TEXT.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
  );
}

/**
 * Folds a content line so no physical line is longer than 75 octets (RFC 5545 3.1).
 * Counts UTF-8 bytes and never splits a character (Danish letters take two bytes).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line may hold 75 octets; continuation lines start with a space, leaving 74.
    const limit = pieces.length === 0 ? 75 : 74;
    if (currentBytes + size > limit) {
      pieces.push(current);
      current = "";
      currentBytes = 0;
    }
    current += character;
    currentBytes += size;
  }
  pieces.push(current);
  return pieces.join(CRLF + " ");
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** A whole VCALENDAR with one VEVENT per event, lines ending in CRLF. */
export function buildCalendar(options: CalendarOptions): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Min Vej//Moeder//DA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name) {
    lines.push(property("NAME", escapeText(options.name)), property("X-WR-CALNAME", escapeText(options.name)));
  }
  if (options.refreshInterval) {
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:${options.refreshInterval}`,
      `X-PUBLISHED-TTL:${options.refreshInterval}`,
    );
  }
  const stamp = utcStamp(options.now);
  for (const event of options.events) {
    lines.push(
      "BEGIN:VEVENT",
      property("UID", escapeText(event.uid)),
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${event.sequence}`,
      `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
      `DTSTART:${utcStamp(event.start)}`,
      `DTEND:${utcStamp(event.end)}`,
      property("SUMMARY", escapeText(event.summary)),
    );
    if (event.location) lines.push(property("LOCATION", escapeText(event.location)));
    if (event.description) lines.push(property("DESCRIPTION", escapeText(event.description)));
    if (event.url) lines.push(property("URL", event.url));
    lines.push(`STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE");
    if (!event.cancelled) {
      for (const trigger of REMINDERS) {
        lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${trigger}`, property("DESCRIPTION", escapeText(event.summary)), "END:VALARM");
      }
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.join(CRLF) + CRLF;
}
