import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../../db/client";
import { env } from "../env.server";
import type { programmeEnum } from "../../../db/schema/people";


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

/**
 * MitID through NemLog-in (OIOSAML 3), or the test identity provider in its place: on when
 * configured. Its sign-in is the SAML flow in features/account/nemlogin; a verified assertion
 * names the person by NemLog-in person UUID or CPR number (portal.person_for_nemlogin), never by
 * a subject typed into a form, so `resolvePerson` answers only for an identity already bound.
 */
export const nemLoginProvider: IdentityProvider = {
  id: "nemlogin",
  get enabled() {
    return env.nemLogIn !== null;
  },
  async resolvePerson(subject) {
    if (!env.nemLogIn) return null;
    return personForIdentity("nemlogin", subject);
  },
};

/**
 * The municipality's own identity provider for caseworkers (OpenID Connect): on when configured.
 * Its subject is the id_token's `sub`, bound to a caseworker by the jobcentre (portal.identities).
 */
export const caseworkerProvider: IdentityProvider = {
  id: "kommune",
  get enabled() {
    return env.caseworkerOidc !== null;
  },
  async resolvePerson(subject) {
    if (!env.caseworkerOidc) return null;
    return personForIdentity("kommune", subject);
  },
};

/** Every sign-in method the portal knows. */
export const identityProviders: readonly IdentityProvider[] = [demoProvider, nemLoginProvider, caseworkerProvider];

/**
 * Is this sign-in method on right now? Asked on every request for the session's method, so that
 * turning a method off (e.g. unsetting DEMO_LOGIN) ends its sessions too. Unknown: no.
 */
export function isProviderEnabled(id: string): boolean {
  return identityProviders.find((provider) => provider.id === id)?.enabled ?? false;
}

type Programme = (typeof programmeEnum.enumValues)[number];

export interface DemoPerson {
  key: string;
  name: string;
  role: `participant_${Programme}` | "relative" | "caseworker";
}

/** The seeded people shown on the demo sign-in page. Empty unless demo sign-in is on. */
export async function listDemoPeople(): Promise<DemoPerson[]> {
  if (!env.demoLogin) return [];
  // Before anyone is signed in, row-level security shows no people: the demo identities only, by a
  // function (migration 0008).
  const database = await db();
  const rows = rowsOf<{ key: string; firstName: string; lastName: string; isCaseworker: boolean; programme: Programme | null }>(
    await database.execute(
      sql`select subject as "key", first_name as "firstName", last_name as "lastName", is_caseworker as "isCaseworker", programme from portal.demo_sign_in_people()`,
    ),
  );
  const roleOrder: DemoPerson["role"][] = [
    "participant_ressourceforloeb",
    "participant_jobafklaringsforloeb",
    "participant_kontaktforloeb",
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
