import { describe, expect, it } from "vitest";
import { editableHours, formatHours, parseHours } from "~/features/cv/hours";
import { meansNow, parsePartialDate } from "~/features/cv/partial-date";
import { entrySchema, wishesSchema } from "~/features/cv/schema";
import { sections } from "~/features/cv/sections";

/**
 * Issue 14, point 11: natural answers are accepted. A CV period may be typed as a person would
 * write it, and hours per week may be a range; what cannot be read is refused by example.
 */

const NOW = new Date("2026-12-04T12:00:00Z");

describe("CV dates in a person's own words", () => {
  const march2017 = { year: 2017, month: 3 };
  it.each([
    "marts 2017",
    "Marts 2017",
    "MARTS 2017",
    "mar 2017",
    "mar. 2017",
    "Mar. 2017",
    "March 2017",
    "march 2017",
    "marts, 2017",
    "3/2017",
    "03/2017",
    "3-2017",
    "3.2017",
    "3 2017",
    " 3 / 2017 ",
    "2017-03",
    "2017-3",
    "2017/03",
    "3/17",
    "marts 17",
    "2017 marts",
  ])("reads %j as March 2017", (typed) => {
    expect(parsePartialDate(typed, NOW)).toEqual(march2017);
  });

  it.each([
    ["januar 2010", 1],
    ["feb. 2010", 2],
    ["april 2010", 4],
    ["maj 2010", 5],
    ["May 2010", 5],
    ["jun 2010", 6],
    ["juli 2010", 7],
    ["aug. 2010", 8],
    ["sept. 2010", 9],
    ["sep 2010", 9],
    ["okt. 2010", 10],
    ["Oct 2010", 10],
    ["november 2010", 11],
    ["dec 2010", 12],
  ])("reads the month in %j", (typed, month) => {
    expect(parsePartialDate(typed, NOW)).toEqual({ year: 2010, month });
  });

  it("reads a year alone, and a two-digit year as the latest that is not in the future", () => {
    expect(parsePartialDate("2017", NOW)).toEqual({ year: 2017, month: null });
    expect(parsePartialDate("12/98", NOW)).toEqual({ year: 1998, month: 12 });
    expect(parsePartialDate("12/26", NOW)).toEqual({ year: 2026, month: 12 });
  });

  it.each(["marts", "13/2017", "0/2017", "smarts 2017", "sidste år", "2017-13", "1/1/2017", "1800"])("refuses %j", (typed) => {
    expect(parsePartialDate(typed, NOW)).toBeNull();
  });

  it("understands 'nu' and 'now' in the 'Til' field as still being there", () => {
    for (const word of ["nu", "Nu", "i dag", "stadig", "now", "Present"]) expect(meansNow(word), word).toBe(true);
    expect(meansNow("november")).toBe(false);
  });

  it("stores what was typed naturally, and 'nu' as ongoing", () => {
    const schema = entrySchema(sections.erfaring, NOW);
    const parsed = schema.safeParse({ title: "Butiksassistent", from: "marts 2017", to: "Dec. 2018" });
    expect(parsed.success && parsed.data).toMatchObject({ fromText: "2017-03", toText: "2018-12", isOngoing: false });
    const ongoing = schema.safeParse({ title: "Butiksassistent", from: "3/2017", to: "nu" });
    expect(ongoing.success && ongoing.data).toMatchObject({ fromText: "2017-03", toText: null, isOngoing: true });
  });

  it("refuses an unreadable date with the message that explains by example", () => {
    const parsed = entrySchema(sections.erfaring, NOW).safeParse({ title: "Butiksassistent", from: "foråret", to: "2018" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ["from"], message: "errors.dateFormat" })]);
  });
});

describe("hours per week in a person's own words", () => {
  it.each([
    ["20", { min: 20, max: null }],
    ["20 timer", { min: 20, max: null }],
    ["20 timer om ugen", { min: 20, max: null }],
    ["20 t.", { min: 20, max: null }],
    ["ca. 20", { min: 20, max: null }],
    ["cirka 20 timer", { min: 20, max: null }],
    ["about 20 hours", { min: 20, max: null }],
    ["10-15", { min: 10, max: 15 }],
    ["10–15", { min: 10, max: 15 }],
    ["10 - 15 timer", { min: 10, max: 15 }],
    ["10 til 15", { min: 10, max: 15 }],
    ["10 til 15 timer", { min: 10, max: 15 }],
    ["10 to 15 hours a week", { min: 10, max: 15 }],
    ["ca. 10-15 timer", { min: 10, max: 15 }],
    ["15-10", { min: 10, max: 15 }],
    ["12-12", { min: 12, max: null }],
    ["op til 20", { min: null, max: 20 }],
    ["Op til 20 timer", { min: null, max: 20 }],
    ["højst 20", { min: null, max: 20 }],
    ["max 20", { min: null, max: 20 }],
    ["up to 20 hours", { min: null, max: 20 }],
    ["0", { min: 0, max: null }],
  ])("reads %j", (typed, range) => {
    expect(parseHours(typed)).toEqual(range);
  });

  it.each(["ti", "mange", "20,5", "10-", "-15", "op til", "10-15-20"])("cannot read %j", (typed) => {
    expect(parseHours(typed)).toBeNull();
  });

  it("says a number above 60 is too many", () => {
    expect(parseHours("70")).toBe("too-many");
    expect(parseHours("10-70")).toBe("too-many");
  });

  it("keeps the range through the form and shows it back in words", () => {
    const parsed = wishesSchema.safeParse({ hoursPerWeek: "10 til 15", version: "0" });
    expect(parsed.success && parsed.data.hoursPerWeek).toEqual({ min: 10, max: 15 });
    const refused = wishesSchema.safeParse({ hoursPerWeek: "ti", version: "0" });
    expect(refused.error!.issues[0]!.message).toBe("wishes.errors.hoursFormat");
    expect(editableHours(10, 15, "op til")).toBe("10-15");
    expect(editableHours(null, 20, "op til")).toBe("op til 20");
    expect(parseHours(editableHours(null, 20, "op til"))).toEqual({ min: null, max: 20 });
    const t = (key: string, options?: Record<string, unknown>) => `${key}:${JSON.stringify(options)}`;
    expect(formatHours(10, 15, t)).toBe('doc.hoursRange:{"min":10,"max":15}');
    expect(formatHours(null, null, t)).toBe("");
  });
});
