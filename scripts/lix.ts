// Prints the readability (LIX) of every Danish plain-language page, and any problems the unit
// tests would fail on: sentences over 20 words, banned words, programme words not linked at
// first use. Usage: npx tsx scripts/lix.ts [language]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pageSlugs, type PageSlug } from "../app/features/content/catalogue";
import { copyProblems, firstUseProblems, pageLix } from "../app/features/content/checks";
import { lix } from "../app/features/content/lix";
import { glossaryTermsOf, parsePage } from "../app/features/content/page-parser.server";
import { isLanguage } from "../app/lib/i18n/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const language = process.argv[2] ?? "da";
if (!isLanguage(language)) throw new Error(`Unknown language: ${language}`);

const directory = path.join(root, "locales", language, "pages");
const pages = readdirSync(directory)
  .filter((file) => file.endsWith(".md"))
  .map((file) => file.replace(/\.md$/, "") as PageSlug)
  .filter((slug) => (pageSlugs as readonly string[]).includes(slug))
  .map((slug) => parsePage(readFileSync(path.join(directory, `${slug}.md`), "utf8"), slug, language));
const glossary = pages.find((page) => page.slug === "ordliste");
const terms = glossary ? glossaryTermsOf(glossary) : [];

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value.replace(/<\/?\w+>/g, "")];
  return Object.values(value as Record<string, unknown>).flatMap(strings);
}
const content = JSON.parse(readFileSync(path.join(root, "locales", language, "content.json"), "utf8"));

const rows = [
  ...pages.map((page) => ({ page: page.slug, ...pageLix(page) })),
  { page: "om (index)", ...lix([...strings(content.about), ...pages.filter((p) => p.slug !== "ordliste").map((p) => p.summary)]) },
  { page: "hjaelp", ...lix([...strings(content.help), ...strings(content.page)]) },
].sort((a, b) => b.lix - a.lix);

console.log(`LIX per page (${language}), highest first; plain-language pages must stay at or below 30:`);
for (const row of rows) {
  console.log(`  ${row.lix.toFixed(1).padStart(5)}  ${row.page.padEnd(24)} ${row.words} words, ${row.sentences} sentences, ${row.longWords} long words`);
}
if (language === "da") {
  const problems = pages.flatMap((page) => [
    ...copyProblems(page),
    ...(page.slug === "ordliste" ? [] : firstUseProblems(page, terms)),
  ]);
  console.log(problems.length ? `\n${problems.length} problem(s):\n${problems.join("\n")}` : "\nNo problems found.");
}
