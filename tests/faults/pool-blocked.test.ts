import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl } from "../support/db";
import { signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// When every database connection is stuck (a lock, a slow disk), the portal must still say that
// it is alive, say quickly that it is not ready, and answer people with a calm 503 and
// Retry-After instead of queueing them without limit.
const unavailable = serverUrl ? null : "a blocked pool needs a real Postgres server (`npm run test:postgres`)";
if (unavailable) console.log(`pool-blocked.test skipped: ${unavailable}.`);

describe.skipIf(Boolean(unavailable))("a blocked connection pool", () => {
  let server: LiveServer;

  beforeAll(async () => {
    server = await startLiveServer({ DATABASE_POOL_SIZE: "2", DATABASE_QUEUE_MAX: "2", DATABASE_ACQUIRE_TIMEOUT_MS: "500" });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("keeps /healthz answering and sheds requests with 503 and Retry-After", async () => {
    const cookie = await signInLive(server, "mette");
    const lockHolder = postgres(server.ownerUrl!, { max: 1, onnotice: () => {} });
    let releaseLock!: () => void;
    const released = new Promise<void>((resolve) => (releaseLock = resolve));
    const locked = new Promise<void>((resolve) => {
      void lockHolder.begin(async (tx) => {
        await tx`lock table portal.auth_sessions in access exclusive mode`;
        resolve();
        await released;
      });
    });
    await locked;

    // Two requests take both connections and wait on the lock.
    const stuck = [0, 1].map(() => fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie } }));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const health = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.origin}/readyz`, { signal: AbortSignal.timeout(5000) });
    expect(ready.status).toBe(503);

    const shed = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(5000) })),
    );
    const statuses = shed.map((response) => response.status);
    expect(statuses).toEqual(statuses.map(() => 503));
    expect(shed[0]!.headers.get("retry-after")).toBe("10");
    expect(await shed[0]!.text()).toContain("Min Vej har travlt lige nu");

    releaseLock();
    await lockHolder.end({ timeout: 5 });
    expect((await Promise.all(stuck)).map((response) => response.status)).toEqual([200, 200]);
    const after = await fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie } });
    expect(after.status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  }, 60_000);
});
