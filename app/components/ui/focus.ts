/**
 * Moves the keyboard to something the page has just said (a "saved" notice, a conflict panel, the
 * entry that moved) when the page loads: spread it on that element, which must be focusable
 * (tabIndex -1). plain-page.js focuses the first such element, unless the page has an error
 * summary, which comes first. `when` false, null or undefined marks nothing.
 */
export function focusOnLoad(when: unknown): { "data-focus-on-load"?: "" } {
  return when ? { "data-focus-on-load": "" } : {};
}
