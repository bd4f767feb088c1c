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
  if (serverUrl) {
    const name = `minvej_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const template = inject("postgresTemplateDatabase");
    await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
    await admin.end();
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    drop = async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
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
