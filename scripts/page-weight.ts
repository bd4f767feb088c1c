// What a page makes the browser load before it is interactive, in gzip bytes (issue 21): the
// JavaScript its HTML names (<script src>, <link rel="modulepreload">, the imports of inline
// module scripts) and every module those import statically, plus the translations it fetches
// before it hydrates (<link rel="preload" as="fetch"> of /i18n/...). Code loaded with a dynamic
// import (a dialog's, when it is about to open) is not counted: the page is interactive without
// it. Used by `npm run bench` and tests/integration/page-weight.test.ts.
import { gzipSync } from "node:zlib";

/** No page may load more than this (JavaScript and the translations it fetches, gzip). */
export const PAGE_JS_CEILING_BYTES = 120 * 1024;

export interface PageScripts {
  /** Every JavaScript file the page loads before it is interactive, by path. */
  jsFiles: string[];
  jsGzipBytes: number;
  /** The translations the page fetches before it hydrates. */
  translationFiles: string[];
  translationsGzipBytes: number;
  /** JavaScript and translations together: what the ceiling is about. */
  totalGzipBytes: number;
  /** Whether the HTML has any <script> element or modulepreload link at all. */
  shipsScript: boolean;
}

export function gzipBytes(body: Uint8Array): number {
  return gzipSync(body).length;
}

/** The value of one attribute in a tag's source text, e.g. readAttribute('<link rel="x">', "rel"). */
export function readAttribute(tag: string, name: string): string | undefined {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i");
  const match = pattern.exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

export function linkHrefsWithRel(html: string, rel: string): string[] {
  const hrefs: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rels = (readAttribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = readAttribute(tag, "href");
    if (href && rels.includes(rel)) hrefs.push(href);
  }
  return hrefs;
}

function scriptSrcs(html: string): string[] {
  const srcs: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = readAttribute(tag, "src");
    if (src) srcs.push(src);
  }
  return srcs;
}

/** Specifiers of `import "…"` and `import … from "…"` (static imports) in JavaScript source. */
function staticImports(code: string): string[] {
  const specifiers: string[] = [];
  // Minified output: `import{a as b}from"./x.js"`, `import"./y.js"`, `export{c}from"./z.js"`.
  for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]*?\bfrom\s*)?(["'])([^"']+\.js)\1/g)) {
    if (match[2]) specifiers.push(match[2]);
  }
  return specifiers;
}

/** Specifiers of `import "…"`, `import … from "…"` and `import("…")` in inline module scripts. */
function inlineModuleImports(html: string): string[] {
  const specifiers: string[] = [];
  for (const [, attributes = "", code = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const isModule = (readAttribute(`<script ${attributes}>`, "type") ?? "").toLowerCase() === "module";
    const isInline = readAttribute(`<script ${attributes}>`, "src") === undefined;
    if (!isModule || !isInline) continue;
    for (const match of code.matchAll(/(?:\bimport\s*\(\s*|\bimport\s+|\bfrom\s+)(["'])([^"']+)\1/g)) {
      if (match[2]) specifiers.push(match[2]);
    }
  }
  return specifiers;
}

/** Fetches an asset; throws unless it answers 200. */
async function fetchAsset(url: string): Promise<Buffer> {
  const response = await fetch(url, { redirect: "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}, expected 200`);
  return body;
}

/**
 * The page's scripts and translations, from its HTML as served at `pageUrl`. Same-origin files
 * only (the portal loads nothing from elsewhere; CSP forbids it).
 */
export async function measurePageScripts(pageUrl: string, html: string): Promise<PageScripts> {
  const origin = new URL(pageUrl).origin;
  const ownPath = (reference: string, base: string) => {
    const url = new URL(reference, base);
    return url.origin === origin ? url.pathname : null;
  };
  const queue = [...scriptSrcs(html), ...linkHrefsWithRel(html, "modulepreload"), ...inlineModuleImports(html)]
    .map((reference) => ownPath(reference, pageUrl))
    .filter((path): path is string => path !== null && path.endsWith(".js"));
  const seen = new Set<string>();
  let jsGzipBytes = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const body = await fetchAsset(`${origin}${path}`);
    jsGzipBytes += gzipBytes(body);
    for (const specifier of staticImports(body.toString("utf8"))) {
      const imported = ownPath(specifier, `${origin}${path}`);
      if (imported && !seen.has(imported)) queue.push(imported);
    }
  }
  const translationFiles: string[] = [];
  let translationsGzipBytes = 0;
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rels = (readAttribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = readAttribute(tag, "href");
    const path = href ? ownPath(href.replace(/&amp;/g, "&"), pageUrl) : null;
    if (!rels.includes("preload") || readAttribute(tag, "as") !== "fetch" || !path?.startsWith("/i18n/")) continue;
    const url = new URL(href!.replace(/&amp;/g, "&"), pageUrl);
    translationFiles.push(url.pathname + url.search);
    translationsGzipBytes += gzipBytes(await fetchAsset(url.toString()));
  }
  return {
    jsFiles: [...seen].sort(),
    jsGzipBytes,
    translationFiles,
    translationsGzipBytes,
    totalGzipBytes: jsGzipBytes + translationsGzipBytes,
    shipsScript: /<script\b/i.test(html) || linkHrefsWithRel(html, "modulepreload").length > 0,
  };
}
