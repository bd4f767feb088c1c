/**
 * "Forlad siden hurtigt": where the quick exit goes, and the Shift-three-times sequence
 * (GOV.UK's "Exit this page" pattern), kept free of the DOM so it can be tested on its own.
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

/**
 * Counts presses of Shift on its own. Shift used for a capital letter (any other key pressed
 * while it is held) does not count, and any other key starts the count again. `keyUp` returns
 * how many presses in a row there are now: 0 after a reset, SHIFT_PRESSES when it is time to
 * leave (the count then starts again).
 */
export function createShiftCounter({ presses = SHIFT_PRESSES, windowMs = SHIFT_WINDOW_MS } = {}) {
  let count = 0;
  let lastAt = 0;
  let chord = false;
  return {
    keyDown(key: string) {
      if (key === "Shift") {
        chord = false;
        return;
      }
      // Another key: a capital letter, a shortcut or ordinary typing. Start again.
      chord = true;
      count = 0;
    },
    keyUp(key: string, now: number): number {
      if (key !== "Shift") return count;
      if (chord) {
        chord = false;
        count = 0;
        return count;
      }
      if (count > 0 && now - lastAt > windowMs) count = 0;
      count += 1;
      lastAt = now;
      if (count >= presses) {
        count = 0;
        return presses;
      }
      return count;
    },
  };
}
