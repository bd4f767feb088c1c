import { and, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { planProposals } from "../../../db/schema/proposals";
import { recordAudit } from "~/lib/audit.server";
import type { Actor } from "~/lib/actor.server";
import { addPlanItem, getPlanGoal } from "~/features/plan/index.server";
import { wordsAsWritten, type ProposalInput } from "./schema";

/**
 * "Forslag til min plan" (issue 22): her proposal, its withdrawal, and the decision. Each is one
 * transaction with its audit row (`proposal.created`, `proposal.withdrawn`, `proposal.decided`:
 * the events; never her words in the details). Accepting adds the item to her plan through the plan
 * area's own command (`addPlanItem`, the same write as the API's PUT plan) in the same transaction.
 */

export type ProposalRow = typeof planProposals.$inferSelect;

export type CreateResult = { status: "created"; id: string } | { status: "no-plan" };

/** Her proposal, in her words. A double submit (the same one-time id) stores one. */
export async function createProposal(actor: Actor, input: ProposalInput, now = new Date()): Promise<CreateResult> {
  if (!(await getPlanGoal(actor.participantId))) return { status: "no-plan" };
  const database = await db();
  return database.transaction(async (tx) => {
    const [row] = await tx
      .insert(planProposals)
      .values({
        participantId: actor.participantId,
        authorPersonId: actor.personId,
        kind: input.kind,
        title: input.title,
        why: input.why || null,
        whenText: input.whenText || null,
        howMuch: input.howMuch || null,
        submissionId: input.submissionId ?? null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: planProposals.submissionId })
      .returning({ id: planProposals.id });
    if (!row) {
      const [existing] = await tx
        .select({ id: planProposals.id })
        .from(planProposals)
        .where(and(eq(planProposals.submissionId, input.submissionId!), eq(planProposals.participantId, actor.participantId)));
      return { status: "created", id: existing!.id };
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "proposal.created",
      details: { proposalId: row.id, kind: input.kind },
      requestId: actor.requestId,
    });
    return { status: "created", id: row.id };
  });
}

export type WithdrawResult = "withdrawn" | "not-found" | "decided";

/** She takes back a proposal that still waits. One already decided (or taken back) stays as it is. */
export async function withdrawProposal(actor: Actor, proposalId: string, version: number, now = new Date()): Promise<WithdrawResult> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [done] = await tx
      .update(planProposals)
      .set({ status: "withdrawn", withdrawnAt: now, version: sql`${planProposals.version} + 1` })
      .where(
        and(
          eq(planProposals.id, proposalId),
          eq(planProposals.participantId, actor.participantId),
          eq(planProposals.status, "waiting"),
          eq(planProposals.version, version),
        ),
      )
      .returning({ id: planProposals.id });
    if (!done) {
      const [row] = await tx
        .select({ status: planProposals.status })
        .from(planProposals)
        .where(and(eq(planProposals.id, proposalId), eq(planProposals.participantId, actor.participantId)));
      return row ? "decided" : "not-found";
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "proposal.withdrawn",
      details: { proposalId },
      requestId: actor.requestId,
    });
    return "withdrawn";
  });
}

/** What is decided: accept (her words, or the words given), or decline with a reason. */
export type Decision =
  | { decision: "accept"; planTitle?: string; planDetail?: string }
  | { decision: "decline"; reason: string };

/** Who decides: her coordinating caseworker in the portal, or the case system through the API. */
export type Decider =
  | { kind: "caseworker"; personId: string; name: string; requestId: string | null }
  | { kind: "case_system"; name: string; details: Record<string, unknown>; requestId: string | null };

export type DecideResult =
  | { status: "decided"; proposal: ProposalRow }
  /** Someone decided (or she withdrew) since the version named: the proposal as it is now. */
  | { status: "stale"; current: ProposalRow }
  | { status: "not-found" }
  | { status: "no-plan" };

/**
 * Decides a waiting proposal at `expectedVersion` (the version the form or If-Match named). The
 * caller has checked that the decider may (her coordinating caseworker; the case system of her
 * municipality); row-level security holds it on Postgres too. Two at once: the second finds the
 * version moved and gets `stale` with the first one's decision.
 */
export async function decideProposal(
  decider: Decider,
  participantId: string,
  proposalId: string,
  expectedVersion: number,
  decision: Decision,
  now = new Date(),
): Promise<DecideResult> {
  const database = await db();
  return database.transaction(async (tx): Promise<DecideResult> => {
    const current = await find(tx, participantId, proposalId, true);
    if (!current) return { status: "not-found" };
    if (current.status !== "waiting" || current.version !== expectedVersion) return { status: "stale", current };

    const decidedBy = { decidedAt: now, decidedByPersonId: decider.kind === "caseworker" ? decider.personId : null, decidedByName: decider.name };
    const audit = {
      actorPersonId: decider.kind === "caseworker" ? decider.personId : null,
      participantId,
      requestId: decider.requestId,
    };
    const extra = decider.kind === "case_system" ? decider.details : {};
    if (decision.decision === "decline") {
      const [row] = await tx
        .update(planProposals)
        .set({ ...decidedBy, status: "declined", declineReason: decision.reason, version: sql`${planProposals.version} + 1` })
        .where(and(eq(planProposals.id, proposalId), eq(planProposals.version, expectedVersion), eq(planProposals.status, "waiting")))
        .returning();
      if (!row) return { status: "stale", current: (await find(tx, participantId, proposalId, false))! };
      await recordAudit(tx, { ...audit, action: "proposal.decided", details: { ...extra, proposalId, decision: "declined" } });
      return { status: "decided", proposal: row };
    }

    const asWritten = wordsAsWritten(current);
    const planTitle = decision.planTitle ?? asWritten.title;
    const planDetail = decision.planDetail ?? asWritten.detail;
    const status = planTitle === asWritten.title && planDetail === asWritten.detail ? "accepted" : "changed";
    const [claimed] = await tx
      .update(planProposals)
      .set({ ...decidedBy, status, planTitle, planDetail: planDetail || null, version: sql`${planProposals.version} + 1` })
      .where(and(eq(planProposals.id, proposalId), eq(planProposals.version, expectedVersion), eq(planProposals.status, "waiting")))
      .returning({ id: planProposals.id });
    if (!claimed) return { status: "stale", current: (await find(tx, participantId, proposalId, false))! };
    const added = await addPlanItem(
      tx,
      participantId,
      current.kind === "sub_goal"
        ? { kind: "sub_goal", title: planTitle, description: planDetail || null }
        : { kind: "activity", title: planTitle, purpose: planDetail || planTitle },
      {
        details: { ...extra, proposalId },
        requestId: decider.requestId,
        actorPersonId: audit.actorPersonId,
        // The caseworker's own change of the plan (never an event of its own: proposal.decided is);
        // the case system's is the same as its PUT plan.
        action: decider.kind === "caseworker" ? "caseworker.plan_item_added" : "case_system.plan_updated",
        updatedByName: decider.name,
        proposalId,
      },
      now,
    );
    if (added.status === "no-plan") {
      // Nothing is written: the transaction rolls back the claim too.
      throw new NoPlanError();
    }
    const [row] = await tx
      .update(planProposals)
      .set({ planVersion: added.version, planItemId: added.itemId })
      .where(eq(planProposals.id, proposalId))
      .returning();
    await recordAudit(tx, { ...audit, action: "proposal.decided", details: { ...extra, proposalId, decision: status, planVersion: added.version } });
    return { status: "decided", proposal: row! };
  }).catch((error: unknown): DecideResult => {
    if (error instanceof NoPlanError) return { status: "no-plan" };
    throw error;
  });
}

class NoPlanError extends Error {}

async function find(tx: Transaction, participantId: string, proposalId: string, lock: boolean) {
  const query = tx
    .select()
    .from(planProposals)
    .where(and(eq(planProposals.id, proposalId), eq(planProposals.participantId, participantId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}
