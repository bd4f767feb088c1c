import { asc, eq, sql } from "drizzle-orm";
import { db, rowsOf, type Transaction } from "../../../db/client";
import { cvEntries, cvProfiles, taskSuggestions, workWishes } from "../../../db/schema/cv";

/**
 * Everything the cv area holds about one participant, for "Mine data" (issue 22): the profile
 * ("Kort om mig", address, which contact details show), every entry (also those she deleted
 * and could still restore), her work wishes with skånehensyn, the task suggestions, and the copy
 * the caseworker reads since she last shared it.
 */
export async function exportCvFor(participantId: string) {
  const database = await db();
  const [[profile], entries, [wishes], tasks] = await Promise.all([
    database.select().from(cvProfiles).where(eq(cvProfiles.participantId, participantId)),
    database.select().from(cvEntries).where(eq(cvEntries.participantId, participantId)).orderBy(asc(cvEntries.kind), asc(cvEntries.sortOrder)),
    database.select().from(workWishes).where(eq(workWishes.participantId, participantId)),
    database.select().from(taskSuggestions).where(eq(taskSuggestions.participantId, participantId)).orderBy(asc(taskSuggestions.sortOrder)),
  ]);
  return {
    profile: profile
      ? {
          summary: profile.summary,
          address: profile.address,
          contactVisibility: profile.contactVisibility,
          updatedAt: profile.updatedAt,
          sharedAt: profile.sharedAt,
          sharedCopy: profile.sharedSnapshot,
        }
      : null,
    entries: entries.map((entry) => ({
      kind: entry.kind,
      title: entry.title,
      organisation: entry.organisation,
      fromText: entry.fromText,
      toText: entry.toText,
      isOngoing: entry.isOngoing,
      details: entry.details,
      level: entry.level,
      category: entry.category,
      createdAt: entry.createdAt,
      updatedAt: entry.updatedAt,
      deletedAt: entry.deletedAt,
    })),
    workWishes: wishes
      ? {
          fields: wishes.fields,
          hoursPerWeek: wishes.hoursPerWeek,
          hoursPerWeekMax: wishes.hoursPerWeekMax,
          maxCommuteMinutes: wishes.maxCommuteMinutes,
          areas: wishes.areas,
          accommodations: wishes.accommodations,
          showAccommodationsOnCv: wishes.showAccommodationsOnCv,
          updatedAt: wishes.updatedAt,
        }
      : null,
    taskSuggestions: tasks.map((task) => ({ text: task.text, createdAt: task.createdAt })),
  };
}

export type CvExport = Awaited<ReturnType<typeof exportCvFor>>;

/** How many things her live CV holds: entries, work wishes, task suggestions, "Kort om mig" and address. */
export async function countCv(participantId: string): Promise<number> {
  const database = await db();
  const [row] = rowsOf<{ n: number | string }>(
    await database.execute(sql`
      select
        (select count(*) from ${cvEntries} where ${cvEntries.participantId} = ${participantId})
        + (select count(*) from ${workWishes} where ${workWishes.participantId} = ${participantId})
        + (select count(*) from ${taskSuggestions} where ${taskSuggestions.participantId} = ${participantId})
        + (select count(*) from ${cvProfiles} where ${cvProfiles.participantId} = ${participantId}
             and (coalesce(${cvProfiles.summary}, '') <> '' or coalesce(${cvProfiles.address}, '') <> ''))
        as n`),
  );
  return Number(row?.n ?? 0);
}

/**
 * Deletes her live CV in the caller's transaction: every entry (also deleted ones), her work
 * wishes, the task suggestions, "Kort om mig", the address and the contact choices. The copy she
 * shared with the caseworker (`shared_snapshot`, `shared_at`) stays: the municipality received it.
 */
export async function deleteCv(tx: Transaction, participantId: string): Promise<void> {
  await tx.delete(cvEntries).where(eq(cvEntries.participantId, participantId));
  await tx.delete(workWishes).where(eq(workWishes.participantId, participantId));
  await tx.delete(taskSuggestions).where(eq(taskSuggestions.participantId, participantId));
  await tx
    .update(cvProfiles)
    .set({ summary: null, address: null, contactVisibility: {}, version: sql`${cvProfiles.version} + 1`, updatedAt: new Date() })
    .where(eq(cvProfiles.participantId, participantId));
  await tx.delete(cvProfiles).where(sql`${cvProfiles.participantId} = ${participantId} and ${cvProfiles.sharedSnapshot} is null and ${cvProfiles.sharedAt} is null`);
}
