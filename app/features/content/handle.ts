/**
 * Route `handle` for pages that ship no JavaScript: root.tsx's Layout leaves out <Scripts> and
 * <ScrollRestoration> when any matched route says so. Links and the language switch are plain
 * links and forms, so nothing is lost; the session-timeout warning (which needs JavaScript) is
 * not shown there, and the server still ends idle sessions.
 */
export const noJavaScript = { hydrate: false } as const;

export function allowsHydration(handles: unknown[]): boolean {
  return !handles.some(
    (handle) => typeof handle === "object" && handle !== null && (handle as { hydrate?: unknown }).hydrate === false,
  );
}
