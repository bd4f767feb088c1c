/**
 * Route `handle` for the plain-language pages: signed out, they carry no script at all (root.tsx
 * leaves out components/layout/plain-page.js); signed in they get it for the session warning and
 * the quick exit's keys, as every other page. No page loads React in the browser
 * (docs/decisions/0026-no-react-in-the-browser.md).
 */
export const noJavaScript = { scriptFree: true } as const;

/** Whether a page of these matched routes' handles is sent without any script when signed out. */
export function isScriptFree(handles: unknown[]): boolean {
  return handles.some(
    (handle) => typeof handle === "object" && handle !== null && (handle as { scriptFree?: unknown }).scriptFree === true,
  );
}
