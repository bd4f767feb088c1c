import type { Token } from "markdown-it";
import { parse as parseYaml } from "yaml";
import type { Language } from "~/lib/i18n/config";
import { z } from "~/lib/zod";
import { pageSlugs, type PageSlug } from "./catalogue";
import { parseMarkdown, renderTokens, textBlocks, type TextBlock } from "./markdown.server";

const isoDay = z.union([z.string(), z.date()]).transform((value, context) => {
  const day = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
    context.addIssue({ code: "custom", message: `not a date (YYYY-MM-DD): ${String(value)}` });
    return z.NEVER;
  }
  return day;
});

const relatedSlug = z.enum([...pageSlugs, "hjaelp", "om"]);

/** A page's YAML front matter (between the first two `---` lines) and the Markdown after it. */
export function splitFrontMatter(source: string): { attributes: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { attributes: {}, body: source };
  return { attributes: parseYaml(match[1] ?? ""), body: source.slice(match[0].length) };
}

export const frontMatterSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  /** The day a person last checked the page against its sources. */
  lastReviewed: isoDay,
  sources: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        url: z.url({ protocol: /^https$/ }),
        /** What to look for there, in plain words. */
        note: z.string().min(1).optional(),
      }),
    )
    .min(1),
  /** "Læs også": other content pages, at most four. */
  related: z.array(relatedSlug).min(1).max(4),
  /** Glossary only: other forms of a term, by the term's id, e.g. { skaanehensyn: ["skånebehov"] }. */
  aliases: z.record(z.string(), z.array(z.string().min(1))).optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface ParsedPage extends FrontMatter {
  slug: PageSlug;
  language: Language;
  tokens: Token[];
  blocks: TextBlock[];
  html: string;
}

export function parsePage(source: string, slug: PageSlug, language: Language): ParsedPage {
  const { attributes, body } = splitFrontMatter(source);
  const parsed = frontMatterSchema.safeParse(attributes);
  if (!parsed.success) {
    throw new Error(`locales/${language}/pages/${slug}.md: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const tokens = parseMarkdown(body);
  return { ...parsed.data, slug, language, tokens, blocks: textBlocks(tokens), html: renderTokens(tokens) };
}

export interface GlossaryTerm {
  id: string;
  term: string;
  /** Lower-case forms that count as this term in running text. */
  forms: string[];
}

/** The terms of a glossary page: its level-2 headings, with their ids and other forms. */
export function glossaryTermsOf(page: ParsedPage): GlossaryTerm[] {
  return page.blocks
    .filter((block) => block.kind === "heading" && block.level === 2 && block.id)
    .map((block) => ({
      id: block.id!,
      term: block.text.trim(),
      forms: [block.text.trim().toLowerCase(), ...(page.aliases?.[block.id!] ?? []).map((form) => form.toLowerCase())],
    }));
}

