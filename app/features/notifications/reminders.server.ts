import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { queueNoticesAsWorker, type QueuedNotice } from "~/features/jobs/index.server";
import { outsideQuietHours } from "./quiet-hours";
import { notice, type Channel, type NotificationKind } from "./texts.server";

/** A row of portal.due_reminders (migrations 0018, 0023, 0032). */
interface DueReminder {
  reminder_key: string;
  kind: NotificationKind;
  participant_id: string;
  person_id: string;
  due_at: Date | string;
  event_at: Date | string;
  by_email: boolean;
  by_sms: boolean;
  email: string | null;
  phone: string | null;
  quiet_from: string;
  quiet_until: string;
  preferred_language: string;
}

export interface ReminderPass {
  /** Reminders, people and channels found due. */
  due: number;
  /** New outbox rows (the rest were queued before: by an earlier pass, or another worker). */
  queued: number;
  /** Due, but the person's quiet hours last until the meeting (or deadline, or her check-in day's end): never sent. */
  tooLate: number;
}

/**
 * The reminders pass of the job worker: every reminder that is due at `now` (meetings: the
 * participant's own, and a copy for each relative who asked for one; agreements' deadlines; the
 * monthly "Sådan går det" on her chosen day, migration 0032), queued once per reminder, person
 * and channel. The outbox key is the reminder's key and the
 * channel; the reminder's key carries the meeting's start, so a moved meeting gets fresh
 * reminders and the old ones are dropped as they leave (send-check.server.ts). Inside the
 * person's quiet hours a reminder waits for their end, unless the meeting starts first.
 */
export async function queueDueReminders(now = new Date()): Promise<ReminderPass> {
  const database = await db();
  // Only the worker's transactions get an answer (migration 0023): it holds everyone's addresses.
  const due = await database.transaction(async (tx) => {
    await tx.execute(sql`select set_config('minvej.job_worker', 'on', true)`);
    return rowsOf<DueReminder>(await tx.execute(sql`select * from portal.due_reminders(${now.toISOString()}::timestamptz)`));
  });
  const notices: QueuedNotice[] = [];
  let tooLate = 0;
  for (const reminder of due) {
    const eventAt = new Date(reminder.event_at);
    const runAfter = outsideQuietHours(now, { from: reminder.quiet_from, until: reminder.quiet_until });
    if (runAfter.getTime() >= eventAt.getTime()) {
      tooLate++;
      continue;
    }
    const channels: [Channel, string | null][] = [
      ["email", reminder.by_email ? reminder.email : null],
      ["sms", reminder.by_sms ? reminder.phone : null],
    ];
    for (const [channel, address] of channels) {
      if (!address) continue;
      notices.push({
        key: `${reminder.reminder_key}:${channel}`,
        kind: reminder.kind,
        channel,
        participantId: reminder.participant_id,
        runAfter,
        payload: notice(channel, address, { kind: reminder.kind, language: reminder.preferred_language, eventAt, now: runAfter }),
      });
    }
  }
  const queued = await queueNoticesAsWorker(notices, now);
  return { due: notices.length, queued, tooLate };
}
