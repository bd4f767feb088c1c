import { z } from "~/lib/zod";
import { dateInputSchema, freeText } from "~/components/form/schemas";
import { MESSAGE_LIMITS } from "~/features/messages";
import { copenhagenInstant, parseClock } from "./clock";

/**
 * The caseworker's forms on `/sagsbehandler/beskeder/:conversationId`: a reply, "Markér som
 * håndteret" and "Foreslå en ny tid". One schema per form serves the browser and the action;
 * messages are translation keys in the caseworker namespace.
 */

export const REPLY_MAX = MESSAGE_LIMITS.body;

export const replySchema = z.object({
  intent: z.literal("reply"),
  body: freeText(REPLY_MAX, "conversation.errors.bodyTooLong").refine((value) => value.length > 0, {
    message: "conversation.errors.bodyRequired",
  }),
  /** The form's one-time id: a reply sent twice is stored once. */
  submissionId: z.string().uuid(),
});

export const handledSchema = z.object({ intent: z.literal("handled") });

function clockTime(required: string, invalid: string) {
  return z
    .string()
    .optional()
    .default("")
    .transform((value, context) => {
      if (!value.trim()) {
        context.addIssue({ code: "custom", message: required });
        return z.NEVER;
      }
      const clock = parseClock(value);
      if (!clock) {
        context.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
      return clock;
    });
}

/**
 * A new time for the meeting: a day (three fields) and a start and end time, Copenhagen time.
 * The start must lie ahead and the end after the start. `now` is the server's clock in the action.
 */
export function proposalSchema(now: () => Date = () => new Date()) {
  return z
    .object({
      intent: z.literal("propose"),
      date: dateInputSchema({ required: "conversation.errors.dateRequired", invalid: "conversation.errors.dateInvalid" }),
      startTime: clockTime("conversation.errors.startRequired", "conversation.errors.timeInvalid"),
      endTime: clockTime("conversation.errors.endRequired", "conversation.errors.timeInvalid"),
    })
    .transform((value, context) => {
      const startsAt = copenhagenInstant(value.date, value.startTime);
      const endsAt = copenhagenInstant(value.date, value.endTime);
      if (startsAt.getTime() <= now().getTime()) {
        context.addIssue({ code: "custom", path: ["date"], message: "conversation.errors.dateInPast" });
        return z.NEVER;
      }
      if (endsAt.getTime() <= startsAt.getTime()) {
        context.addIssue({ code: "custom", path: ["endTime"], message: "conversation.errors.endBeforeStart" });
        return z.NEVER;
      }
      return { startsAt, endsAt };
    });
}
