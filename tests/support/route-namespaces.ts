import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The translation namespaces a route's page can use in the browser, read from its source: every
 * module it imports (statically, inside app/, server-only modules left out) and each one's
 * `useTranslation(...)`, `getFixedT(..., "ns")` and `t("ns:key")`. `useTranslation()` means
 * "common". Used by tests/unit/route-namespaces.test.ts to hold each route's `handle.i18n` to
 * what its page really uses.
 */
const APP = path.resolve("app");

function resolveImport(specifier: string, from: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(APP, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && /\.(tsx?|json)$/.test(candidate) && !candidate.endsWith(".json")) return candidate;
  }
  return null;
}

function isServerOnly(file: string): boolean {
  return /\.server\.tsx?$/.test(file) || /\/index\.server\.ts$/.test(file) || file.includes(`${path.sep}.server${path.sep}`);
}

function namespacesIn(source: string): Set<string> {
  const found = new Set<string>();
  for (const [, args = ""] of source.matchAll(/useTranslation\(([^)]*)\)/g)) {
    const names = [...args.matchAll(/["']([\w-]+)["']/g)].map((match) => match[1]!);
    if (names.length === 0) found.add("common");
    for (const name of names) found.add(name);
  }
  for (const match of source.matchAll(/\bt\(\s*["'`]([\w-]+):/g)) found.add(match[1]!);
  for (const match of source.matchAll(/i18nKey=["']([\w-]+):/g)) found.add(match[1]!);
  return found;
}

/** Namespaces used by `file` and everything it imports for the browser. */
export function routeNamespaces(file: string): Set<string> {
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  const queue = [path.resolve(file)];
  while (queue.length > 0) {
    const current = queue.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const source = readFileSync(current, "utf8");
    for (const name of namespacesIn(source)) namespaces.add(name);
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)) {
      const resolved = resolveImport(match[1]!, current);
      if (resolved && !isServerOnly(resolved)) queue.push(resolved);
    }
  }
  return namespaces;
}
