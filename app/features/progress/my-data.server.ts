import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { db, rowsOf, type Transaction } from "../../../db/client";
import { energyDiaryEntries, progressAnswerSets, progressSettings, progressSigns } from "../../../db/schema/progress";

/**
 * Everything "Sådan går det" holds about one participant, for "Mine data" (issue 22): every
 * month's answers (words, never numbers) and whether she shared each, her reminder day, every day
 * of the energy diary, and her signs and strategies.
 */
export async function exportProgressFor(participantId: string) {
  const database = await db();
  const [sets, [settings], diary, [signs]] = await Promise.all([
    database.select().from(progressAnswerSets).where(eq(progressAnswerSets.participantId, participantId)).orderBy(asc(progressAnswerSets.month)),
    database.select().from(progressSettings).where(eq(progressSettings.participantId, participantId)),
    database.select().from(energyDiaryEntries).where(eq(energyDiaryEntries.participantId, participantId)).orderBy(asc(energyDiaryEntries.day)),
    database.select().from(progressSigns).where(eq(progressSigns.participantId, participantId)),
  ]);
  return {
    answerSets: sets.map((set) => ({
      month: set.month,
      energy: set.energy,
      energyNote: set.energyNote,
      sleep: set.sleep,
      sleepNote: set.sleepNote,
      company: set.company,
      companyNote: set.companyNote,
      outdoors: set.outdoors,
      outdoorsNote: set.outdoorsNote,
      workBelief: set.workBelief,
      workBeliefNote: set.workBeliefNote,
      whatHelps: set.whatHelps,
      somethingElse: set.somethingElse,
      createdAt: set.createdAt,
      updatedAt: set.updatedAt,
      sharedAt: set.sharedAt,
    })),
    reminderDay: settings?.reminderDay ?? null,
    diary: diary.map((entry) => ({ day: entry.day, energy: entry.energy, activities: entry.activities, note: entry.note, updatedAt: entry.updatedAt })),
    signs: signs ? { warningSigns: signs.warningSigns, strategies: signs.strategies, updatedAt: signs.updatedAt, sharedAt: signs.sharedAt } : null,
  };
}

export type ProgressExport = Awaited<ReturnType<typeof exportProgressFor>>;

/** What she may delete herself, counted: diary days, signs and strategies (items), and answer sets she never shared. */
export async function countPrivateProgress(participantId: string): Promise<{ diary: number; signs: number; unsharedAnswers: number }> {
  const database = await db();
  const [row] = rowsOf<{ diary: number | string; signs: number | string; unshared: number | string }>(
    await database.execute(sql`
      select
        (select count(*) from ${energyDiaryEntries} where ${energyDiaryEntries.participantId} = ${participantId}) as diary,
        (select coalesce(sum(cardinality(${progressSigns.warningSigns}) + cardinality(${progressSigns.strategies})), 0)
           from ${progressSigns} where ${progressSigns.participantId} = ${participantId}) as signs,
        (select count(*) from ${progressAnswerSets} where ${progressAnswerSets.participantId} = ${participantId} and ${progressAnswerSets.sharedAt} is null) as unshared`),
  );
  return { diary: Number(row?.diary ?? 0), signs: Number(row?.signs ?? 0), unsharedAnswers: Number(row?.unshared ?? 0) };
}

/** Deletes every day of her energy diary (private: no one else ever saw it), in the caller's transaction. */
export async function deleteDiary(tx: Transaction, participantId: string): Promise<number> {
  return (await tx.delete(energyDiaryEntries).where(eq(energyDiaryEntries.participantId, participantId)).returning({ day: energyDiaryEntries.day })).length;
}

/**
 * Deletes her signs and strategies, in the caller's transaction. The caseworker reads them only
 * live, while she shares them, and keeps no copy here.
 */
export async function deleteSigns(tx: Transaction, participantId: string): Promise<void> {
  await tx.delete(progressSigns).where(eq(progressSigns.participantId, participantId));
}

/** Deletes the months she never shared (a shared month is the municipality's to keep), in the caller's transaction. */
export async function deleteUnsharedAnswers(tx: Transaction, participantId: string): Promise<number> {
  const deleted = await tx
    .delete(progressAnswerSets)
    .where(and(eq(progressAnswerSets.participantId, participantId), isNull(progressAnswerSets.sharedAt)))
    .returning({ month: progressAnswerSets.month });
  return deleted.length;
}
