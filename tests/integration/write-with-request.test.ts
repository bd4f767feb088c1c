import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, rowsOf, withRequestTransaction, writeWithRequest } from "../../db/client";
import { aCaseworker, aParticipant } from "../../db/builders";
import { recordAuditForEach } from "~/lib/audit.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../support/db";

// The audit rows of what a caseworker's page shows are written while the page renders
// (`writeWithRequest`): the request's end waits for them, before COMMIT on Postgres, and a failed
// write fails the request.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

async function readsLogged(actorPersonId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from portal.audit_events where actor_person_id = ${actorPersonId}`));
  return row!.n;
}

async function someReads() {
  const sara = await aCaseworker().build(database.db);
  const mette = await aParticipant().withCaseworker(sara).build(database.db);
  const ali = await aParticipant().withCaseworker(sara).build(database.db);
  const log = async () =>
    recordAuditForEach(await db(), { actorPersonId: sara.personId, action: "caseworker.briefing_viewed", details: { page: "list" } }, [
      mette.participantId,
      ali.participantId,
    ]);
  return { sara, log };
}

describe("writeWithRequest", () => {
  it("lets the request go on while the write is under way, and ends the request only once it is written", async () => {
    const { sara, log } = await someReads();
    let written = false;
    let wentOnBeforeWritten = false;
    await withRequestTransaction(async () => {
      await writeWithRequest(async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        await log();
        written = true;
      });
      wentOnBeforeWritten = !written;
      return "the page";
    });
    expect(wentOnBeforeWritten).toBe(true);
    expect(written).toBe(true);
    expect(await readsLogged(sara.personId)).toBe(2);
  });

  it("fails the request when the write fails", async () => {
    await expect(
      withRequestTransaction(async () => {
        await writeWithRequest(async () => (await db()).execute(sql`select 1 / 0`));
        return "the page";
      }),
    ).rejects.toThrow("select 1 / 0");
  });

  it("writes at once outside a request", async () => {
    const { sara, log } = await someReads();
    await writeWithRequest(log);
    expect(await readsLogged(sara.personId)).toBe(2);
  });

  it.skipIf(!serverUrl)("writes in the request's transaction, also when the page fails before the write is sent: nothing stays (real Postgres)", async () => {
    const { sara, log } = await someReads();
    await expect(
      withRequestTransaction(async () => {
        // Still under way when the page fails: it must not reach the connection after ROLLBACK.
        await writeWithRequest(async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          await log();
        });
        throw new Error("the page failed");
      }),
    ).rejects.toThrow("the page failed");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await readsLogged(sara.personId)).toBe(0);
  });
});
