/**
 * Which translation namespaces (locales/<language>/<namespace>.json) a page fetches before it
 * hydrates. A route declares the namespaces its page uses, beside "common" (always there), in its
 * `handle`:
 *
 *   export const handle = { i18n: ["plan", "messages"] } satisfies I18nHandle;
 *
 * A page fetches the namespaces of all its matched routes. A page whose own (deepest) route
 * declares none fetches them all: slower, never wrong. tests/unit/route-namespaces.test.ts holds
 * each declaration to what the route's modules use. In the browser a namespace that is not
 * there yet (a client-side move to another page) is fetched before that page shows
 * (instance.ts: react-i18next suspends the move until it has the words).
 */
export interface I18nHandle {
  i18n?: readonly string[];
}

export const ALWAYS_LOADED = "common";

function declared(handle: unknown): readonly string[] | undefined {
  if (typeof handle !== "object" || handle === null) return undefined;
  const list = (handle as I18nHandle).i18n;
  return Array.isArray(list) ? list : undefined;
}

/** The namespaces a page of these matched routes' handles needs, sorted; `null` for all of them. */
export function pageNamespaces(handles: unknown[], extra: readonly string[] = []): string[] | null {
  if (handles.length === 0 || declared(handles.at(-1)) === undefined) return null;
  const names = new Set<string>([ALWAYS_LOADED, ...extra]);
  for (const handle of handles) for (const name of declared(handle) ?? []) names.add(name);
  return [...names].sort();
}

/** A translations file's address for some namespaces (`null`: all). */
export function withNamespaces(href: string, namespaces: readonly string[] | null): string {
  return namespaces ? `${href}?ns=${namespaces.join(",")}` : href;
}

/** The namespaces named by an address's `ns` parameter; `null` when it names none (all). */
export function namespacesOf(search: URLSearchParams): string[] | null {
  const ns = search.get("ns");
  if (!ns) return null;
  return ns.split(",").filter((name) => /^[\w-]+$/.test(name));
}
