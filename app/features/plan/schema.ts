import { z } from "~/lib/zod";
import { subGoalStatuses } from "./snapshot";
import { versionNumber } from "~/components/form/schemas";

/** Limits, stated next to each field before the person reaches them. */
export const OWN_GOAL_MAX = 1000;
export const SUB_GOAL_COMMENT_MAX = 500;
export const QUESTION_MAX = 2000;

/**
 * A free text: line breaks counted and stored as one character (browsers send CRLF), surrounding
 * space trimmed, then checked. The checks run after trimming, so "   " counts as empty.
 */
const text = (base: z.ZodType<string>, messages: { required?: string; tooLong: string }, max: number) =>
  base
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .superRefine((value, context) => {
      if (messages.required && value.length === 0) context.addIssue({ code: "custom", message: messages.required });
      if (value.length > max) context.addIssue({ code: "custom", message: messages.tooLong });
    });

// Messages are translation keys in the "plan" namespace.

export const ownGoalSchema = z.object({
  ownGoal: text(
    z.string({ error: "ownGoal.errors.required" }),
    { required: "ownGoal.errors.required", tooLong: "ownGoal.errors.tooLong" },
    OWN_GOAL_MAX,
  ),
  version: versionNumber(),
});

export const subGoalMarkSchema = z.object({
  status: z.enum(subGoalStatuses, { error: "subGoal.errors.statusRequired" }),
  comment: text(z.string().optional().default(""), { tooLong: "subGoal.errors.commentTooLong" }, SUB_GOAL_COMMENT_MAX),
  submissionId: z.uuid().optional(),
});

export const questionSchema = z.object({
  comment: text(
    z.string({ error: "question.errors.required" }),
    { required: "question.errors.required", tooLong: "question.errors.tooLong" },
    QUESTION_MAX,
  ),
  planVersion: versionNumber(1),
  submissionId: z.uuid().optional(),
});

/**
 * /min-plan's two buttons: "Jeg har læst planen" (`confirm-read`) and "Marker som læst"
 * (`mark-seen`). Both take the "Nyt" marks away up to the version the page showed.
 */
export const planReadSchema = z.object({
  intent: z.enum(["confirm-read", "mark-seen"]),
  planVersion: versionNumber(1),
});

/** "Behold den gemte tekst" after a conflict on the own goal: nothing to save. */
export const keepSavedSchema = z.object({ intent: z.literal("keep-saved") });

/** What a redirect after a save may ask /min-plan to say (`?gemt=`), and where. */
export const savedNotices = ["eget-maal", "delmaal", "laest", "spoergsmaal", "nyt-set"] as const;
export type SavedNotice = (typeof savedNotices)[number];
const savedNoticeSchema = z.enum(savedNotices);

/** `?gemt=` and `?delmaal=` on /min-plan; anything else says nothing. */
export function parsePlanSearch(url: URL): { saved: SavedNotice | null; savedSubGoal: string | null } {
  const saved = savedNoticeSchema.safeParse(url.searchParams.get("gemt"));
  return { saved: saved.success ? saved.data : null, savedSubGoal: url.searchParams.get("delmaal") };
}

/** A version in a URL (/min-plan/tidligere-versioner/3): 1 to 999999, no leading zero. */
export const versionParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);
