import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, useDatabase, type DatabaseHandle } from "../../db/client";
import { seedDemoData } from "../../db/seed-data";

/** Set by `npm run test:postgres`; otherwise the suite runs on an in-memory PGlite. */
export const serverUrl = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase extends DatabaseHandle {
  /** Drops the temporary database (Postgres) and closes connections. */
  dispose(): Promise<void>;
}

let pgliteTemplate: Blob | undefined;

/** The run's migrated database (tests/support/global-setup.ts), read once per test file. */
function migratedPglite(): Blob | undefined {
  const file = inject("pgliteTemplateFile");
  if (!file) return undefined;
  pgliteTemplate ??= new Blob([readFileSync(file)]);
  return pgliteTemplate;
}

/**
 * A fresh, migrated, seeded database for one test file, installed as the app's database.
 * It is a copy of the run's migrated template. On Postgres every file gets its own database,
 * created here from the template and dropped afterwards.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  let url: string | undefined;
  let drop = async () => {};
  if (serverUrl) ({ ownerUrl: url, drop } = await createPostgresDatabase("minvej_test"));
  const handle = await openDatabase(url ? { url } : { dataDir: "memory://", loadDataDir: migratedPglite() });
  if (options.seed !== false) await seedDemoData(handle.db);
  useDatabase(handle);
  // Object.assign, not a spread: the Postgres handle's `db` is a getter (its pool can be replaced).
  return Object.assign(handle, {
    async dispose() {
      useDatabase(undefined);
      await handle.close();
      await drop();
    },
  });
}

export interface PostgresDatabase {
  name: string;
  /** The connection string of the schema owner (the test server's own user). */
  ownerUrl: string;
  /** The same database as `portal_app`, the role row-level security binds (as production runs). */
  appUrl: string;
  /** Drops it, even with connections still open. */
  drop(): Promise<void>;
}

/**
 * A database of its own on the test server (TEST_DATABASE_URL): a copy of the run's migrated
 * template (tests/support/global-setup.ts), or empty with `{ template: false }`.
 */
export async function createPostgresDatabase(prefix: string, options: { template?: boolean } = {}): Promise<PostgresDatabase> {
  if (!serverUrl) throw new Error("createPostgresDatabase needs TEST_DATABASE_URL (npm run test:postgres).");
  const admin = serverUrl;
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const template = options.template === false ? undefined : inject("postgresTemplateDatabase");
  const connection = postgres(admin, { max: 1, onnotice: () => {} });
  await connection.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  await connection.end();
  const owner = new URL(admin);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = "portal_app";
  app.password = "";
  return {
    name,
    ownerUrl: owner.toString(),
    appUrl: app.toString(),
    async drop() {
      const cleanup = postgres(admin, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
