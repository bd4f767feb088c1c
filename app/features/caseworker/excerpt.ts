/**
 * The first words of a text, on one line, at most `max` characters with "…" when cut. The
 * printed briefing uses it so that a participant who wrote a lot still fits on one A4 page;
 * the whole text stays on the screen.
 */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  // Cut at a word boundary unless that throws away most of the room (one very long word).
  const words = lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,.;:–-]+$/, "")}…`;
}

/** The first `max` items, and how many were left out. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}
