/**
 * "Forlad siden hurtigt": where the quick exit goes, and the Shift-three-times sequence
 * (GOV.UK's "Exit this page" pattern) that plain-page.js counts (QuickExit.tsx passes these on).
 *
 * The destination is the Danish Meteorological Institute's forecast: a public page anyone in
 * Denmark might open on any day, with nothing to sign in to and nothing about work, health or the
 * municipality, so a glance at the screen (or at the last page in the history) says nothing. It
 * is calmer than a news site, whose front page may show distressing stories, and it is https,
 * Danish and long-lived. The link sends no Referer (rel="noreferrer", and the portal's
 * Referrer-Policy is same-origin), so the weather site is not told where the person came from.
 */
export const QUICK_EXIT_URL = "https://www.dmi.dk/";

/** Three presses of Shift on its own... */
export const SHIFT_PRESSES = 3;
/** ...each within 5 seconds of the one before (as GOV.UK). */
export const SHIFT_WINDOW_MS = 5_000;
