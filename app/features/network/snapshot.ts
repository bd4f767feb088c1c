import { byDanishName } from "~/lib/dates";
import {
  CLOSENESS,
  SECTORS,
  STANCES,
  type Closeness,
  type Sector,
  type Stance,
} from "./constants";

/** The network as it is now, the "Nu" choice of a comparison (`?til=nu`). */
export const NOW = "nu";

/** One person as a snapshot froze them (network_snapshots.people is an array of these). */
export interface SnapshotPerson {
  id: string;
  name: string;
  relation: string | null;
  sector: Sector;
  closeness: Closeness;
  helpKinds: string[];
  stance: Stance;
  contactFrequency: string | null;
  wantedAtMeeting: boolean;
}

function oneOf<T extends string>(
  values: readonly T[],
  value: unknown,
  fallback: T,
): T {
  return (values as readonly unknown[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Reads a stored snapshot defensively: an unknown field never breaks the page. */
export function parseSnapshotPeople(value: unknown): SnapshotPerson[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): SnapshotPerson[] => {
    if (!item || typeof item !== "object") return [];
    const p = item as Record<string, unknown>;
    if (typeof p.id !== "string" || typeof p.name !== "string") return [];
    return [
      {
        id: p.id,
        name: p.name,
        relation: typeof p.relation === "string" ? p.relation : null,
        sector: oneOf(SECTORS, p.sector, "friends"),
        closeness: oneOf(CLOSENESS, p.closeness, "middle"),
        helpKinds: Array.isArray(p.helpKinds)
          ? p.helpKinds.filter((k): k is string => typeof k === "string")
          : [],
        stance: oneOf(STANCES, p.stance, "helps"),
        contactFrequency:
          typeof p.contactFrequency === "string" ? p.contactFrequency : null,
        wantedAtMeeting: p.wantedAtMeeting === true,
      },
    ];
  });
}

export type NetworkChange =
  | { kind: "added"; name: string; person: SnapshotPerson }
  | { kind: "removed"; name: string; person: SnapshotPerson }
  | { kind: "closeness"; name: string; from: Closeness; to: Closeness }
  | { kind: "sector"; name: string; from: Sector; to: Sector }
  | { kind: "stance"; name: string; from: Stance; to: Stance }
  | { kind: "wanted"; name: string; to: boolean }
  | { kind: "helpKinds"; name: string; from: string[]; to: string[] }
  | { kind: "relation"; name: string; from: string | null; to: string | null }
  | { kind: "renamed"; name: string; from: string };

/**
 * What changed from one network to a later one, person by person (matched by id), in the
 * order a person reads it: who came, who left, then what moved for each of the others.
 */
export function compareNetworks(
  before: SnapshotPerson[],
  after: SnapshotPerson[],
): NetworkChange[] {
  const beforeById = new Map(before.map((p) => [p.id, p]));
  const afterById = new Map(after.map((p) => [p.id, p]));
  const byName = (a: { name: string }, b: { name: string }) =>
    byDanishName(a.name, b.name);
  const changes: NetworkChange[] = [];
  for (const person of [...after].sort(byName)) {
    if (!beforeById.has(person.id))
      changes.push({ kind: "added", name: person.name, person });
  }
  for (const person of [...before].sort(byName)) {
    if (!afterById.has(person.id))
      changes.push({ kind: "removed", name: person.name, person });
  }
  for (const now of [...after].sort(byName)) {
    const then = beforeById.get(now.id);
    if (!then) continue;
    const name = now.name;
    if (then.name !== now.name)
      changes.push({ kind: "renamed", name, from: then.name });
    if (then.closeness !== now.closeness)
      changes.push({
        kind: "closeness",
        name,
        from: then.closeness,
        to: now.closeness,
      });
    if (then.sector !== now.sector)
      changes.push({ kind: "sector", name, from: then.sector, to: now.sector });
    if (then.stance !== now.stance)
      changes.push({ kind: "stance", name, from: then.stance, to: now.stance });
    if (then.wantedAtMeeting !== now.wantedAtMeeting)
      changes.push({ kind: "wanted", name, to: now.wantedAtMeeting });
    if ((then.relation ?? "") !== (now.relation ?? ""))
      changes.push({
        kind: "relation",
        name,
        from: then.relation,
        to: now.relation,
      });
    if (
      [...then.helpKinds].sort().join("|") !==
      [...now.helpKinds].sort().join("|")
    ) {
      changes.push({
        kind: "helpKinds",
        name,
        from: then.helpKinds,
        to: now.helpKinds,
      });
    }
  }
  return changes;
}
