// Quality gates for the plain-language pages ("Om dit forløb", /ordliste, /privatliv,
// /tilgaengelighed, /hjaelp): readability, sentence length, banned words, first-use links, links
// that resolve, an English twin for every Danish page, complete front matter, and that every
// explanation the plan and the meetings link to exists. The checkers themselves are tested on bad
// samples in content-checks.test.ts, so a passing run here means something.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { afterAll, describe, expect, it } from "vitest";
import { activityKindEnum } from "../../../db/schema/plan";
import { appointmentKindEnum } from "../../../db/schema/appointments";
import { programmeEnum } from "../../../db/schema/people";
import routes from "~/routes";
import { aboutSlugs, explanationFor, explanationHrefs, hrefFor, pageSlugs, type PageSlug } from "~/features/content/catalogue";
import { copyProblems, firstUseProblems, linkProblems, pageLix, type LinkTargets } from "~/features/content/checks";
import { lix, sentencesOf } from "~/features/content/lix";
import { linkTargets } from "~/features/content/markdown.server";
import { glossaryTermsOf, parsePage, type ParsedPage } from "~/features/content/page-parser.server";
import { allPages } from "~/features/content/pages.server";
import { supportedLanguages, type Language } from "~/lib/i18n/config";

const root = path.resolve(__dirname, "../../..");
const pagesDir = (language: Language) => path.join(root, "locales", language, "pages");
const slugsOnDisk = (language: Language) =>
  readdirSync(pagesDir(language))
    .filter((file) => file.endsWith(".md"))
    .map((file) => file.replace(/\.md$/, ""))
    .sort();

function load(language: Language): ParsedPage[] {
  return slugsOnDisk(language)
    .filter((slug): slug is PageSlug => (pageSlugs as readonly string[]).includes(slug))
    .map((slug) => parsePage(readFileSync(path.join(pagesDir(language), `${slug}.md`), "utf8"), slug, language));
}

const pages: Record<Language, ParsedPage[]> = { da: load("da"), en: load("en") };
const glossary = (language: Language) => {
  const page = pages[language].find((p) => p.slug === "ordliste");
  if (!page) throw new Error(`locales/${language}/pages/ordliste.md is missing`);
  return glossaryTermsOf(page);
};

/** Every static address the app answers (from app/routes.ts), dynamic segments left out. */
function staticPaths(entries: RouteConfigEntry[], prefix = ""): string[] {
  return entries.flatMap((entry) => {
    const own = entry.index ? prefix || "/" : entry.path !== undefined ? `${prefix}/${entry.path}`.replace(/\/+/g, "/") : prefix;
    const here = entry.path?.includes(":") || entry.path?.includes("*") ? [] : [own || "/"];
    return [...here, ...staticPaths(entry.children ?? [], own)];
  });
}

function targetsFor(language: Language): LinkTargets {
  const byPath = new Map<string, Set<string>>();
  for (const page of pages[language]) {
    byPath.set(hrefFor(page.slug), new Set(page.blocks.flatMap((block) => (block.id ? [block.id] : []))));
  }
  return { pages: byPath, paths: new Set(staticPaths(routes)) };
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value.replace(/<\/?\w+>/g, "")];
  return Object.values(value as Record<string, unknown>).flatMap(strings);
}
const contentJson = (language: Language) =>
  JSON.parse(readFileSync(path.join(root, "locales", language, "content.json"), "utf8")) as Record<string, unknown>;

/** The readability gate for every plain-language page in Danish (issue 19: LIX at most 30). */
const LIX_GATE = 30;

const lixTable: { page: string; lix: number; words: number; sentences: number }[] = [];
afterAll(() => {
  if (lixTable.length === 0) return;
  const rows = [...lixTable].sort((a, b) => b.lix - a.lix);
  console.log(
    `LIX of the Danish pages (gate: at most 30):\n${rows
      .map((row) => `  ${row.lix.toFixed(1).padStart(5)}  ${row.page.padEnd(22)} ${row.words} words, ${row.sentences} sentences`)
      .join("\n")}`,
  );
});

describe("the page files", () => {
  it("every page in the catalogue exists in Danish and English, and nothing else does", () => {
    const expected = [...pageSlugs].sort();
    expect(slugsOnDisk("da")).toEqual(expected);
    expect(slugsOnDisk("en")).toEqual(expected);
  });

  it("the server bundles exactly these pages, in both languages", () => {
    const keys = [...allPages().keys()].sort();
    expect(keys).toEqual(supportedLanguages.flatMap((language) => pageSlugs.map((slug) => `${language}/${slug}`)).sort());
  });

  for (const language of supportedLanguages) {
    it(`${language}: front matter is complete (title, summary, last reviewed, https sources, Læs også)`, () => {
      const today = new Date().toISOString().slice(0, 10);
      for (const page of pages[language]) {
        expect(page.title.trim(), page.slug).not.toBe("");
        expect(page.summary.trim(), page.slug).not.toBe("");
        expect(page.lastReviewed, `${page.slug}: lastReviewed`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(page.lastReviewed <= today, `${page.slug}: lastReviewed ${page.lastReviewed} is in the future`).toBe(true);
        expect(page.sources.length, `${page.slug}: sources`).toBeGreaterThan(0);
        for (const source of page.sources) expect(source.url, page.slug).toMatch(/^https:\/\/[^/]+\.[a-z]{2,}\//);
        expect(page.related.length, `${page.slug}: related`).toBeGreaterThan(0);
        expect(page.related, `${page.slug} lists itself under Læs også`).not.toContain(page.slug);
      }
    });
  }

  it("each English page is a twin of its Danish page: same sources, Læs også and internal links", () => {
    for (const da of pages.da) {
      const en = pages.en.find((page) => page.slug === da.slug)!;
      expect(en.sources.map((s) => s.url), da.slug).toEqual(da.sources.map((s) => s.url));
      expect(en.related, da.slug).toEqual(da.related);
      expect(en.lastReviewed >= da.lastReviewed, `${da.slug}: English reviewed before the Danish page`).toBe(true);
      const internal = (page: ParsedPage) => [...new Set(linkTargets(page.tokens).filter((href) => href.startsWith("/")))].sort();
      expect(internal(en), `${da.slug}: internal links differ`).toEqual(internal(da));
    }
  });
});

describe("Danish copy", () => {
  it("every Danish page has LIX at most 30 (/om and /hjaelp too)", () => {
    const over: string[] = [];
    for (const page of pages.da) {
      const result = pageLix(page);
      lixTable.push({ page: page.slug, ...result });
      if (result.lix > LIX_GATE) over.push(`${page.slug}: LIX ${result.lix}`);
    }
    const content = contentJson("da");
    const index = lix([...strings(content.about), ...pages.da.filter((p) => p.slug !== "ordliste").map((p) => p.summary)]);
    const help = lix([...strings(content.help), ...strings(content.page)]);
    lixTable.push({ page: "om (index)", ...index }, { page: "hjaelp", ...help });
    if (index.lix > LIX_GATE) over.push(`/om: LIX ${index.lix}`);
    if (help.lix > LIX_GATE) over.push(`/hjaelp: LIX ${help.lix}`);
    expect(over).toEqual([]);
  });

  it("no page says »jobcenter«: since the 2026 reform the law says »kommunen« (issue 19)", () => {
    const named = (text: string) => /jobcent|job cent/i.test(text);
    for (const language of supportedLanguages) {
      for (const slug of slugsOnDisk(language)) {
        // Addresses are left out: a law's official title (in a source's URL) may still name the old requirement.
        const source = readFileSync(path.join(pagesDir(language), `${slug}.md`), "utf8").replace(/https:\/\/\S+/g, "");
        expect(named(source), `locales/${language}/pages/${slug}.md`).toBe(false);
      }
      // content.json outside "help" (the help page's texts are kept by /hjaelp).
      const rest = Object.entries(contentJson(language)).filter(([key]) => key !== "help").map(([, value]) => value);
      expect(strings(rest).filter(named), `locales/${language}/content.json`).toEqual([]);
    }
  });

  it("sentences have at most 20 words (quoted names count as one) and no banned words are used", () => {
    expect(pages.da.flatMap(copyProblems)).toEqual([]);
  });

  it("every programme word links to its explanation the first time a page uses it", () => {
    const terms = glossary("da");
    expect(pages.da.filter((page) => page.slug !== "ordliste").flatMap((page) => firstUseProblems(page, terms))).toEqual([]);
  });
});

describe("the glossary (/ordliste)", () => {
  // Programme words the portal uses (issue 8, DOMAIN.md and the locale files). When another part
  // of the portal starts using a new programme word, add it here and to both glossaries.
  const programmeWords = [
    "afgoerelse", "aktindsigt", "ankestyrelsen", "arbejdsevne", "behandling", "beskaeftigelsesmaal", "bisidder", "cv",
    "delmaal", "digital-post", "fleksjob", "forberedende-del", "forberedende-sagsbehandler", "foertidspension",
    "indsats", "indsatsplan", "indstilling", "jobafklaringsforloeb", "joboensker", "klinisk-funktion",
    "kontaktforloeb", "koordinerende-sagsbehandler", "kursus", "ledighedsydelse", "laegevagt", "loentilskud", "medspiller", "mentor",
    "min-plan", "modspiller", "netvaerk", "partshoering", "partsrepraesentant", "paaroerende", "rehabiliteringsteam",
    "reformen", "ressourceforloeb", "ressourceforloebsydelse", "revalidering", "rundbordssamtale", "sagsbehandler",
    "samlet-beskrivelse", "samtykke", "skaanehensyn",
    "slutmaal", "sundhedskoordinator", "sygedagpenge", "virksomhedskonsulent", "virksomhedspraktik", "ydelse",
  ];

  it("explains every programme word, in both languages, with the same anchors", () => {
    const da = glossary("da").map((term) => term.id);
    const en = glossary("en").map((term) => term.id);
    expect(programmeWords.filter((id) => !da.includes(id)), "missing in Danish").toEqual([]);
    expect([...en].sort()).toEqual([...da].sort());
  });

  it("every programme word the locale files use has an entry", () => {
    const terms = glossary("da");
    const text = readdirSync(path.join(root, "locales", "da"))
      .filter((file) => file.endsWith(".json"))
      .map((file) => readFileSync(path.join(root, "locales", "da", file), "utf8").toLowerCase())
      .join("\n");
    // The other way round: a word from this list in the portal's text must have an entry.
    const used = ["rundbordssamtale", "bisidder", "delmål", "skånehensyn", "virksomhedskonsulent", "indsats", "aktindsigt",
      "samtykke", "medspiller", "modspiller", "partsrepræsentant", "forberedende sagsbehandler", "koordinerende sagsbehandler",
      "fleksjob", "løntilskud", "jobafklaringsforløb", "ressourceforløb", "rehabiliteringsteam", "mentor", "virksomhedspraktik",
      "sundhedskoordinator", "beskæftigelsesmål", "pårørende", "netværk", "ydelse", "forberedende del", "indsatsplan",
      "kontaktforløb", "samlet beskrivelse", "samlede beskrivelse", "klinisk funktion", "revalidering"]
      .filter((word) => text.includes(word));
    const known = terms.flatMap((term) => term.forms);
    expect(used.filter((word) => !known.some((form) => word === form || word.startsWith(form))), "used but not explained").toEqual([]);
  });

  it("each entry is one or two short sentences", () => {
    for (const language of supportedLanguages) {
      const page = pages[language].find((p) => p.slug === "ordliste")!;
      page.blocks.forEach((block, index) => {
        if (block.kind !== "heading" || block.level !== 2) return;
        const body = page.blocks.slice(index + 1).findIndex((next) => next.kind === "heading");
        const entry = page.blocks.slice(index + 1, body === -1 ? undefined : index + 1 + body);
        const sentences = entry.flatMap((b) => sentencesOf(b.text, { colon: false }));
        expect(sentences.length, `${language} ${block.text}`).toBeGreaterThanOrEqual(1);
        expect(sentences.length, `${language} ${block.text}`).toBeLessThanOrEqual(2);
      });
    }
  });
});

describe("links", () => {
  for (const language of supportedLanguages) {
    it(`${language}: every link in every page leads somewhere (page and #anchor exist, external links are https)`, () => {
      const targets = targetsFor(language);
      const problems = pages[language].flatMap((page) => linkProblems(page, linkTargets(page.tokens), targets));
      expect(problems).toEqual([]);
    });

    it(`${language}: "Læs også" and the explanations the plan and meetings link to resolve`, () => {
      const targets = targetsFor(language);
      const related = pages[language].flatMap((page) => page.related.map(hrefFor));
      const problems = linkProblems({ slug: "ordliste", language }, [...related, ...explanationHrefs], targets);
      expect(problems).toEqual([]);
    });
  }

  it("every programme, activity type and meeting type has an explanation (except »other«)", () => {
    for (const kind of programmeEnum.enumValues) {
      expect(explanationFor("programme", kind), `programme ${kind}`).toBe(`/om/${kind}`);
    }
    for (const kind of activityKindEnum.enumValues) {
      const href = explanationFor("activity", kind);
      if (kind === "other") expect(href).toBeNull();
      else expect(href, `activity ${kind}`).toMatch(/^\/(om\/|ordliste#)/);
    }
    for (const kind of appointmentKindEnum.enumValues) {
      const href = explanationFor("appointment", kind);
      if (kind === "other") expect(href).toBeNull();
      else expect(href, `appointment ${kind}`).toMatch(/^\/(om\/|ordliste#)/);
    }
    expect(explanationFor("programme", "ressourceforloeb")).toBe("/om/ressourceforloeb");
    expect(explanationFor("programme", "jobafklaringsforloeb")).toBe("/om/jobafklaringsforloeb");
    expect(explanationFor("programme", "kontaktforloeb")).toBe("/om/kontaktforloeb");
    expect(explanationFor("appointment", "samlet_beskrivelse")).toBe("/om/samlet-beskrivelse");
  });

  it("/om lists every page under /om", () => {
    const source = readFileSync(path.join(root, "app/features/content/routes/content-about.tsx"), "utf8");
    for (const slug of aboutSlugs) expect(source, slug).toContain(`"${slug}"`);
  });
});
