import { and, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { db, type Transaction } from "../../../db/client";
import {
  networkPeople,
  networkSnapshots,
  shareSettings,
} from "../../../db/schema/network";
import { recordAudit } from "~/lib/audit.server";
import { sortPeople, type NetworkPersonView } from "./constants";
import { getPerson, isPersonId } from "./queries.server";
import type { PersonInput } from "./schema";
import { parseSnapshotPeople, type SnapshotPerson } from "./snapshot";
import type { Actor } from "~/lib/actor.server";

/** Who is acting: always taken from the session, never from the form. */
export type { Actor };

type PersonFields = Omit<PersonInput, "intent" | "version">;

function columns(input: PersonFields) {
  return {
    name: input.name,
    relation: input.relation || null,
    sector: input.sector,
    closeness: input.closeness,
    helpKinds: input.helpKinds,
    stance: input.stance,
    contactFrequency: input.contactFrequency || null,
    note: input.note || null,
    wantedAtMeeting: input.wantedAtMeeting,
  };
}

function audit(
  tx: Transaction,
  actor: Actor,
  action: string,
  details: Record<string, unknown>,
) {
  // Ids and choices only: never a name or a note the person wrote.
  return recordAudit(tx, {
    actorPersonId: actor.personId,
    participantId: actor.participantId,
    action,
    details,
    requestId: actor.requestId ?? null,
  });
}

/** The same person posted twice within this window is one person (a double click, a resent form). */
const DUPLICATE_WINDOW_SECONDS = 60;

export async function addPerson(
  actor: Actor,
  input: PersonFields,
): Promise<{ id: string; duplicate: boolean }> {
  const database = await db();
  return database.transaction(async (tx) => {
    // Serialises two submits of the same form, so the duplicate check below is reliable.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`network:${actor.participantId}`}))`,
    );
    const values = columns(input);
    const [recent] = await tx
      .select({ id: networkPeople.id })
      .from(networkPeople)
      .where(
        and(
          eq(networkPeople.participantId, actor.participantId),
          eq(networkPeople.name, values.name),
          eq(networkPeople.sector, values.sector),
          eq(networkPeople.closeness, values.closeness),
          sql`${networkPeople.note} is not distinct from ${values.note}`,
          gt(
            networkPeople.createdAt,
            sql`now() - make_interval(secs => ${DUPLICATE_WINDOW_SECONDS})`,
          ),
        ),
      )
      .limit(1);
    if (recent) return { id: recent.id, duplicate: true };
    const [row] = await tx
      .insert(networkPeople)
      .values({ participantId: actor.participantId, ...values })
      .returning({ id: networkPeople.id });
    await audit(tx, actor, "network.person_added", {
      networkPersonId: row!.id,
      sector: values.sector,
      closeness: values.closeness,
      wantedAtMeeting: values.wantedAtMeeting,
    });
    return { id: row!.id, duplicate: false };
  });
}

export type UpdateResult =
  | { status: "saved"; version: number }
  | { status: "conflict"; saved: NetworkPersonView }
  | { status: "not_found" };

function sameAsSaved(saved: NetworkPersonView, input: PersonFields): boolean {
  const values = columns(input);
  return (
    saved.name === values.name &&
    saved.relation === values.relation &&
    saved.sector === values.sector &&
    saved.closeness === values.closeness &&
    saved.stance === values.stance &&
    saved.contactFrequency === values.contactFrequency &&
    saved.note === values.note &&
    saved.wantedAtMeeting === values.wantedAtMeeting &&
    saved.helpKinds.join("|") === values.helpKinds.join("|")
  );
}

/**
 * Saves a change to one person. `version` is the version the form was loaded with: if someone
 * (another tab) saved in between, nothing is overwritten and the caller gets the saved person
 * back to show next to what was typed. Saving exactly what is saved is not a conflict.
 */
export async function updatePerson(
  actor: Actor,
  id: string,
  input: PersonFields,
  version: number,
): Promise<UpdateResult> {
  if (!isPersonId(id)) return { status: "not_found" };
  const database = await db();
  const result = await database.transaction(async (tx) => {
    const written = await tx
      .update(networkPeople)
      .set({
        ...columns(input),
        version: sql`${networkPeople.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(networkPeople.id, id),
          eq(networkPeople.participantId, actor.participantId),
          eq(networkPeople.version, version),
        ),
      )
      .returning({
        version: networkPeople.version,
        sector: networkPeople.sector,
        closeness: networkPeople.closeness,
      });
    if (!written[0]) return null;
    await audit(tx, actor, "network.person_changed", {
      networkPersonId: id,
      version: written[0].version,
      sector: written[0].sector,
      closeness: written[0].closeness,
    });
    return { status: "saved", version: written[0].version } as const;
  });
  if (result) return result;
  const saved = await getPerson(actor.participantId, id);
  if (!saved) return { status: "not_found" };
  if (sameAsSaved(saved, input))
    return { status: "saved", version: saved.version };
  return { status: "conflict", saved };
}

/** Removes a person from the map. Returns false when there was no such person (or not this participant's). */
export async function removePerson(actor: Actor, id: string): Promise<boolean> {
  if (!isPersonId(id)) return false;
  const database = await db();
  return database.transaction(async (tx) => {
    const removed = await tx
      .delete(networkPeople)
      .where(
        and(
          eq(networkPeople.id, id),
          eq(networkPeople.participantId, actor.participantId),
        ),
      )
      .returning({
        id: networkPeople.id,
        wantedAtMeeting: networkPeople.wantedAtMeeting,
      });
    if (!removed[0]) return false;
    await audit(tx, actor, "network.person_removed", {
      networkPersonId: id,
      wasWantedAtMeeting: removed[0].wantedAtMeeting,
    });
    return true;
  });
}

/** Two snapshots hold the same people with the same details (order does not matter). */
export function samePeople(a: SnapshotPerson[], b: SnapshotPerson[]): boolean {
  const key = (people: SnapshotPerson[]) =>
    JSON.stringify(
      [...people]
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
        .map((p) => [p.id, p.name, p.relation, p.sector, p.closeness, [...p.helpKinds].sort(), p.stance, p.contactFrequency, p.wantedAtMeeting]),
    );
  return key(a) === key(b);
}

/**
 * "Gem, hvordan mit netværk ser ud nu": freezes everyone as they are (notes are not kept).
 * When nothing has changed since the latest saved snapshot, no second copy is stored
 * (`unchanged: true`, with the latest one's id): two identical versions only confuse.
 */
export async function saveSnapshot(
  actor: Actor,
  label: string | null,
  now = new Date(),
): Promise<{ id: string; unchanged: boolean }> {
  const database = await db();
  return database.transaction(async (tx) => {
    // One save at a time per participant, so a double click cannot store two copies either.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`network-snapshot:${actor.participantId}`}))`,
    );
    const rows = await tx
      .select()
      .from(networkPeople)
      .where(eq(networkPeople.participantId, actor.participantId));
    const people: SnapshotPerson[] = sortPeople(rows).map((row) => ({
      id: row.id,
      name: row.name,
      relation: row.relation,
      sector: row.sector,
      closeness: row.closeness,
      helpKinds: row.helpKinds,
      stance: row.stance,
      contactFrequency: row.contactFrequency,
      wantedAtMeeting: row.wantedAtMeeting,
    }));
    const [latest] = await tx
      .select({ id: networkSnapshots.id, people: networkSnapshots.people })
      .from(networkSnapshots)
      .where(eq(networkSnapshots.participantId, actor.participantId))
      .orderBy(desc(networkSnapshots.createdAt), desc(networkSnapshots.id))
      .limit(1);
    if (latest && samePeople(parseSnapshotPeople(latest.people), people)) {
      return { id: latest.id, unchanged: true };
    }
    const [snapshot] = await tx
      .insert(networkSnapshots)
      .values({
        participantId: actor.participantId,
        label: label || null,
        people,
        createdAt: now,
      })
      .returning({ id: networkSnapshots.id });
    await audit(tx, actor, "network.snapshot_saved", {
      snapshotId: snapshot!.id,
      people: people.length,
    });
    return { id: snapshot!.id, unchanged: false };
  });
}

/**
 * The share switch. Sharing stamps the time (shown to the participant and the caseworker);
 * sharing again while shared keeps the first time but updates whether the judgement is included.
 */
export async function setSharing(
  actor: Actor,
  share: boolean,
  includeStance: boolean,
): Promise<void> {
  const database = await db();
  await database.transaction(async (tx) => {
    const values = share
      ? {
          networkSharedAt: sql`coalesce(${shareSettings.networkSharedAt}, now())`,
          networkStanceShared: includeStance,
        }
      : { networkSharedAt: null, networkStanceShared: false };
    await tx
      .insert(shareSettings)
      .values({
        participantId: actor.participantId,
        networkSharedAt: share ? sql`now()` : null,
        networkStanceShared: share && includeStance,
      })
      .onConflictDoUpdate({ target: shareSettings.participantId, set: values });
    await audit(
      tx,
      actor,
      share ? "network.shared" : "network.sharing_stopped",
      { includeStance: share && includeStance },
    );
  });
}

/**
 * Shares or stops sharing only the judgement (helps / holds back) while the map is shared; the
 * shared time stays. Returns false (and changes nothing) when the map is not shared: sharing the
 * judgement never shares the map by itself.
 */
export async function setStanceSharing(
  actor: Actor,
  includeStance: boolean,
): Promise<boolean> {
  const database = await db();
  return database.transaction(async (tx) => {
    const updated = await tx
      .update(shareSettings)
      .set({ networkStanceShared: includeStance })
      .where(
        and(
          eq(shareSettings.participantId, actor.participantId),
          isNotNull(shareSettings.networkSharedAt),
        ),
      )
      .returning({ participantId: shareSettings.participantId });
    if (updated.length === 0) return false;
    await audit(
      tx,
      actor,
      includeStance ? "network.stance_shared" : "network.stance_sharing_stopped",
      { includeStance },
    );
    return true;
  });
}
