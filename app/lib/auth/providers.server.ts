import { and, eq } from "drizzle-orm";
import { db } from "../../../db/client";
import { identities, participants, persons } from "../../../db/schema";
import { env } from "../env.server";

/**
 * A way to prove who you are. Routes only talk to this interface, so NemLog-in
 * (OIOSAML 3, MitID at assurance level Substantial or higher) plugs in here later.
 */
export interface IdentityProvider {
  id: string;
  enabled: boolean;
  /** Resolve a verified subject at this provider to a person id, or null (fail closed). */
  resolvePerson(subject: string): Promise<string | null>;
}

async function personForIdentity(provider: string, subject: string): Promise<string | null> {
  const database = await db();
  const [row] = await database
    .select({ personId: identities.personId })
    .from(identities)
    .where(and(eq(identities.provider, provider), eq(identities.subject, subject)));
  return row?.personId ?? null;
}

/** The demo sign-in: lists seeded people. Works only when DEMO_LOGIN=1. */
export const demoProvider: IdentityProvider = {
  id: "demo",
  get enabled() {
    return env.demoLogin;
  },
  async resolvePerson(subject) {
    if (!env.demoLogin) return null;
    return personForIdentity("demo", subject);
  },
};

/** NemLog-in is not configured in this version: it signs nobody in. */
export const nemLoginProvider: IdentityProvider = {
  id: "nemlogin",
  enabled: false,
  async resolvePerson() {
    return null;
  },
};

/** Every sign-in method the portal knows. */
export const identityProviders: readonly IdentityProvider[] = [demoProvider, nemLoginProvider];

/**
 * Is this sign-in method on right now? Asked on every request for the session's method, so that
 * turning a method off (e.g. unsetting DEMO_LOGIN) ends its sessions too. Unknown: no.
 */
export function isProviderEnabled(id: string): boolean {
  return identityProviders.find((provider) => provider.id === id)?.enabled ?? false;
}

export interface DemoPerson {
  key: string;
  name: string;
  role: "participant_ressourceforloeb" | "participant_jobafklaringsforloeb" | "relative" | "caseworker";
}

/** The seeded people shown on the demo sign-in page. Empty unless demo sign-in is on. */
export async function listDemoPeople(): Promise<DemoPerson[]> {
  if (!env.demoLogin) return [];
  const database = await db();
  const rows = await database
    .select({
      key: identities.subject,
      firstName: persons.firstName,
      lastName: persons.lastName,
      isCaseworker: persons.isCaseworker,
      programme: participants.programme,
    })
    .from(identities)
    .innerJoin(persons, eq(persons.id, identities.personId))
    .leftJoin(participants, eq(participants.personId, persons.id))
    .where(eq(identities.provider, "demo"))
    .orderBy(persons.firstName);
  const roleOrder: DemoPerson["role"][] = [
    "participant_ressourceforloeb",
    "participant_jobafklaringsforloeb",
    "relative",
    "caseworker",
  ];
  return rows
    .map((row): DemoPerson => ({
      key: row.key,
      name: `${row.firstName} ${row.lastName}`,
      role: row.programme ? `participant_${row.programme}` : row.isCaseworker ? "caseworker" : "relative",
    }))
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
}
