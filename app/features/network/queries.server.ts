import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { mapNested, nestedRow, nestedRows, preparedTogether, type Bound } from "../../../db/nested";
import {
  networkPeople,
  networkSnapshots,
  shareSettings,
} from "../../../db/schema/network";
import { sortPeople, type NetworkPersonView } from "./constants";
import { parseSnapshotPeople, type SnapshotPerson } from "./snapshot";
import { isUuid } from "~/lib/ids";


/** Only a well-formed id reaches the database (anything else is simply "not found"). */
export const isPersonId = isUuid;

type Row = Omit<typeof networkPeople.$inferSelect, "participantId" | "createdAt">;

function toView(row: Row, includeStance: boolean): NetworkPersonView {
  return {
    id: row.id,
    name: row.name,
    relation: row.relation,
    sector: row.sector,
    closeness: row.closeness,
    helpKinds: row.helpKinds,
    stance: includeStance ? row.stance : null,
    contactFrequency: row.contactFrequency,
    note: row.note,
    wantedAtMeeting: row.wantedAtMeeting,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/**
 * The participant's network, sorted by sector, ring and name. `stance` (the participant's
 * private judgement) is left out unless the caller says this viewer may see it: the
 * participant always; a relative only when the participant has granted it (issue 7).
 */
export async function listPeople(
  participantId: string,
  options: { includeStance: boolean },
): Promise<NetworkPersonView[]> {
  const { people } = await readPeople({ participantId });
  return sortPeople(people.map((row) => toView(row, options.includeStance)));
}

/** One person of this participant's network, or null (unknown id, or someone else's). */
export async function getPerson(
  participantId: string,
  personId: string,
): Promise<NetworkPersonView | null> {
  if (!isPersonId(personId)) return null;
  const database = await db();
  const [row] = await database
    .select()
    .from(networkPeople)
    .where(
      and(
        eq(networkPeople.id, personId),
        eq(networkPeople.participantId, participantId),
      ),
    );
  return row ? toView(row, true) : null;
}

export interface ShareState {
  sharedAt: Date | null;
  stanceShared: boolean;
}

export async function getShareState(participantId: string): Promise<ShareState> {
  return (await readShare({ participantId })).share;
}

/** The participant's network people, by name, as a piece of a read (db/nested.ts). */
function peoplePiece(participantId: Bound<string>) {
  return nestedRows(
    {
      id: networkPeople.id,
      name: networkPeople.name,
      relation: networkPeople.relation,
      sector: networkPeople.sector,
      closeness: networkPeople.closeness,
      helpKinds: networkPeople.helpKinds,
      stance: networkPeople.stance,
      contactFrequency: networkPeople.contactFrequency,
      note: networkPeople.note,
      wantedAtMeeting: networkPeople.wantedAtMeeting,
      version: networkPeople.version,
      updatedAt: networkPeople.updatedAt,
    },
    sql`from ${networkPeople} where ${networkPeople.participantId} = ${participantId}`,
    sql`${networkPeople.name}`,
  );
}

/** Whether (and how) the map is shared, as a piece of a read. */
function sharePiece(participantId: Bound<string>) {
  return mapNested(
    nestedRow(
      { sharedAt: shareSettings.networkSharedAt, stanceShared: shareSettings.networkStanceShared },
      sql`from ${shareSettings} where ${shareSettings.participantId} = ${participantId}`,
    ),
    (row): ShareState => ({ sharedAt: row?.sharedAt ?? null, stanceShared: Boolean(row?.sharedAt && row.stanceShared) }),
  );
}

const readPeople = preparedTogether(["participantId"], (values) => ({ people: peoplePiece(values.participantId) }));
const readShare = preparedTogether(["participantId"], (values) => ({ share: sharePiece(values.participantId) }));
/** The map's people and its share state in one statement, built once. */
const readNetwork = preparedTogether(["participantId"], (values) => ({ people: peoplePiece(values.participantId), share: sharePiece(values.participantId) }));

/** The participant's own network with the judgement (`listPeople` with `includeStance`), and whether it is shared. */
export async function getOwnNetwork(participantId: string): Promise<{ people: NetworkPersonView[]; share: ShareState }> {
  const { people, share } = await readNetwork({ participantId });
  return { people: sortPeople(people.map((row) => toView(row, true))), share };
}

export interface SnapshotSummary {
  id: string;
  label: string | null;
  createdAt: Date;
  people: SnapshotPerson[];
}

export async function listSnapshots(
  participantId: string,
): Promise<SnapshotSummary[]> {
  const database = await db();
  const rows = await database
    .select()
    .from(networkSnapshots)
    .where(eq(networkSnapshots.participantId, participantId))
    .orderBy(desc(networkSnapshots.createdAt));
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    createdAt: row.createdAt,
    people: parseSnapshotPeople(row.people),
  }));
}

/**
 * What a caseworker may read of a participant's network: nothing (null) until the participant
 * shares it; the judgement (helps / holds back) only when the participant ticked that too.
 * The caseworker views in the shared schema must follow the same rule.
 */
export async function getSharedNetwork(
  participantId: string,
): Promise<{
  sharedAt: Date;
  stanceShared: boolean;
  people: NetworkPersonView[];
} | null> {
  const share = await getShareState(participantId);
  if (!share.sharedAt) return null;
  const people = await listPeople(participantId, {
    includeStance: share.stanceShared,
  });
  return { sharedAt: share.sharedAt, stanceShared: share.stanceShared, people };
}

/**
 * The network map for the preparation's "Mit netværk": name, relation and whether the participant
 * wants them at the meeting, those wanted first. Never `stance` (the participant's private note).
 */
export async function listPeopleForMeeting(participantId: string) {
  const database = await db();
  return database
    .select({ name: networkPeople.name, relation: networkPeople.relation, wantedAtMeeting: networkPeople.wantedAtMeeting })
    .from(networkPeople)
    .where(eq(networkPeople.participantId, participantId))
    .orderBy(desc(networkPeople.wantedAtMeeting), asc(networkPeople.createdAt));
}
