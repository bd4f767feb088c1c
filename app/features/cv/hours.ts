/**
 * Hours per week in a person's own words: "20", "10-15", "10–15", "10 til 15", "10 - 15 timer",
 * "ca. 20", "op til 20", "20 timer om ugen". Stored as a range (`work_wishes.hours_per_week` and
 * `hours_per_week_max`). Shared by the browser and the server.
 */

export const HOURS_MAX = 60;

/**
 * `min` alone: one number ("20"). `min` and `max`: a range ("10-15"). `max` alone: an upper
 * limit ("op til 20"). Never both null.
 */
export interface HoursRange {
  min: number | null;
  max: number | null;
}

const UNIT = /\s*(timer|time|t\.?|hours?|hrs?\.?|h)?\s*(om ugen|pr\.? ?uge|i ugen|ugentligt|a week|per week|each week|weekly|\/ ?uge|\/ ?week)?\s*$/;
const ABOUT = /^(ca\.?|cirka|omkring|omtrent|about|around|approx\.?|approximately|roughly|~)\s*/;
const UP_TO = /^(op til|højst|hoejst|maks\.?|max\.?|maksimalt|maximum|up to|at most|no more than)\s*/;
const NUMBER = "(\\d{1,3})";
const RANGE = new RegExp(`^${NUMBER}\\s*(?:-|–|—|til|to|og|and)\\s*${NUMBER}$`);

/** The range, "too-many" for a number above HOURS_MAX, or null when it cannot be read. */
export function parseHours(input: string): HoursRange | "too-many" | null {
  let text = input.trim().toLocaleLowerCase("da").replace(/\s+/g, " ").replace(UNIT, "").trim();
  text = text.replace(ABOUT, "");
  const upTo = UP_TO.exec(text);
  if (upTo) text = text.slice(upTo[0].length);
  text = text.replace(UNIT, "").trim();
  let range: HoursRange | null = null;
  const single = new RegExp(`^${NUMBER}$`).exec(text);
  const between = RANGE.exec(text);
  if (single) range = upTo ? { min: null, max: Number(single[1]) } : { min: Number(single[1]), max: null };
  else if (between && !upTo) {
    const [low, high] = [Number(between[1]), Number(between[2])].sort((a, b) => a - b) as [number, number];
    range = low === high ? { min: low, max: null } : { min: low, max: high };
  }
  if (!range) return null;
  if ((range.min ?? 0) > HOURS_MAX || (range.max ?? 0) > HOURS_MAX) return "too-many";
  return range;
}

/** Back into the words the form shows: "20", "10-15", "op til 20" / "up to 20". */
export function editableHours(min: number | null, max: number | null, upTo: string): string {
  if (min !== null && max !== null) return `${min}-${max}`;
  if (min !== null) return String(min);
  if (max !== null) return `${upTo} ${max}`;
  return "";
}

/**
 * "20 timer", "10–15 timer", "Op til 20 timer", with the keys `<prefix>.hoursValue`,
 * `<prefix>.hoursRange` and `<prefix>.hoursUpTo` of `t`'s namespace ("doc" in "cv", "briefing" in
 * "caseworker"; the number comes as both `hours` and `count`). Empty when no hours were given.
 */
export function formatHours(
  min: number | null,
  max: number | null,
  t: (key: string, options?: Record<string, unknown>) => string,
  prefix = "doc",
): string {
  if (min !== null && max !== null) return t(`${prefix}.hoursRange`, { min, max });
  if (min !== null) return t(`${prefix}.hoursValue`, { hours: min, count: min });
  if (max !== null) return t(`${prefix}.hoursUpTo`, { hours: max, count: max });
  return "";
}
