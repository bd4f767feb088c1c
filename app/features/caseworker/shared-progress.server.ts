import { asc, desc, eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { FACTORS, type Factor } from "~/features/progress";
import type { SharedProgress } from "./shared-progress";
import { cwProgressAnswers, cwProgressSigns } from "./views.server";

/**
 * "Sådan går det" in the briefing (issue 22): what the participant has shared of it, read ONLY
 * through `caseworker_portal.progress_answers` and `caseworker_portal.progress_signs` (migration
 * 0032: on a Postgres server only her coordinating caseworker's rows). The sets she shared, newest
 * month first, as they are now; her signs while she shares them. Never the energy diary: it has no
 * view. The briefing's route calls this after `getBriefing` found her as this caseworker's, and
 * after the one audit row of the page: reading these parts is that same read.
 */

type AnswerRow = typeof cwProgressAnswers.$inferSelect;

const LEVEL_COLUMN: Record<Factor, keyof AnswerRow> = {
  energy: "energy",
  sleep: "sleep",
  company: "company",
  outdoors: "outdoors",
  workBelief: "workBelief",
};
const NOTE_COLUMN: Record<Factor, keyof AnswerRow> = {
  energy: "energyNote",
  sleep: "sleepNote",
  company: "companyNote",
  outdoors: "outdoorsNote",
  workBelief: "workBeliefNote",
};

const byFactor = (row: AnswerRow, columns: Record<Factor, keyof AnswerRow>) =>
  Object.fromEntries(FACTORS.map((factor) => [factor, (row[columns[factor]] as string | null) ?? null])) as Record<Factor, string | null>;

export async function getSharedProgress(participantId: string): Promise<SharedProgress> {
  const database = await db();
  const [answers, [signs]] = await Promise.all([
    database
      .select()
      .from(cwProgressAnswers)
      .where(eq(cwProgressAnswers.participantId, participantId))
      .orderBy(desc(cwProgressAnswers.month), asc(cwProgressAnswers.answerSetId)),
    database.select().from(cwProgressSigns).where(eq(cwProgressSigns.participantId, participantId)),
  ]);
  return {
    months: answers.map((row) => ({
      id: row.answerSetId,
      month: row.month,
      levels: byFactor(row, LEVEL_COLUMN),
      notes: byFactor(row, NOTE_COLUMN),
      whatHelps: row.whatHelps,
      somethingElse: row.somethingElse,
      updatedAt: row.updatedAt,
      sharedAt: row.sharedAt,
    })),
    signs: signs
      ? { warningSigns: signs.warningSigns, strategies: signs.strategies, updatedAt: signs.updatedAt, sharedAt: signs.sharedAt }
      : null,
  };
}
