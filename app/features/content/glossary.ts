/**
 * The A–Å index of /ordliste (issue 14, point 10): the Danish alphabet, each letter either a
 * link to its heading (when at least one word starts with it) or plain text (when none does).
 * The English glossary keeps the Danish order, so its letters come from the Danish words too.
 */
export const DANISH_ALPHABET = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Æ", "Ø", "Å"] as const;

/** The letter a word is filed under: its first letter, in capitals ("førtidspension" -> "F"). */
export function letterOf(word: string): string {
  return word.trim().charAt(0).toLocaleUpperCase("da-DK");
}

/** "A" -> "bogstav-a", "Æ" -> "bogstav-ae", "Ø" -> "bogstav-oe", "Å" -> "bogstav-aa". */
export function letterId(letter: string): string {
  const spelt = letter.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
  return `bogstav-${spelt.replace(/[^a-z0-9]+/g, "") || "andet"}`;
}

export interface GlossaryLetter {
  letter: string;
  /** The id of the letter's heading, or null when no word starts with the letter. */
  id: string | null;
}

export interface GlossaryGroup<T> {
  letter: string;
  id: string;
  entries: T[];
}

/**
 * Groups entries (in the page's order) by their letter. Every letter of the alphabet is in
 * `letters`; a letter outside it (a digit, say) is added at the end so no word is left out.
 */
export function glossaryIndex<T>(entries: T[], letterFor: (entry: T) => string): {
  letters: GlossaryLetter[];
  groups: GlossaryGroup<T>[];
} {
  const byLetter = new Map<string, T[]>();
  for (const entry of entries) {
    const letter = letterFor(entry);
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
  }
  const order = [...DANISH_ALPHABET, ...[...byLetter.keys()].filter((l) => !(DANISH_ALPHABET as readonly string[]).includes(l))];
  return {
    letters: order.map((letter) => ({ letter, id: byLetter.has(letter) ? letterId(letter) : null })),
    groups: order.flatMap((letter) => {
      const list = byLetter.get(letter);
      return list ? [{ letter, id: letterId(letter), entries: list }] : [];
    }),
  };
}
