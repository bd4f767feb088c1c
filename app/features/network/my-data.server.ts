import { asc, eq, sql } from "drizzle-orm";
import { db, rowsOf, type Transaction } from "../../../db/client";
import { networkPeople, networkSnapshots, shareSettings } from "../../../db/schema/network";

/**
 * Everything the network area holds about one participant, for "Mine data" (issue 22): every
 * person on her map with her own judgement (helps / holds back) and her notes, the saved copies
 * of the map ("snapshots"), and what she shares with the caseworker (the network; the CV's share
 * time lives in the same row and is given here too).
 */
export async function exportNetworkFor(participantId: string) {
  const database = await db();
  const [people, snapshots, [share]] = await Promise.all([
    database.select().from(networkPeople).where(eq(networkPeople.participantId, participantId)).orderBy(asc(networkPeople.sector), asc(networkPeople.name)),
    database.select().from(networkSnapshots).where(eq(networkSnapshots.participantId, participantId)).orderBy(asc(networkSnapshots.createdAt)),
    database.select().from(shareSettings).where(eq(shareSettings.participantId, participantId)),
  ]);
  return {
    people: people.map((person) => ({
      name: person.name,
      relation: person.relation,
      sector: person.sector,
      closeness: person.closeness,
      helpKinds: person.helpKinds,
      stance: person.stance,
      contactFrequency: person.contactFrequency,
      note: person.note,
      wantedAtMeeting: person.wantedAtMeeting,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    })),
    snapshots: snapshots.map((snapshot) => ({ label: snapshot.label, createdAt: snapshot.createdAt, people: snapshot.people })),
    sharing: {
      networkSharedAt: share?.networkSharedAt ?? null,
      stanceShared: share?.networkStanceShared ?? false,
      cvSharedAt: share?.cvSharedAt ?? null,
    },
  };
}

export type NetworkExport = Awaited<ReturnType<typeof exportNetworkFor>>;

/** How many people and saved copies her map holds (what "Mine data" offers to delete). */
export async function countNetwork(participantId: string): Promise<number> {
  const database = await db();
  const [row] = rowsOf<{ n: number | string }>(
    await database.execute(sql`
      select (select count(*) from ${networkPeople} where ${networkPeople.participantId} = ${participantId})
           + (select count(*) from ${networkSnapshots} where ${networkSnapshots.participantId} = ${participantId}) as n`),
  );
  return Number(row?.n ?? 0);
}

/**
 * Deletes her network map and its saved copies in the caller's transaction. The caseworker sees
 * the map only live, while she shares it, and keeps no copy here: afterwards there is nothing to
 * see. Her share choice is left as it is.
 */
export async function deleteNetwork(tx: Transaction, participantId: string): Promise<void> {
  await tx.delete(networkPeople).where(eq(networkPeople.participantId, participantId));
  await tx.delete(networkSnapshots).where(eq(networkSnapshots.participantId, participantId));
}
