/**
 * Quality checks for the plain-language pages, shared by the unit tests and `scripts/lix.ts`:
 * readability (LIX), sentence length, words we never use, and that every programme word is
 * linked to its explanation the first time a page uses it.
 */
import { bannedDanish, lix, longSentences, type LixResult } from "./lix";
import type { GlossaryTerm, ParsedPage } from "./page-parser.server";

/** The text a reader reads: title, summary, then every heading, paragraph and list item. */
export function readableBlocks(page: Pick<ParsedPage, "title" | "summary" | "blocks">): string[] {
  return [page.title, page.summary, ...page.blocks.map((block) => block.text)];
}

export function pageLix(page: Pick<ParsedPage, "title" | "summary" | "blocks">): LixResult {
  return lix(readableBlocks(page));
}

/** Sentences over 20 words and banned words, in a Danish page's text (and its source notes). */
export function copyProblems(page: ParsedPage): string[] {
  const blocks = [...readableBlocks(page), ...page.sources.flatMap((source) => (source.note ? [source.note] : []))];
  const problems = longSentences(blocks).map(
    ({ sentence, words }) => `${page.slug}: sentence of ${words} words: "${sentence}"`,
  );
  for (const block of blocks) {
    for (const pattern of bannedDanish) {
      if (pattern.test(block)) problems.push(`${page.slug}: ${pattern} in "${block}"`);
    }
  }
  return problems;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Does a link point at the explanation of a term (its glossary entry or its own page)? */
export function explainsTerm(href: string | null, termId: string): boolean {
  if (!href) return false;
  const [path] = href.split("#");
  return href.endsWith(`#${termId}`) || path === `/om/${termId}`;
}

/**
 * The programme words a page uses before linking them to their explanation. A word is fine
 * without a link on a page that explains it itself (its own page, or a heading with its id),
 * in headings, and after its first use. A longer term linked at first use ("koordinerende
 * sagsbehandler") also introduces the shorter terms inside it ("sagsbehandler").
 */
export function firstUseProblems(page: ParsedPage, terms: GlossaryTerm[]): string[] {
  const explainedHere = new Set([page.slug, ...page.blocks.flatMap((block) => (block.id ? [block.id] : []))]);
  const forms = terms
    .flatMap((term) => term.forms.map((form) => ({ form, id: term.id })))
    .sort((a, b) => b.form.length - a.form.length)
    .map(({ form, id }) => ({ id, form, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}[\\p{L}]*`, "giu") }));
  const introduced = new Set<string>();
  const problems: string[] = [];
  for (const block of page.blocks) {
    if (block.kind !== "text") continue;
    for (const segment of block.segments) {
      const claimed: { start: number; end: number; id: string; text: string }[] = [];
      for (const { id, pattern } of forms) {
        for (const match of segment.text.matchAll(pattern)) {
          const start = match.index;
          const end = start + match[0].length;
          if (claimed.some((span) => start < span.end && end > span.start)) continue;
          claimed.push({ start, end, id, text: match[0] });
        }
      }
      claimed.sort((a, b) => a.start - b.start);
      for (const use of claimed) {
        if (!introduced.has(use.id) && !explainedHere.has(use.id) && !explainsTerm(segment.href, use.id)) {
          problems.push(`${page.slug}: first use of "${use.text}" should link to /ordliste#${use.id} (in "${block.text}")`);
        }
        introduced.add(use.id);
        const inner = use.text.toLowerCase();
        for (const other of forms) if (inner.includes(other.form)) introduced.add(other.id);
      }
    }
  }
  return problems;
}

/** Where internal links may point: content pages by address (with their heading ids) and other static addresses. */
export interface LinkTargets {
  /** "/om/mentor" -> the ids of the headings on that page (in the page's language). */
  pages: Map<string, Set<string>>;
  /** Other addresses of the portal ("/", "/min-plan", "/hjaelp"), which take no #anchor. */
  paths: Set<string>;
}

/**
 * Links in a page that lead nowhere: an internal address no route answers, an #anchor the target
 * page does not have, or an external link that is not https.
 */
export function linkProblems(page: Pick<ParsedPage, "slug" | "language">, hrefs: string[], targets: LinkTargets): string[] {
  const problems: string[] = [];
  const where = `${page.language}/${page.slug}`;
  for (const href of hrefs) {
    if (/^(mailto|tel):/.test(href)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
      if (!href.startsWith("https://")) problems.push(`${where}: external link is not https: ${href}`);
      continue;
    }
    if (!href.startsWith("/")) {
      problems.push(`${where}: relative link (write the full path from /): ${href}`);
      continue;
    }
    const [path = "", anchor] = href.split("#");
    const ids = targets.pages.get(path);
    if (ids) {
      if (anchor !== undefined && !ids.has(anchor)) problems.push(`${where}: ${path} has no #${anchor}`);
    } else if (!targets.paths.has(path)) {
      problems.push(`${where}: no page answers ${href}`);
    } else if (anchor !== undefined) {
      problems.push(`${where}: cannot check #${anchor} on ${path}`);
    }
  }
  return problems;
}
