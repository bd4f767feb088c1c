import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import type { OutboxPayload } from "~/features/jobs/index.server";
import { quietHoursEnd } from "./quiet-hours";
import { isNotificationKind, notice, type Channel } from "./texts.server";

/** A row of portal.notification_at_send (migrations 0019, 0023, 0032). */
interface AtSend {
  wanted: boolean;
  address: string | null;
  quiet_from: string | null;
  quiet_until: string | null;
  event_at: Date | string | null;
  preferred_language: string | null;
}

export type Preparation = { action: "send"; payload: OutboxPayload | null } | { action: "drop" } | { action: "defer"; until: Date };

/**
 * The job worker's last question before it sends an outbox row (app/features/jobs/outbox.server.ts).
 * Mail that is not a notification (an invitation) goes as it is. A notification goes only if it
 * is still wanted as it leaves: the meeting still starts when the reminder was made for and
 * has not started or been cancelled, the deadline has not passed, the message is still unread,
 * she has not answered "Sådan går det" for the month and it is still her chosen day, and the
 * person still wants it by this channel. Otherwise it is dropped, never sent. Inside the
 * person's quiet hours (as they are now) it waits for their end, or is dropped if the meeting
 * starts first. A reminder is written anew, so "i morgen" is counted from the moment it leaves,
 * and every notification goes to the address the person has now.
 */
export async function prepareNotification(
  row: { key: string; kind: string; channel: string; payload: OutboxPayload | null },
  now: Date,
): Promise<Preparation> {
  if (!isNotificationKind(row.kind)) return { action: "send", payload: row.payload };
  const database = await db();
  const [check] = await database.transaction(async (tx) => {
    // The worker's transaction: portal.notification_at_send answers only the job worker.
    await tx.execute(sql`select set_config('minvej.job_worker', 'on', true)`);
    return rowsOf<AtSend>(
      await tx.execute(sql`select * from portal.notification_at_send(${row.key}, ${row.channel}, ${now.toISOString()}::timestamptz)`),
    );
  });
  if (!check?.wanted || !check.address || !row.payload) return { action: "drop" };
  const eventAt = check.event_at ? new Date(check.event_at) : null;
  const quietEnd = check.quiet_from && check.quiet_until ? quietHoursEnd(now, { from: check.quiet_from, until: check.quiet_until }) : null;
  if (quietEnd) return eventAt && quietEnd.getTime() >= eventAt.getTime() ? { action: "drop" } : { action: "defer", until: quietEnd };
  const channel = row.channel as Channel;
  if (row.kind === "message_notice") return { action: "send", payload: { ...row.payload, to: check.address } };
  return {
    action: "send",
    payload: notice(channel, check.address, { kind: row.kind, language: check.preferred_language ?? "da", eventAt, now }),
  };
}
