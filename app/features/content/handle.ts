/**
 * Route `handle` for pages that ship no React: root.tsx's Layout leaves out <Scripts> and
 * <ScrollRestoration> when any matched route says so. Links, forms and the language switch are
 * plain, so nothing is lost. Signed out, such a page has no script at all; signed in, it has one
 * small plain script (components/layout/plain-page.js: the session warning, as a native
 * <dialog>, and the quick exit's Shift keys). A client-side move from a page with React still
 * renders these pages with React. Other areas use it for pages where a person only reads and
 * follows links (issue 21): `{ ...noJavaScript, i18n: [...] }`.
 */
export const noJavaScript = { hydrate: false } as const;

export function allowsHydration(handles: unknown[]): boolean {
  return !handles.some(
    (handle) => typeof handle === "object" && handle !== null && (handle as { hydrate?: unknown }).hydrate === false,
  );
}
