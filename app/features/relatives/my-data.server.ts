import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../../db/client";
import { participants, persons } from "../../../db/schema/people";
import { invitations, relativeGrants } from "../../../db/schema/relatives";
import { accessLog } from "./queries.server";

/**
 * Everything the relatives area holds about one participant's grants, for "Mine data" (issue
 * 22): whom she invited (the name and e-mail she typed, the real name once someone answered),
 * what each may see and do, until when, the state and its dates, and each invitation link's dates
 * (never the link). What happened to each grant is in "who has seen my data" (`accessLog`).
 */
export async function exportGrantsFor(participantId: string) {
  const database = await db();
  const account = alias(persons, "account");
  const grants = await database
    .select({ grant: relativeGrants, firstName: account.firstName, lastName: account.lastName })
    .from(relativeGrants)
    .leftJoin(account, eq(account.id, relativeGrants.relativePersonId))
    .where(eq(relativeGrants.participantId, participantId))
    .orderBy(asc(relativeGrants.createdAt));
  const links = grants.length
    ? await database
        .select({ grantId: invitations.grantId, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt, usedAt: invitations.usedAt })
        .from(invitations)
        .where(inArray(invitations.grantId, grants.map((row) => row.grant.id)))
        .orderBy(asc(invitations.createdAt))
    : [];
  return grants.map(({ grant, firstName, lastName }) => ({
    ...grantFields(grant),
    invitedName: grant.invitedName,
    invitedEmail: grant.invitedEmail,
    accountName: firstName ? `${firstName} ${lastName}` : null,
    invitationLinks: links.filter((link) => link.grantId === grant.id).map(({ grantId: _grantId, ...link }) => link),
  }));
}

/**
 * The grants this person holds as a relative, for her own "Mine data": whose planning (name),
 * what she may see and do, until when, the state and its dates. Nothing of what she was shown.
 */
export async function exportGrantsHeldBy(personId: string) {
  const database = await db();
  const helped = alias(persons, "helped");
  const rows = await database
    .select({ grant: relativeGrants, firstName: helped.firstName, lastName: helped.lastName })
    .from(relativeGrants)
    .leftJoin(participants, eq(participants.id, relativeGrants.participantId))
    .leftJoin(helped, eq(helped.id, participants.personId))
    .where(eq(relativeGrants.relativePersonId, personId))
    .orderBy(asc(relativeGrants.createdAt));
  return rows.map(({ grant, firstName, lastName }) => ({
    helpsName: firstName ? `${firstName} ${lastName}` : null,
    ...grantFields(grant),
  }));
}

function grantFields(grant: typeof relativeGrants.$inferSelect) {
  return {
    relation: grant.relation,
    scopes: grant.scopes,
    mayComment: grant.mayComment,
    mayWriteMessages: grant.mayWriteMessages,
    bisidderMeetings: grant.bisidderAppointmentIds.length,
    reminderCopy: grant.reminderCopy,
    validUntil: grant.validUntil,
    status: grant.status,
    createdAt: grant.createdAt,
    acceptedAt: grant.acceptedAt,
    endedAt: grant.endedAt,
    lastViewedAt: grant.lastViewedAt,
  };
}

export type GrantsExport = Awaited<ReturnType<typeof exportGrantsFor>>;
export type GrantsHeldExport = Awaited<ReturnType<typeof exportGrantsHeldBy>>;

/** "Hvem har set mine oplysninger" in full (not the page's last 300), for "Mine data". */
export function exportAccessLog(participantId: string, participantPersonId: string) {
  return accessLog(participantId, participantPersonId, 100_000);
}
