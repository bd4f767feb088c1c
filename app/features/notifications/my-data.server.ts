import { eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { notificationSettings } from "../../../db/schema/notifications";

/**
 * What the notifications area holds about one person, for "Mine data" (issue 22): her choices as
 * saved (channels, the address and number for them, quiet hours, reminders), or null when she
 * never saved any (then nothing is sent).
 */
export async function exportNotificationSettingsFor(personId: string) {
  const database = await db();
  const [row] = await database.select().from(notificationSettings).where(eq(notificationSettings.personId, personId));
  if (!row) return null;
  return {
    byEmail: row.byEmail,
    email: row.email,
    bySms: row.bySms,
    phone: row.phone,
    quietFrom: row.quietFrom,
    quietUntil: row.quietUntil,
    newMessages: row.newMessages,
    meetingReminderMinutes: row.meetingReminderMinutes,
    agreementReminders: row.agreementReminders,
    updatedAt: row.updatedAt,
  };
}

export type NotificationSettingsExport = Awaited<ReturnType<typeof exportNotificationSettingsFor>>;
