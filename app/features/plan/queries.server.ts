import { byDanishName } from "~/lib/dates";
import { and, asc, desc, eq, getTableColumns, sql, type SQLWrapper } from "drizzle-orm";
import { db } from "../../../db/client";
import { mapNested, nestedCounts, nestedNumber, nestedRow, nestedRows, readTogether, type Bound, type Nested } from "../../../db/nested";
import { isUuid } from "~/lib/ids";
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
import { participantContacts, persons, professionals } from "../../../db/schema/people";
import {
  diffSnapshots,
  jobcentreChanges,
  parseSnapshot,
  type PlanChange,
  type PlanSnapshot,
  type SubGoalStatus,
} from "./snapshot";
import type { PlanNews, PlanView } from "./view";

export type PlanRow = typeof plans.$inferSelect;

/** The participant's plan, or undefined when the jobcentre has not written one yet. */
export async function findPlan(participantId: string): Promise<PlanRow | undefined> {
  const database = await db();
  const [plan] = await database.select().from(plans).where(eq(plans.participantId, participantId));
  return plan;
}

/** The plan's parts as the pages show them (PlanView), agreements with when they were made. */
export interface PlanContent {
  subGoals: PlanView["subGoals"];
  activities: PlanView["activities"];
  agreements: (PlanView["agreements"][number] & { createdAt: Date })[];
}

// The plan's parts as pieces of one read (db/nested.ts), each for the plan whose id `planId` gives
// (a value, or the column `plans.id` of the statement around it).

const subGoalsOf = (planId: SQLWrapper | string) =>
  nestedRows(
    {
      id: subGoals.id,
      title: subGoals.title,
      description: subGoals.description,
      status: subGoals.status,
      helperText: subGoals.helperText,
      dueOn: subGoals.dueOn,
      participantStatus: subGoals.participantStatus,
      participantComment: subGoals.participantComment,
      participantUpdatedAt: subGoals.participantUpdatedAt,
      proposalId: subGoals.proposalId,
    },
    sql`from ${subGoals} where ${subGoals.planId} = ${planId}`,
    sql`${subGoals.sortOrder}, ${subGoals.title}`,
  );

const activitiesOf = (planId: SQLWrapper | string) =>
  nestedRows(
    {
      id: activities.id,
      kind: activities.kind,
      title: activities.title,
      purpose: activities.purpose,
      responsibleName: activities.responsibleName,
      place: activities.place,
      startsOn: activities.startsOn,
      endsOn: activities.endsOn,
      hoursPerWeek: activities.hoursPerWeek,
      status: activities.status,
      proposalId: activities.proposalId,
    },
    sql`from ${activities} where ${activities.planId} = ${planId}`,
    sql`${activities.sortOrder}, ${activities.title}`,
  );

const agreementsOf = (planId: SQLWrapper | string) =>
  nestedRows(
    {
      id: agreements.id,
      text: agreements.text,
      ownerText: agreements.ownerText,
      dueOn: agreements.dueOn,
      createdAt: agreements.createdAt,
    },
    sql`from ${agreements} where ${agreements.planId} = ${planId}`,
    sql`${agreements.sortOrder}, ${agreements.createdAt}`,
  );

/** Sub-goals, activities and agreements of one plan, in the jobcentre's order (one statement). */
export async function getPlanContent(planId: string): Promise<PlanContent> {
  return readTogether({ subGoals: subGoalsOf(planId), activities: activitiesOf(planId), agreements: agreementsOf(planId) });
}

const versionFields = {
  version: planVersions.version,
  snapshot: planVersions.snapshot,
  changeSummary: planVersions.changeSummary,
  changedByName: planVersions.changedByName,
  createdAt: planVersions.createdAt,
};

/**
 * The participant's plan with its parts, the version she last said she had seen, and that version
 * as frozen when the plan has moved on since (to show what changed): one piece. null: no plan yet.
 */
function planPiece<E extends Record<string, Nested<unknown>>>(participantId: Bound<string>, extra: E) {
  const lastSeen = sql`(select ${planVisits.lastSeenVersion} from ${planVisits} where ${planVisits.planId} = ${plans.id})`;
  return nestedRow(
    {
      ...getTableColumns(plans),
      subGoals: subGoalsOf(plans.id),
      activities: activitiesOf(plans.id),
      agreements: agreementsOf(plans.id),
      lastSeenVersion: nestedNumber(lastSeen),
      base: nestedRow(
        versionFields,
        sql`from ${planVersions} where ${planVersions.planId} = ${plans.id} and ${planVersions.version} = ${lastSeen} and ${planVersions.version} < ${plans.version}`,
      ),
      ...extra,
    },
    sql`from ${plans} where ${plans.participantId} = ${participantId}`,
  );
}

/** The plan as it is now, in the snapshot shape (what the portal freezes for the current version). */
export function liveSnapshot(plan: PlanRow, content: PlanContent): PlanSnapshot {
  return {
    shape: 2,
    employmentGoal: plan.employmentGoal,
    ownGoal: plan.ownGoal,
    nextStep: plan.nextStep,
    subGoals: content.subGoals.map((goal) => ({
      id: goal.id,
      title: goal.title,
      description: goal.description,
      status: goal.status,
      helperText: goal.helperText,
      dueOn: goal.dueOn,
    })),
    activities: content.activities.map((activity) => ({
      id: activity.id,
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
    agreements: content.agreements.map((agreement) => ({
      id: agreement.id,
      text: agreement.text,
      ownerText: agreement.ownerText,
      dueOn: agreement.dueOn,
      createdAt: agreement.createdAt.toISOString(),
    })),
  };
}

export interface Contact {
  id: string;
  name: string;
  role: "koordinerende_sagsbehandler" | "forberedende_sagsbehandler" | "mentor" | "virksomhedskonsulent" | "sundhedskoordinator" | "other";
  organisation: string;
  phone: string | null;
  email: string | null;
  reachableText: string | null;
}

const roleOrder: Contact["role"][] = [
  "koordinerende_sagsbehandler",
  "mentor",
  "virksomhedskonsulent",
  "sundhedskoordinator",
  "forberedende_sagsbehandler",
  "other",
];

/** The professionals who work with this participant: the coordinating caseworker first. */
export async function getContacts(participantId: string): Promise<Contact[]> {
  return (await readTogether({ contacts: contactsPiece(participantId) })).contacts;
}

/** getContacts as a piece of a page's one read (db/nested.ts). */
export function contactsPiece(participantId: Bound<string>): Nested<Contact[]> {
  const rows = nestedRows(
    {
      id: participantContacts.id,
      name: professionals.name,
      role: participantContacts.role,
      isPrimary: participantContacts.isPrimary,
      organisation: professionals.organisation,
      phone: professionals.phone,
      email: professionals.email,
      reachableText: professionals.reachableText,
    },
    sql`from ${participantContacts} join ${professionals} on ${professionals.id} = ${participantContacts.professionalId}
        where ${participantContacts.participantId} = ${participantId}`,
  );
  return mapNested(rows, (contacts) =>
    contacts
      .sort(
        (a, b) =>
          Number(b.isPrimary) - Number(a.isPrimary) ||
          roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) ||
          byDanishName(a.name, b.name),
      )
      .map(({ isPrimary: _isPrimary, ...contact }) => contact),
  );
}

export interface PlanResponses {
  /** The newest "Jeg har læst planen", if any. */
  lastRead: { planVersion: number; createdAt: Date } | null;
  /** "Jeg er ikke enig / Jeg har spørgsmål", newest first. */
  questions: { id: string; planVersion: number; comment: string; createdAt: Date }[];
}

const responsesOf = (planId: SQLWrapper | string) =>
  mapNested(
    nestedRows(
      {
        id: planResponses.id,
        kind: planResponses.kind,
        planVersion: planResponses.planVersion,
        comment: planResponses.comment,
        createdAt: planResponses.createdAt,
      },
      sql`from ${planResponses} where ${planResponses.planId} = ${planId}`,
      sql`${planResponses.createdAt} desc`,
    ),
    (rows): PlanResponses => {
      const reads = rows.filter((row) => row.kind === "read").sort((a, b) => b.planVersion - a.planVersion);
      return {
        lastRead: reads[0] ? { planVersion: reads[0].planVersion, createdAt: reads[0].createdAt } : null,
        questions: rows
          .filter((row) => row.kind === "question")
          .map((row) => ({ id: row.id, planVersion: row.planVersion, comment: row.comment ?? "", createdAt: row.createdAt })),
      };
    },
  );

export interface OwnGoalEntry {
  version: number;
  text: string;
  createdAt: Date | null;
  /** "you": the participant; otherwise the writer's name (null when unknown). */
  author: { kind: "you" } | { kind: "other"; name: string | null; role: "participant" | "relative" | "caseworker" };
}

/**
 * Who wrote the participant's own goal, what and when, newest first. A text written before the
 * portal kept history (or by a writer that kept none) appears as one entry without a known author.
 */
export async function getOwnGoalHistory(plan: PlanRow, viewerPersonId: string): Promise<OwnGoalEntry[]> {
  const { versions } = await readTogether({ versions: ownGoalVersionsOf(plan.id) });
  return ownGoalHistory(plan, versions, viewerPersonId);
}

const ownGoalVersionsOf = (planId: SQLWrapper | string) =>
  nestedRows(
    {
      version: ownGoalVersions.version,
      text: ownGoalVersions.text,
      createdAt: ownGoalVersions.createdAt,
      authorPersonId: ownGoalVersions.authorPersonId,
      authorRole: ownGoalVersions.authorRole,
      authorName: ownGoalVersions.authorName,
      firstName: persons.firstName,
      lastName: persons.lastName,
    },
    sql`from ${ownGoalVersions} left join ${persons} on ${persons.id} = ${ownGoalVersions.authorPersonId}
        where ${ownGoalVersions.planId} = ${planId}`,
    sql`${ownGoalVersions.version} desc`,
  );

type OwnGoalVersionRow = ReturnType<ReturnType<typeof ownGoalVersionsOf>["read"]>[number];

export function ownGoalHistory(plan: PlanRow, rows: OwnGoalVersionRow[], viewerPersonId: string): OwnGoalEntry[] {
  const entries: OwnGoalEntry[] = rows.map((row) => ({
    version: row.version,
    text: row.text,
    createdAt: row.createdAt,
    author:
      row.authorPersonId === viewerPersonId
        ? { kind: "you" }
        : {
            kind: "other",
            role: row.authorRole,
            // A left join: no person (unknown or deleted) gives no first name.
            name: (row.firstName as string | null) ? `${row.firstName} ${(row.lastName as string | null) ?? ""}`.trim() : row.authorName,
          },
  }));
  const current = entries[0];
  if (plan.ownGoal && (!current || current.version !== plan.ownGoalVersion)) {
    // Written outside the portal's history: show it, but do not pretend to know who wrote it.
    entries.unshift({
      version: plan.ownGoalVersion,
      text: plan.ownGoal,
      createdAt: plan.ownGoalUpdatedAt,
      author: { kind: "other", role: "participant", name: null },
    });
  }
  return entries;
}

export interface SubGoalUpdate {
  id: string;
  status: SubGoalStatus | null;
  comment: string | null;
  createdAt: Date;
  byYou: boolean;
}

/** One sub-goal of this participant's plan with its history, or undefined (someone else's, or gone). */
export async function findSubGoal(participantId: string, subGoalId: string, viewerPersonId: string) {
  const database = await db();
  const [row] = await database
    .select({
      id: subGoals.id,
      planId: subGoals.planId,
      title: subGoals.title,
      description: subGoals.description,
      status: subGoals.status,
      helperText: subGoals.helperText,
      dueOn: subGoals.dueOn,
      participantStatus: subGoals.participantStatus,
      participantComment: subGoals.participantComment,
      participantUpdatedAt: subGoals.participantUpdatedAt,
    })
    .from(subGoals)
    .innerJoin(plans, eq(plans.id, subGoals.planId))
    .where(and(eq(subGoals.id, subGoalId), eq(plans.participantId, participantId)));
  if (!row) return undefined;
  const updates = await database
    .select({
      id: subGoalUpdates.id,
      status: subGoalUpdates.status,
      comment: subGoalUpdates.comment,
      createdAt: subGoalUpdates.createdAt,
      authorPersonId: subGoalUpdates.authorPersonId,
    })
    .from(subGoalUpdates)
    .where(eq(subGoalUpdates.subGoalId, row.id))
    .orderBy(desc(subGoalUpdates.createdAt));
  const history = updates.map(
    ({ authorPersonId, ...update }): SubGoalUpdate => ({ ...update, byYou: authorPersonId === viewerPersonId }),
  );
  // A mark written before the portal kept history (or by a writer that kept none): show it too.
  if (history.length === 0 && (row.participantStatus || row.participantComment)) {
    history.push({
      id: "earlier",
      status: row.participantStatus,
      comment: row.participantComment,
      createdAt: row.participantUpdatedAt ?? new Date(0),
      byYou: false,
    });
  }
  return { ...row, updates: history };
}

/** How many marks the participant has made on each sub-goal of a plan (for "Se alle dine markeringer"). */
const markCountsOf = (planId: SQLWrapper | string): Nested<Record<string, number>> =>
  nestedCounts(sql`(select coalesce(json_object_agg(marks.sub_goal_id, marks.n), '{}'::json) from (
      select ${subGoalUpdates.subGoalId} as sub_goal_id, count(*) as n from ${subGoalUpdates}
      join ${subGoals} on ${subGoals.id} = ${subGoalUpdates.subGoalId}
      where ${subGoals.planId} = ${planId} group by ${subGoalUpdates.subGoalId}) marks)`);

export interface VersionRow {
  version: number;
  snapshot: PlanSnapshot;
  changeSummary: string | null;
  changedByName: string | null;
  createdAt: Date;
}

/** Every frozen version of the plan, oldest first. */
export async function getVersions(planId: string): Promise<VersionRow[]> {
  const database = await db();
  const rows = await database
    .select({
      version: planVersions.version,
      snapshot: planVersions.snapshot,
      changeSummary: planVersions.changeSummary,
      changedByName: planVersions.changedByName,
      createdAt: planVersions.createdAt,
    })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(asc(planVersions.version));
  return rows.map((row) => ({ ...row, snapshot: parseSnapshot(row.snapshot) }));
}

export async function findVersion(planId: string, version: number): Promise<VersionRow | undefined> {
  const database = await db();
  const [row] = await database
    .select({
      version: planVersions.version,
      snapshot: planVersions.snapshot,
      changeSummary: planVersions.changeSummary,
      changedByName: planVersions.changedByName,
      createdAt: planVersions.createdAt,
    })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
  return row ? { ...row, snapshot: parseSnapshot(row.snapshot) } : undefined;
}

/** The current version as it is now, in the shape of a frozen one (for a version nobody has frozen yet). */
async function currentAsVersion(plan: PlanRow): Promise<VersionRow> {
  return {
    version: plan.version,
    snapshot: liveSnapshot(plan, await getPlanContent(plan.id)),
    changeSummary: null,
    changedByName: plan.updatedByName,
    createdAt: plan.updatedAt,
  };
}

/**
 * Every version, oldest first, with the current one read from the plan itself when nobody has
 * frozen it yet. Reads only: a GET never writes (the current version is frozen by the
 * participant's POSTs, and by the jobcentre when it saves a version).
 */
export async function getVersionsWithCurrent(plan: PlanRow): Promise<VersionRow[]> {
  const rows = await getVersions(plan.id);
  if (rows.some((row) => row.version === plan.version)) return rows;
  return [...rows, await currentAsVersion(plan)];
}

/** One version as frozen, or the current one read from the plan when it is not frozen yet. */
export async function findVersionOrCurrent(plan: PlanRow, version: number): Promise<VersionRow | undefined> {
  const row = await findVersion(plan.id, version);
  if (row) return row;
  return version === plan.version ? currentAsVersion(plan) : undefined;
}

/**
 * What the jobcentre changed since the version she last said she had seen, compared with the plan
 * as it is now; `null` when that version was never frozen (the portal cannot tell what changed).
 */
function changesSinceBase(plan: PlanRow, content: PlanContent, base: VersionRow | null): PlanChange[] | null {
  if (!base) return null;
  return jobcentreChanges(diffSnapshots(base.snapshot, liveSnapshot(plan, content), base.createdAt));
}

type PlanRead = NonNullable<ReturnType<ReturnType<typeof planPiece>["read"]>>;

function splitPlanRead(read: PlanRead) {
  const { subGoals: goalRows, activities: activityRows, agreements: agreementRows, lastSeenVersion, base, ...plan } = read;
  const content: PlanContent = { subGoals: goalRows, activities: activityRows, agreements: agreementRows };
  return {
    plan: plan as PlanRow,
    content,
    lastSeenVersion,
    base: base ? { ...base, snapshot: parseSnapshot(base.snapshot) } : null,
  };
}

/** The news the overview counts: the same changes /min-plan marks. */
function planNewsOf(read: ReturnType<typeof splitPlanRead>): PlanNews {
  const { plan, content, lastSeenVersion, base } = read;
  if (lastSeenVersion === null) return { state: "never-seen" };
  if (plan.version <= lastSeenVersion) return { state: "up-to-date" };
  const changes = changesSinceBase(plan, content, base);
  // A newer version always counts as at least one change, even one the snapshots cannot show.
  return { state: "changed", count: Math.max(1, changes?.length ?? plan.version - lastSeenVersion) };
}

/**
 * For the overview: the goal (own goal, employment goal, next step; null: no plan yet) and whether
 * the jobcentre changed the plan since the participant last said they had read it, and how many
 * things, as a piece of the overview's one read. Reads only, like /min-plan: the count stays until
 * the participant presses "Jeg har læst planen" or "Marker som læst" there.
 */
export function planSummaryPiece(participantId: Bound<string>): Nested<{ goal: PlanGoal | null; news: PlanNews }> {
  return mapNested(planPiece(participantId, {}), (read) => {
    if (!read) return { goal: null, news: { state: "no-plan" } };
    const split = splitPlanRead(read);
    const { ownGoal, employmentGoal, nextStep } = split.plan;
    return { goal: { ownGoal, employmentGoal, nextStep }, news: planNewsOf(split) };
  });
}

export async function getPlanNews(participantId: string): Promise<PlanNews> {
  return (await readTogether({ summary: planSummaryPiece(participantId) })).summary.news;
}

export interface PlanGoal {
  ownGoal: string | null;
  employmentGoal: string;
  nextStep: string | null;
}

/** For the overview: the participant's own goal, the plan's employment goal and next step, or null (no plan yet). */
export async function getPlanGoal(participantId: string): Promise<PlanGoal | null> {
  const database = await db();
  const [plan] = await database
    .select({ ownGoal: plans.ownGoal, employmentGoal: plans.employmentGoal, nextStep: plans.nextStep })
    .from(plans)
    .where(eq(plans.participantId, participantId));
  return plan ?? null;
}

/**
 * Everything /min-plan (and the plan's print, PDF and a relative's view) reads of the plan area:
 * the plan with its parts and news, the responses, the own goal's history and the sub-goals' mark
 * counts, as one piece. null: no plan yet.
 */
export function planPagePiece(participantId: Bound<string>) {
  return mapNested(
    planPiece(participantId, {
      responses: responsesOf(plans.id),
      ownGoalVersions: ownGoalVersionsOf(plans.id),
      markCounts: markCountsOf(plans.id),
    }),
    (read) => {
      if (!read) return null;
      const { responses, ownGoalVersions: versionRows, markCounts, ...rest } = read;
      const split = splitPlanRead(rest);
      const news =
        split.lastSeenVersion === null || split.lastSeenVersion >= split.plan.version
          ? null
          : { sinceVersion: split.lastSeenVersion, changes: changesSinceBase(split.plan, split.content, split.base) };
      return {
        plan: split.plan,
        content: split.content,
        responses,
        // Whose each version is ("you" or a name) depends on who reads: ownGoalHistory, after the read.
        ownGoalVersions: versionRows,
        markCounts,
        news,
      };
    },
  );
}

/** A sub-goal of this participant's plan, by id, for a message about it; null when it is not hers. */
export async function findOwnSubGoalTitle(participantId: string, subGoalId: string): Promise<{ id: string; title: string } | null> {
  if (!isUuid(subGoalId)) return null;
  const database = await db();
  const [row] = await database
    .select({ id: subGoals.id, title: subGoals.title })
    .from(subGoals)
    .innerJoin(plans, eq(plans.id, subGoals.planId))
    .where(and(eq(subGoals.id, subGoalId), eq(plans.participantId, participantId)));
  return row ?? null;
}
