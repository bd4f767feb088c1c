import { nextAppointmentPiece } from "~/features/appointments/index.server";
import { isUuid } from "~/lib/ids";
import { preparedTogether } from "../../../db/nested";
import {
  contactsPiece,
  findPlan,
  getOwnGoalHistory,
  getVersionsWithCurrent,
  findSubGoal,
  findVersionOrCurrent,
  ownGoalHistory,
  planPagePiece,
} from "./queries.server";
import { diffSnapshots } from "./snapshot";
import type { PlanNewsView, PlanPageView, PlanView, VersionListItem } from "./view";

interface Viewer {
  participantId: string;
  personId: string;
}

/**
 * The plan with everything its pages show, in one statement: the plan area's piece, the contacts,
 * and the next conversation with the jobcentre (the plan is updated at every one, if booked).
 */
const readPlanPieces = preparedTogether(["participantId", "now"], (values) => ({
  page: planPagePiece(values.participantId),
  contacts: contactsPiece(values.participantId),
  nextConversation: nextAppointmentPiece(values.participantId, { kind: "samtale", now: values.now }),
}));

async function readPlanPage(viewer: Viewer) {
  const { page, contacts, nextConversation } = await readPlanPieces({ participantId: viewer.participantId, now: new Date() });
  if (!page) return null;
  const { plan, content, responses } = page;
  const currentOwnGoal = ownGoalHistory(plan, page.ownGoalVersions, viewer.personId)[0];
  const view: PlanView = {
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
    nextConversation: nextConversation
      ? { id: nextConversation.id, title: nextConversation.title, startsAt: nextConversation.startsAt, endsAt: nextConversation.endsAt }
      : null,
    lastRead: responses.lastRead,
    questions: responses.questions,
  };
  return { view, page };
}

/** The whole plan for print, PDF and a relative's view. Reads only. */
export async function getPlanView(viewer: Viewer): Promise<PlanView | null> {
  return (await readPlanPage(viewer))?.view ?? null;
}

/**
 * /min-plan: the plan, plus what the jobcentre changed since the version the participant last
 * said they had seen. Reads only: the marks stay, however often the page is opened, until the
 * participant posts "Jeg har læst planen" or "Marker som læst" (commands.server.ts).
 */
export async function openPlanPage(viewer: Viewer): Promise<PlanPageView | null> {
  const read = await readPlanPage(viewer);
  if (!read) return null;
  const { view, page } = read;
  // Never marked as seen (or nothing newer): nothing to compare with, so nothing is marked.
  if (!page.news) return { view, news: null, markCounts: page.markCounts };
  const { sinceVersion, changes } = page.news;
  const news: PlanNewsView = {
    sinceVersion,
    changedByName: page.plan.updatedByName,
    changes,
    newItems: (changes ?? []).flatMap((change) =>
      "id" in change && change.id && (change.kind === "added" || change.kind === "changed") ? [change.id] : [],
    ),
    employmentGoalChanged: (changes ?? []).some((change) => change.area === "employmentGoal"),
    nextStepChanged: (changes ?? []).some((change) => change.area === "nextStep"),
  };
  return { view, news, markCounts: page.markCounts };
}

/** /min-plan/eget-maal: the own goal to edit, and the earlier texts with who wrote them. null: no plan yet. */
export async function openOwnGoalPage(viewer: Viewer) {
  const plan = await findPlan(viewer.participantId);
  if (!plan) return null;
  const history = await getOwnGoalHistory(plan, viewer.personId);
  return {
    ownGoal: plan.ownGoal ?? "",
    version: plan.ownGoalVersion,
    employmentGoal: plan.employmentGoal,
    earlier: history.slice(1),
  };
}

/** The version of the plan as it is now (what a question is about), or null: no plan yet. */
export async function currentPlanVersion(participantId: string): Promise<number | null> {
  const plan = await findPlan(participantId);
  return plan ? plan.version : null;
}

/**
 * /min-plan/tidligere-versioner: every version, newest first, each with what changed since the one
 * before. Reads only: the current version comes from the plan itself when nobody has frozen it yet.
 */
export async function listPlanVersions(
  participantId: string,
): Promise<{ currentVersion: number | null; versions: VersionListItem[] }> {
  const plan = await findPlan(participantId);
  if (!plan) return { currentVersion: null, versions: [] };
  const rows = await getVersionsWithCurrent(plan);
  const versions = rows
    .map((row, index) => {
      const previous = index > 0 ? rows[index - 1] : undefined;
      // Only a directly preceding version can say what changed.
      const comparable = previous && previous.version === row.version - 1;
      return {
        version: row.version,
        changedByName: row.changedByName,
        changeSummary: row.changeSummary,
        createdAt: row.createdAt,
        isFirst: row.version === 1,
        changes: comparable ? diffSnapshots(previous.snapshot, row.snapshot, previous.createdAt) : null,
      };
    })
    .reverse();
  return { currentVersion: plan.version, versions };
}

/** /min-plan/tidligere-versioner/:version: one version as frozen (or the current one), or null. */
export async function openPlanVersion(participantId: string, version: number) {
  const plan = await findPlan(participantId);
  if (!plan) return null;
  const row = await findVersionOrCurrent(plan, version);
  if (!row) return null;
  return { version: row, isCurrent: row.version === plan.version };
}

/**
 * /min-plan/delmaal/:id: one of the viewer's sub-goals with its history, or null (someone else's,
 * a deleted one, or a made-up id: the same answer, nothing revealed). The form starts from the
 * latest mark: a new status keeps the comment unless the person changes it.
 */
export async function openSubGoalPage(viewer: Viewer, subGoalId: string) {
  if (!isUuid(subGoalId)) return null;
  const goal = await findSubGoal(viewer.participantId, subGoalId, viewer.personId);
  if (!goal) return null;
  return {
    goal,
    defaults: { status: goal.participantStatus, comment: goal.participantComment ?? "" },
    submissionId: crypto.randomUUID(),
  };
}
