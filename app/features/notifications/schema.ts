import { versionNumber } from "~/components/form/schemas";
import { z } from "~/lib/zod";

// Messages are translation keys in the "notifications" namespace.

/** The meeting reminders a person may choose, in minutes before the meeting ("3 dage før" …). */
export const REMINDER_CHOICES = [4320, 1440, 120, 60] as const;
export type ReminderMinutes = (typeof REMINDER_CHOICES)[number];
/** As a new person's settings start (and the database's default): 1 day and 2 hours before. */
export const DEFAULT_REMINDERS: ReminderMinutes[] = [1440, 120];

/** Quiet hours are chosen in whole hours: "00" … "23". */
export const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, "0"));

export const EMAIL_MAX = 254;
export const PHONE_MAX = 20;

/** A simple, strict-enough e-mail check: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/**
 * A mobile number as people write it ("12 34 56 78", "+45 12345678", "0045-12345678") in the form
 * the SMS gateway takes: "+4512345678". A Danish number has 8 digits; another country's number
 * starts with + or 00 and has 7 to 15 digits. Null when it is not a number we can text.
 */
export function normalisePhone(typed: string): string | null {
  const compact = typed.replace(/[\s\-.()]/g, "");
  if (/^\d{8}$/.test(compact)) return `+45${compact}`;
  const international = /^(?:\+|00)(\d{7,15})$/.exec(compact);
  return international ? `+${international[1]}` : null;
}

/** A checkbox group posts nothing, one value, or several. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "yes");

const hour = z.string().optional().default("");

/**
 * "Sådan får du besked" (/indstillinger). Every field is read first and all checks run in one
 * place, so the person sees every problem at once.
 */
export const settingsSchema = z
  .object({
    byEmail: checkbox,
    email: z.string().optional().default("").transform((value) => value.trim()),
    bySms: checkbox,
    phone: z.string().optional().default("").transform((value) => value.trim()),
    meetingReminders: many,
    newMessages: checkbox,
    agreementReminders: checkbox,
    quietFrom: hour,
    quietUntil: hour,
    /** The participants whose meeting reminders a relative wants a copy of (participant ids). */
    copies: many,
    version: versionNumber(),
  })
  .superRefine((value, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (value.byEmail && !value.email) problem("email", "form.errors.emailMissing");
    else if (value.email && (value.email.length > EMAIL_MAX || !EMAIL.test(value.email))) problem("email", "form.errors.emailInvalid");
    if (value.bySms && !value.phone) problem("phone", "form.errors.phoneMissing");
    else if (value.phone && (value.phone.length > PHONE_MAX || !normalisePhone(value.phone))) problem("phone", "form.errors.phoneInvalid");
    if (!value.meetingReminders.every((minutes) => (REMINDER_CHOICES as readonly number[]).includes(Number(minutes)))) {
      problem("meetingReminders", "form.errors.reminderUnknown");
    }
    const fromKnown = HOURS.includes(value.quietFrom);
    const untilKnown = HOURS.includes(value.quietUntil);
    if (!fromKnown) problem("quietFrom", "form.errors.quietHour");
    if (!untilKnown) problem("quietUntil", "form.errors.quietHour");
    else if (fromKnown && value.quietFrom === value.quietUntil) problem("quietUntil", "form.errors.quietSame");
  })
  .transform((value) => ({
    byEmail: value.byEmail,
    email: value.email || null,
    bySms: value.bySms,
    phone: value.phone ? normalisePhone(value.phone) : null,
    meetingReminderMinutes: REMINDER_CHOICES.filter((minutes) => value.meetingReminders.includes(String(minutes))),
    newMessages: value.newMessages,
    agreementReminders: value.agreementReminders,
    quietFrom: `${value.quietFrom}:00`,
    quietUntil: `${value.quietUntil}:00`,
    copies: [...new Set(value.copies)],
    version: value.version,
  }));

export type SettingsInput = Omit<z.output<typeof settingsSchema>, "version">;
