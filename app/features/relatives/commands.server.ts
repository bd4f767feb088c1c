import { randomBytes } from "node:crypto";
import { and, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { invitations, relativeGrants } from "../../../db/schema";
import { recordAudit } from "~/lib/audit.server";
import type { Scope } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { findInvitation, hashInvitationToken, participantEmail } from "./queries.server";
import { INVITATION_DAYS } from "./scopes";
import type { InviteInput } from "./schema";
import type { ViewedPage } from "./status";

export interface Actor {
  personId: string;
  participantId: string;
  requestId: string | null;
}

export type CreateResult =
  | { status: "created"; grantId: string; token: string; expiresAt: Date }
  | { status: "self" }
  | { status: "duplicate" };

/** The scopes a grant stores: the chosen parts, plus the network map only when added on purpose. */
export function scopesOf(input: Pick<InviteInput, "scopes" | "network">): Scope[] {
  return [...input.scopes, ...(input.network ? (["network"] as const) : [])];
}

/**
 * Creates the grant (status "invited") and its single-use link. Only the link's hash is stored;
 * the token itself is returned once, for the e-mail. The checks that depend on other rows
 * (inviting oneself, inviting the same person twice) run here, whatever the form said.
 */
export async function createInvitation(actor: Actor, input: InviteInput, now = new Date()): Promise<CreateResult> {
  const ownEmail = await participantEmail(actor.participantId);
  if (ownEmail && ownEmail === input.email.toLowerCase()) return { status: "self" };
  const database = await db();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  return database.transaction(async (tx) => {
    // One invitation at a time per participant: a double submit finds the first one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`relatives:${actor.participantId}`}))`);
    const open = await tx
      .select({ id: relativeGrants.id })
      .from(relativeGrants)
      .where(
        and(
          eq(relativeGrants.participantId, actor.participantId),
          sql`lower(${relativeGrants.invitedEmail}) = ${input.email.toLowerCase()}`,
          gte(relativeGrants.validUntil, copenhagenDay(now)),
          or(
            eq(relativeGrants.status, "active"),
            and(
              eq(relativeGrants.status, "invited"),
              sql`exists (select 1 from ${invitations} where ${invitations.grantId} = ${relativeGrants.id} and ${invitations.expiresAt} > ${now.toISOString()}::timestamptz and ${invitations.usedAt} is null)`,
            ),
          ),
        ),
      );
    if (open.length > 0) return { status: "duplicate" } as const;
    const scopes = scopesOf(input);
    const [grant] = await tx
      .insert(relativeGrants)
      .values({
        participantId: actor.participantId,
        invitedName: input.name,
        invitedEmail: input.email.toLowerCase(),
        relation: input.relation,
        scopes,
        mayComment: input.mayComment,
        bisidderAppointmentIds: input.bisidder,
        validUntil: input.validUntil,
        status: "invited",
        createdAt: now,
      })
      .returning({ id: relativeGrants.id });
    await tx.insert(invitations).values({ grantId: grant!.id, tokenHash: hashInvitationToken(token), expiresAt, createdAt: now });
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.invited",
      details: {
        grantId: grant!.id,
        grantName: input.name,
        scopes,
        mayComment: input.mayComment,
        bisidderAppointmentIds: input.bisidder,
        validUntil: input.validUntil,
      },
      requestId: actor.requestId,
    });
    return { status: "created", grantId: grant!.id, token, expiresAt } as const;
  });
}

export interface Person {
  personId: string;
  /** Set when the signed-in person is in a programme themselves. */
  participantId: string | null;
  requestId: string | null;
}

export type AnswerResult =
  | { status: "accepted"; participantId: string }
  | { status: "declined" }
  | { status: "own" }
  | { status: "already" }
  | { status: "gone" };

/**
 * The relative answers an invitation. The link alone grants nothing: the grant binds to the
 * person signed in now, in the same statement that marks the link used (so it works once).
 */
export async function answerInvitation(person: Person, token: string, answer: "accept" | "decline", now = new Date()): Promise<AnswerResult> {
  const found = await findInvitation(token, now);
  if (found.state !== "open") return { status: "gone" };
  if (person.participantId === found.participantId) return { status: "own" };
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`relatives:${found.participantId}`}))`);
    if (answer === "accept") {
      const [existing] = await tx
        .select({ id: relativeGrants.id })
        .from(relativeGrants)
        .where(
          and(
            eq(relativeGrants.participantId, found.participantId),
            eq(relativeGrants.relativePersonId, person.personId),
            eq(relativeGrants.status, "active"),
            gte(relativeGrants.validUntil, copenhagenDay(now)),
          ),
        );
      if (existing) return { status: "already" } as const;
    }
    const used = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, found.invitationId), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (used.length === 0) return { status: "gone" } as const;
    const changed = await tx
      .update(relativeGrants)
      .set(
        answer === "accept"
          ? { status: "active", relativePersonId: person.personId, acceptedAt: now }
          : { status: "ended_by_relative", relativePersonId: person.personId, endedAt: now },
      )
      .where(and(eq(relativeGrants.id, found.grantId), eq(relativeGrants.status, "invited")))
      .returning({ id: relativeGrants.id });
    if (changed.length === 0) {
      tx.rollback();
    }
    await recordAudit(tx, {
      actorPersonId: person.personId,
      participantId: found.participantId,
      action: answer === "accept" ? "relatives.accepted" : "relatives.declined",
      details: { grantId: found.grantId, grantName: found.invitedName, scopes: found.scopes, validUntil: found.validUntil },
      requestId: person.requestId,
    });
    return answer === "accept" ? ({ status: "accepted", participantId: found.participantId } as const) : ({ status: "declined" } as const);
  });
}

/** The participant withdraws a grant or an invitation. Effective on the relative's next request. */
export async function withdrawGrant(actor: Actor, grantId: string, now = new Date()): Promise<"withdrawn" | "not_found"> {
  const database = await db();
  return database.transaction(async (tx) => {
    const [grant] = await tx
      .update(relativeGrants)
      .set({ status: "withdrawn", endedAt: now })
      .where(
        and(
          eq(relativeGrants.id, grantId),
          eq(relativeGrants.participantId, actor.participantId),
          inArray(relativeGrants.status, ["invited", "active"]),
        ),
      )
      .returning({ id: relativeGrants.id, name: relativeGrants.invitedName });
    if (!grant) return "not_found" as const;
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.withdrawn",
      details: { grantId, grantName: grant.name },
      requestId: actor.requestId,
    });
    return "withdrawn" as const;
  });
}

/** The relative stops helping. Effective at once; the participant sees it in the list and the log. */
export async function endGrant(person: { personId: string; requestId: string | null }, grantId: string, participantId: string, now = new Date()) {
  const database = await db();
  return database.transaction(async (tx) => {
    const [grant] = await tx
      .update(relativeGrants)
      .set({ status: "ended_by_relative", endedAt: now })
      .where(
        and(
          eq(relativeGrants.id, grantId),
          eq(relativeGrants.participantId, participantId),
          eq(relativeGrants.relativePersonId, person.personId),
          eq(relativeGrants.status, "active"),
        ),
      )
      .returning({ id: relativeGrants.id, name: relativeGrants.invitedName });
    if (!grant) return "not_found" as const;
    await recordAudit(tx, {
      actorPersonId: person.personId,
      participantId,
      action: "relatives.ended",
      details: { grantId, grantName: grant.name },
      requestId: person.requestId,
    });
    return "ended" as const;
  });
}

/** One page view by a relative: an audit row (dates and pages, never details) and "last looked". */
export async function recordView(
  view: { grantId: string; relativePersonId: string; participantId: string; page: ViewedPage; requestId: string | null },
  now = new Date(),
) {
  const database = await db();
  await database.transaction(async (tx) => {
    await tx.update(relativeGrants).set({ lastViewedAt: now }).where(eq(relativeGrants.id, view.grantId));
    await recordAudit(tx, {
      actorPersonId: view.relativePersonId,
      participantId: view.participantId,
      action: "relatives.viewed",
      details: { grantId: view.grantId, page: view.page },
      requestId: view.requestId,
    });
  });
}
