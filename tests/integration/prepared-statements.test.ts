import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant } from "../../db/builders";
import { rowsOf, shouldPrepare } from "../../db/client";
import { persons } from "../../db/schema";
import { createTestDatabase, serverUrl, type TestDatabase } from "../support/db";

// Issue 21: drizzle sends its statements unnamed, and postgres.js asks the server to describe an
// unnamed statement before it sends the values: two round trips a statement. db/client.ts makes
// them named prepared statements (one round trip from a text's second use on a connection); after
// five runs Postgres may keep a generic plan. Only a Postgres server has prepared statements and plan
// settings; PGlite runs in the process, without round trips.

if (!serverUrl) console.info("prepared-statements: skipped, it needs a real Postgres server (TEST_DATABASE_URL).");

describe("which statements are prepared", () => {
  it("not a text whose list of values has three or more (a new text for every length), but a pair and a plain statement", () => {
    expect(shouldPrepare('select "id" from "portal"."persons" where "portal"."persons"."id" in ($1, $2, $3)')).toBe(false);
    expect(shouldPrepare('select "id" from "portal"."persons" where "portal"."persons"."id" in ($1, $2, $3, $4, $5) and "x" = $6')).toBe(false);
    expect(shouldPrepare('select "id" from "portal"."appointments" where "participant_id" = $1 and "status" in ($2, $3)')).toBe(true);
    expect(shouldPrepare('select "id" from "portal"."persons" where "portal"."persons"."id" = $1')).toBe(true);
  });
});

describe.skipIf(!serverUrl)("the portal's statements on Postgres", () => {
  let database: TestDatabase;
  let personId: string;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    personId = (await aParticipant().build(database.db)).personId;
  });
  afterAll(() => database.dispose());

  const byId = (executor: TestDatabase["db"], id: string) => executor.select({ firstName: persons.firstName }).from(persons).where(eq(persons.id, id));
  const preparedOnThisConnection = async (executor: TestDatabase["db"]) =>
    rowsOf<{ statement: string }>(await executor.execute(sql`select statement from pg_prepared_statements`)).map((row) => row.statement);

  it("are named prepared statements, in a transaction and in a savepoint inside it, and answer as before", async () => {
    await database.db.transaction(async (tx) => {
      const [first] = await byId(tx, personId);
      const [again] = await byId(tx, personId);
      expect(again).toEqual(first);
      const texts = await preparedOnThisConnection(tx);
      expect(texts.filter((text) => text.startsWith('select "first_name" from "portal"."persons"'))).toHaveLength(1);

      // A list of three goes unnamed: its text would change with the list's length.
      const three = await tx.select({ id: persons.id }).from(persons).where(inArray(persons.id, [personId, personId, personId]));
      expect(three).toHaveLength(1);
      expect((await preparedOnThisConnection(tx)).some((text) => text.includes(" in ($1, $2, $3)"))).toBe(false);

      await tx.transaction(async (savepoint) => {
        await savepoint.select({ email: persons.email }).from(persons).where(eq(persons.id, personId));
        expect((await preparedOnThisConnection(savepoint)).some((text) => text.startsWith('select "email" from "portal"."persons"'))).toBe(true);
      });
    });
  });

  it("are planned with plan_cache_mode auto, whatever the server's default (the plans they settle on: hot-queries-explain.test.ts)", async () => {
    const [row] = rowsOf<{ plan_cache_mode: string }>(await database.db.execute(sql`show plan_cache_mode`));
    expect(row!.plan_cache_mode).toBe("auto");
  });

  it("read several at once on one connection, each with its own answer", async () => {
    const others = await Promise.all([aParticipant().build(database.db), aParticipant().build(database.db)]);
    const ids = [personId, ...others.map((other) => other.personId)];
    await database.db.transaction(async (tx) => {
      const answers = await Promise.all(ids.map((id) => tx.select({ id: persons.id }).from(persons).where(eq(persons.id, id))));
      expect(answers.map(([answer]) => answer!.id)).toEqual(ids);
    });
  });
});
