import { randomBytes } from "node:crypto";
import { and, eq, gt, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { invitations, relativeGrants } from "../../../db/schema/relatives";
import { recordAudit } from "~/lib/audit.server";
import { INVITATION_DAYS, isOldEnough, type Scope } from "./scopes";
import { copenhagenDay } from "~/lib/dates";
import { findInvitation, hashInvitationToken, participantEmail } from "./queries.server";
import type { InviteInput } from "./schema";
import type { ViewedPage } from "./status";
import { isUuid } from "~/lib/ids";
import { queueMail } from "~/features/jobs/index.server";
import type { Mail } from "./mail.server";
import type { Actor } from "~/lib/actor.server";

/**
 * The invitation mail for a new link, built by the route (language, the portal's address). It is
 * queued in the same transaction as the grant and the link (the outbox), and sent after the commit
 * by the job worker: a rolled-back invitation never gets its mail, and no request waits for SMTP.
 */
export type InvitationMailFor = (token: string) => Mail;

export type { Actor };

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
export async function createInvitation(
  actor: Actor,
  input: Omit<InviteInput, "birthDate" | "mayWriteMessages"> & { birthDate?: string | null; mayWriteMessages?: boolean },
  now = new Date(),
  mailFor?: InvitationMailFor,
): Promise<CreateResult> {
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
        mayWriteMessages: input.mayWriteMessages ?? false,
        bisidderAppointmentIds: input.bisidder,
        validUntil: input.validUntil,
        // Only the person with this birth date (from MitID) may accept: see refusedAnswerer.
        boundBirthDate: input.birthDate ?? null,
        status: "invited",
        createdAt: now,
      })
      .returning({ id: relativeGrants.id });
    const [invitation] = await tx
      .insert(invitations)
      .values({ grantId: grant!.id, tokenHash: hashInvitationToken(token), expiresAt, createdAt: now })
      .returning({ id: invitations.id });
    if (mailFor) await queueMail(tx, { key: `invitation:${invitation!.id}`, kind: "relatives.invitation", grantId: grant!.id, mail: mailFor(token) }, now);
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.invited",
      details: {
        grantId: grant!.id,
        grantName: input.name,
        scopes,
        mayComment: input.mayComment,
        mayWriteMessages: input.mayWriteMessages ?? false,
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
  /** A jobcentre caseworker (persons.is_caseworker). */
  isCaseworker: boolean;
  /** The verified birth date (from MitID), YYYY-MM-DD; null when not known. */
  birthDate: string | null;
  requestId: string | null;
}

export type AnswerResult =
  | { status: "awaiting"; participantId: string }
  | { status: "declined" }
  | { status: Refusal; participantName: string }
  | { status: "already" }
  | { status: "gone" };

export type Refusal = "own" | "participant" | "caseworker" | "noBirthDate" | "tooYoung" | "otherPerson";

/**
 * Who may never answer a relative's invitation, whatever link they hold: the participant herself,
 * anyone who is in a programme themselves, caseworkers, anyone under 15 on `today` (Copenhagen) or
 * whose birth date is not known (as Digital Fuldmagt), and, when the participant bound the
 * invitation to a birth date, anyone born on another day. Null: this person may answer.
 */
export function refusedAnswerer(
  person: Pick<Person, "participantId" | "isCaseworker" | "birthDate">,
  invitation: { participantId: string; boundBirthDate: string | null },
  today: string,
): Refusal | null {
  if (person.participantId === invitation.participantId) return "own";
  if (person.participantId) return "participant";
  if (person.isCaseworker) return "caseworker";
  if (!person.birthDate) return "noBirthDate";
  if (!isOldEnough(person.birthDate, today)) return "tooYoung";
  if (invitation.boundBirthDate && invitation.boundBirthDate !== person.birthDate) return "otherPerson";
  return null;
}

/**
 * The relative answers an invitation. The link alone grants nothing: the grant binds to the
 * person signed in now, in the same statement that marks the link used (so it works once), and
 * only when `refusedAnswerer` lets this person answer (15 or over, the bound birth date). "Accept"
 * grants nothing either: the grant waits (`awaiting_confirmation`) until the participant has seen
 * this account's name from MitID and confirmed it is the person she invited (`confirmGrant`).
 */
export async function answerInvitation(person: Person, token: string, answer: "accept" | "decline", now = new Date()): Promise<AnswerResult> {
  const found = await findInvitation(token, now);
  if (found.state !== "open") return { status: "gone" };
  // Checked before anything is written: a refused person never uses up the link.
  const refused = refusedAnswerer(person, found, copenhagenDay(now));
  if (refused) return { status: refused, participantName: found.participantName };
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
            inArray(relativeGrants.status, ["active", "awaiting_confirmation"]),
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
          ? { status: "awaiting_confirmation", relativePersonId: person.personId, acceptedAt: now }
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
    return answer === "accept" ? ({ status: "awaiting", participantId: found.participantId } as const) : ({ status: "declined" } as const);
  });
}

/**
 * The participant answers "is this the person you invited?" for a grant someone accepted. Only
 * her own grant, only while it waits for her answer; `confirm` makes it active (access from the
 * next request), `reject` withdraws it: nothing was ever granted. Audit: `relatives.confirmed` or
 * `relatives.rejected` (the grant id only: the log shows the account's name from the grant).
 */
export async function confirmGrant(
  actor: Actor,
  grantId: string,
  answer: "confirm" | "reject",
  now = new Date(),
): Promise<"confirmed" | "rejected" | "not_found"> {
  if (!isUuid(grantId)) return "not_found";
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`relatives:${actor.participantId}`}))`);
    const [grant] = await tx
      .update(relativeGrants)
      .set(answer === "confirm" ? { status: "active" } : { status: "withdrawn", endedAt: now })
      .where(
        and(
          eq(relativeGrants.id, grantId),
          eq(relativeGrants.participantId, actor.participantId),
          eq(relativeGrants.status, "awaiting_confirmation"),
          // An expired grant is not confirmed into access; rejecting it is always possible.
          ...(answer === "confirm" ? [gte(relativeGrants.validUntil, copenhagenDay(now))] : []),
        ),
      )
      .returning({ id: relativeGrants.id });
    if (!grant) return "not_found" as const;
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: answer === "confirm" ? "relatives.confirmed" : "relatives.rejected",
      details: { grantId },
      requestId: actor.requestId,
    });
    return answer === "confirm" ? ("confirmed" as const) : ("rejected" as const);
  });
}

/** The participant withdraws a grant or an invitation. Effective on the relative's next request. */
export async function withdrawGrant(actor: Actor, grantId: string, now = new Date()): Promise<"withdrawn" | "not_found"> {
  if (!isUuid(grantId)) return "not_found";
  const database = await db();
  return database.transaction(async (tx) => {
    const [grant] = await tx
      .update(relativeGrants)
      .set({ status: "withdrawn", endedAt: now })
      .where(
        and(
          eq(relativeGrants.id, grantId),
          eq(relativeGrants.participantId, actor.participantId),
          inArray(relativeGrants.status, ["invited", "awaiting_confirmation", "active"]),
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

/**
 * "Du hjælper" shows each helped person's name and what they share: that is a view, in each one's
 * log "Hvem har set mine oplysninger" (page "list"), written in one transaction.
 */
export async function recordHelpedListViewed(personId: string, participantIds: string[], requestId: string | null) {
  if (participantIds.length === 0) return;
  const database = await db();
  await database.transaction(async (tx) => {
    for (const participantId of participantIds) {
      await recordAudit(tx, { actorPersonId: personId, participantId, action: "relatives.viewed", details: { page: "list" }, requestId });
    }
  });
}

/**
 * What a grant allows, as one string: the change page carries it from the moment the participant
 * opened the form, and the change is refused if the grant looks different now (changed in another
 * tab, accepted, withdrawn or ended meanwhile).
 */
export function grantBasis(grant: {
  status: string;
  scopes: string[];
  mayComment: boolean;
  mayWriteMessages: boolean;
  bisidderAppointmentIds: string[];
  validUntil: string;
}): string {
  return JSON.stringify([
    grant.status,
    [...grant.scopes].sort(),
    grant.mayComment,
    grant.mayWriteMessages,
    [...grant.bisidderAppointmentIds].sort(),
    grant.validUntil,
  ]);
}

export type ChangeResult = { status: "changed" | "unchanged"; name: string } | { status: "stale" } | { status: "gone" };

/**
 * The participant changes what a grant allows (parts, comment right, bisidder meetings, end date).
 * Who it is stays the same. Only an open grant (invited or active, not expired) can be changed;
 * `basis` must match the grant as it is now, or nothing is changed. Audit: `relatives.changed`.
 */
export async function changeGrant(
  actor: Actor,
  grantId: string,
  input: Pick<InviteInput, "scopes" | "network" | "mayComment" | "bisidder" | "validUntil"> & { mayWriteMessages?: boolean },
  basis: string,
  now = new Date(),
): Promise<ChangeResult> {
  if (!isUuid(grantId)) return { status: "gone" };
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`relatives:${actor.participantId}`}))`);
    const [grant] = await tx
      .select()
      .from(relativeGrants)
      .where(and(eq(relativeGrants.id, grantId), eq(relativeGrants.participantId, actor.participantId)))
      .for("update");
    if (!grant || (grant.status !== "invited" && grant.status !== "active") || grant.validUntil < copenhagenDay(now)) {
      return { status: "gone" } as const;
    }
    if (grantBasis(grant) !== basis) return { status: "stale" } as const;
    const scopes = scopesOf(input);
    const terms = {
      scopes,
      mayComment: input.mayComment,
      mayWriteMessages: input.mayWriteMessages ?? false,
      bisidderAppointmentIds: input.bisidder,
      validUntil: input.validUntil,
    };
    if (grantBasis({ status: grant.status, ...terms }) === basis) return { status: "unchanged", name: grant.invitedName } as const;
    await tx
      .update(relativeGrants)
      .set(terms)
      .where(eq(relativeGrants.id, grantId));
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.changed",
      details: {
        grantId,
        grantName: grant.invitedName,
        scopes,
        mayComment: input.mayComment,
        mayWriteMessages: terms.mayWriteMessages,
        bisidderAppointmentIds: input.bisidder,
        validUntil: input.validUntil,
        before: {
          scopes: grant.scopes,
          mayComment: grant.mayComment,
          mayWriteMessages: grant.mayWriteMessages,
          bisidderAppointmentIds: grant.bisidderAppointmentIds,
          validUntil: grant.validUntil,
        },
      },
      requestId: actor.requestId,
    });
    return { status: "changed", name: grant.invitedName } as const;
  });
}

export type ResendResult =
  | { status: "resent"; token: string; expiresAt: Date; name: string; email: string; scopes: Scope[]; validUntil: string }
  | { status: "not_found" };

/**
 * Sends an invitation again (its link ran out, or the e-mail could not be sent): a new single-use
 * link valid 7 days; every earlier link of the grant stops working at once. Only for a grant
 * still waiting for an answer and not expired. Audit: `relatives.resent`.
 */
export async function resendInvitation(
  actor: Actor,
  grantId: string,
  now = new Date(),
  mailFor?: (grant: { token: string; name: string; email: string }) => Mail,
): Promise<ResendResult> {
  if (!isUuid(grantId)) return { status: "not_found" };
  const database = await db();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`relatives:${actor.participantId}`}))`);
    const [grant] = await tx
      .select()
      .from(relativeGrants)
      .where(
        and(
          eq(relativeGrants.id, grantId),
          eq(relativeGrants.participantId, actor.participantId),
          eq(relativeGrants.status, "invited"),
          gte(relativeGrants.validUntil, copenhagenDay(now)),
        ),
      )
      .for("update");
    if (!grant) return { status: "not_found" } as const;
    // The old links die: an unused link that has not run out yet runs out now.
    await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.grantId, grantId), isNull(invitations.usedAt), gt(invitations.expiresAt, now)));
    const [invitation] = await tx
      .insert(invitations)
      .values({ grantId, tokenHash: hashInvitationToken(token), expiresAt, createdAt: now })
      .returning({ id: invitations.id });
    if (mailFor) {
      const mail = mailFor({ token, name: grant.invitedName, email: grant.invitedEmail });
      await queueMail(tx, { key: `invitation:${invitation!.id}`, kind: "relatives.invitation", grantId, mail }, now);
    }
    await recordAudit(tx, {
      actorPersonId: actor.personId,
      participantId: actor.participantId,
      action: "relatives.resent",
      details: { grantId, grantName: grant.invitedName, scopes: grant.scopes, validUntil: grant.validUntil },
      requestId: actor.requestId,
    });
    return {
      status: "resent",
      token,
      expiresAt,
      name: grant.invitedName,
      email: grant.invitedEmail,
      scopes: grant.scopes as Scope[],
      validUntil: grant.validUntil,
    } as const;
  });
}
