import type { Actor } from "~/lib/actor.server";
import { saveSnapshot, setSharing, setStanceSharing } from "./commands.server";
import { getOwnNetwork, listPeople, listSnapshots } from "./queries.server";
import { compareSchema, networkNotice, shareNotice, snapshotNotice, type shareSchema } from "./schema";
import { asShared } from "./SharedPeople";
import { compareNetworks, NOW, type NetworkChange, type SnapshotPerson } from "./snapshot";
import type { z } from "~/lib/zod";

/** What the pages of the network area read for the signed-in participant (loaders stay thin). */

/** /netvaerk: the map, the list and whether (and how) it is shared. */
export async function networkPage(participantId: string, firstName: string, url: URL) {
  const { people, share } = await getOwnNetwork(participantId);
  return { people, share, firstName, notice: networkNotice.parse(url.searchParams.get("gemt")) };
}

/** /netvaerk/kort and /netvaerk/udskriv: everyone, with the judgement (the participant's own pages). */
export async function mapPage(participantId: string, firstName: string) {
  const people = await listPeople(participantId, { includeStance: true });
  return { people, firstName };
}

/**
 * /netvaerk/del: exactly what the caseworker reads (`asShared` drops the note before the page
 * gets the data) and the share state.
 */
export async function sharePage(participantId: string, url: URL) {
  const { people, share } = await getOwnNetwork(participantId);
  return { people: people.map(asShared), share, notice: shareNotice.parse(url.searchParams.get("gemt")) };
}

/**
 * The share switch. Sharing names the people on the map to the municipality; the judgement goes
 * along only with its own box (`includeStance`) or, while shared, its own button
 * (`share-stance`). Never by default, and never on its own while the map is not shared.
 * Returns what the page then says (`?gemt=`).
 */
export async function switchSharing(actor: Actor, value: z.output<typeof shareSchema>) {
  const { intent } = value;
  if (intent === "share-stance" || intent === "stop-stance") {
    const include = intent === "share-stance";
    const changed = await setStanceSharing(actor, include);
    // Not shared (another tab stopped it): the judgement is never shared on its own.
    if (!changed) return "uaendret";
    return include ? "vurdering-delt" : "vurdering-stoppet";
  }
  const share = intent === "share";
  await setSharing(actor, share, share && value.includeStance);
  return share ? "delt" : "stoppet";
}

/**
 * /netvaerk/tidligere: the saved snapshots, and (GET `?fra=&til=`) the changes from one to the
 * other, where either may be "now". Two equal or unknown choices are an error on the page.
 */
export async function snapshotsPage(participantId: string, url: URL) {
  const [snapshots, current] = await Promise.all([
    listSnapshots(participantId),
    listPeople(participantId, { includeStance: true }),
  ]);
  const query = compareSchema.parse({
    from: url.searchParams.get("fra") ?? undefined,
    to: url.searchParams.get("til") ?? undefined,
  });
  const currentPeople: SnapshotPerson[] = current.map((p) => ({ ...p, stance: p.stance ?? "helps" }));
  const pick = (id: string | undefined) =>
    id === NOW ? { id: NOW, people: currentPeople } : (snapshots.find((s) => s.id === id) ?? null);
  let comparison: { fromId: string; toId: string; changes: NetworkChange[] } | null = null;
  let compareError = false;
  if (query.from || query.to) {
    const from = pick(query.from);
    const to = pick(query.to);
    if (from && to && from.id !== to.id) {
      comparison = { fromId: from.id, toId: to.id, changes: compareNetworks(from.people, to.people) };
    } else {
      compareError = true;
    }
  }
  const saved = snapshotNotice.parse(url.searchParams.get("gemt"));
  return {
    snapshots: snapshots.map((s) => ({ id: s.id, createdAt: s.createdAt, count: s.people.length })),
    comparison,
    compareError,
    query,
    saved: saved === "1",
    // Nothing had changed since the latest saved version, so no copy was stored.
    unchanged: saved === "uaendret" && snapshots.length > 0,
  };
}

/** "Gem, hvordan mit netværk ser ud nu"; returns where the page goes next. */
export async function saveSnapshotNow(actor: Actor) {
  const { unchanged } = await saveSnapshot(actor, null);
  return `/netvaerk/tidligere?gemt=${unchanged ? "uaendret" : "1"}`;
}
