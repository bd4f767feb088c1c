import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { planProposals } from "../../../db/schema/proposals";
import { isUuid } from "~/lib/ids";
import { cwApiProposals, cwPortalParticipants, cwPortalProposals } from "./views.server";
import type { OwnProposal, CaseworkerProposal } from "./view";

/** Her own proposals, newest first (withdrawn ones too: she sees what she took back). */
export async function listOwnProposals(participantId: string): Promise<OwnProposal[]> {
  const database = await db();
  return database
    .select({
      id: planProposals.id,
      kind: planProposals.kind,
      title: planProposals.title,
      why: planProposals.why,
      whenText: planProposals.whenText,
      howMuch: planProposals.howMuch,
      status: planProposals.status,
      version: planProposals.version,
      createdAt: planProposals.createdAt,
      decidedAt: planProposals.decidedAt,
      decidedByName: planProposals.decidedByName,
      planTitle: planProposals.planTitle,
      planDetail: planProposals.planDetail,
      planVersion: planProposals.planVersion,
      declineReason: planProposals.declineReason,
      withdrawnAt: planProposals.withdrawnAt,
    })
    .from(planProposals)
    .where(eq(planProposals.participantId, participantId))
    .orderBy(desc(planProposals.createdAt), desc(planProposals.id));
}

/** The participant when the signed-in caseworker is her coordinating caseworker; else null (404). */
export async function findCoordinated(caseworkerPersonId: string, participantId: string | undefined) {
  if (!participantId || !isUuid(participantId)) return null;
  const database = await db();
  const [row] = await database
    .select({ participantId: cwPortalParticipants.participantId, firstName: cwPortalParticipants.firstName, lastName: cwPortalParticipants.lastName })
    .from(cwPortalParticipants)
    .where(and(eq(cwPortalParticipants.participantId, participantId), eq(cwPortalParticipants.coordinatingCaseworkerPersonId, caseworkerPersonId)));
  return row ? { id: row.participantId, firstName: row.firstName, name: `${row.firstName} ${row.lastName}` } : null;
}

const waitingFirst = sql`case when ${cwPortalProposals.status} = 'waiting' then 0 else 1 end`;

/** Her proposals as her coordinating caseworker reads them (the view: never a withdrawn one); waiting first. */
export async function proposalsForCaseworker(participantId: string): Promise<CaseworkerProposal[]> {
  const database = await db();
  return database
    .select()
    .from(cwPortalProposals)
    .where(eq(cwPortalProposals.participantId, participantId))
    .orderBy(asc(waitingFirst), desc(cwPortalProposals.createdAt));
}

/** One proposal of hers, as the caseworker reads it. */
export async function proposalForCaseworker(participantId: string, proposalId: string | undefined): Promise<CaseworkerProposal | null> {
  if (!proposalId || !isUuid(proposalId)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(cwPortalProposals)
    .where(and(eq(cwPortalProposals.participantId, participantId), eq(cwPortalProposals.proposalId, proposalId)));
  return row ?? null;
}

/** Her proposals as the case system reads them (caseworker_api), newest first. */
export async function proposalsForCaseSystem(participantId: string) {
  const database = await db();
  return database.select().from(cwApiProposals).where(eq(cwApiProposals.participantId, participantId)).orderBy(desc(cwApiProposals.createdAt));
}

export async function proposalForCaseSystem(participantId: string, proposalId: string | undefined) {
  if (!proposalId || !isUuid(proposalId)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(cwApiProposals)
    .where(and(eq(cwApiProposals.participantId, participantId), eq(cwApiProposals.proposalId, proposalId)));
  return row ?? null;
}
