import { eq } from "drizzle-orm";
import { db, type Database, type Transaction } from "../../../db/client";
import { notificationSettings } from "../../../db/schema/notifications";
import { persons } from "../../../db/schema/people";
import { listReminderCopyChoices, type ReminderCopyChoice } from "~/features/relatives/index.server";
import { DEFAULT_REMINDERS } from "./schema";

/** A person's choices as the form shows them. */
export interface SettingsView {
  byEmail: boolean;
  email: string;
  bySms: boolean;
  phone: string;
  meetingReminderMinutes: number[];
  newMessages: boolean;
  agreementReminders: boolean;
  /** "21" … the hour quiet hours start and end, Danish time. */
  quietFrom: string;
  quietUntil: string;
  /** 0 while nothing is saved (a new person). */
  version: number;
}

/** "+4512345678" as a Dane reads it: "12 34 56 78"; another country's number as stored. */
export function readablePhone(phone: string): string {
  const danish = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return danish ? danish.slice(1).join(" ") : phone;
}

/**
 * The person's settings, or what a new person starts from: nothing sent (no channel chosen),
 * quiet from 21 to 8, reminders 1 day and 2 hours before a meeting, deadlines and new messages on.
 * The address and number are filled in from what the jobcentre has on the person, until they
 * write their own.
 */
export async function getSettings(personId: string, executor?: Database | Transaction): Promise<SettingsView> {
  const database = executor ?? (await db());
  const [person] = await database.select({ email: persons.email, phone: persons.phone }).from(persons).where(eq(persons.id, personId));
  const [row] = await database.select().from(notificationSettings).where(eq(notificationSettings.personId, personId));
  const known = { email: person?.email ?? "", phone: person?.phone ?? "" };
  if (!row) {
    return {
      byEmail: false,
      email: known.email,
      bySms: false,
      phone: known.phone,
      meetingReminderMinutes: [...DEFAULT_REMINDERS],
      newMessages: true,
      agreementReminders: true,
      quietFrom: "21",
      quietUntil: "08",
      version: 0,
    };
  }
  return {
    byEmail: row.byEmail,
    email: row.email ?? known.email,
    bySms: row.bySms,
    phone: row.phone ? readablePhone(row.phone) : known.phone,
    meetingReminderMinutes: [...row.meetingReminderMinutes].sort((a, b) => b - a),
    newMessages: row.newMessages,
    agreementReminders: row.agreementReminders,
    quietFrom: row.quietFrom.slice(0, 2),
    quietUntil: row.quietUntil.slice(0, 2),
    version: row.version,
  };
}

export interface SettingsPageData {
  settings: SettingsView;
  isParticipant: boolean;
  /** For a relative: the participants she helps, and whether she gets a copy of their meeting reminders. */
  copies: ReminderCopyChoice[];
}

export async function getSettingsPage(user: { personId: string; participant: { id: string } | null }): Promise<SettingsPageData> {
  const [settings, copies] = await Promise.all([getSettings(user.personId), listReminderCopyChoices(user.personId)]);
  return { settings, isParticipant: Boolean(user.participant), copies };
}
