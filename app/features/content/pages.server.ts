import { fallbackLanguage, isLanguage, type Language } from "~/lib/i18n/config";
import { languageOf } from "~/lib/i18n/i18n.server";
import type { RequestContext } from "~/lib/request.server";
import { resources } from "~/lib/i18n/resources.server";
import { hrefFor, pageSlugs, type PageSlug } from "./catalogue";
import { glossaryIndex, letterOf, type GlossaryLetter } from "./glossary";
import { renderTokens } from "./markdown.server";
import { glossaryTermsOf, parsePage, type FrontMatter, type GlossaryTerm, type ParsedPage } from "./page-parser.server";

export type { GlossaryTerm, ParsedPage };

// Every locales/<lng>/pages/<slug>.md, bundled into the server build as text.
const files = import.meta.glob<string>("../../../locales/*/pages/*.md", { query: "?raw", import: "default", eager: true });

let cache: Map<string, ParsedPage> | undefined;

/** All pages in all languages, parsed once. A page that does not parse fails loudly (the unit tests catch it first). */
export function allPages(): Map<string, ParsedPage> {
  if (cache) return cache;
  const pages = new Map<string, ParsedPage>();
  for (const [file, source] of Object.entries(files)) {
    const match = /locales\/(\w+)\/pages\/([\w-]+)\.md$/.exec(file);
    if (!match) continue;
    const [, language, slug] = match as unknown as [string, string, string];
    if (!isLanguage(language)) continue;
    if (!(pageSlugs as readonly string[]).includes(slug)) {
      throw new Error(`locales/${language}/pages/${slug}.md is not listed in app/features/content/catalogue.ts`);
    }
    pages.set(`${language}/${slug}`, parsePage(source, slug as PageSlug, language));
  }
  cache = pages;
  return pages;
}

export function findPage(language: Language, slug: PageSlug): ParsedPage | null {
  const pages = allPages();
  return pages.get(`${language}/${slug}`) ?? pages.get(`${fallbackLanguage}/${slug}`) ?? null;
}

/** The title of any content page, the help page included, in a language. */
export function titleOf(language: Language, slug: PageSlug | "hjaelp" | "om"): string {
  if (slug === "hjaelp" || slug === "om") {
    const content = resources[language].content as { help: { title: string }; about: { title: string } };
    return slug === "hjaelp" ? content.help.title : content.about.title;
  }
  return findPage(language, slug)?.title ?? slug;
}

export interface PageView {
  slug: PageSlug;
  title: string;
  summary: string;
  lastReviewed: string;
  sources: FrontMatter["sources"];
  related: { href: string; title: string }[];
  html: string;
}

/** /ordliste: the page, whose `html` is only the intro, then the A–Å index and the entries. */
export interface GlossaryView {
  letters: GlossaryLetter[];
  /** Each letter's entries as HTML, with the terms as h3 under the letter's h2. */
  groups: { letter: string; id: string; html: string }[];
}

const glossaryViews = new Map<ParsedPage, { intro: string; glossary: GlossaryView }>();

/**
 * Splits the glossary into its intro and one chunk per term (a level-2 heading and what follows),
 * files each term under the first letter of its Danish word, and makes the terms level 3 so the
 * letters can be the level-2 headings. The parsed page is not changed (the checks read it).
 */
function glossaryView(page: ParsedPage): { intro: string; glossary: GlossaryView } {
  const cached = glossaryViews.get(page);
  if (cached) return cached;
  const danish = findPage("da", "ordliste");
  const danishTerms = new Map((danish ? glossaryTermsOf(danish) : []).map((term) => [term.id, term.term]));
  const terms = new Map(glossaryTermsOf(page).map((term) => [term.id, term.term]));
  const starts = page.tokens.flatMap((token, index) => (token.type === "heading_open" && token.tag === "h2" ? [index] : []));
  const entries = starts.map((start, n) => {
    const tokens = page.tokens.slice(start, starts[n + 1] ?? page.tokens.length).map((token) => {
      if ((token.type !== "heading_open" && token.type !== "heading_close") || token.tag !== "h2") return token;
      const copy = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as typeof token, token);
      copy.tag = "h3";
      return copy;
    });
    const id = String(page.tokens[start]!.attrGet("id") ?? "");
    return { tokens, letter: letterOf(danishTerms.get(id) ?? terms.get(id) ?? "") };
  });
  const { letters, groups } = glossaryIndex(entries, (entry) => entry.letter);
  const result = {
    intro: renderTokens(page.tokens.slice(0, starts[0] ?? page.tokens.length)),
    glossary: {
      letters,
      groups: groups.map((group) => ({
        letter: group.letter,
        id: group.id,
        html: renderTokens(group.entries.flatMap((entry) => entry.tokens)),
      })),
    },
  };
  glossaryViews.set(page, result);
  return result;
}

/** What a route sends to its component: no tokens, related pages resolved to links. */
export function pageView(language: Language, slug: PageSlug): PageView | null {
  const page = findPage(language, slug);
  if (!page) return null;
  return {
    slug,
    title: page.title,
    summary: page.summary,
    lastReviewed: page.lastReviewed,
    sources: page.sources,
    related: page.related.map((related) => ({ href: hrefFor(related), title: titleOf(language, related) })),
    html: page.html,
  };
}

/** /ordliste in a language: the page (its `html` is the intro) and its A–Å index with the entries. */
export function glossaryPageView(language: Language): { page: PageView; glossary: GlossaryView } | null {
  const view = pageView(language, "ordliste");
  const page = findPage(language, "ordliste");
  if (!view || !page) return null;
  const { intro, glossary } = glossaryView(page);
  return { page: { ...view, html: intro }, glossary };
}

/** The terms of /ordliste in a language (see glossaryTermsOf). */
export function glossaryTerms(language: Language): GlossaryTerm[] {
  const page = findPage(language, "ordliste");
  return page ? glossaryTermsOf(page) : [];
}


/** The language a request is answered in (the footer switch's cookie, else the browser's, else Danish). */
export function requestLanguage(context: RequestContext): Language {
  return languageOf(context);
}
