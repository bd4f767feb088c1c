import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateInputSchema } from "~/components/form/schemas";
import { copenhagenDay, daysBetween, formatDate, formatDocumentDate, formatMomentDay, formatTime, parseDayMonthYear } from "~/lib/dates";

describe("dates in Europe/Copenhagen", () => {
  it("shows winter and summer times in Danish local time", () => {
    expect(formatTime("2026-12-03T09:00:00Z", "da")).toBe("10.00");
    expect(formatTime("2026-06-03T08:00:00Z", "da")).toBe("10.00");
    expect(formatTime("2026-06-03T08:00:00Z", "en")).toBe("10:00");
  });

  it("gives Intl's time for every 7 minutes of a year with both clock changes, in both languages, and far back (hours are kept once worked out)", () => {
    for (const [language, locale] of [["da", "da-DK"], ["en", "en-GB"]] as const) {
      const intl = new Intl.DateTimeFormat(locale, { timeZone: "Europe/Copenhagen", hour: "2-digit", minute: "2-digit" });
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 2); time += 7 * 60_000 + 13_000) {
        const moment = new Date(time);
        expect(formatTime(moment, language), moment.toISOString()).toBe(intl.format(moment));
      }
      for (const old of ["1979-06-01T09:03:00Z", "1916-05-14T22:30:00Z", "1890-01-01T11:47:00Z"]) {
        expect(formatTime(old, language), old).toBe(intl.format(new Date(old)));
      }
    }
  });

  it("gives a moment's Copenhagen date as Intl writes it, every 2 hours of a year with both clock changes, in both languages", () => {
    for (const [language, locale] of [["da", "da-DK"], ["en", "en-GB"]] as const) {
      const intl = new Intl.DateTimeFormat(locale, { timeZone: "Europe/Copenhagen", day: "numeric", month: "long", year: "numeric" });
      for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 2); time += 2 * 3_600_000 + 17 * 60_000) {
        const moment = new Date(time);
        expect(formatMomentDay(moment, language), moment.toISOString()).toBe(intl.format(moment));
      }
      for (const far of ["1975-03-31T22:30:00Z", "+010000-01-01T12:00:00Z", "0900-06-01T12:00:00Z"]) {
        expect(formatMomentDay(far, language), far).toBe(intl.format(new Date(far)));
      }
    }
    expect(copenhagenDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(copenhagenDay(new Date("2026-07-31T21:59:00Z"))).toBe("2026-07-31");
    expect(copenhagenDay(new Date("2026-07-31T22:00:00Z"))).toBe("2026-08-01");
  });

  it("writes dates the way people say them", () => {
    expect(formatDate("2026-12-03T09:00:00Z", "da")).toBe("torsdag den 3. december");
    expect(formatDate("2026-12-03T09:00:00Z", "en")).toBe("Thursday 3 December");
  });

  it("names each moment's own Danish day, also when the same UTC date holds two of them (day names are kept once worked out)", () => {
    expect(formatDate("2026-12-02T12:00:00Z", "da")).toBe("onsdag den 2. december");
    expect(formatDate("2026-12-02T23:30:00Z", "da")).toBe("torsdag den 3. december");
    expect(formatDate("2026-12-02T12:00:00Z", "da")).toBe("onsdag den 2. december");
    expect(formatDate("2026-12-02T23:30:00Z", "en")).toBe("Thursday 3 December");
    expect(formatDocumentDate("2026-12-02T23:30:00Z", "da")).toBe("torsdag den 3. december 2026");
    expect(formatDate("2026-06-30T22:30:00Z", "da")).toBe("onsdag den 1. juli");
  });

  it("gives Copenhagen's day for every quarter of an hour of a year with both clock changes, and far back", () => {
    const formatter = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" });
    for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2027, 0, 2); time += 15 * 60_000) {
      const moment = new Date(time);
      expect(copenhagenDay(moment), moment.toISOString()).toBe(formatter.format(moment));
    }
    for (const moment of [new Date("1890-06-30T23:30:00Z"), new Date("1979-12-31T23:30:00Z"), new Date("2040-10-27T22:59:59.999Z")]) {
      expect(copenhagenDay(moment), moment.toISOString()).toBe(formatter.format(moment));
    }
  });

  it("knows which Danish day a late-evening UTC moment falls on", () => {
    expect(copenhagenDay(new Date("2026-11-23T23:30:00Z"))).toBe("2026-11-24");
    expect(daysBetween(new Date("2026-11-23T10:00:00Z"), new Date("2026-11-24T23:30:00Z"))).toBe(2);
  });
});

describe("typed dates (day, month, year)", () => {
  it("reads real dates, with or without leading zeros and spaces", () => {
    expect(parseDayMonthYear("3", "12", "2026")).toBe("2026-12-03");
    expect(parseDayMonthYear(" 03 ", "09", "2026")).toBe("2026-09-03");
    expect(parseDayMonthYear("29", "2", "2028")).toBe("2028-02-29");
  });

  it("reads a date as people type it: '23.', 'feb', 'februar', 'February', '2.', a two-digit year (issue 14, point 11)", () => {
    for (const [day, month, year] of [["23.", "2", "2027"], ["23", "feb", "2027"], ["23", "Februar", "27"], ["23", "February", "2027"], ["23", "2.", "27"], ["23", "feb.", "2027"]]) {
      expect(parseDayMonthYear(day!, month!, year!), `${day} ${month} ${year}`).toBe("2027-02-23");
    }
  });

  it("refuses dates that do not exist", () => {
    expect(parseDayMonthYear("31", "2", "2026")).toBeNull();
    expect(parseDayMonthYear("29", "2", "2027")).toBeNull();
    expect(parseDayMonthYear("1", "13", "2026")).toBeNull();
    expect(parseDayMonthYear("x", "1", "2026")).toBeNull();
    expect(parseDayMonthYear("1", "marts2", "2026")).toBeNull();
  });

  it("the shared schema gives the field a message key to show", () => {
    const schema = z.object({ start: dateInputSchema({ required: "date.required", invalid: "date.invalid" }) });
    expect(schema.parse({ start: { day: "3", month: "12", year: "2026" } })).toEqual({ start: "2026-12-03" });
    const empty = schema.safeParse({ start: { day: "", month: "", year: "" } });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("date.required");
    const invalid = schema.safeParse({ start: { day: "31", month: "2", year: "2026" } });
    expect(invalid.error?.issues[0]?.message).toBe("date.invalid");
  });
});
