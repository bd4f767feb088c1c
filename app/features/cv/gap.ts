import { currentMonthValue, parsePartialDate, partialDateValue } from "./partial-date";

/**
 * Whether the work history has a break up to now worth a kind word: no ongoing job, and the
 * last one ended more than six months ago (or there is none).
 */
export function hasWorkGap(
  entries: { kind: string; toText: string | null; isOngoing: boolean }[],
  now = new Date(),
): boolean {
  const experience = entries.filter((entry) => entry.kind === "work" || entry.kind === "volunteering");
  if (experience.some((entry) => entry.isOngoing)) return false;
  const ends = experience
    .map((entry) => (entry.toText ? parsePartialDate(entry.toText) : null))
    .filter((date) => date !== null)
    .map((date) => partialDateValue(date, "end"));
  if (ends.length === 0) return entries.some((entry) => entry.kind === "work");
  return currentMonthValue(now) - Math.max(...ends) > 6;
}
