import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { auditEvents } from "../../db/schema";
import { recordAudit } from "~/lib/audit.server";
import { serverUrl } from "../support/db";
import { freePort } from "../support/live-server";
import { startThrowawayPostgres, throwawayPostgresUnavailable } from "../support/throwaway-postgres";

// postgres.js 3.4.x has been seen to throw an uncatchable TypeError (in nextWrite) when the
// server restarts during an open transaction. A crash here would fail this file. What we
// prove: the process lives on, every write that was acknowledged is still there afterwards,
// and writes work again once the server is back.
const unavailable = !serverUrl ? "real Postgres runs only in `npm run test:postgres`" : throwawayPostgresUnavailable();
if (unavailable) console.log(`postgres-restart.test skipped: ${unavailable}.`);

describe.skipIf(Boolean(unavailable))("a Postgres restart", () => {
  let cluster: ReturnType<typeof startThrowawayPostgres>;
  let handle: DatabaseHandle;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    // A port the kernel says is free now: a random one in 55000-55899 lies in the range the kernel
    // hands out to outgoing connections, and once was taken by one (CI: "Address already in use").
    cluster = startThrowawayPostgres(await freePort());
    handle = await openDatabase({ url: cluster.url });
    process.on("uncaughtException", onUncaught);
  }, 120_000);

  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    await handle?.close().catch(() => {});
    cluster?.stop();
  });

  it("loses no acknowledged write and recovers by itself", async () => {
    const acknowledged: number[] = [];
    let failed = 0;
    let stop = false;

    // Two writers, each one transaction at a time, like two people saving.
    const writer = async (name: string) => {
      for (let i = 0; !stop; i++) {
        try {
          const id = await handle.db.transaction(async (tx) => {
            await recordAudit(tx, { actorPersonId: null, action: "test.write", details: { name, i } });
            const [row] = await tx
              .select({ id: auditEvents.id })
              .from(auditEvents)
              .where(eq(auditEvents.action, "test.write"))
              .orderBy(auditEvents.id)
              .limit(1)
              .offset(0);
            // Hold the transaction open a moment, so the restart hits open transactions.
            await new Promise((resolve) => setTimeout(resolve, 20));
            return row!.id;
          });
          if (id) acknowledged.push(i);
        } catch {
          failed++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };

    const writers = [writer("a"), writer("b")];
    await new Promise((resolve) => setTimeout(resolve, 500));
    cluster.restart();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stop = true;
    await Promise.all(writers);

    // After the restart the pool has recovered: every connection in it works again.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        handle.db.transaction((tx) => recordAudit(tx, { actorPersonId: null, action: "test.after-restart", details: { i } })),
      ),
    );
    const after = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "test.after-restart"));
    expect(after).toHaveLength(12);

    const stored = await handle.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(inArray(auditEvents.action, ["test.write"]));
    // Every acknowledged transaction is stored (the count can only be higher if a commit
    // reached the server but its answer was lost in the restart).
    console.log(
      `postgres restart: ${acknowledged.length} writes acknowledged, ${stored.length} stored, ${failed} refused during the restart, ` +
        `${uncaught.length} closed-socket errors absorbed by the guard`,
    );
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(0);
    // The known postgres.js fault may or may not strike in a given run; when it does, the
    // guard in db/client.ts absorbs it. Nothing else may escape.
    expect(uncaught.filter((e) => !(e instanceof TypeError && /reading 'write'/.test(e.message)))).toEqual([]);
  }, 60_000);
});
