import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lix } from "~/features/content/lix";
import { addDays, formatDayMonth, monthOf, nextMonth, nextReminder, parseDay, weekNumber, weekStart } from "~/features/progress/calendar";
import { energyPatterns, type DiaryDay } from "~/features/progress/patterns";

/** Issue 22: the pure rules of "Sådan går det": patterns in words, reminder dates, weeks, and the copy. */

const days = (...entries: [DiaryDay["energy"], string[]][]): DiaryDay[] => entries.map(([energy, activities]) => ({ energy, activities }));

describe("patterns from her own diary", () => {
  const week = days(
    ["some", ["walk"]],
    ["little", ["rest"]],
    ["quite_a_lot", ["walk", "company"]],
    ["little", ["appointment"]],
    ["some", ["walk"]],
    ["very_little", ["rest"]],
    ["some", ["company", "home"]],
  );

  it("says nothing below seven days, however clear", () => {
    expect(energyPatterns(week.slice(0, 6))).toEqual([]);
    expect(energyPatterns(week)).toEqual(["walk", "company"]);
  });

  it("names only what went with more energy, never what went with less (no blame for resting)", () => {
    expect(energyPatterns(week)).not.toContain("rest");
    const restful = days(["a_lot", ["rest"]], ["a_lot", ["rest"]], ["little", []], ["little", []], ["little", []], ["little", []], ["little", []]);
    expect(energyPatterns(restful)).toEqual(["rest"]);
  });

  it("needs two days with and two without, and at least half a step between them", () => {
    // Walked once only: no pattern from one day.
    expect(energyPatterns(days(["a_lot", ["walk"]], ...Array.from({ length: 6 }, () => ["little", []] as [DiaryDay["energy"], string[]])))).toEqual([]);
    // Every day a walk: nothing to compare with.
    expect(energyPatterns(days(...Array.from({ length: 8 }, (_, i) => [i % 2 ? "a_lot" : "little", ["walk"]] as [DiaryDay["energy"], string[]])))).toEqual([]);
    // A quarter step is noise.
    const close = days(["some", ["walk"]], ["some", ["walk"]], ["some", ["walk"]], ["little", ["walk"]], ["some", []], ["some", []], ["some", []]);
    expect(energyPatterns(close)).toEqual([]);
  });

  it("says at most two, the clearest first", () => {
    const many = days(
      ["a_lot", ["walk", "company", "home"]],
      ["a_lot", ["walk", "company", "home"]],
      ["quite_a_lot", ["walk", "home"]],
      ["very_little", []],
      ["very_little", []],
      ["little", ["company"]],
      ["very_little", []],
    );
    expect(energyPatterns(many)).toEqual(["walk", "home"]);
  });
});

describe("the calendar of the check-in", () => {
  it("reminds on her day this month until she has answered, then next month", () => {
    expect(nextReminder("2026-12-05", 12, false)).toBe("2026-12-12");
    expect(nextReminder("2026-12-12", 12, false)).toBe("2026-12-12");
    expect(nextReminder("2026-12-13", 12, false)).toBe("2027-01-12");
    expect(nextReminder("2026-12-05", 12, true)).toBe("2027-01-12");
    expect(nextReminder("2026-12-05", 1, false)).toBe("2027-01-01");
    expect(nextReminder("2026-12-05", null, false)).toBeNull();
    expect(formatDayMonth("2027-01-12", "da")).toBe("12. januar");
    expect(formatDayMonth("2027-01-12", "en")).toBe("12 January");
  });

  it("counts months, weeks from Monday and ISO week numbers", () => {
    expect(monthOf("2026-12-31")).toBe("2026-12-01");
    expect(nextMonth("2026-12-05")).toBe("2027-01-01");
    expect(weekStart("2026-12-05")).toBe("2026-11-30");
    expect(weekStart("2026-11-30")).toBe("2026-11-30");
    expect(weekStart("2026-12-06")).toBe("2026-11-30");
    expect(weekNumber("2026-12-05")).toBe(49);
    expect(weekNumber("2027-01-01")).toBe(53);
    expect(weekNumber("2027-01-04")).toBe(1);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("2026-12-05")).toBe("2026-12-05");
    expect(parseDay("5/12")).toBeNull();
  });
});

describe("the copy", () => {
  const da = JSON.parse(readFileSync("locales/da/progress.json", "utf8"));
  const en = JSON.parse(readFileSync("locales/en/progress.json", "utf8"));
  const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : Object.values(value as object).flatMap(strings));

  it("keeps the help texts at LIX 30 or below", () => {
    const help = [
      da.page.lead, da.page.private, da.page.historyIntro, da.page.diaryText, da.page.signsText, da.answers.intro,
      da.set.shareExplain, da.set.shareLive, da.reminder.intro, da.reminder.where, da.reminder.once, da.reminder.hint, da.diary.lead,
      da.diary.private, da.diary.patternsNote, da.signs.lead, da.signs.why, da.signs.warningSignsHint, da.signs.strategiesHint,
      da.signs.shareExplain,
    ];
    expect(lix(help).lix).toBeLessThanOrEqual(30);
    expect(lix(strings(da).map((text) => text.replace(/{{\s*\w+\s*}}/g, "december"))).lix).toBeLessThanOrEqual(30);
  });

  it("has a word for every step, and never a score, a grade or a judging word", () => {
    expect(Object.keys(da.levels)).toEqual(["very_hard", "hard", "mixed", "fairly_good", "good"]);
    expect(Object.keys(da.energyLevels)).toEqual(["very_little", "little", "some", "quite_a_lot", "a_lot"]);
    for (const words of [da.levels, da.energyLevels, en.levels, en.energyLevels]) {
      for (const word of Object.values(words) as string[]) expect(word).toMatch(/^\p{L}[\p{L} ]+$/u);
    }
    for (const text of strings(da)) expect(text).not.toMatch(/\bsvag|\bpassiv|\bpoint\b|\bscore|\bkarakteren\b|\bdårlig(e)? dag/i);
    for (const text of strings(en)) expect(text).not.toMatch(/\bweak|\bpassive|\bscore|\bpoints?\b/i);
  });
});
