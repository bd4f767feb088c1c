import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "../../../db/client";
import { mapNested, nestedRows, preparedTogether, type Bound, type Nested } from "../../../db/nested";
import { listAuditEvents } from "~/lib/audit.server";
import { participants, persons } from "../../../db/schema/people";
import { invitations, relativeGrants } from "../../../db/schema/relatives";
import { listBisidderCandidates, listMeetingsById } from "~/features/appointments/index.server";
import { CASE_SYSTEM_READ } from "~/features/api";
import { MY_DATA_LOG_ACTIONS } from "~/features/my-data";
import type { Scope } from "./scopes";
import { copenhagenDay } from "~/lib/dates";
import { grantState, type EndedAccess, type GrantState } from "./status";
import { isUuid } from "~/lib/ids";

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens are 32 random bytes in base64url: 43 characters. Anything else is not worth a lookup. */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface GrantListItem {
  id: string;
  /** The real name of the account that answered, once someone has; until then the typed name. */
  name: string;
  /** The name the participant typed when she invited ("invited as ..."). */
  invitedName: string;
  /** Set once someone signed in and answered: the name on that account (persons), not the typed one. */
  accountName: string | null;
  /** The first name on that account ("Ja, det er Jonas"). */
  accountFirstName: string | null;
  email: string;
  relation: string;
  scopes: Scope[];
  mayComment: boolean;
  mayWriteMessages: boolean;
  bisidder: { id: string; title: string; startsAt: Date }[];
  validUntil: string;
  state: GrantState;
  createdAt: Date;
  acceptedAt: Date | null;
  endedAt: Date | null;
  lastViewedAt: Date | null;
  invitationExpiresAt: Date | null;
}

/** The participant's grants, open ones first, newest first within each group. */
export async function listGrants(participantId: string, now = new Date()): Promise<GrantListItem[]> {
  const database = await db();
  const account = alias(persons, "account");
  const rows = await database
    .select({
      grant: relativeGrants,
      accountFirstName: account.firstName,
      accountLastName: account.lastName,
      invitationExpiresAt: sql<Date | null>`(select max(i.expires_at) from portal.invitations i where i.grant_id = "relative_grants"."id")`.mapWith(
        (value: string | Date | null) => (value ? new Date(value) : null),
      ),
    })
    .from(relativeGrants)
    .leftJoin(account, eq(account.id, relativeGrants.relativePersonId))
    .where(eq(relativeGrants.participantId, participantId))
    .orderBy(desc(relativeGrants.createdAt));
  const appointmentIds = [...new Set(rows.flatMap((row) => row.grant.bisidderAppointmentIds))];
  const meetings = await listMeetingsById(participantId, appointmentIds);
  const today = copenhagenDay(now);
  const items = rows.map(({ grant, accountFirstName, accountLastName, invitationExpiresAt }) => {
    const accountName = grant.relativePersonId && accountFirstName ? `${accountFirstName} ${accountLastName ?? ""}`.trim() : null;
    return {
      id: grant.id,
      name: accountName ?? grant.invitedName,
      invitedName: grant.invitedName,
      accountName,
      accountFirstName: accountName ? accountFirstName : null,
      email: grant.invitedEmail,
      relation: grant.relation,
      scopes: grant.scopes as Scope[],
      mayComment: grant.mayComment,
      mayWriteMessages: grant.mayWriteMessages,
      bisidder: meetings.filter((meeting) => grant.bisidderAppointmentIds.includes(meeting.id)),
      validUntil: grant.validUntil,
      state: grantState({ status: grant.status, validUntil: grant.validUntil, invitationExpiresAt }, today, now),
      createdAt: grant.createdAt,
      acceptedAt: grant.acceptedAt,
      endedAt: grant.endedAt,
      lastViewedAt: grant.lastViewedAt,
      invitationExpiresAt,
    };
  });
  const order: GrantState[] = ["awaitingConfirmation", "active", "invited", "invitationExpired", "expired", "withdrawn", "ended"];
  return items.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
}

/**
 * Where the e-mail with an unanswered invitation is: `queued` (not tried yet, or being sent),
 * `retrying` (a try failed; the job worker tries again, about 42 minutes in all), `sent` (with
 * when) or `failed` (given up). Only ever the mail of the grant's newest link.
 */
export type InvitationDelivery =
  | { state: "queued" | "retrying" | "failed"; sentAt: null }
  | { state: "sent"; sentAt: Date };

/**
 * The delivery state of every one of the participant's invitation mails, by grant id, in one
 * query. The outbox itself is the job worker's (row-level security, migration 0011): this reads
 * through `portal.invitation_mail_states` (migration 0012), which answers only for the signed-in
 * person's own participant and never with the address, the content or the error.
 */
export async function invitationDeliveries(personId: string, participantId: string): Promise<Map<string, InvitationDelivery>> {
  const database = await db();
  const rows = await database.transaction(async (tx) => {
    // A request on Postgres already acts as its person (actAs): that person stays. The embedded
    // database has no request transaction, so the signed-in person is set for this one only.
    await tx.execute(
      sql`select set_config('minvej.person_id', ${personId}, true) where coalesce(current_setting('minvej.person_id', true), '') = ''`,
    );
    return (await tx.execute(sql`select * from portal.invitation_mail_states(${participantId}::uuid)`)) as unknown as
      | { rows: DeliveryRow[] }
      | DeliveryRow[];
  });
  const deliveries = new Map<string, InvitationDelivery>();
  for (const row of Array.isArray(rows) ? rows : rows.rows) {
    if (row.state === "sent" && row.sent_at) deliveries.set(row.grant_id, { state: "sent", sentAt: new Date(row.sent_at) });
    else if (row.state === "queued" || row.state === "retrying" || row.state === "failed") {
      deliveries.set(row.grant_id, { state: row.state, sentAt: null });
    }
  }
  return deliveries;
}

interface DeliveryRow {
  grant_id: string;
  state: string;
  sent_at: string | Date | null;
}

/** One of the participant's own grants, or null: another person's id looks exactly like an unknown one. */
export async function findOwnGrant(participantId: string, grantId: string, now = new Date()) {
  if (!isUuid(grantId)) return null;
  const grants = await listGrants(participantId, now);
  return grants.find((grant) => grant.id === grantId) ?? null;
}

/**
 * Is there already an open invitation or an active grant for this e-mail address? An invitation
 * whose link has run out does not count: the participant may invite again.
 */
export async function hasOpenGrantFor(participantId: string, email: string, now = new Date()): Promise<boolean> {
  const grants = await listGrants(participantId, now);
  return grants.some((grant) => grant.email.toLowerCase() === email.toLowerCase() && (grant.state === "active" || grant.state === "invited"));
}

/** The participant's own e-mail address (to refuse inviting oneself). */
export async function participantEmail(participantId: string): Promise<string | null> {
  const database = await db();
  const [row] = await database
    .select({ email: persons.email })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(participants.id, participantId));
  return row?.email?.toLowerCase() ?? null;
}

/** Upcoming meetings a bisidder may be chosen for (not cancelled, not ended). */
export async function bisidderCandidates(participantId: string, now = new Date()) {
  return listBisidderCandidates(participantId, now);
}

export type InvitationLookup =
  | { state: "unknown" }
  | { state: "used" | "expired" | "withdrawn"; participantName: string }
  | {
      state: "open";
      invitationId: string;
      grantId: string;
      participantId: string;
      participantName: string;
      participantFirstName: string;
      invitedName: string;
      relation: string;
      scopes: Scope[];
      mayComment: boolean;
      mayWriteMessages: boolean;
      bisidderCount: number;
      validUntil: string;
      expiresAt: Date;
      /** Set when only the person born that day may accept (the participant's choice). */
      boundBirthDate: string | null;
    };

/**
 * Row-level security (migration 0008) shows a request the one invitation whose link it holds,
 * with its grant and the participant's name, by the link's hash, for the rest of its transaction.
 * Nothing else about the link's grant or participant becomes readable.
 */
export async function holdInvitationLink(token: string) {
  const database = await db();
  await database.execute(sql`select set_config('minvej.invitation_token_hash', ${hashInvitationToken(token)}, true)`);
}

/** What an invitation link points at, and whether it can still be used. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationLookup> {
  if (!TOKEN.test(token)) return { state: "unknown" };
  await holdInvitationLink(token);
  const database = await db();
  const [row] = await database
    .select({
      invitation: invitations,
      grant: relativeGrants,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(invitations)
    .innerJoin(relativeGrants, eq(relativeGrants.id, invitations.grantId))
    .innerJoin(participants, eq(participants.id, relativeGrants.participantId))
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)));
  if (!row) return { state: "unknown" };
  const participantName = `${row.firstName} ${row.lastName}`;
  if (row.invitation.usedAt || row.grant.status === "active" || row.grant.status === "ended_by_relative") {
    return { state: "used", participantName };
  }
  if (row.grant.status === "withdrawn") return { state: "withdrawn", participantName };
  if (row.invitation.expiresAt.getTime() <= now.getTime() || row.grant.validUntil < copenhagenDay(now)) {
    return { state: "expired", participantName };
  }
  return {
    state: "open",
    invitationId: row.invitation.id,
    grantId: row.grant.id,
    participantId: row.grant.participantId,
    participantName,
    participantFirstName: row.firstName,
    invitedName: row.grant.invitedName,
    relation: row.grant.relation,
    scopes: row.grant.scopes as Scope[],
    mayComment: row.grant.mayComment,
    mayWriteMessages: row.grant.mayWriteMessages,
    bisidderCount: row.grant.bisidderAppointmentIds.length,
    validUntil: row.grant.validUntil,
    expiresAt: row.invitation.expiresAt,
    boundBirthDate: row.grant.boundBirthDate,
  };
}

export interface HelpedParticipant {
  participantId: string;
  firstName: string;
  lastName: string;
  relation: string;
  scopes: Scope[];
  validUntil: string;
  /** She asked for a copy of the meeting reminders (issue 18). */
  reminderCopy: boolean;
}

/**
 * The participants who have given this person access and whose access is still valid (`today`,
 * Copenhagen's day, is on or before its last day), by first name: a piece of a page's one read
 * (db/nested.ts).
 */
export function helpedPiece(relativePersonId: Bound<string>, today: Bound<string>): Nested<HelpedParticipant[]> {
  const rows = nestedRows(
    {
      participantId: relativeGrants.participantId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      relation: relativeGrants.relation,
      scopes: relativeGrants.scopes,
      validUntil: relativeGrants.validUntil,
      reminderCopy: relativeGrants.reminderCopy,
    },
    sql`from ${relativeGrants} join ${participants} on ${participants.id} = ${relativeGrants.participantId} join ${persons} on ${persons.id} = ${participants.personId}
      where ${relativeGrants.relativePersonId} = ${relativePersonId} and ${relativeGrants.status} = 'active' and ${relativeGrants.validUntil} >= ${today}`,
    sql`${persons.firstName}`,
  );
  return mapNested(rows, (found) => found.map((row) => ({ ...row, scopes: row.scopes as Scope[] })));
}

const readHelped = preparedTogether(["relativePersonId", "today"], (values) => ({ helped: helpedPiece(values.relativePersonId, values.today) }));

/** The people the signed-in person helps right now (active, unexpired grants bound to them). */
export async function listHelped(relativePersonId: string, now = new Date()): Promise<HelpedParticipant[]> {
  return (await readHelped({ relativePersonId, today: copenhagenDay(now) })).helped;
}

/** The participant's name, for the relative's banner. */
export async function participantName(participantId: string) {
  const database = await db();
  const [row] = await database
    .select({ firstName: persons.firstName, lastName: persons.lastName })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(participants.id, participantId));
  return row ?? null;
}

export interface AccessLogEntry {
  id: number;
  occurredAt: Date;
  action: string;
  actorName: string | null;
  /** Whether the participant did it themselves. */
  byParticipant: boolean;
  /** A caseworker read the participant's shared information: shown as "Din sagsbehandler", never by name. */
  byCaseworker: boolean;
  /**
   * The municipality's case system read it through the API (issue 20): shown as "Kommunens
   * sagssystem" and the municipality's name, never a person. Null for anyone else.
   */
  bySystem: { municipalityName: string } | null;
  /**
   * `grantName` is the real name of the account bound to the grant once someone answered (never
   * only the typed one); `invitedAs` is the typed name when it differs.
   */
  details: { grantName?: string; invitedAs?: string; page?: string; scopes?: string[]; validUntil?: string; part?: string; what?: string; format?: string };
}

/** What the caseworker side writes when a caseworker opens the participant's briefing. */
export const CASEWORKER_VIEWED = "caseworker.briefing_viewed";
/** ... and when she opens her messages (the inbox, or one of the participant's conversations). */
export const CASEWORKER_CONVERSATION_VIEWED = "caseworker.conversation_viewed";
/** The caseworker's reads: shown as "Din sagsbehandler", never by name. */
const CASEWORKER_READS = [CASEWORKER_VIEWED, CASEWORKER_CONVERSATION_VIEWED];

/**
 * "Hvem har set mine oplysninger": every relatives.* event about this participant, every time a
 * caseworker read their shared information, and every read by the municipality's case system
 * through the API, newest first. A caseworker's name is never sent, nor which system client read.
 */
export async function accessLog(participantId: string, participantPersonId: string, limit = 300): Promise<AccessLogEntry[]> {
  const database = await db();
  const rows = await listAuditEvents(participantId, { prefixes: ["relatives."], actions: [...CASEWORKER_READS, CASE_SYSTEM_READ, ...MY_DATA_LOG_ACTIONS] }, limit);
  // Who each grant really went to: the account that answered, by its own name.
  const account = alias(persons, "account");
  const grants = await database
    .select({ id: relativeGrants.id, invitedName: relativeGrants.invitedName, firstName: account.firstName, lastName: account.lastName })
    .from(relativeGrants)
    .innerJoin(account, eq(account.id, relativeGrants.relativePersonId))
    .where(eq(relativeGrants.participantId, participantId));
  const realNames = new Map(grants.map((grant) => [grant.id, { account: `${grant.firstName} ${grant.lastName}`, invited: grant.invitedName }]));
  return rows.map((row) => {
    const details = (row.details ?? {}) as Record<string, unknown>;
    const byCaseworker = CASEWORKER_READS.includes(row.action);
    const bySystem = row.action === CASE_SYSTEM_READ ? { municipalityName: typeof details.municipalityName === "string" ? details.municipalityName : "" } : null;
    const real = typeof details.grantId === "string" ? realNames.get(details.grantId) : undefined;
    const typed = typeof details.grantName === "string" ? details.grantName : real?.invited;
    return {
      id: row.id,
      occurredAt: row.occurredAt,
      action: row.action,
      actorName: row.firstName && !byCaseworker && !bySystem ? `${row.firstName} ${row.lastName}` : null,
      byParticipant: !byCaseworker && !bySystem && row.actorPersonId === participantPersonId,
      byCaseworker,
      bySystem,
      details: {
        part: typeof details.part === "string" ? details.part : undefined,
        grantName: real?.account ?? typed,
        invitedAs: real && typed && typed !== real.account ? typed : undefined,
        page: typeof details.page === "string" ? details.page : undefined,
        scopes: Array.isArray(details.scopes) ? (details.scopes as string[]) : undefined,
        validUntil: typeof details.validUntil === "string" ? details.validUntil : undefined,
        what: typeof details.what === "string" ? details.what : undefined,
        format: typeof details.format === "string" ? details.format : undefined,
      },
    };
  });
}

/**
 * One of the participant's own grants as stored, for the change page: null when it is not theirs
 * (or not a grant id); `open` says whether it can still be changed (invited or active, not expired).
 */
export async function grantForChange(participantId: string, grantId: string, now = new Date()) {
  if (!isUuid(grantId)) return null;
  const database = await db();
  const [grant] = await database
    .select()
    .from(relativeGrants)
    .where(and(eq(relativeGrants.id, grantId), eq(relativeGrants.participantId, participantId)));
  if (!grant) return null;
  const open = (grant.status === "invited" || grant.status === "active") && grant.validUntil >= copenhagenDay(now);
  return { ...grant, scopes: grant.scopes as Scope[], open };
}

/**
 * The relative's latest accepted grant for this participant, when it no longer gives access:
 * her first name, why and when. Nothing else of hers. Null when they never held one or it is
 * still active. Read through `portal.ended_access_for_relative` (migration 0009), which answers
 * for the signed-in person only: row-level security no longer shows them her name.
 */
export async function findEndedAccess(relativePersonId: string, participantId: string, now = new Date()): Promise<EndedAccess | null> {
  if (!isUuid(participantId)) return null;
  const database = await db();
  const rows = await database.transaction(async (tx) => {
    // The same person the request already acts as (a savepoint inside the request's transaction).
    await tx.execute(sql`select set_config('minvej.person_id', ${relativePersonId}, true)`);
    return (await tx.execute(sql`select * from portal.ended_access_for_relative(${participantId}::uuid)`)) as unknown as
      | { rows: EndedRow[] }
      | EndedRow[];
  });
  const [row] = Array.isArray(rows) ? rows : rows.rows;
  if (!row) return null;
  const today = copenhagenDay(now);
  const endedDay = row.ended_at ? copenhagenDay(new Date(row.ended_at)) : null;
  const validUntil = typeof row.valid_until === "string" ? row.valid_until : copenhagenDay(new Date(row.valid_until));
  if (row.status === "withdrawn" && endedDay) return { firstName: row.first_name, reason: "withdrawn", day: endedDay };
  if (row.status === "ended_by_relative" && endedDay) return { firstName: row.first_name, reason: "endedByRelative", day: endedDay };
  if (row.status === "active" && validUntil < today) return { firstName: row.first_name, reason: "expired", day: validUntil };
  return null;
}

interface EndedRow {
  first_name: string;
  status: string;
  ended_at: string | Date | null;
  valid_until: string | Date;
}
