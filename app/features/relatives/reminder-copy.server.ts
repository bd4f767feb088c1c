import { and, eq, gte } from "drizzle-orm";
import type { Transaction } from "../../../db/client";
import { relativeGrants } from "../../../db/schema/relatives";
import { copenhagenDay } from "~/lib/dates";
import { listHelped } from "./queries.server";
import type { Scope } from "./scopes";

/**
 * A relative's copy of a participant's meeting reminders (issue 18): the relative chooses it on
 * "Sådan får du besked" (app/features/notifications), per participant, and only while her grant
 * is active and lets her see the meetings (the appointments scope). The reminders themselves are
 * found by portal.due_reminders, which checks the same again.
 */
export interface ReminderCopyChoice {
  participantId: string;
  firstName: string;
  /** The grant lets the relative see the participant's meetings: she may ask for a copy. */
  mayCopy: boolean;
  reminderCopy: boolean;
}

/** The participants this person helps now (active, unexpired grants), and whether she gets a copy. */
export async function listReminderCopyChoices(relativePersonId: string, now = new Date()): Promise<ReminderCopyChoice[]> {
  return (await listHelped(relativePersonId, now)).map((helped) => {
    const mayCopy = helped.scopes.includes("appointments");
    return { participantId: helped.participantId, firstName: helped.firstName, mayCopy, reminderCopy: mayCopy && helped.reminderCopy };
  });
}

/**
 * Sets the relative's copies in the caller's transaction: on for each of `wanted` whose active
 * grant has the appointments scope, off for every other active grant of hers. A participant id
 * she may not copy (no scope, no grant, someone else's) changes nothing. Returns the participants
 * whose copy changed, with its new value. Row-level security lets a relative change her own
 * grant's reminder_copy (the grant guard of migration 0008 watches only what the participant decides).
 */
export async function setReminderCopies(
  tx: Transaction,
  relativePersonId: string,
  wanted: readonly string[],
  now = new Date(),
): Promise<{ participantId: string; reminderCopy: boolean }[]> {
  const grants = await tx
    .select({ id: relativeGrants.id, participantId: relativeGrants.participantId, scopes: relativeGrants.scopes, reminderCopy: relativeGrants.reminderCopy })
    .from(relativeGrants)
    .where(
      and(
        eq(relativeGrants.relativePersonId, relativePersonId),
        eq(relativeGrants.status, "active"),
        gte(relativeGrants.validUntil, copenhagenDay(now)),
      ),
    );
  const changed: { participantId: string; reminderCopy: boolean }[] = [];
  for (const grant of grants) {
    const copy = (grant.scopes as Scope[]).includes("appointments") && wanted.includes(grant.participantId);
    if (copy === grant.reminderCopy) continue;
    await tx
      .update(relativeGrants)
      .set({ reminderCopy: copy })
      .where(and(eq(relativeGrants.id, grant.id), eq(relativeGrants.relativePersonId, relativePersonId)));
    changed.push({ participantId: grant.participantId, reminderCopy: copy });
  }
  return changed;
}
