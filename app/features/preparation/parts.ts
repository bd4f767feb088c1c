/**
 * The parts of "Forbered dit møde", in the order the task list shows them. Shared by the browser
 * and the server: slugs are the Danish URLs, `key` is the database's `preparation_part` value,
 * and every free-text field states its own limit.
 */

export type PartKey =
  | "about_meeting"
  | "education_work"
  | "resources"
  | "challenges"
  | "abilities"
  | "wishes"
  | "network"
  | "questions";

/** The parts the participant writes in (all but "Om mødet", which is read-only). */
export type WritablePartKey = Exclude<PartKey, "about_meeting">;

export type PartStatus = "not_started" | "in_progress" | "done";

export const TEXT_MAX = 2000;
export const SHORT_TEXT_MAX = 1000;
export const HOURS_MAX = 37;

/** The stored hours ("10-15", "op til 20") as the page's language says them: "10–15", "up to 20". */
export function hoursInWords(stored: string, language: string): string {
  const text = stored.replace(/^(\d+)-(\d+)$/, "$1–$2");
  return language === "da" ? text : text.replace(/^op til /, "up to ");
}

export interface TextField {
  /** The key in the part's `answers`, the form field's name and the locale key. */
  name: string;
  max: number;
  rows?: number;
}

/** "Hvad jeg kan, og hvad der hjælper": everyday areas (ICF: body, activity, participation, surroundings). */
export const ABILITY_AREAS = ["sitting", "concentration", "others", "transport", "energy"] as const;
export type AbilityArea = (typeof ABILITY_AREAS)[number];

export interface PartDefinition {
  key: PartKey;
  slug: string;
  fields: TextField[];
}

const text = (name: string, max = TEXT_MAX, rows = 5): TextField => ({ name, max, rows });

export const PARTS: PartDefinition[] = [
  { key: "about_meeting", slug: "om-moedet", fields: [] },
  {
    key: "education_work",
    slug: "uddannelse-og-arbejde",
    fields: [text("education"), text("work"), text("goodAt")],
  },
  { key: "resources", slug: "mine-ressourcer", fields: [text("energy"), text("interests"), text("worksWell")] },
  { key: "challenges", slug: "det-der-er-svaert", fields: [text("work"), text("social"), text("health")] },
  {
    key: "abilities",
    slug: "hvad-jeg-kan",
    fields: ABILITY_AREAS.flatMap((area) => [text(`${area}How`, SHORT_TEXT_MAX, 3), text(`${area}Helps`, SHORT_TEXT_MAX, 3)]),
  },
  // Hours and the work tasks are not free text fields; see schema.ts.
  { key: "wishes", slug: "mine-oensker", fields: [text("workWish"), text("accommodations")] },
  { key: "network", slug: "mit-netvaerk", fields: [text("supporters"), text("atMeeting", SHORT_TEXT_MAX, 3)] },
  { key: "questions", slug: "mine-spoergsmaal", fields: [text("questions", TEXT_MAX, 8)] },
];

export const CHECK_SLUG = "tjek-og-del";
/** All nine steps in the task list: the eight parts and "Tjek og del". */
export const STEP_COUNT = PARTS.length + 1;

export function partBySlug(slug: string | undefined): PartDefinition | null {
  return PARTS.find((part) => part.slug === slug) ?? null;
}

export function partByKey(key: PartKey): PartDefinition {
  return PARTS.find((part) => part.key === key)!;
}

export function isWritable(part: PartDefinition): part is PartDefinition & { key: WritablePartKey } {
  return part.key !== "about_meeting";
}

/** Where "Gem og fortsæt" goes from this part: the next part, and after the last, "Tjek og del". */
export function nextPath(part: PartDefinition): string {
  const index = PARTS.findIndex((candidate) => candidate.key === part.key);
  const next = PARTS[index + 1];
  return `/forberedelse/${next ? next.slug : CHECK_SLUG}`;
}

/** 1-based position in the task list ("Del 2 af 9"). */
export function stepNumber(part: PartDefinition): number {
  return PARTS.findIndex((candidate) => candidate.key === part.key) + 1;
}

/** The participant's answers to one part: field name -> text. Work tasks live in their own list. */
export type Answers = Record<string, string>;

/** What is shared with the caseworker: the answers, and for "Mine ønsker" the work tasks as they were. */
export interface SharedAnswers {
  answers: Answers;
  tasks?: string[];
}

/** Keeps only the part's own fields, as strings (old or foreign keys in the jsonb are ignored). */
export function cleanAnswers(part: PartDefinition, raw: unknown): Answers {
  const source = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const names = [...part.fields.map((field) => field.name), ...(part.key === "wishes" ? ["hoursPerWeek"] : [])];
  const answers: Answers = {};
  for (const name of names) {
    const value = source[name];
    answers[name] = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  }
  return answers;
}

export function hasContent(answers: Answers, tasks: string[] = []): boolean {
  return Object.values(answers).some((value) => value.trim().length > 0) || tasks.length > 0;
}

/** Same as TASK_TEXT_MAX in features/cv/task-suggestions.server.ts (a test keeps them equal). */
export const TASK_MAX = 200;
/** The material asks for at least three work tasks before the meeting. */
export const RECOMMENDED_TASKS = 3;
/** How many task lines the form shows at least (there is no "add a line" button that needs JavaScript). */
export const MIN_TASK_INPUTS = 5;
export const MAX_TASK_INPUTS = 12;
