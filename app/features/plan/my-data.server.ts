import { asc, eq, inArray } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  activities,
  agreements,
  ownGoalVersions,
  planResponses,
  planVersions,
  planVisits,
  plans,
  subGoalUpdates,
  subGoals,
} from "../../../db/schema/plan";

/**
 * Everything the plan area holds about one participant, for "Mine data" (issue 22, GDPR art. 15
 * and 20): the plan as it is now, its earlier versions (each frozen copy as stored), her own goal
 * and its history, her marks and comments on sub-goals, and her "Jeg har læst" / questions. Null
 * when the municipality has written no plan. The plan is the municipality's record: nothing here
 * can be deleted by her (the my-data area says so).
 */
export async function exportPlanFor(participantId: string) {
  const database = await db();
  const [plan] = await database.select().from(plans).where(eq(plans.participantId, participantId));
  if (!plan) return null;
  const [goalRows, activityRows, agreementRows, versionRows, ownGoalRows, responseRows, [visit]] = await Promise.all([
    database.select().from(subGoals).where(eq(subGoals.planId, plan.id)).orderBy(asc(subGoals.sortOrder), asc(subGoals.title)),
    database.select().from(activities).where(eq(activities.planId, plan.id)).orderBy(asc(activities.sortOrder)),
    database.select().from(agreements).where(eq(agreements.planId, plan.id)).orderBy(asc(agreements.sortOrder)),
    database.select().from(planVersions).where(eq(planVersions.planId, plan.id)).orderBy(asc(planVersions.version)),
    database.select().from(ownGoalVersions).where(eq(ownGoalVersions.planId, plan.id)).orderBy(asc(ownGoalVersions.version)),
    database.select().from(planResponses).where(eq(planResponses.planId, plan.id)).orderBy(asc(planResponses.createdAt)),
    database.select().from(planVisits).where(eq(planVisits.planId, plan.id)),
  ]);
  const updates = goalRows.length
    ? await database
        .select()
        .from(subGoalUpdates)
        .where(inArray(subGoalUpdates.subGoalId, goalRows.map((goal) => goal.id)))
        .orderBy(asc(subGoalUpdates.createdAt))
    : [];
  return {
    employmentGoal: plan.employmentGoal,
    ownGoal: plan.ownGoal,
    ownGoalUpdatedAt: plan.ownGoalUpdatedAt,
    nextStep: plan.nextStep,
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedByName: plan.updatedByName,
    lastSeenVersion: visit?.lastSeenVersion ?? null,
    lastSeenAt: visit?.lastSeenAt ?? null,
    subGoals: goalRows.map((goal) => ({
      title: goal.title,
      description: goal.description,
      status: goal.status,
      helperText: goal.helperText,
      dueOn: goal.dueOn,
      participantStatus: goal.participantStatus,
      participantComment: goal.participantComment,
      participantUpdatedAt: goal.participantUpdatedAt,
      updates: updates
        .filter((update) => update.subGoalId === goal.id)
        .map((update) => ({ status: update.status, comment: update.comment, createdAt: update.createdAt })),
    })),
    activities: activityRows.map((activity) => ({
      kind: activity.kind,
      title: activity.title,
      purpose: activity.purpose,
      responsibleName: activity.responsibleName,
      place: activity.place,
      startsOn: activity.startsOn,
      endsOn: activity.endsOn,
      hoursPerWeek: activity.hoursPerWeek,
      status: activity.status,
    })),
    agreements: agreementRows.map((agreement) => ({
      text: agreement.text,
      ownerText: agreement.ownerText,
      dueOn: agreement.dueOn,
      createdAt: agreement.createdAt,
    })),
    ownGoalHistory: ownGoalRows.map((row) => ({
      version: row.version,
      text: row.text,
      authorRole: row.authorRole,
      authorName: row.authorName,
      createdAt: row.createdAt,
    })),
    responses: responseRows.map((row) => ({ kind: row.kind, planVersion: row.planVersion, comment: row.comment, createdAt: row.createdAt })),
    versions: versionRows.map((row) => ({
      version: row.version,
      createdAt: row.createdAt,
      changeSummary: row.changeSummary,
      changedByName: row.changedByName,
      snapshot: row.snapshot,
    })),
  };
}

export type PlanExport = NonNullable<Awaited<ReturnType<typeof exportPlanFor>>>;
