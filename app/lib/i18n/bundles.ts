/**
 * The translations of each language, in the page's memory. On the server they are registered at
 * start (`resources.server.ts`); in the browser each language is fetched once from its own
 * cacheable address (`/i18n/<language>.<hash>.json`) before the page hydrates, so no page carries
 * its translations inline and the browser keeps them between pages.
 */
export type Bundle = Record<string, Record<string, unknown>>;

const bundles = new Map<string, Bundle>();
const loading = new Map<string, Promise<void>>();

export function registerBundle(language: string, bundle: Bundle): void {
  bundles.set(language, bundle);
}

export function bundleFor(language: string): Bundle | undefined {
  return bundles.get(language);
}

/** Fetches a language's translations unless they are here already. Rejects when they cannot be had. */
export function loadBundle(language: string, href: string): Promise<void> {
  if (bundles.has(language)) return Promise.resolve();
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
