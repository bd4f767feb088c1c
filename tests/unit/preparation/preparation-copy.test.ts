import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lix, longSentences } from "~/features/content/lix";

const da = JSON.parse(readFileSync(path.resolve(__dirname, "../../../locales/da/preparation.json"), "utf8")) as Record<string, unknown>;

function strings(value: unknown, keyPath = ""): { key: string; text: string }[] {
  if (typeof value === "string") return [{ key: keyPath, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${keyPath}.${index}`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, keyPath ? `${keyPath}.${key}` : key));
  }
  return [];
}

/** The help texts: what explains and guides (intros, hints, "who reads it", Om mødet), not labels or buttons. */
const helpTexts = strings(da)
  .filter(({ key }) => /(^|\.)(intro|hint|short|why|onlyYou|noMeeting|whoReads|what|how|after|support|duration|fromCvText|noCv|noMap|tasksHint|tasksExamples|tasksShared|tasksFew|hoursHint|shareIntro|shareWho|text)(\.\d+)?$/.test(key))
  .map(({ text }) => text.replace(/{{\s*\w+\s*}}/g, "X"));

describe("the Danish copy of Forbered dit møde", () => {
  it(`help texts are easy to read: LIX at most 35`, () => {
    const result = lix(helpTexts);
    console.log(`preparation help texts: LIX ${result.lix} (${result.words} words, ${result.sentences} sentences, ${result.longWords} long words, ${helpTexts.length} texts)`);
    expect(helpTexts.length).toBeGreaterThan(40);
    expect(result.lix).toBeLessThanOrEqual(35);
  });

  it("the whole area's copy too", () => {
    const all = strings(da).map(({ text }) => text.replace(/{{\s*\w+\s*}}/g, "X"));
    const result = lix(all);
    console.log(`preparation, all Danish copy: LIX ${result.lix} (${result.words} words, ${result.sentences} sentences)`);
    expect(result.lix).toBeLessThanOrEqual(35);
  });

  it("no sentence is longer than 20 words", () => {
    expect(longSentences(strings(da).map(({ text }) => text))).toEqual([]);
  });
});
