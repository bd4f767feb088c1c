import { z } from "~/lib/zod";
import { parseDayMonthYear } from "~/lib/dates";

/** A DateInput's three fields as typed (trimmed; missing ones empty), before they are read as a date. */
export function dayMonthYearFields() {
  return z
    .object({
      day: z.string().trim().optional().default(""),
      month: z.string().trim().optional().default(""),
      year: z.string().trim().optional().default(""),
    })
    .optional()
    .default({ day: "", month: "", year: "" });
}

/**
 * Reads a DateInput's three fields into "YYYY-MM-DD". Messages are translation keys,
 * so the same schema speaks Danish or English in the browser and on the server.
 */
export function dateInputSchema(messages: { required: string; invalid: string }) {
  return dayMonthYearFields().transform((value, context) => {
    if (!value.day && !value.month && !value.year) {
      context.addIssue({ code: "custom", message: messages.required });
      return z.NEVER;
    }
    const date = parseDayMonthYear(value.day, value.month, value.year);
    if (!date) {
      context.addIssue({ code: "custom", message: messages.invalid });
      return z.NEVER;
    }
    return date;
  });
}

/** Postgres `integer`: a larger number can never be a version we wrote. */
const MAX_INTEGER = 2_147_483_647;

/** The hidden version field of a form that edits something that exists (optimistic lock). */
export function versionNumber(min = 0) {
  return z.coerce.number().int().min(min).max(MAX_INTEGER);
}

/** Windows browsers post "\r\n": store one kind of line break, so equal texts compare equal. */
export const normaliseText = (value: string) => value.replace(/\r\n?/g, "\n").trim();

/**
 * An optional free text: missing is "", line breaks normalised, trimmed, then at most `max`
 * characters (`tooLong` is the message's translation key).
 */
export function freeText(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .default("")
    .transform(normaliseText)
    .refine((value) => value.length <= max, { message: tooLong });
}
