import {
  changesSince,
  countSubGoalMarks,
  findLastSeenVersion,
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

/** The whole plan for print, PDF and a relative's view. Reads only. */
export async function getPlanView(viewer: Viewer): Promise<PlanView | null> {
  const plan = await findPlan(viewer.participantId);
  if (!plan) return null;
  const content = await getPlanContent(plan.id);
  return buildView(plan, content, viewer);
}

/**
 * /min-plan: the plan, plus what the jobcentre changed since the version the participant last
 * said they had seen. Reads only: the marks stay, however often the page is opened, until the
 * participant posts "Jeg har læst planen" or "Marker som læst" (commands.server.ts).
 */
export async function openPlanPage(
  viewer: Viewer,
): Promise<{ view: PlanView; news: PlanNewsView | null; markCounts: Record<string, number> } | null> {
  const plan = await findPlan(viewer.participantId);
  if (!plan) return null;
  const content = await getPlanContent(plan.id);
  const [view, markCounts, lastSeen] = await Promise.all([
    buildView(plan, content, viewer),
    countSubGoalMarks(plan.id),
    findLastSeenVersion(plan.id),
  ]);
  // Never marked as seen: nothing to compare with, so nothing is marked (the overview says "klar").
  if (lastSeen === null || lastSeen >= plan.version) return { view, news: null, markCounts };
  const baseVersion = lastSeen;
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
