import { sql } from "drizzle-orm";
import { db } from "../../../db/client";
import { env } from "../env.server";

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

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
  // Before anyone is signed in, row-level security shows no identities: one answer for one subject
  // (migration 0008).
  const database = await db();
  const [row] = rowsOf<{ person_id: string | null }>(
    await database.execute(sql`select portal.person_for_identity(${provider}, ${subject}) as person_id`),
  );
  return row?.person_id ?? null;
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
  // Before anyone is signed in, row-level security shows no people: the demo identities only, by a
  // function (migration 0008).
  const database = await db();
  const rows = rowsOf<{ key: string; firstName: string; lastName: string; isCaseworker: boolean; programme: "ressourceforloeb" | "jobafklaringsforloeb" | null }>(
    await database.execute(
      sql`select subject as "key", first_name as "firstName", last_name as "lastName", is_caseworker as "isCaseworker", programme from portal.demo_sign_in_people()`,
    ),
  );
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
