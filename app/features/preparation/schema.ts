import { z } from "~/lib/zod";
import type { SavedPart } from "./commands.server";
import { HOURS_MAX, MAX_TASK_INPUTS, TASK_MAX, type Answers, type PartDefinition } from "./parts";
import { versionNumber } from "~/components/form/schemas";
import { editableHours, parseHours } from "~/features/cv";

/**
 * Form schemas for the preparation, shared by the browser and the server. Messages are
 * translation keys in the "preparation" namespace; the page adds the field's name and limit.
 * Line breaks count as one character (browsers send CRLF), surrounding space is trimmed.
 */
const normalise = (value: string) => value.replace(/\r\n?/g, "\n").trim();

const freeText = (max: number) =>
  z
    .string()
    .optional()
    .default("")
    .transform(normalise)
    .refine((value) => value.length <= max, { message: "errors.tooLong" });

/** "20", "10-15", "10 til 15", "ca. 20", "op til 20": a person's own words, kept as "10-15" or "op til 20". */
const readHours = (value: string) => {
  const range = parseHours(value);
  return range === null || range === "too-many" || (range.min ?? 0) > HOURS_MAX || (range.max ?? 0) > HOURS_MAX ? null : range;
};
const hours = z
  .string()
  .optional()
  .default("")
  .transform((value) => value.trim())
  .refine((value) => value === "" || readHours(value) !== null, { message: "errors.hours" })
  .transform((value) => {
    const range = value === "" ? null : readHours(value);
    return range ? editableHours(range.min, range.max, "op til") : "";
  });

const task = z
  .string()
  .optional()
  .default("")
  .transform(normalise)
  .refine((value) => value.length <= TASK_MAX, { message: "errors.taskTooLong" });

export function partSchema(part: PartDefinition) {
  const shape: Record<string, z.ZodType> = {
    version: versionNumber(),
    done: z.enum(["yes", "no"]).optional(),
  };
  for (const field of part.fields) shape[field.name] = freeText(field.max);
  if (part.key === "wishes") {
    shape.hoursPerWeek = hours;
    shape.tasks = z.array(task).max(MAX_TASK_INPUTS).optional().default([]);
    /** The task list as the form was loaded (JSON), to notice a change made elsewhere meanwhile. */
    shape.tasksBaseline = z.string().optional().default("[]");
  }
  return z.object(shape);
}

export interface PartInput {
  version: number;
  done?: "yes" | "no";
  answers: Record<string, string>;
  /** Only for "Mine ønsker". */
  tasks?: string[];
  tasksBaseline?: string[];
}

/** Turns the parsed form into the command's input. */
export function toPartInput(part: PartDefinition, value: Record<string, unknown>): PartInput {
  const answers: Record<string, string> = {};
  for (const field of part.fields) answers[field.name] = String(value[field.name] ?? "");
  const input: PartInput = { version: Number(value.version), done: value.done as PartInput["done"], answers };
  if (part.key === "wishes") {
    answers.hoursPerWeek = String(value.hoursPerWeek ?? "");
    input.tasks = ((value.tasks as (string | undefined)[]) ?? []).map((item) => item ?? "").filter((item) => item.length > 0);
    input.tasksBaseline = parseBaseline(String(value.tasksBaseline ?? "[]"));
  }
  return input;
}

/** A conflict as the part's page shows it: what is saved now, next to what the person sent. */
export interface PartConflict {
  saved: SavedPart;
  mine: { answers: Answers; tasks: string[]; done: string };
}

/** What the person sent, for the conflict page: nothing they typed is lost. */
export function mineOf(input: PartInput): PartConflict["mine"] {
  return { answers: input.answers, tasks: input.tasks ?? [], done: input.done ?? "" };
}

/**
 * The part form's buttons: "Gem og fortsæt" (`continue`, also a post without a known intent),
 * "Gem og fortsæt senere" (`later`); after a conflict "Behold min udgave" (`keep-mine`) and
 * "Behold den gemte udgave" (`keep-saved`, which writes nothing).
 */
export const partIntentSchema = z.object({
  intent: z.enum(["continue", "later", "keep-mine", "keep-saved"]).catch("continue"),
});
export type PartIntent = z.infer<typeof partIntentSchema>["intent"];

export function partIntentOf(formData: FormData): PartIntent {
  return partIntentSchema.parse(Object.fromEntries(formData)).intent;
}

/**
 * "Skal bemærkningen med?": whether a relative's remark goes along when sharing (`include`), and
 * the part page to go back to (`back`, a part's slug; anything else means "Tjek og del").
 */
export const remarkChoiceSchema = z.object({
  include: z.enum(["yes", "no"]),
  back: z.string().optional().catch(undefined),
});

/** "Træk tilbage" is done only with `confirm=yes` (the page's button, or the dialog's). */
export const withdrawSchema = z.object({ confirm: z.literal("yes") });

function parseBaseline(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/**
 * "Tjek og del" in two steps (GOV.UK "check your answers"): `review` shows exactly what the
 * caseworker will read for the ticked parts, and only `share` shares. A post without an intent is
 * a review, so nothing is ever shared by one click. `change` goes back to the boxes, as ticked.
 * `seen.<part>` is the version of each part the person looked at.
 */
export const shareSchema = z.object({
  intent: z.enum(["review", "share", "change"]).optional().default("review"),
  parts: z.array(z.string()).optional().default([]),
  seen: z.record(z.string(), z.string()).optional().default({}),
});
