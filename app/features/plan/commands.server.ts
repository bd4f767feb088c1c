import { and, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import {
  ownGoalVersions,
  planResponses,
  planVersions,
  planVisits,
  plans,
  subGoalUpdates,
  subGoals,
} from "../../../db/schema/plan";
import { persons } from "../../../db/schema/people";
import { recordAudit } from "~/lib/audit.server";
import { findPlan, getPlanContent, liveSnapshot, type PlanContent, type PlanRow } from "./queries.server";
import type { SubGoalStatus } from "./snapshot";
import type { Actor } from "~/lib/actor.server";

/** Who is acting: always taken from the session, never from a form. */
export type { Actor };

/**
 * Stores the current version's snapshot if nobody has (the jobcentre side should write one with
 * every new version; the seed and older writers did not). Called after the participant's POSTs,
 * never from a page that only shows something: a GET never writes.
 */
export async function freezeCurrentVersion(plan: PlanRow, content: PlanContent): Promise<void> {
  const database = await db();
  await database
    .insert(planVersions)
    .values({
      planId: plan.id,
      version: plan.version,
      snapshot: liveSnapshot(plan, content),
      changedByName: plan.updatedByName,
      createdAt: plan.updatedAt,
    })
    .onConflictDoNothing();
}

/**
 * After "Jeg har læst planen" or "Marker som læst" for `planVersion`: freezes that version if it
 * is still the current one, so the next change can be shown as "Nyt siden dit sidste besøg".
 */
export async function freezeIfCurrent(participantId: string, planVersion: number): Promise<void> {
  const plan = await findPlan(participantId);
  if (plan && plan.version === planVersion) await freezeCurrentVersion(plan, await getPlanContent(plan.id));
}

type Transaction = Parameters<Parameters<Awaited<ReturnType<typeof db>>["transaction"]>[0]>[0];

/** The participant has seen `planVersion`: the "Nyt" marks up to it go. Never moves backwards. */
async function recordSeen(tx: Transaction, planId: string, planVersion: number, now: Date): Promise<void> {
  await tx
    .insert(planVisits)
    .values({ planId, lastSeenVersion: planVersion, lastSeenAt: now })
    .onConflictDoUpdate({
      target: planVisits.planId,
      set: {
        lastSeenVersion: sql`greatest(${planVisits.lastSeenVersion}, excluded.last_seen_version)`,
        lastSeenAt: now,
        markerBaseVersion: null,
        markerSessionId: null,
      },
    });
}

/**
 * "Marker som læst": the participant has seen what changed up to `planVersion` (the version the
 * page showed). The marks stay until this (or "Jeg har læst planen") is posted.
 */
export async function markPlanSeen(actor: Actor, planVersion: number, now = new Date()): Promise<"saved" | "invalid"> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, version: plans.version })
      .from(plans)
      .where(eq(plans.participantId, actor.participantId));
    if (!plan || planVersion < 1 || planVersion > plan.version) return "invalid";
    await recordSeen(tx, plan.id, planVersion, now);
    return "saved";
  });
}

export type SaveOwnGoalResult =
  | { status: "saved"; version: number }
  | { status: "unchanged" }
  | { status: "missing" }
  | {
      status: "conflict";
      saved: string;
      savedVersion: number;
      savedAt: Date | null;
      /** Who saved the text now in the database: you (another tab), someone named, or unknown. */
      savedBy: { kind: "you" } | { kind: "other"; name: string | null };
    };

/**
 * Saves the participant's own goal if nobody changed it since the form was loaded
 * (`loadedVersion`). Never touches the jobcentre's fields (goal, version, "opdateret").
 */
export async function saveOwnGoal(actor: Actor, text: string, loadedVersion: number, now = new Date()): Promise<SaveOwnGoalResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: plans.id, ownGoal: plans.ownGoal, ownGoalVersion: plans.ownGoalVersion, ownGoalUpdatedAt: plans.ownGoalUpdatedAt })
      .from(plans)
      .where(eq(plans.participantId, actor.participantId));
    if (!current) return { status: "missing" };
    // The same text again (a double submit, or nothing changed): nothing to save, nothing lost.
    if ((current.ownGoal ?? "") === text) return { status: "unchanged" };

    const [updated] = await tx
      .update(plans)
      .set({ ownGoal: text, ownGoalVersion: sql`${plans.ownGoalVersion} + 1`, ownGoalUpdatedAt: now })
      .where(and(eq(plans.id, current.id), eq(plans.ownGoalVersion, loadedVersion)))
      .returning({ version: plans.ownGoalVersion });
    if (!updated) {
      const [saved] = await tx
        .select({ ownGoal: plans.ownGoal, ownGoalVersion: plans.ownGoalVersion, ownGoalUpdatedAt: plans.ownGoalUpdatedAt })
        .from(plans)
        .where(eq(plans.id, current.id));
      // Two sends of the same form at once: the other one saved this very text.
      if (saved?.ownGoal === text) return { status: "unchanged" };
      const [author] = await tx
        .select({
          personId: ownGoalVersions.authorPersonId,
          name: ownGoalVersions.authorName,
          firstName: persons.firstName,
          lastName: persons.lastName,
        })
        .from(ownGoalVersions)
        .leftJoin(persons, eq(persons.id, ownGoalVersions.authorPersonId))
        .where(and(eq(ownGoalVersions.planId, current.id), eq(ownGoalVersions.version, saved?.ownGoalVersion ?? -1)));
      return {
        status: "conflict",
        saved: saved?.ownGoal ?? "",
        savedVersion: saved?.ownGoalVersion ?? current.ownGoalVersion,
        savedAt: saved?.ownGoalUpdatedAt ?? null,
        savedBy:
          author?.personId === actor.personId
            ? { kind: "you" }
            : { kind: "other", name: author?.firstName ? `${author.firstName} ${author.lastName}` : (author?.name ?? null) },
      };
    }

    if (current.ownGoal) {
      // The text being replaced was written before the portal kept history: keep it now.
      await tx
        .insert(ownGoalVersions)
        .values({
          planId: current.id,
          version: current.ownGoalVersion,
          text: current.ownGoal,
          authorRole: "participant",
          createdAt: current.ownGoalUpdatedAt ?? now,
        })
        .onConflictDoNothing();
    }
    await tx.insert(ownGoalVersions).values({
      planId: current.id,
      version: updated.version,
      text,
      authorPersonId: actor.personId,
      authorRole: "participant",
      createdAt: now,
    });
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "plan.own_goal_changed",
      details: { planId: current.id, ownGoalVersion: updated.version },
      requestId: actor.requestId,
    });
    return { status: "saved", version: updated.version };
  });
}

/**
 * The participant's own progress mark on a sub-goal, with an optional short comment. Kept in
 * the participant's columns and in the history; the jobcentre's `status` is never written.
 */
export async function markSubGoal(
  actor: Actor,
  input: { subGoalId: string; status: SubGoalStatus; comment: string | null; submissionId: string | null },
  now = new Date(),
): Promise<"saved" | "duplicate" | "missing"> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: subGoals.id })
      .from(subGoals)
      .innerJoin(plans, eq(plans.id, subGoals.planId))
      .where(and(eq(subGoals.id, input.subGoalId), eq(plans.participantId, actor.participantId)));
    if (!owned) return "missing";
    // Locked, so two marks sent at once keep the earlier one in the history exactly once.
    const [goal] = await tx
      .select({
        id: subGoals.id,
        participantStatus: subGoals.participantStatus,
        participantComment: subGoals.participantComment,
        participantUpdatedAt: subGoals.participantUpdatedAt,
      })
      .from(subGoals)
      .where(eq(subGoals.id, owned.id))
      .for("update");
    if (!goal) return "missing";
    if (goal.participantStatus || goal.participantComment) {
      // A mark written before the portal kept history: keep it in the history before it is replaced.
      const [earlier] = await tx.select({ id: subGoalUpdates.id }).from(subGoalUpdates).where(eq(subGoalUpdates.subGoalId, goal.id)).limit(1);
      if (!earlier) {
        await tx.insert(subGoalUpdates).values({
          subGoalId: goal.id,
          status: goal.participantStatus,
          comment: goal.participantComment,
          createdAt: goal.participantUpdatedAt ?? now,
        });
      }
    }
    const inserted = await tx
      .insert(subGoalUpdates)
      .values({
        subGoalId: goal.id,
        authorPersonId: actor.personId,
        status: input.status,
        comment: input.comment,
        submissionId: input.submissionId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: subGoalUpdates.id });
    if (inserted.length === 0) return "duplicate";
    await tx
      .update(subGoals)
      .set({ participantStatus: input.status, participantComment: input.comment, participantUpdatedAt: now })
      .where(eq(subGoals.id, goal.id));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "plan.sub_goal_marked",
      details: { subGoalId: goal.id, status: input.status, withComment: Boolean(input.comment) },
      requestId: actor.requestId,
    });
    return "saved";
  });
}

/** "Jeg har læst planen" for one version: one row per version, however often it is sent. */
export async function confirmRead(actor: Actor, planVersion: number): Promise<"saved" | "duplicate" | "invalid"> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, version: plans.version })
      .from(plans)
      .where(eq(plans.participantId, actor.participantId));
    // Only a version that exists; the participant may confirm the one they read, even if a newer came since.
    if (!plan || planVersion < 1 || planVersion > plan.version) return "invalid";
    // Read is also seen: the "Nyt" marks up to this version go.
    await recordSeen(tx, plan.id, planVersion, new Date());
    const inserted = await tx
      .insert(planResponses)
      .values({ planId: plan.id, planVersion, kind: "read", authorPersonId: actor.personId })
      .onConflictDoNothing()
      .returning({ id: planResponses.id });
    if (inserted.length === 0) return "duplicate";
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "plan.read_confirmed",
      details: { planId: plan.id, planVersion },
      requestId: actor.requestId,
    });
    return "saved";
  });
}

/** "Jeg er ikke enig / Jeg har spørgsmål" with the participant's comment, tied to a version. */
export async function sendQuestion(
  actor: Actor,
  input: { planVersion: number; comment: string; submissionId: string | null },
): Promise<"saved" | "duplicate" | "invalid"> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, version: plans.version })
      .from(plans)
      .where(eq(plans.participantId, actor.participantId));
    if (!plan || input.planVersion < 1 || input.planVersion > plan.version) return "invalid";
    const inserted = await tx
      .insert(planResponses)
      .values({
        planId: plan.id,
        planVersion: input.planVersion,
        kind: "question",
        comment: input.comment,
        authorPersonId: actor.personId,
        submissionId: input.submissionId,
      })
      .onConflictDoNothing()
      .returning({ id: planResponses.id });
    if (inserted.length === 0) return "duplicate";
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "plan.question_sent",
      details: { planId: plan.id, planVersion: input.planVersion },
      requestId: actor.requestId,
    });
    return "saved";
  });
}
