import { ENERGY_LEVELS, PATTERN_MIN_ENTRIES, type Activity, type EnergyLevel, ACTIVITIES } from "./levels";

/**
 * Patterns in words from her own diary (issue 22): "Du havde mest energi de dage, du gik en tur."
 * Only what is there, never a judgement: an activity is named only when the days with it had
 * clearly more energy than the days without (at least half a step on average, at least two days
 * of each), and never the other way round ("less energy when you rested" would read as blame).
 * Fewer than PATTERN_MIN_ENTRIES days written: nothing is said at all.
 *
 * The steps' positions are used only here, to compare; no page shows a number.
 */

export interface DiaryDay {
  energy: EnergyLevel;
  activities: readonly string[];
}

/** At most this many sentences. */
const MAX_PATTERNS = 2;
/** Half a step on average between days with and days without. */
const MIN_DIFFERENCE = 0.5;
const MIN_DAYS_EACH = 2;

const position = (level: EnergyLevel) => ENERGY_LEVELS.indexOf(level);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** The activities that went with more energy, the clearest first. Empty below the minimum. */
export function energyPatterns(days: readonly DiaryDay[]): Activity[] {
  if (days.length < PATTERN_MIN_ENTRIES) return [];
  const found: { activity: Activity; difference: number }[] = [];
  for (const activity of ACTIVITIES) {
    const withIt = days.filter((day) => day.activities.includes(activity)).map((day) => position(day.energy));
    const without = days.filter((day) => !day.activities.includes(activity)).map((day) => position(day.energy));
    if (withIt.length < MIN_DAYS_EACH || without.length < MIN_DAYS_EACH) continue;
    const difference = mean(withIt) - mean(without);
    if (difference >= MIN_DIFFERENCE) found.push({ activity, difference });
  }
  return found
    .sort((a, b) => b.difference - a.difference || ACTIVITIES.indexOf(a.activity) - ACTIVITIES.indexOf(b.activity))
    .slice(0, MAX_PATTERNS)
    .map((pattern) => pattern.activity);
}
