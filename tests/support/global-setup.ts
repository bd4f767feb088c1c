import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a migrated, empty data directory (a tar file) that every test file starts from. */
    pgliteTemplateFile: string;
    /** PGlite: a migrated, empty data directory on disk, for the test servers (DATA_DIR). */
    pgliteTemplateDataDir: string;
    /** Postgres: a migrated, empty database that every test file's database is copied from. */
    postgresTemplateDatabase: string;
  }
}

/**
 * Migrates one database per run, so that each test file copies it instead of migrating its own
 * (migrating an in-memory PGlite takes seconds; copying it, a fraction). Migrating from nothing
 * is still checked: here, on every run, before any test starts.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `minvej_template_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    const handle = await openDatabase({ url: target.toString() });
    await handle.close();
    project.provide("postgresTemplateDatabase", name);
    project.provide("pgliteTemplateFile", "");
    project.provide("pgliteTemplateDataDir", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }

  const folder = mkdtempSync(path.join(tmpdir(), "minvej-vitest-"));
  const file = path.join(folder, "migrated.tar");
  const handle = await openDatabase({ dataDir: "memory://" });
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  writeFileSync(file, new Uint8Array(await dump.arrayBuffer()), { mode: 0o600 });
  await handle.close();
  const dataDir = path.join(folder, "data");
  await (await openDatabase({ dataDir })).close();
  project.provide("pgliteTemplateFile", file);
  project.provide("pgliteTemplateDataDir", dataDir);
  project.provide("postgresTemplateDatabase", "");
  return () => rmSync(folder, { recursive: true, force: true });
}
