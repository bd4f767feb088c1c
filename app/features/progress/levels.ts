/**
 * The words of "Sådan går det" (issue 22). Every step has words; no page, view or export shows a
 * number, a score or a grade. The order of each list is its order on the page and in the chart.
 */

/** The everyday factors asked about once a month, in the order of the form. */
export const FACTORS = ["energy", "sleep", "company", "outdoors", "workBelief"] as const;
export type Factor = (typeof FACTORS)[number];

/** The five steps, from hard to good ("Meget svært" … "Godt"). */
export const LEVELS = ["very_hard", "hard", "mixed", "fairly_good", "good"] as const;
export type Level = (typeof LEVELS)[number];

/** The energy diary's five steps, from little to much ("Meget lidt" … "Meget"). */
export const ENERGY_LEVELS = ["very_little", "little", "some", "quite_a_lot", "a_lot"] as const;
export type EnergyLevel = (typeof ENERGY_LEVELS)[number];

/** What a day held: a few boxes to tick. */
export const ACTIVITIES = ["walk", "company", "appointment", "rest", "home"] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const LIMITS = {
  /** A few words to one factor. */
  factorNote: 500,
  /** "Det, der hjælper mig" and "Noget andet, jeg vil sige". */
  longText: 2000,
  /** The diary's note for a day. */
  diaryNote: 500,
  /** One line of "Mine tegn" or "Det hjælper mig". */
  signLine: 200,
  /** Lines per list. */
  signLines: 15,
  /** A whole list as typed. */
  signText: 3000,
} as const;

/** The days back she may still write about in the diary (today is day 0). */
export const DIARY_DAYS_BACK = 13;
/** Patterns are said only from at least this many days written. */
export const PATTERN_MIN_ENTRIES = 7;
/** Patterns look at this many days back from today. */
export const PATTERN_WINDOW_DAYS = 56;
/** The chart shows at most this many months (the table shows all). */
export const CHART_MONTHS = 6;

export function isLevel(value: unknown): value is Level {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

export function isEnergyLevel(value: unknown): value is EnergyLevel {
  return typeof value === "string" && (ENERGY_LEVELS as readonly string[]).includes(value);
}

export function isActivity(value: unknown): value is Activity {
  return typeof value === "string" && (ACTIVITIES as readonly string[]).includes(value);
}
