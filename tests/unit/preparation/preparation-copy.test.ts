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
  .filter(({ key }) => /(^|\.)(intro|hint|short|why|onlyYou|noMeeting|whoReads|what|how|health|after|support|duration|fromCvText|noCv|noMap|tasksHint|tasksExamples|tasksShared|tasksFew|hoursHint|shareIntro|shareWho|text)(_team)?(\.\d+)?$/.test(key))
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

// Issue 19: the same parts prepare for a rehabiliteringsteam meeting (`_team` keys, where the
// municipality keeps one) or for the samlet beskrivelse (the base keys, the law since 2026).
describe("the two settings of Forbered dit møde (base keys: no team; _team: with a team)", () => {
  const all = strings(da);
  const byKey = new Map(all.map(({ key, text }) => [key, text]));
  const teamKeys = all.filter(({ key }) => /_team(\.|$)/.test(key));

  it("never says jobcenter: the unit's configured name comes in through {{unit}}", () => {
    expect(all.filter(({ text }) => /jobcent/i.test(text))).toEqual([]);
  });

  it("has a _team twin only where the wording differs, and always with its base key", () => {
    const twins: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== "object" || Array.isArray(node)) return;
      const entries = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(entries)) {
        if (key.endsWith("_team")) {
          const base = key.slice(0, -"_team".length);
          twins.push(`${at}${key}`);
          expect(entries, `${at}${key} has no base key`).toHaveProperty([base]);
          expect(JSON.stringify(entries[base]), `${at}${key} says the same as its base key`).not.toBe(JSON.stringify(value));
        } else walk(value, `${at}${key}.`);
      }
    };
    walk(da, "");
    expect(twins.length).toBeGreaterThan(20);
    expect(teamKeys.length).toBeGreaterThan(twins.length);
  });

  it("the base wording never speaks of the team as if there were one", () => {
    const base = all.filter(({ key }) => !/_team(\.|$)/.test(key));
    expect(base.filter(({ text }) => /\bteam(et|ets)?\b/i.test(text))).toEqual([]);
    // It may say that the municipality holds no rehabiliteringsteam meetings, and names the new words.
    expect(base.some(({ text }) => /samlet beskrivelse|samlede beskrivelse/.test(text))).toBe(true);
    expect(base.some(({ text }) => /sundhedskoordinator/.test(text))).toBe(true);
  });

  it("does not promise a talk with the sundhedskoordinator: it may happen, ask the municipality", () => {
    const mentions = all.filter(({ text }) => /sundhedskoordinator/i.test(text) && !/^Læs mere/.test(text));
    for (const { key, text } of mentions) {
      if (/tale med sundhedskoordinatoren/.test(text)) expect(text, key).toMatch(/Måske|Kan jeg/);
    }
    expect(byKey.get("about.health.2")).toMatch(/Spørg \{\{unit\}\}/);
  });
});
