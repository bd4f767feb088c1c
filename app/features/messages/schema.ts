import { z } from "~/lib/zod";
import { freeText } from "~/components/form/schemas";
import { MESSAGE_MAX_LENGTH } from "../../../db/schema/limits";

/** Limits shown before the person reaches them (TextareaField says "up to N characters"). */
export const LIMITS = { body: MESSAGE_MAX_LENGTH, subject: 120, phone: 20 } as const;
export const limitValues = { bodyMax: LIMITS.body, subjectMax: LIMITS.subject };

const uuid = z.string().uuid();

/** The hidden one-time id a form carries: a double submit stores one message. */
const submissionId = uuid;

const body = freeText(LIMITS.body, "messages:errors.bodyTooLong");

/** A reply in a conversation, or a draft of one ("Gem kladde" keeps it without sending). */
export const replySchema = z.object({
  intent: z.enum(["send", "draft"]).optional().default("send"),
  body,
  submissionId,
});

/** A new conversation; what it is about comes from the hidden fields the page set. */
export const newConversationSchema = z.object({
  intent: z.enum(["send", "draft"]).optional().default("send"),
  subject: freeText(LIMITS.subject, "messages:errors.subjectTooLong"),
  body,
  submissionId,
  appointmentId: uuid.optional(),
  subGoalId: uuid.optional(),
  activityId: uuid.optional(),
  /** A preparation part's address (slug), checked against her own parts. */
  preparationPart: z.string().max(40).optional(),
});

/** "Ring mig op": a day (one of the next working days), a part of the day and a number. */
export const callbackSchema = z.object({
  day: z.string({ error: "messages:callback.errors.dayRequired" }).regex(/^\d{4}-\d{2}-\d{2}$/, "messages:callback.errors.dayRequired"),
  window: z.enum(["morning", "afternoon", "any"], { error: "messages:callback.errors.windowRequired" }),
  phone: z
    .string({ error: "messages:callback.errors.phoneRequired" })
    .trim()
    .min(1, "messages:callback.errors.phoneRequired")
    .max(LIMITS.phone, "messages:callback.errors.phoneInvalid")
    .regex(/^\+?[0-9 ]{8,}$/, "messages:callback.errors.phoneInvalid"),
  about: freeText(500, "messages:errors.bodyTooLong"),
  submissionId,
});

/** The participant's answer to a proposed new time. */
export const proposalAnswerSchema = z.object({
  intent: z.enum(["accept", "decline"]),
  proposalId: uuid,
});

/** A message must say something; a draft may be empty (that deletes it). */
export function hasText(value: string) {
  return value.trim().length > 0;
}
