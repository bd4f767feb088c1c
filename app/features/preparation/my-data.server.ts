import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import { participants, persons } from "../../../db/schema/people";
import { preparationComments, preparationParts, preparationShares } from "../../../db/schema/preparation";

/**
 * Everything the preparation area holds about one participant, for "Mine data" (issue 22): each
 * part with her draft and what she shared (which version, when), every share and withdrawal, and
 * the remarks her relatives wrote on her parts (with the author's first name).
 */
export async function exportPreparationFor(participantId: string) {
  const database = await db();
  const [parts, shares, remarks] = await Promise.all([
    database.select().from(preparationParts).where(eq(preparationParts.participantId, participantId)).orderBy(asc(preparationParts.part)),
    database.select().from(preparationShares).where(eq(preparationShares.participantId, participantId)).orderBy(asc(preparationShares.sharedAt)),
    database
      .select({
        part: preparationParts.part,
        body: preparationComments.body,
        createdAt: preparationComments.createdAt,
        includeWhenShared: preparationComments.includeWhenShared,
        authorFirstName: persons.firstName,
      })
      .from(preparationComments)
      .innerJoin(preparationParts, eq(preparationParts.id, preparationComments.preparationPartId))
      .leftJoin(persons, eq(persons.id, preparationComments.authorPersonId))
      .where(eq(preparationParts.participantId, participantId))
      .orderBy(asc(preparationComments.createdAt)),
  ]);
  return {
    parts: parts.map((part) => ({
      part: part.part,
      status: part.status,
      answers: part.answers,
      updatedAt: part.updatedAt,
      sharedAt: part.sharedAt,
      sharedVersion: part.sharedVersion,
      sharedAnswers: part.sharedAnswers,
    })),
    shares: shares.map((share) => ({ part: share.part, version: share.version, answers: share.answers, sharedAt: share.sharedAt, withdrawnAt: share.withdrawnAt })),
    remarks,
  };
}

export type PreparationExport = Awaited<ReturnType<typeof exportPreparationFor>>;

/** Her parts that were never shared with the municipality: the only ones she may delete herself. */
const neverShared = (participantId: string) =>
  and(
    eq(preparationParts.participantId, participantId),
    isNull(preparationParts.sharedAt),
    notExists(sql`(select 1 from ${preparationShares} where ${preparationShares.preparationPartId} = ${preparationParts.id})`),
  );

/** How many parts she has written in and never shared (what "Mine data" offers to delete). */
export async function countPreparationDrafts(participantId: string): Promise<number> {
  const database = await db();
  const [row] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(preparationParts)
    .where(and(neverShared(participantId), sql`${preparationParts.part} <> 'about_meeting'`, sql`${preparationParts.status} <> 'not_started'`));
  return row?.n ?? 0;
}

/**
 * Deletes the parts she never shared (her drafts, and the remarks on them), in the caller's
 * transaction. A part she has shared stays whole: what the municipality received is a record in
 * her case. Returns how many parts with writing were deleted.
 */
export async function deletePreparationDrafts(tx: Transaction, participantId: string): Promise<number> {
  const deleted = await tx
    .delete(preparationParts)
    .where(and(neverShared(participantId), sql`${preparationParts.part} <> 'about_meeting'`))
    .returning({ status: preparationParts.status });
  return deleted.filter((row) => row.status !== "not_started").length;
}

/**
 * The remarks this person wrote as a relative on anyone's preparation, for her own "Mine data":
 * whose (first name), which part, her words and when. Row-level security shows only those on
 * preparations she may still see.
 */
export async function exportRemarksWrittenBy(personId: string) {
  const database = await db();
  const rows = await database
    .select({
      participantId: preparationParts.participantId,
      part: preparationParts.part,
      body: preparationComments.body,
      createdAt: preparationComments.createdAt,
      includeWhenShared: preparationComments.includeWhenShared,
    })
    .from(preparationComments)
    .innerJoin(preparationParts, eq(preparationParts.id, preparationComments.preparationPartId))
    .where(eq(preparationComments.authorPersonId, personId))
    .orderBy(asc(preparationComments.createdAt));
  const ids = [...new Set(rows.map((row) => row.participantId))];
  const names = ids.length
    ? await database
        .select({ id: participants.id, firstName: persons.firstName, lastName: persons.lastName })
        .from(participants)
        .innerJoin(persons, eq(persons.id, participants.personId))
        .where(inArray(participants.id, ids))
    : [];
  return rows.map(({ participantId, ...row }) => {
    const name = names.find((candidate) => candidate.id === participantId);
    return { ...row, forName: name ? `${name.firstName} ${name.lastName}` : null };
  });
}
