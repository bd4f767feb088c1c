import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";

/** "Rehabiliteringsteamet – før mødet" -> "rehabiliteringsteamet-foer-moedet" (æ ø å spelt out, as in our URLs). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const EXPLICIT_ID = /\s*\{#([a-z0-9-]+)\}\s*$/;

/**
 * Markdown for the content pages: raw HTML is off (it is escaped), no typographic replacements,
 * and every heading gets an id: `## Mentor {#mentor}` sets it, otherwise it is the heading's
 * slug. Ids let pages link to a glossary entry (/ordliste#mentor) or a section.
 */
function createRenderer(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, xhtmlOut: true, linkify: false, typographer: false, breaks: false });
  md.core.ruler.push("heading_ids", (state) => {
    const used = new Set<string>();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      const inline = state.tokens[index + 1];
      if (!inline || inline.type !== "inline") return;
      let id: string | undefined;
      const explicit = EXPLICIT_ID.exec(inline.content);
      if (explicit) {
        id = explicit[1];
        inline.content = inline.content.slice(0, explicit.index);
        const last = inline.children?.[inline.children.length - 1];
        if (last?.type === "text") last.content = last.content.replace(EXPLICIT_ID, "");
      }
      let base = id ?? slugify(plainText(inline.children ?? []));
      if (!base) base = "afsnit";
      let unique = base;
      for (let n = 2; used.has(unique); n++) unique = `${base}-${n}`;
      used.add(unique);
      token.attrSet("id", unique);
    });
  });
  return md;
}

const renderer = createRenderer();

export function parseMarkdown(source: string): Token[] {
  return renderer.parse(source, {});
}

export function renderMarkdown(source: string): string {
  return renderer.render(source);
}

export function renderTokens(tokens: Token[]): string {
  return renderer.renderer.render(tokens, renderer.options, {});
}

/** markdown-it types attribute values as string | number; ours are always strings. */
function attribute(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** The visible text of inline tokens. */
export function plainText(children: Token[]): string {
  return children
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return " ";
      return "";
    })
    .join("");
}

/** One readable block of a page (heading, paragraph or list item) with its text split by link. */
export interface TextBlock {
  kind: "heading" | "text";
  /** For headings: the id the heading got. */
  id?: string;
  level?: number;
  text: string;
  /** Consecutive pieces of the text; `href` is set for the text of a link. */
  segments: { text: string; href: string | null }[];
}

/** The page's blocks in reading order, for readability checks and link checks. */
export function textBlocks(tokens: Token[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "inline") return;
    const opener = tokens[index - 1];
    const isHeading = opener?.type === "heading_open";
    const segments: TextBlock["segments"] = [];
    let href: string | null = null;
    for (const child of token.children ?? []) {
      if (child.type === "link_open") href = attribute(child, "href");
      else if (child.type === "link_close") href = null;
      else {
        const text = plainText([child]);
        if (text) segments.push({ text, href });
      }
    }
    blocks.push({
      kind: isHeading ? "heading" : "text",
      id: isHeading ? (attribute(opener, "id") ?? undefined) : undefined,
      level: isHeading ? Number(opener.tag.slice(1)) : undefined,
      text: segments.map((segment) => segment.text).join(""),
      segments,
    });
  });
  return blocks;
}

/** Every link target in the tokens, in order. */
export function linkTargets(tokens: Token[]): string[] {
  const hrefs: string[] = [];
  const walk = (list: Token[]) => {
    for (const token of list) {
      if (token.type === "link_open") hrefs.push(attribute(token, "href") ?? "");
      if (token.children) walk(token.children);
    }
  };
  walk(tokens);
  return hrefs;
}
