/**
 * Readability of Danish text: LIX = words / sentences + 100 × long words / words, where a long
 * word has more than 6 letters (Björnsson). Plain-language pages in Min Vej stay at or below 30.
 *
 * Input is a list of blocks (a heading, a paragraph, a list item). A block always ends a
 * sentence, as a heading or a list item without a full stop does for a reader.
 */

const WORD = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;

/** The words of a text: runs of letters and digits ("e-mail", "70 201 201" is three words). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Letters only, so "e-mail" has 5 and "2026" has none. */
function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

export function isLongWord(word: string): boolean {
  return letterCount(word) > 6;
}

/**
 * Splits a block into sentences. A sentence ends at . ! ? (and : when `colon` is set, as LIX
 * counts it) followed by space and a character that is not a lower-case letter, so
 * "23. november" and "fx. hvis" do not end a sentence.
 */
export function sentencesOf(block: string, { colon = true } = {}): string[] {
  const ends = colon ? "[.!?:]" : "[.!?]";
  return block
    .split(new RegExp(`(?<=${ends}["»”)]?)\\s+(?=[^\\p{Ll}])`, "u"))
    .map((sentence) => sentence.trim())
    .filter((sentence) => wordsOf(sentence).length > 0);
}

export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

export function lix(blocks: string[]): LixResult {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  for (const block of blocks) {
    for (const sentence of sentencesOf(block)) {
      const found = wordsOf(sentence);
      sentences += 1;
      words += found.length;
      longWords += found.filter(isLongWord).length;
    }
  }
  const value = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { lix: Math.round(value * 10) / 10, words, sentences, longWords };
}

/**
 * Sentences with more than `max` words. A quoted name or title (»Forbered dit møde«, "Min Plan")
 * counts as one word, and a colon does not end a sentence here.
 */
export function longSentences(blocks: string[], max = 20): { sentence: string; words: number }[] {
  const found: { sentence: string; words: number }[] = [];
  for (const block of blocks) {
    const unquoted = block.replace(/»[^«]*«|“[^”]*”|"[^"]*"/g, "QUOTED");
    for (const sentence of sentencesOf(unquoted, { colon: false })) {
      const count = wordsOf(sentence).length;
      if (count > max) found.push({ sentence, words: count });
    }
  }
  return found;
}

/** Words and phrases Min Vej never uses about people or in its copy (the copy rules in README.md). */
export const bannedDanish: RegExp[] = [
  /\bsvag/i,
  /udstødningstruet/i,
  /\bklient/i,
  /\bpassiv/i,
  /Dette felt er påkrævet/i,
  /En fejl opstod/i,
  /\bsåfremt\b/i,
  /\bjf\./i,
  /\b(De|Dem|Deres)\b/,
];
