import { sql } from "drizzle-orm";
import { boolean, check, integer, text, time, timestamp, uuid } from "drizzle-orm/pg-core";
import { portal } from "./portal";
import { persons } from "./people";

/**
 * How and when a person wants to be told (issue 18): by e-mail, SMS, both or not at all; never in
 * their quiet hours; reminders before a meeting (minutes before, 1 day and 2 hours by default) and
 * before an agreement's deadline. One row per person; no row means nothing is sent.
 * Notifications never carry what a message or meeting is about ("Du har en ny besked i Min Vej").
 */
export const notificationSettings = portal.table(
  "notification_settings",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => persons.id, { onDelete: "cascade" }),
    byEmail: boolean("by_email").notNull().default(false),
    bySms: boolean("by_sms").notNull().default(false),
    email: text("email"),
    phone: text("phone"),
    /** Nothing is sent from quietFrom to quietUntil, Danish time (may run past midnight). */
    quietFrom: time("quiet_from").notNull().default("21:00"),
    quietUntil: time("quiet_until").notNull().default("08:00"),
    newMessages: boolean("new_messages").notNull().default(true),
    /** Minutes before a meeting to remind; empty means no meeting reminders. */
    meetingReminderMinutes: integer("meeting_reminder_minutes").array().notNull().default(sql`'{1440,120}'::integer[]`),
    agreementReminders: boolean("agreement_reminders").notNull().default(true),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("notification_settings_email_when_chosen", sql`not ${t.byEmail} or ${t.email} is not null`),
    check("notification_settings_phone_when_chosen", sql`not ${t.bySms} or ${t.phone} is not null`),
  ],
);
