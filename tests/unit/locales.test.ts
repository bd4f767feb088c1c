import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../locales");

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, inner]) => ({ ...all, ...flatten(inner, prefix ? `${prefix}.${key}` : key) }),
    {},
  );
}

function load(language: string) {
  const keys: Record<string, string> = {};
  for (const file of readdirSync(path.join(root, language)).filter((f) => f.endsWith(".json"))) {
    const namespace = file.replace(/\.json$/, "");
    const flat = flatten(JSON.parse(readFileSync(path.join(root, language, file), "utf8")));
    for (const [key, text] of Object.entries(flat)) keys[`${namespace}:${key}`] = text;
  }
  return keys;
}

const da = load("da");
const en = load("en");

// Words the portal never uses about people (the copy rules in README.md), and stiff officialese.
const bannedDanish = [/\bsvag/i, /udstødningstruet/i, /\bklient/i, /\bpassiv/i, /Dette felt er påkrævet/i, /En fejl opstod/i, /\bsåfremt\b/i, /\bjf\./i, /\b(De|Dem|Deres)\b/];

describe("translations", () => {
  it("Danish and English have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it("no text is empty, and interpolations match across languages", () => {
    for (const [key, text] of Object.entries(da)) {
      expect(text.trim(), key).not.toBe("");
      const placeholders = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort();
      expect(placeholders(en[key] ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("Danish copy avoids the words we never use", () => {
    for (const [key, text] of Object.entries(da)) {
      for (const pattern of bannedDanish) expect(text, `${key}: ${pattern}`).not.toMatch(pattern);
    }
  });

  // Issue 19: since lov nr. 1750 (2026) the law says »kommunen«. A municipality's own name for its
  // unit comes only from MUNICIPALITIES_FILE, through {{unit}}; no text names a jobcentre itself.
  it("no text says jobcentret: {{unit}} or kommunen instead", () => {
    for (const [key, text] of Object.entries(da)) expect(text, key).not.toMatch(/jobcent/i);
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(/job ?cent/i);
  });

  it("Danish sentences stay short (at most 20 words)", () => {
    for (const [key, text] of Object.entries(da)) {
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        expect(sentence.split(/\s+/).filter(Boolean).length, `${key}: "${sentence}"`).toBeLessThanOrEqual(20);
      }
    }
  });

  // Issue 14, point 14: one kind of quotation marks per language.
  it("Danish quotes with »…« (never «…»), English with “…”, never straight quotes", () => {
    const outsideDanishQuotes = (text: string) => text.replace(/»[^«»]*«/g, "");
    for (const [key, text] of Object.entries(da)) {
      expect(text, key).not.toMatch(/["“”„]/);
      expect(outsideDanishQuotes(text), key).not.toMatch(/[»«]/);
    }
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(/["»«]/);
    for (const language of ["da", "en"]) {
      for (const file of readdirSync(path.join(root, language, "pages"))) {
        const page = readFileSync(path.join(root, language, "pages", file), "utf8");
        if (language === "da") expect(outsideDanishQuotes(page), file).not.toMatch(/[»«]/);
        else expect(page, file).not.toMatch(/[»«]/);
      }
    }
  });

  it("every error message is a whole sentence that ends with a full stop", () => {
    const titles = /^common:errors\.(notFoundTitle|genericTitle|forbiddenTitle|requestId|backHome)$/;
    for (const texts of [da, en]) {
      for (const [key, text] of Object.entries(texts)) {
        if (!/(^|[.:])errors\./.test(key) || titles.test(key)) continue;
        expect(text.trim(), key).toMatch(/[.!?]$/);
      }
    }
  });
});
