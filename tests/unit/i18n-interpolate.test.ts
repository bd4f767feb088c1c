import { describe, expect, it } from "vitest";
import { quickTranslate } from "~/lib/i18n/interpolate";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { unitWords } from "~/lib/municipality";

// The pages translate texts with values through quickTranslate (lib/i18n/react.ts). It must say
// exactly what i18next says, for every text, in both languages, with every plural count.
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

describe("quickTranslate", () => {
  for (const language of ["da", "en"] as const) {
    it(`answers as i18next does for every text in ${language}, or leaves it to i18next`, () => {
      const i18n = createI18n(language, resources[language], unitWords({ name: "Solbjerg", unitName: "Jobcenter Solbjerg" }, language));
      let quick = 0;
      let calls = 0;
      for (const [ns, texts] of Object.entries(resources[language])) {
        const byKey = new Map<string, string[]>();
        for (const [key, text] of leaves(texts)) {
          const base = key.replace(PLURAL, "");
          byKey.set(base, [...(byKey.get(base) ?? []), text]);
        }
        for (const [key, forms] of byKey) {
          const names = new Set(forms.flatMap((text) => [...text.matchAll(/\{\{(.+?)\}\}/g)].map((match) => match[1]!.trim())));
          const values: Record<string, unknown> = {};
          for (const name of names) if (name !== "count") values[name] = `«${name}»`;
          const counts = forms.length > 1 || names.has("count") ? [0, 1, 2, 5, 21] : [undefined];
          for (const count of counts) {
            const withCount = count === undefined ? values : { ...values, count };
            const expected = i18n.t(key, { ...withCount, lng: language, ns });
            const answer = quickTranslate(i18n, language, ns, key, withCount);
            calls++;
            if (answer === undefined) continue;
            quick++;
            expect(answer, `${ns}:${key} ${JSON.stringify(withCount)}`).toBe(expected);
            // The same text named with its namespace from a page of another ("common:dates.timeRange").
            const other = ns === "common" ? "appointments" : "common";
            expect(i18n.t(`${ns}:${key}`, { ...withCount, lng: language, ns: other }), `${ns}:${key} from ${other}`).toBe(expected);
            expect(quickTranslate(i18n, language, other, `${ns}:${key}`, withCount), `${ns}:${key} from ${other}`).toBe(expected);
          }
        }
      }
      // Nearly every text takes the quick path; those left to i18next are the unusual ones.
      expect(quick / calls).toBeGreaterThan(0.95);
    });
  }

  it("leaves to i18next what it does not do itself", () => {
    const i18n = createI18n("da", resources.da);
    const key = leaves(resources.da.common).find(([, text]) => text.includes("{{"))![0];
    expect(quickTranslate(i18n, "da", "common", key, {})).toBeUndefined(); // a value missing
    expect(quickTranslate(i18n, "da", "common", key, { context: "x" })).toBeUndefined();
    expect(quickTranslate(i18n, "da", "common", key, { defaultValue: "x" })).toBeUndefined();
    expect(quickTranslate(i18n, "da", "common", `common:${key}`, {})).toBeUndefined(); // a value missing
    expect(quickTranslate(i18n, "da", "common", `nosuchnamespace:${key}`, { count: 1 })).toBeUndefined();
    expect(quickTranslate(i18n, "da", "common", "no.such.key", { count: 1 })).toBeUndefined();
  });
});
