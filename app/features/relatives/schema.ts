import { dateInputSchema, dayMonthYearFields } from "~/components/form/schemas";
import { parseDayMonthYear } from "~/lib/dates";
import { z } from "~/lib/zod";
import { addDays, addMonths, isOldEnough, MAX_MONTHS, NETWORK_SCOPE, SHAREABLE_SCOPES } from "./scopes";

/** Limits, stated next to each field. */
export const NAME_MAX = 100;
export const RELATION_MAX = 60;
export const EMAIL_MAX = 254;

// Messages are translation keys in the "relatives" namespace.

/** One line of text: no line breaks or control characters (names end up in e-mails). */
const line = (messages: { required: string; tooLong: string; invalid: string }, max: number) =>
  z
    .string({ error: messages.required })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .superRefine((value, context) => {
      if (value.length === 0) context.addIssue({ code: "custom", message: messages.required });
      else if (value.length > max) context.addIssue({ code: "custom", message: messages.tooLong });
      // eslint-disable-next-line no-control-regex
      else if (/[\u0000-\u001f\u007f]/.test(value)) context.addIssue({ code: "custom", message: messages.invalid });
    });

/** A checkbox group posts nothing, one value, or several. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "yes");

/** A simple, strict-enough e-mail check: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export interface InviteRules {
  /** Today in Copenhagen, YYYY-MM-DD: the end date must be after it and at most 12 months on. */
  today: string;
  /** The participant's upcoming meetings that a bisidder may be chosen for. */
  appointmentIds: string[];
}

/** What a grant allows and until when: the part of the invitation that can be changed later. */
function termsShape(rules: InviteRules) {
  const latest = addMonths(rules.today, MAX_MONTHS);
  const earliest = addDays(rules.today, 1);
  return {
    // The network map posts "scopes=network" from its own fieldset: any one part is enough.
    scopes: many.superRefine((values, context) => {
      // Only the parts listed in the form: "everything" or a made-up part is refused.
      const known = (value: string) => (SHAREABLE_SCOPES as readonly string[]).includes(value) || value === NETWORK_SCOPE;
      if (values.length === 0 || !values.every(known)) {
        context.addIssue({ code: "custom", message: "form.errors.scopesRequired" });
      }
    }),
    mayComment: checkbox,
    // "Må også skrive" in her conversations: only with the messages scope (refineTerms).
    mayWriteMessages: checkbox,
    bisidder: many,
    validUntil: dateInputSchema({ required: "form.errors.endDateRequired", invalid: "form.errors.endDateInvalid" }).superRefine(
      (value, context) => {
        if (value < earliest) context.addIssue({ code: "custom", message: "form.errors.endDatePast" });
        else if (value > latest) context.addIssue({ code: "custom", message: "form.errors.endDateTooLate" });
      },
    ),
  };
}

function refineTerms(rules: InviteRules) {
  return (value: { scopes: string[]; mayComment: boolean; mayWriteMessages: boolean; bisidder: string[] }, context: z.RefinementCtx) => {
    if (value.mayComment && !value.scopes.includes("preparation")) {
      context.addIssue({ code: "custom", path: ["mayComment"], message: "form.errors.commentNeedsPreparation" });
    }
    if (value.mayWriteMessages && !value.scopes.includes("messages")) {
      context.addIssue({ code: "custom", path: ["mayWriteMessages"], message: "form.errors.writeNeedsMessages" });
    }
    if (value.bisidder.some((id) => !rules.appointmentIds.includes(id))) {
      context.addIssue({ code: "custom", path: ["bisidder"], message: "form.errors.bisidderUnknown" });
    } else if (value.bisidder.length > 0 && !value.scopes.includes("appointments")) {
      context.addIssue({ code: "custom", path: ["bisidder"], message: "form.errors.bisidderNeedsAppointments" });
    }
  };
}

function toTerms<T extends { scopes: string[] }>({ scopes, ...rest }: T) {
  return {
    ...rest,
    scopes: SHAREABLE_SCOPES.filter((scope) => scopes.includes(scope)),
    network: scopes.includes(NETWORK_SCOPE),
  };
}

/**
 * "Fødselsdato (valgfri)": empty is null (anyone who signs in may accept, the participant then
 * confirms the name); otherwise a real date before today of someone who is 15 or over. The year
 * with four digits: "85" would be read as 2085.
 */
function birthDateField(today: string) {
  return dayMonthYearFields().transform((value, context) => {
    if (!value.day && !value.month && !value.year) return null;
    if (/^\d{1,2}$/.test(value.year)) {
      context.addIssue({ code: "custom", message: "form.errors.birthDateYear" });
      return z.NEVER;
    }
    const date = parseDayMonthYear(value.day, value.month, value.year);
    const message = !date
      ? "form.errors.birthDateInvalid"
      : date >= today
        ? "form.errors.birthDateFuture"
        : !isOldEnough(date, today)
          ? "form.errors.birthDateTooYoung"
          : null;
    if (message) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });
}

/** "Inviter en pårørende": shared by the browser and the server (which adds its own checks). */
export function inviteSchema(rules: InviteRules) {
  return z
    .object({
      name: line({ required: "form.errors.nameRequired", tooLong: "form.errors.nameTooLong", invalid: "form.errors.nameInvalid" }, NAME_MAX),
      email: z
        .string({ error: "form.errors.emailRequired" })
        .trim()
        .toLowerCase()
        .superRefine((value, context) => {
          if (value.length === 0) context.addIssue({ code: "custom", message: "form.errors.emailRequired" });
          else if (value.length > EMAIL_MAX || !EMAIL.test(value))
            context.addIssue({ code: "custom", message: "form.errors.emailInvalid" });
        }),
      relation: line(
        { required: "form.errors.relationRequired", tooLong: "form.errors.relationTooLong", invalid: "form.errors.relationInvalid" },
        RELATION_MAX,
      ),
      birthDate: birthDateField(rules.today),
      ...termsShape(rules),
    })
    .superRefine(refineTerms(rules))
    .transform(toTerms);
}

/** "Ret adgangen": what the participant may change on an existing grant (who it is stays). */
export function changeSchema(rules: InviteRules) {
  return z.object(termsShape(rules)).superRefine(refineTerms(rules)).transform(toTerms);
}

export type ChangeInput = z.output<ReturnType<typeof changeSchema>>;

/** The fields of the change form, in order (for the error summary). */
export const CHANGE_FIELDS = ["scopes", "mayComment", "mayWriteMessages", "bisidder", "validUntil"] as const;

export type InviteInput = z.output<ReturnType<typeof inviteSchema>>;

/** The fields in the order the form shows them (for the error summary). */
export const INVITE_FIELDS = ["name", "email", "relation", "birthDate", "scopes", "mayComment", "mayWriteMessages", "bisidder", "validUntil"] as const;

/** The notices /paaroerende shows after a change (`?besked=...&id=<grant>`). */
export const listNoticeSchema = z.enum([
  "sendt",
  "tilbagekaldt",
  "aendret",
  "uaendret",
  "sendt-igen",
  "kan-ikke-rettes",
  "kan-ikke-sendes",
  "bekraeftet",
  "afvist",
]);
export type ListNotice = z.output<typeof listNoticeSchema>;

/** "Tjek og bekræft": "Bekræft" posts confirm=yes (read by the confirmation hook), "Fortryd" intent=cancel. */
export const checkIntentSchema = z.object({ intent: z.enum(["cancel"]).optional().catch(undefined) });

/** The invited person's answer on /invitation/:token. */
export const invitationAnswerSchema = z.object({ answer: z.enum(["accept", "decline"]) });

/** The participant's answer to "Er det den person, du inviterede?". */
export const confirmAnswerSchema = z.object({ answer: z.enum(["confirm", "reject"]) });

/** The "are you sure" pages (withdraw, stop helping): only confirm=yes goes ahead. */
export const confirmYesSchema = z.object({ confirm: z.literal("yes") });

/** "Ret adgangen" carries the grant as it was when the form was opened (see `grantBasis`). */
export const changeBasisSchema = z.object({ basis: z.string().max(3999) });

/** A relative deletes one of their own remarks; any other post is a new remark. */
export const deleteRemarkSchema = z.object({ intent: z.literal("delete"), commentId: z.string().catch("") });

/** What a form post holds as a plain object (the last value of each name), for the schemas above. */
export function formFields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries(formData);
}

/** The terms as typed, to put back in the form after an error (also without JavaScript). */
export function typedTerms(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const strings = (name: string) => formData.getAll(name).filter((value): value is string => typeof value === "string");
  return {
    scopes: strings("scopes"),
    network: formData.getAll("scopes").includes("network"),
    mayComment: formData.get("mayComment") === "yes",
    mayWriteMessages: formData.get("mayWriteMessages") === "yes",
    bisidder: strings("bisidder"),
    validUntil: { day: text("validUntil.day"), month: text("validUntil.month"), year: text("validUntil.year") },
  };
}

/** The invitation as typed: who, and the terms. */
export function typedInvite(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    email: text("email"),
    relation: text("relation"),
    birthDate: { day: text("birthDate.day"), month: text("birthDate.month"), year: text("birthDate.year") },
    ...typedTerms(formData),
  };
}
