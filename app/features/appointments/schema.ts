import { z } from "~/lib/zod";
import { freeText, versionNumber } from "~/components/form/schemas";

/** Limits shown before the person reaches them (TextareaField says "up to N characters"). */
export const LIMITS = {
  notes: 2000,
  questions: 2000,
  reason: 1000,
  wish: 500,
} as const;

/** Interpolation values for every limit message, so one translate function serves every field. */
export const limitValues = {
  notesMax: LIMITS.notes,
  questionsMax: LIMITS.questions,
  reasonMax: LIMITS.reason,
  wishMax: LIMITS.wish,
};

/** The participant's own notes and questions for a meeting. Both may be empty (that clears them). */
export const preparationSchema = z.object({
  intent: z.enum(["save", "keep-saved"]).optional().default("save"),
  notes: freeText(LIMITS.notes, "appointments:prep.errors.notesTooLong"),
  questions: freeText(LIMITS.questions, "appointments:prep.errors.questionsTooLong"),
  /** The version the person started from; 0 when nothing was saved before. */
  version: versionNumber().optional().default(0),
});

/** "Jeg kan ikke komme": a short reason, and optionally when would suit better. */
export const absenceSchema = z.object({
  reason: freeText(LIMITS.reason, "appointments:absence.errors.reasonTooLong").refine((value) => value.length > 0, {
    message: "appointments:absence.errors.reasonRequired",
  }),
  wish: freeText(LIMITS.wish, "appointments:absence.errors.wishTooLong"),
});

/** "Behold det gemte" in the preparation's conflict panel: nothing is written. */
export const keepSavedSchema = z.object({ intent: z.literal("keep-saved") });

/** The calendar feed page has two buttons: make a (new) address, or stop it. */
export const feedActionSchema = z.object({
  intent: z.enum(["create", "revoke"]),
});
