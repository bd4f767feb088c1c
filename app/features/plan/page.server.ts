import { freezeCurrentVersion, recordPlanVisit } from "./commands.server";
import {
  changesSince,
  countSubGoalMarks,
  findPlan,
  getContacts,
  getNextConversation,
  getOwnGoalHistory,
  getPlanContent,
  getResponses,
  type PlanContent,
  type PlanRow,
} from "./queries.server";
import type { PlanNewsView, PlanView } from "./view";

interface Viewer {
  participantId: string;
  personId: string;
}

async function buildView(plan: PlanRow, content: PlanContent, viewer: Viewer): Promise<PlanView> {
  const [contacts, nextConversation, responses, ownGoalHistory] = await Promise.all([
    getContacts(viewer.participantId),
    getNextConversation(viewer.participantId),
    getResponses(plan.id),
    getOwnGoalHistory(plan, viewer.personId),
  ]);
  const currentOwnGoal = ownGoalHistory[0];
  return {
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedByName: plan.updatedByName,
    employmentGoal: plan.employmentGoal,
    nextStep: plan.nextStep,
    ownGoal: {
      text: plan.ownGoal,
      version: plan.ownGoalVersion,
      updatedAt: plan.ownGoalUpdatedAt,
      author:
        currentOwnGoal?.author.kind === "you" ? { kind: "you" } : { kind: "other", name: currentOwnGoal?.author.name ?? null },
    },
    subGoals: content.subGoals,
    activities: content.activities,
    agreements: content.agreements.map(({ createdAt: _createdAt, ...agreement }) => agreement),
    contacts,
    nextConversation,
    lastRead: responses.lastRead,
    questions: responses.questions,
  };
}

/**
 * The whole plan for print and PDF (no visit is recorded). Also freezes the current version if
 * nobody has, so "Tidligere versioner" can later show what changed.
 */
export async function getPlanView(viewer: Viewer): Promise<PlanView | null> {
  const plan = await findPlan(viewer.participantId);
  if (!plan) return null;
  const content = await getPlanContent(plan.id);
  await freezeCurrentVersion(plan, content);
  return buildView(plan, content, viewer);
}

/**
 * /min-plan: the plan, plus what the jobcentre changed since the participant last looked.
 * Looking records the visit, so the overview stops counting those changes as unread.
 */
export async function openPlanPage(
  viewer: Viewer & { sessionId: string },
): Promise<{ view: PlanView; news: PlanNewsView | null; markCounts: Record<string, number> } | null> {
  const plan = await findPlan(viewer.participantId);
  if (!plan) return null;
  const content = await getPlanContent(plan.id);
  await freezeCurrentVersion(plan, content);
  const [view, markCounts] = await Promise.all([buildView(plan, content, viewer), countSubGoalMarks(plan.id)]);
  const baseVersion = await recordPlanVisit(plan, viewer.sessionId);
  if (baseVersion === null) return { view, news: null, markCounts };
  const changes = await changesSince(plan, content, baseVersion);
  const news: PlanNewsView = {
    sinceVersion: baseVersion,
    changedByName: plan.updatedByName,
    changes,
    newItems: (changes ?? []).flatMap((change) =>
      "id" in change && change.id && (change.kind === "added" || change.kind === "changed") ? [change.id] : [],
    ),
    employmentGoalChanged: (changes ?? []).some((change) => change.area === "employmentGoal"),
    nextStepChanged: (changes ?? []).some((change) => change.area === "nextStep"),
  };
  return { view, news, markCounts };
}
