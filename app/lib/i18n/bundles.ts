/**
 * The translations of each language, in the page's memory. On the server they are registered at
 * start (`resources.server.ts`); in the browser each language is fetched from its own cacheable
 * address (`/i18n/<language>.<hash>.json?ns=...`, only the page's namespaces) before the page
 * hydrates, so no page carries its translations inline and the browser keeps them between pages.
 * A namespace needed later (a client-side move to another page) is fetched from the same address
 * with its own `ns` (`loadNamespace`, used by instance.ts).
 */
export type Bundle = Record<string, Record<string, unknown>>;

const bundles = new Map<string, Bundle>();
const loading = new Map<string, Promise<void>>();
/** Each language's translations address without `ns`, as the page's first fetch named it. */
const addresses = new Map<string, string>();

/** Adds a language's namespaces to those already here (the same object, so i18next sees them too). */
export function registerBundle(language: string, bundle: Bundle): void {
  const known = bundles.get(language);
  if (known) Object.assign(known, bundle);
  else bundles.set(language, bundle);
}

export function bundleFor(language: string): Bundle | undefined {
  return bundles.get(language);
}

function fetchInto(language: string, href: string): Promise<void> {
  let pending = loading.get(href);
  if (!pending) {
    pending = fetch(href, { credentials: "same-origin" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`translations ${href}: HTTP ${response.status}`);
        registerBundle(language, (await response.json()) as Bundle);
      })
      .finally(() => loading.delete(href));
    loading.set(href, pending);
  }
  return pending;
}

/** Fetches a language's translations unless they are here already. Rejects when they cannot be had. */
export function loadBundle(language: string, href: string): Promise<void> {
  const url = new URL(href, "http://page.invalid");
  addresses.set(language, url.pathname);
  if (bundles.has(language)) return Promise.resolve();
  return fetchInto(language, href);
}

/** Fetches one more namespace of a language (the page's translations address, another `ns`). */
export async function loadNamespace(language: string, namespace: string): Promise<Record<string, unknown> | undefined> {
  const address = addresses.get(language);
  // The fallback language of a page in another language: the page's own words are complete.
  if (!address) return undefined;
  if (!bundles.get(language)?.[namespace]) await fetchInto(language, `${address}?ns=${encodeURIComponent(namespace)}`);
  return bundles.get(language)?.[namespace];
}
