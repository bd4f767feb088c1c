/**
 * Seeds the demo people (Mette, Ali, Nanna, Jonas, Sara, Anders) into the database. Safe to run again:
 * nothing changes when the demo data is already there.
 *
 *   npx tsx db/seed.ts                                  # the embedded PGlite in ./.data
 *   DATABASE_URL=postgres://... npx tsx db/seed.ts      # a Postgres server
 */
import { eq, sql } from "drizzle-orm";
import { openDatabase, type Database } from "./client";
import { appointments, participants, persons } from "./schema";
import { seedDemoData } from "./seed-data";

const handle = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR || "./.data",
});

try {
  const alreadySeeded = await hasDemoData(handle.db);
  await seedDemoData(handle.db);
  if (alreadySeeded) {
    console.log(`Demo data already present in ${handle.kind}; nothing changed.`);
  } else {
    const count = async (table: typeof persons | typeof participants | typeof appointments) =>
      (await handle.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
    console.log(
      `Seeded demo data into ${handle.kind}: ${await count(persons)} persons, ` +
        `${await count(participants)} participants, ${await count(appointments)} appointments ` +
        `(sign in as mette, ali, nanna, jonas, sara or anders).`,
    );
  }
} catch (error) {
  console.error("Seeding failed:", error);
  process.exitCode = 1;
} finally {
  await handle.close();
}

async function hasDemoData(db: Database): Promise<boolean> {
  const rows = await db.select({ id: persons.id }).from(persons).where(eq(persons.demoKey, "mette"));
  return rows.length > 0;
}
