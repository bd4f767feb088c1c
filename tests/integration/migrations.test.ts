import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { persons } from "../../db/schema";
import { seedDemoData } from "../../db/seed-data";
import journal from "../../db/migrations/meta/_journal.json";
import { createTestDatabase, serverUrl } from "../support/db";

describe("migrations and demo data", () => {
  it("puts every table in the portal schema", async () => {
    const database = await createTestDatabase({ seed: false });
    try {
      const result = await database.db.execute<{ table_schema: string }>(
        sql`select distinct table_schema from information_schema.tables where table_type = 'BASE TABLE' and table_name in ('persons','plans','appointments','auth_sessions','audit_events')`,
      );
      const rows = (result as unknown as { rows?: { table_schema: string }[] }).rows ?? (result as unknown as { table_schema: string }[]);
      expect(rows.map((r) => r.table_schema)).toEqual(["portal"]);
    } finally {
      await database.dispose();
    }
  });

  it("seeds the demo people once, however often it runs", async () => {
    const database = await createTestDatabase({ seed: false });
    try {
      await seedDemoData(database.db);
      await seedDemoData(database.db);
      const keys = await database.db.select({ key: persons.demoKey }).from(persons);
      expect(keys.map((k) => k.key).sort()).toEqual(["ali", "anders", "jonas", "mette", "nanna", "sara"]);
    } finally {
      await database.dispose();
    }
  });

  it.skipIf(!serverUrl)("two processes starting at once migrate once, under the advisory lock (real Postgres)", async () => {
    // An empty database, not the run's migrated template: a migrated one is not migrated again.
    const name = `minvej_lock_${Math.random().toString(16).slice(2, 10)}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    try {
      const base = new URL(serverUrl!);
      base.pathname = `/${name}`;
      const [a, b] = await Promise.all([openDatabase({ url: base.toString() }), openDatabase({ url: base.toString() })]);
      const applied = await a.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect((applied as unknown as { n: number }[])[0]!.n).toBe(journal.entries.length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

if (!serverUrl) console.log("migrations.test: the advisory-lock test needs real Postgres (TEST_DATABASE_URL); skipped on PGlite.");
