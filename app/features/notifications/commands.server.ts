import { and, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { notificationSettings } from "../../../db/schema/notifications";
import { setReminderCopies } from "~/features/relatives/index.server";
import { recordAudit } from "~/lib/audit.server";
import { getSettings, type SettingsView } from "./queries.server";
import { normalisePhone, type SettingsInput } from "./schema";

/** Who saves: always the signed-in person (from the session, never from the form). */
export interface SettingsActor {
  personId: string;
  /** Set when the person is a participant: agreement reminders are theirs to choose. */
  participantId: string | null;
  requestId?: string | null;
}

export type SaveSettingsResult = { status: "saved" } | { status: "unchanged" } | { status: "conflict"; saved: SettingsView; savedVersion: number };

function sameChoices(current: SettingsView, input: SettingsInput, agreementReminders: boolean): boolean {
  const sorted = (minutes: readonly number[]) => JSON.stringify([...minutes].sort((a, b) => a - b));
  return (
    current.version > 0 &&
    current.byEmail === input.byEmail &&
    current.bySms === input.bySms &&
    (current.email || null) === input.email &&
    // The number as shown ("12 34 56 78") read back the way the form's is: a new number is a change.
    (current.phone ? normalisePhone(current.phone) : null) === input.phone &&
    current.newMessages === input.newMessages &&
    current.agreementReminders === agreementReminders &&
    `${current.quietFrom}:00` === input.quietFrom &&
    `${current.quietUntil}:00` === input.quietUntil &&
    sorted(current.meetingReminderMinutes) === sorted(input.meetingReminderMinutes)
  );
}

/**
 * Saves a person's notification choices, and (for a relative) which participants' meeting
 * reminders she gets a copy of. Versioned: the form carries the version it showed (0 when
 * nothing was saved yet); if the choices were saved from another window meanwhile, nothing is
 * written and the saved choices come back to be shown. The very same choices again (a double
 * submit) are no change. Audit rows say what was chosen, never the address or number.
 */
export async function saveSettings(actor: SettingsActor, input: SettingsInput, loadedVersion: number): Promise<SaveSettingsResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const current = await getSettings(actor.personId, tx);
    // Only a participant has agreements; anyone else keeps what they had (on, for a new person).
    const agreementReminders = actor.participantId ? input.agreementReminders : current.agreementReminders;
    let changed = false;
    if (!sameChoices(current, input, agreementReminders)) {
      const values = {
        byEmail: input.byEmail,
        email: input.email,
        bySms: input.bySms,
        // A number typed but not chosen is kept as typed; schema.ts made it "+45…".
        phone: input.phone,
        meetingReminderMinutes: [...input.meetingReminderMinutes],
        newMessages: input.newMessages,
        agreementReminders,
        quietFrom: input.quietFrom,
        quietUntil: input.quietUntil,
        updatedAt: new Date(),
      };
      const written =
        loadedVersion === 0
          ? await tx
              .insert(notificationSettings)
              .values({ ...values, personId: actor.personId })
              .onConflictDoNothing({ target: notificationSettings.personId })
              .returning({ version: notificationSettings.version })
          : await tx
              .update(notificationSettings)
              .set({ ...values, version: sql`${notificationSettings.version} + 1` })
              .where(and(eq(notificationSettings.personId, actor.personId), eq(notificationSettings.version, loadedVersion)))
              .returning({ version: notificationSettings.version });
      if (written.length === 0) {
        // Saved from another window meanwhile: nothing is written here, the saved choices are shown.
        const saved = await getSettings(actor.personId, tx);
        return { status: "conflict" as const, saved, savedVersion: saved.version };
      }
      await recordAudit(tx, {
        actorPersonId: actor.personId,
        participantId: actor.participantId,
        action: "notifications.settings_saved",
        details: {
          email: input.byEmail,
          sms: input.bySms,
          meetingReminderMinutes: input.meetingReminderMinutes,
          newMessages: input.newMessages,
          agreementReminders,
          quietFrom: input.quietFrom,
          quietUntil: input.quietUntil,
        },
        requestId: actor.requestId ?? null,
      });
      changed = true;
    }
    const copies = await setReminderCopies(tx, actor.personId, input.copies);
    await auditCopies(tx, actor, copies);
    return changed || copies.length > 0 ? { status: "saved" as const } : { status: "unchanged" as const };
  });
}

/** A relative's copy turned on or off is recorded on the participant's record (whose meetings they are). */
async function auditCopies(tx: Transaction, actor: SettingsActor, copies: { participantId: string; reminderCopy: boolean }[]) {
  for (const copy of copies) {
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: copy.participantId,
      action: "notifications.reminder_copy_changed",
      details: { reminderCopy: copy.reminderCopy },
      requestId: actor.requestId ?? null,
    });
  }
}
