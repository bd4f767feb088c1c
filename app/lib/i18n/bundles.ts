/**
 * The translations of each language, registered once when the server starts
 * (`resources.server.ts`). root.tsx reads them here because it is also a client module and may
 * not import a `.server` file; no page loads translations in the browser (decision 0026).
 */
export type Bundle = Record<string, Record<string, unknown>>;

const bundles = new Map<string, Bundle>();

export function registerBundle(language: string, bundle: Bundle): void {
  bundles.set(language, bundle);
}

export function bundleFor(language: string): Bundle | undefined {
  return bundles.get(language);
}
