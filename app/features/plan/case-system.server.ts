import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { activities, agreements, planVersions, plans, subGoalUpdates, subGoals } from "../../../db/schema/plan";
import { participantContacts, professionals } from "../../../db/schema/people";
import { recordAudit } from "~/lib/audit.server";
import type { ActivityKind, ActivityStatus, PlanSnapshot, SubGoalStatus } from "./snapshot";

/**
 * The plan as the municipality's case system writes it (the API, app/features/api, issue 20): the
 * jobcentre's part only, never the participant's own goal, marks or comments. A write is one
 * transaction: the plan and its parts, the snapshot of the version before (if nobody froze it) and
 * of the new version (so "Nyt siden sidst" and "Tidligere versioner" show what changed), and one
 * audit row `case_system.plan_*` without an actor person, which becomes an event (migration 0030).
 * Every query runs on the command's own transaction (`tx`), never through `db()` again: the embedded
 * database has one connection.
 */

export type ProfessionalRole = (typeof participantContacts.$inferSelect)["role"];

export interface JobcentreSubGoal {
  id?: string;
  title: string;
  description: string | null;
  status: SubGoalStatus;
  helperText: string | null;
  dueOn: string | null;
}

export interface JobcentreActivity {
  id?: string;
  kind: ActivityKind;
  title: string;
  purpose: string;
  responsibleName: string | null;
  place: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** One decimal at most, e.g. "12.5". */
  hoursPerWeek: string | null;
  status: ActivityStatus;
}

export interface JobcentreAgreement {
  id?: string;
  text: string;
  ownerText: string | null;
  dueOn: string | null;
}

/** A professional already known (by id), or a new one with her details. */
export type JobcentreContact = { role: ProfessionalRole; isPrimary: boolean; since: string | null } & (
  | { professionalId: string }
  | { name: string; organisation: string; phone: string | null; email: string | null; reachableText: string | null }
);

export interface JobcentrePlanInput {
  employmentGoal: string;
  nextStep: string | null;
  subGoals: JobcentreSubGoal[];
  activities: JobcentreActivity[];
  agreements: JobcentreAgreement[];
  /** Absent: the contacts stay as they are. Given: the participant's contacts become exactly these. */
  contacts?: JobcentreContact[];
  updatedByName: string | null;
  changeSummary: string | null;
}

/** The plan as the case system reads it back: the jobcentre's part, with every item's id. */
export interface JobcentrePlan {
  planId: string;
  participantId: string;
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  employmentGoal: string;
  nextStep: string | null;
  subGoals: Required<JobcentreSubGoal>[];
  activities: Required<JobcentreActivity>[];
  agreements: Required<JobcentreAgreement>[];
  contacts: {
    professionalId: string;
    name: string;
    role: ProfessionalRole;
    organisation: string;
    phone: string | null;
    email: string | null;
    reachableText: string | null;
    isPrimary: boolean;
    since: string | null;
  }[];
}

/** Who writes: what the audit row says about the case system (its client and municipality), and the request. */
export interface CaseSystemWriter {
  details: Record<string, unknown>;
  requestId: string | null;
}

export type WritePlanResult =
  | { status: "created" | "updated" | "unchanged"; plan: JobcentrePlan }
  /** If-Match names another version (or there is no plan to match): 412. */
  | { status: "stale"; currentVersion: number | null }
  /** The plan exists and no version was given: 428. */
  | { status: "version-required"; currentVersion: number }
  /** An id in the body is not one of this plan's items (or a known professional): 422. */
  | { status: "unknown-item"; detail: string }
  /** A sub-goal to remove holds the participant's own marks or comments: 409. */
  | { status: "participant-words"; subGoalId: string };

async function planRowOf(tx: Transaction, participantId: string, lock: boolean) {
  const query = tx.select().from(plans).where(eq(plans.participantId, participantId));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

async function readPlan(tx: Transaction, plan: typeof plans.$inferSelect): Promise<JobcentrePlan> {
  const [goalRows, activityRows, agreementRows, contactRows] = await Promise.all([
    tx
      .select({ id: subGoals.id, title: subGoals.title, description: subGoals.description, status: subGoals.status, helperText: subGoals.helperText, dueOn: subGoals.dueOn })
      .from(subGoals)
      .where(eq(subGoals.planId, plan.id))
      .orderBy(asc(subGoals.sortOrder), asc(subGoals.title)),
    tx
      .select({
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
      })
      .from(activities)
      .where(eq(activities.planId, plan.id))
      .orderBy(asc(activities.sortOrder), asc(activities.title)),
    tx
      .select({ id: agreements.id, text: agreements.text, ownerText: agreements.ownerText, dueOn: agreements.dueOn })
      .from(agreements)
      .where(eq(agreements.planId, plan.id))
      .orderBy(asc(agreements.sortOrder), asc(agreements.createdAt)),
    contactsOf(tx, plan.participantId),
  ]);
  return {
    planId: plan.id,
    participantId: plan.participantId,
    version: plan.version,
    updatedAt: plan.updatedAt,
    updatedByName: plan.updatedByName,
    employmentGoal: plan.employmentGoal,
    nextStep: plan.nextStep,
    subGoals: goalRows,
    activities: activityRows.map((row) => ({ ...row, hoursPerWeek: normaliseHours(row.hoursPerWeek) })),
    agreements: agreementRows,
    contacts: contactRows,
  };
}

async function contactsOf(tx: Transaction, participantId: string) {
  return tx
    .select({
      contactId: participantContacts.id,
      professionalId: participantContacts.professionalId,
      name: professionals.name,
      role: participantContacts.role,
      organisation: professionals.organisation,
      phone: professionals.phone,
      email: professionals.email,
      reachableText: professionals.reachableText,
      isPrimary: participantContacts.isPrimary,
      since: participantContacts.since,
    })
    .from(participantContacts)
    .innerJoin(professionals, eq(professionals.id, participantContacts.professionalId))
    .where(eq(participantContacts.participantId, participantId))
    .orderBy(asc(participantContacts.role), asc(professionals.name), asc(participantContacts.id))
    .then((rows) => rows.map(({ contactId: _contactId, ...row }) => row));
}

/** "12.50" and "12.5" are the same number of hours. */
function normaliseHours(value: string | null): string | null {
  return value === null ? null : String(Number(value));
}

/** The plan as the participant's snapshot shape (plan_versions.snapshot, shape 2); her own goal as it is. */
function snapshotOf(plan: JobcentrePlan, ownGoal: string | null, agreementTimes: Map<string, Date>): PlanSnapshot {
  return {
    shape: 2,
    employmentGoal: plan.employmentGoal,
    ownGoal,
    nextStep: plan.nextStep,
    subGoals: plan.subGoals.map((goal) => ({ ...goal })),
    activities: plan.activities.map((activity) => ({ ...activity })),
    agreements: plan.agreements.map((agreement) => ({ ...agreement, createdAt: agreementTimes.get(agreement.id)?.toISOString() })),
  };
}

async function agreementTimesOf(tx: Transaction, planId: string) {
  const rows = await tx.select({ id: agreements.id, createdAt: agreements.createdAt }).from(agreements).where(eq(agreements.planId, planId));
  return new Map(rows.map((row) => [row.id, row.createdAt]));
}

/** The jobcentre's part of the participant's plan, or null when none is written yet. */
export async function readJobcentrePlan(participantId: string): Promise<JobcentrePlan | null> {
  const database = await db();
  return database.transaction(async (tx) => {
    const plan = await planRowOf(tx, participantId, false);
    return plan ? readPlan(tx, plan) : null;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates the plan (`expectedVersion` null, none exists yet) or replaces its jobcentre part when
 * `expectedVersion` is the current version: the lists are the whole plan (an item with an id is kept
 * and updated, one without is new, one left out is removed). The same plan again changes nothing
 * and keeps the version. `knownProfessionals` are the professional ids the caller may link.
 */
export async function writeJobcentrePlan(
  participantId: string,
  expectedVersion: number | null,
  input: JobcentrePlanInput,
  knownProfessionals: ReadonlySet<string>,
  writer: CaseSystemWriter,
  now = new Date(),
): Promise<WritePlanResult> {
  const database = await db();
  return database.transaction((tx) => writePlanIn(tx, participantId, expectedVersion, input, knownProfessionals, { actorPersonId: null, action: null, ...writer }, now));
}

/** Who writes, for the audit row: the case system (no person; `case_system.plan_*`) or a person with an action of her own. */
type PlanWriter = CaseSystemWriter & { actorPersonId: string | null; action: string | null };

async function writePlanIn(
  tx: Transaction,
  participantId: string,
  expectedVersion: number | null,
  input: JobcentrePlanInput,
  knownProfessionals: ReadonlySet<string>,
  writer: PlanWriter,
  now: Date,
): Promise<WritePlanResult> {
  {
    const existing = await planRowOf(tx, participantId, true);
    if (!existing && expectedVersion !== null) return { status: "stale", currentVersion: null };
    if (existing && expectedVersion === null) return { status: "version-required", currentVersion: existing.version };
    if (existing && existing.version !== expectedVersion) return { status: "stale", currentVersion: existing.version };

    const before = existing ? await readPlan(tx, existing) : null;
    const checked = checkIds(before, input, knownProfessionals);
    if (checked) return checked;

    if (existing && before) {
      const removed = before.subGoals.filter((goal) => !input.subGoals.some((wanted) => wanted.id === goal.id)).map((goal) => goal.id);
      if (removed.length > 0) {
        const [marked] = await tx
          .select({ id: subGoals.id })
          .from(subGoals)
          .where(
            and(
              inArray(subGoals.id, removed),
              sql`(${subGoals.participantStatus} is not null or ${subGoals.participantComment} is not null
                   or exists (select 1 from ${subGoalUpdates} where ${subGoalUpdates.subGoalId} = ${subGoals.id}))`,
            ),
          )
          .limit(1);
        if (marked) return { status: "participant-words", subGoalId: marked.id };
      }
      const unchanged =
        before.employmentGoal === input.employmentGoal &&
        before.nextStep === input.nextStep &&
        same(before.subGoals, input.subGoals.map((goal) => ({ id: goal.id, title: goal.title, description: goal.description, status: goal.status, helperText: goal.helperText, dueOn: goal.dueOn }))) &&
        same(before.activities, input.activities.map((a) => ({ id: a.id, kind: a.kind, title: a.title, purpose: a.purpose, responsibleName: a.responsibleName, place: a.place, startsOn: a.startsOn, endsOn: a.endsOn, hoursPerWeek: normaliseHours(a.hoursPerWeek), status: a.status }))) &&
        same(before.agreements, input.agreements.map((a) => ({ id: a.id, text: a.text, ownerText: a.ownerText, dueOn: a.dueOn }))) &&
        (input.contacts === undefined || sameContacts(before.contacts, input.contacts));
      if (unchanged) return { status: "unchanged", plan: before };
    }

    const version = existing ? existing.version + 1 : 1;
    let planId: string;
    if (existing && before) {
      // The version the participant may have seen, frozen if nobody did (the jobcentre side should).
      await tx
        .insert(planVersions)
        .values({
          planId: existing.id,
          version: existing.version,
          snapshot: snapshotOf(before, existing.ownGoal, await agreementTimesOf(tx, existing.id)),
          changedByName: existing.updatedByName,
          createdAt: existing.updatedAt,
        })
        .onConflictDoNothing();
      await tx
        .update(plans)
        .set({ employmentGoal: input.employmentGoal, nextStep: input.nextStep, version, updatedAt: now, updatedByName: input.updatedByName })
        .where(eq(plans.id, existing.id));
      planId = existing.id;
    } else {
      planId = randomUUID();
      await tx.insert(plans).values({
        id: planId,
        participantId,
        employmentGoal: input.employmentGoal,
        nextStep: input.nextStep,
        version,
        updatedAt: now,
        updatedByName: input.updatedByName,
      });
    }
    await replaceItems(tx, planId, before, input, now);
    if (input.contacts) await replaceContacts(tx, participantId, before?.contacts ?? (await contactsOf(tx, participantId)), input.contacts);

    const [row] = await tx.select().from(plans).where(eq(plans.id, planId));
    const after = await readPlan(tx, row!);
    await tx.insert(planVersions).values({
      planId,
      version,
      snapshot: snapshotOf(after, row!.ownGoal, await agreementTimesOf(tx, planId)),
      changeSummary: input.changeSummary,
      changedByName: input.updatedByName,
      createdAt: now,
    });
    await recordAudit(tx, {
      actorPersonId: writer.actorPersonId,
      participantId,
      action: writer.action ?? (existing ? "case_system.plan_updated" : "case_system.plan_created"),
      details: { ...writer.details, planId, version },
      requestId: writer.requestId,
    });
    return { status: existing ? "updated" : "created", plan: after };
  }
}

/** A sub-goal or an activity to add to the plan, in the words it goes in with. */
export type PlanItemToAdd =
  | { kind: "sub_goal"; title: string; description: string | null }
  | { kind: "activity"; title: string; purpose: string };

export type AddPlanItemResult = { status: "added"; version: number; itemId: string } | { status: "no-plan" };

/**
 * Adds one item to the participant's plan as a new plan version, in the caller's transaction (a
 * decision on her proposal: app/features/proposals). The same command as the API's plan write
 * (`writeJobcentrePlan`): the version before is frozen if nobody did, the new one snapshotted (so
 * "Nyt siden sidst" and "Tidligere versioner" show the new item), one audit row. The plan row is
 * locked, so two decisions at once each add their item, one version after the other. The item
 * carries `proposalId` ("Foreslået af dig").
 */
export async function addPlanItem(
  tx: Transaction,
  participantId: string,
  item: PlanItemToAdd,
  writer: CaseSystemWriter & { actorPersonId: string | null; action: string; updatedByName: string | null; proposalId: string },
  now = new Date(),
): Promise<AddPlanItemResult> {
  const existing = await planRowOf(tx, participantId, true);
  if (!existing) return { status: "no-plan" };
  const before = await readPlan(tx, existing);
  const input: JobcentrePlanInput = {
    employmentGoal: before.employmentGoal,
    nextStep: before.nextStep,
    subGoals:
      item.kind === "sub_goal"
        ? [...before.subGoals, { title: item.title, description: item.description, status: "not_started", helperText: null, dueOn: null }]
        : before.subGoals,
    activities:
      item.kind === "activity"
        ? [
            ...before.activities,
            { kind: "other", title: item.title, purpose: item.purpose, responsibleName: null, place: null, startsOn: null, endsOn: null, hoursPerWeek: null, status: "planned" },
          ]
        : before.activities,
    agreements: before.agreements,
    updatedByName: writer.updatedByName,
    changeSummary: null,
  };
  const result = await writePlanIn(tx, participantId, existing.version, input, new Set(), writer, now);
  if (result.status !== "updated") throw new Error(`adding a proposed item wrote no new version (${result.status})`);
  const list = item.kind === "sub_goal" ? result.plan.subGoals : result.plan.activities;
  const known = new Set((item.kind === "sub_goal" ? before.subGoals : before.activities).map((row) => row.id));
  const added = list.find((row) => !known.has(row.id));
  if (!added) throw new Error("the proposed item is not in the new version");
  if (item.kind === "sub_goal") await tx.update(subGoals).set({ proposalId: writer.proposalId }).where(eq(subGoals.id, added.id));
  else await tx.update(activities).set({ proposalId: writer.proposalId }).where(eq(activities.id, added.id));
  return { status: "added", version: result.plan.version, itemId: added.id };
}

function sameContacts(current: JobcentrePlan["contacts"], wanted: JobcentreContact[]) {
  if (current.length !== wanted.length) return false;
  return wanted.every((contact) => {
    if (!("professionalId" in contact)) return false;
    return current.some(
      (row) => row.professionalId === contact.professionalId && row.role === contact.role && row.isPrimary === contact.isPrimary && row.since === contact.since,
    );
  });
}

function checkIds(before: JobcentrePlan | null, input: JobcentrePlanInput, knownProfessionals: ReadonlySet<string>): WritePlanResult | null {
  const lists = [
    ["subGoals", input.subGoals, before?.subGoals ?? []],
    ["activities", input.activities, before?.activities ?? []],
    ["agreements", input.agreements, before?.agreements ?? []],
  ] as const;
  for (const [name, wanted, current] of lists) {
    const seen = new Set<string>();
    for (const [index, item] of wanted.entries()) {
      if (!item.id) continue;
      if (seen.has(item.id)) return { status: "unknown-item", detail: `${name}.${index}.id: the same id is given twice.` };
      seen.add(item.id);
      if (!current.some((row) => row.id === item.id)) {
        return { status: "unknown-item", detail: `${name}.${index}.id: not an item of this plan. Leave the id out for a new one.` };
      }
    }
  }
  const pairs = new Set<string>();
  for (const [index, contact] of (input.contacts ?? []).entries()) {
    if ("professionalId" in contact) {
      const known = knownProfessionals.has(contact.professionalId) || (before?.contacts ?? []).some((row) => row.professionalId === contact.professionalId);
      if (!known) return { status: "unknown-item", detail: `contacts.${index}.professionalId: not a professional your municipality's participants work with.` };
      const pair = `${contact.professionalId}:${contact.role}`;
      if (pairs.has(pair)) return { status: "unknown-item", detail: `contacts.${index}: the same professional in the same role twice.` };
      pairs.add(pair);
    }
  }
  return null;
}

async function replaceItems(tx: Transaction, planId: string, before: JobcentrePlan | null, input: JobcentrePlanInput, now: Date) {
  const keep = <T extends { id?: string }>(items: T[]) => items.map((item) => item.id).filter((id): id is string => Boolean(id));
  const gone = (current: { id: string }[], items: { id?: string }[]) => current.map((row) => row.id).filter((id) => !keep(items).includes(id));

  const removedGoals = gone(before?.subGoals ?? [], input.subGoals);
  if (removedGoals.length) await tx.delete(subGoals).where(inArray(subGoals.id, removedGoals));
  for (const [index, goal] of input.subGoals.entries()) {
    const values = { title: goal.title, description: goal.description, status: goal.status, helperText: goal.helperText, dueOn: goal.dueOn, sortOrder: index + 1 };
    if (goal.id) await tx.update(subGoals).set({ ...values, updatedAt: now }).where(and(eq(subGoals.id, goal.id), eq(subGoals.planId, planId)));
    else await tx.insert(subGoals).values({ ...values, planId, updatedAt: now });
  }

  const removedActivities = gone(before?.activities ?? [], input.activities);
  if (removedActivities.length) await tx.delete(activities).where(inArray(activities.id, removedActivities));
  for (const [index, activity] of input.activities.entries()) {
    const { id, ...values } = activity;
    if (id) await tx.update(activities).set({ ...values, sortOrder: index + 1 }).where(and(eq(activities.id, id), eq(activities.planId, planId)));
    else await tx.insert(activities).values({ ...values, planId, sortOrder: index + 1 });
  }

  const removedAgreements = gone(before?.agreements ?? [], input.agreements);
  if (removedAgreements.length) await tx.delete(agreements).where(inArray(agreements.id, removedAgreements));
  for (const [index, agreement] of input.agreements.entries()) {
    const { id, ...values } = agreement;
    if (id) await tx.update(agreements).set({ ...values, sortOrder: index + 1 }).where(and(eq(agreements.id, id), eq(agreements.planId, planId)));
    else await tx.insert(agreements).values({ ...values, planId, sortOrder: index + 1, createdAt: now });
  }
}

/**
 * The participant's contacts become exactly `wanted`. A new professional is inserted without
 * RETURNING (under row-level security the case system may read a professional only once she is a
 * contact, which the next statement makes her). A known professional's own details are not changed
 * here: she may work with other participants too.
 */
async function replaceContacts(tx: Transaction, participantId: string, current: JobcentrePlan["contacts"], wanted: JobcentreContact[]) {
  const target: { professionalId: string; role: ProfessionalRole; isPrimary: boolean; since: string | null }[] = [];
  for (const contact of wanted) {
    if ("professionalId" in contact) {
      target.push({ professionalId: contact.professionalId, role: contact.role, isPrimary: contact.isPrimary, since: contact.since });
      continue;
    }
    const id = randomUUID();
    await tx.insert(professionals).values({
      id,
      name: contact.name,
      role: contact.role,
      organisation: contact.organisation,
      phone: contact.phone,
      email: contact.email,
      reachableText: contact.reachableText,
    });
    target.push({ professionalId: id, role: contact.role, isPrimary: contact.isPrimary, since: contact.since });
  }
  const key = (row: { professionalId: string; role: string }) => `${row.professionalId}:${row.role}`;
  const wantedKeys = new Set(target.map(key));
  const removed = current.filter((row) => !wantedKeys.has(key(row)));
  for (const row of removed) {
    await tx
      .delete(participantContacts)
      .where(and(eq(participantContacts.participantId, participantId), eq(participantContacts.professionalId, row.professionalId), eq(participantContacts.role, row.role)));
  }
  for (const row of target) {
    const existing = current.find((contact) => key(contact) === key(row));
    if (existing) {
      if (existing.isPrimary !== row.isPrimary || existing.since !== row.since) {
        await tx
          .update(participantContacts)
          .set({ isPrimary: row.isPrimary, since: row.since })
          .where(and(eq(participantContacts.participantId, participantId), eq(participantContacts.professionalId, row.professionalId), eq(participantContacts.role, row.role)));
      }
    } else {
      await tx.insert(participantContacts).values({ participantId, professionalId: row.professionalId, role: row.role, isPrimary: row.isPrimary, since: row.since });
    }
  }
}

/**
 * A new participant's coordinating caseworker (registration through the API): a known
 * professional by id, or a new one. In the caller's transaction.
 */
export async function addCoordinatingCaseworker(tx: Transaction, participantId: string, contact: JobcentreContact) {
  await replaceContacts(tx, participantId, [], [contact]);
}
