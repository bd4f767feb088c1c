import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "../../../db/client";
import { activities, plans, subGoals } from "../../../db/schema/plan";

/** A sub-goal or activity of the current plan, as another area names it (a meeting summary's links). */
export interface PlanItem {
  kind: "subGoal" | "activity";
  id: string;
  title: string;
}

/**
 * The participant's current sub-goals and activities, in the plan's order: what a meeting's
 * summary may link to (issue 22, app/features/summaries). Read as whoever asks: the participant, a
 * relative with the plan in view, or her coordinating caseworker (row-level security, migration 0035).
 * `only` narrows to these ids (links written earlier; one removed since is simply not returned).
 */
export async function listPlanItems(participantId: string, only?: string[]): Promise<PlanItem[]> {
  if (only && only.length === 0) return [];
  const database = await db();
  const goals = await database
    .select({ id: subGoals.id, title: subGoals.title })
    .from(subGoals)
    .innerJoin(plans, eq(plans.id, subGoals.planId))
    .where(and(eq(plans.participantId, participantId), only ? inArray(subGoals.id, only) : undefined))
    .orderBy(asc(subGoals.sortOrder), asc(subGoals.title));
  const doings = await database
    .select({ id: activities.id, title: activities.title })
    .from(activities)
    .innerJoin(plans, eq(plans.id, activities.planId))
    .where(and(eq(plans.participantId, participantId), only ? inArray(activities.id, only) : undefined))
    .orderBy(asc(activities.sortOrder), asc(activities.title));
  return [
    ...goals.map((goal) => ({ kind: "subGoal" as const, ...goal })),
    ...doings.map((activity) => ({ kind: "activity" as const, ...activity })),
  ];
}
