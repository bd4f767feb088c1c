/** Which pages a hard day changes, and how: the root decides it as it renders each page. */

/** "Vis hele siden alligevel": `?vis=alt` shows this one page in full on a hard day. */
export const SHOW_ALL_PARAM = "vis";
export const SHOW_ALL_VALUE = "alt";

/**
 * Pages that stay as they are on a hard day: writing to the caseworker and "Ring mig op" (the
 * calm page links there), the plain-language pages and /hjaelp (reading, and the crisis numbers
 * in full), a relative's pages about someone else, the caseworker's pages, signing in and out.
 * Every other page of a participant shows the calm page: a new page is covered without a word.
 */
const UNCHANGED = [
  /^\/beskeder\/(ny|ring-mig-op)(\/|$)/,
  /^\/(om|ordliste|privatliv|tilgaengelighed|hjaelp)(\/|$)/,
  /^\/(hjaelper|sagsbehandler|invitation|log-ind|log-ud|test-mitid|medarbejder|saml|session|sprog|hard-dag|api|dev)(\/|$)/,
];

export function hardDayApplies(pathname: string): boolean {
  return !UNCHANGED.some((pattern) => pattern.test(pathname));
}

/**
 * What a participant's page shows: `null` where a hard day changes nothing (or for someone who is
 * not a participant), "off" (the page, and the switch to turn it on), "calm" (the calm page in
 * the page's place), "all" (the page in full, asked for with `?vis=alt`, and the switch to turn
 * it off).
 */
export type HardDayMode = "off" | "calm" | "all";

export function hardDayMode(state: { on: boolean } | null, location: { pathname: string; search: string }): HardDayMode | null {
  if (!state || !hardDayApplies(location.pathname)) return null;
  if (!state.on) return "off";
  return new URLSearchParams(location.search).get(SHOW_ALL_PARAM) === SHOW_ALL_VALUE ? "all" : "calm";
}

/** This page's address with `?vis=alt` added. */
export function showAllHref(location: { pathname: string; search: string }): string {
  const search = new URLSearchParams(location.search);
  search.set(SHOW_ALL_PARAM, SHOW_ALL_VALUE);
  return `${location.pathname}?${search}`;
}

/** A local path without `?vis=alt`: after the switch, the page as the new setting shows it. */
export function withoutShowAll(path: string): string {
  const url = new URL(path, "http://min-vej.invalid");
  if (url.searchParams.get(SHOW_ALL_PARAM) !== SHOW_ALL_VALUE) return path;
  url.searchParams.delete(SHOW_ALL_PARAM);
  return url.pathname + url.search + url.hash;
}
