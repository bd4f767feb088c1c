import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setupRoles, type Database, type DatabaseHandle } from "../../db/client";
import { clientAddressOf, hit, pruneRateLimits } from "~/lib/rate-limit.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../support/db";

// Issue 15: the rate limits' counter (app/lib/rate-limit.server.ts), on the embedded database and
// on Postgres, where several portal processes share it.

const LIMIT = { max: 3, windowSeconds: 60 };
const start = new Date("2026-12-04T12:00:00.000Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database?.dispose();
});

async function keys(db: Database): Promise<string[]> {
  const result = await db.execute(sql`select key from portal.rate_limits order by key`);
  return (((result as { rows?: unknown[] }).rows ?? result) as { key: string }[]).map((row) => row.key);
}

describe("the rate-limit counter", () => {
  it("lets the first N requests of a window through, refuses the N+1th, and says how long to wait", async () => {
    for (const n of [1, 2, 3]) {
      expect(await hit(database.db, "signIn", "203.0.113.7", at(n), LIMIT)).toEqual({ allowed: true, hits: n, retryAfterSeconds: 60 - n + 1 });
    }
    expect(await hit(database.db, "signIn", "203.0.113.7", at(10), LIMIT)).toEqual({ allowed: false, hits: 4, retryAfterSeconds: 51 });
    // Still refused later in the same window, however often it is tried.
    expect((await hit(database.db, "signIn", "203.0.113.7", at(59), LIMIT)).allowed).toBe(false);
  });

  it("leaves every other key alone: another address, another limit", async () => {
    expect(await hit(database.db, "signIn", "203.0.113.8", at(20), LIMIT)).toMatchObject({ allowed: true, hits: 1 });
    expect(await hit(database.db, "pdf", "203.0.113.7", at(20), LIMIT)).toMatchObject({ allowed: true, hits: 1 });
  });

  it("starts over once the window has passed", async () => {
    // The window began with the first request (at 1 s) and lasted 60 s.
    expect(await hit(database.db, "signIn", "203.0.113.7", at(61), LIMIT)).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 60 });
    expect((await hit(database.db, "signIn", "203.0.113.7", at(62), LIMIT)).hits).toBe(2);
  });

  it("stores a keyed hash, never the address, person or link it counts", async () => {
    const stored = await keys(database.db);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const key of stored) {
      expect(key).toMatch(/^(signIn|pdf):[\w-]{43}$/);
      expect(key).not.toContain("203.0.113");
    }
  });

  it("lets the job worker's retention pass delete the windows that have ended, and only those", async () => {
    await hit(database.db, "calendarFeed", "a-feed-link", at(100), { max: 60, windowSeconds: 3600 });
    const before = (await keys(database.db)).length;
    // Every 60-second window above has ended by 200 s; the hour-long one has not.
    expect(await pruneRateLimits(at(200))).toBe(before - 1);
    expect(await keys(database.db)).toEqual([expect.stringMatching(/^calendarFeed:/)]);
  });
});

describe("client addresses", () => {
  const address = (value?: string) => clientAddressOf(new Request("http://localhost/", { headers: value ? { "x-minvej-client-address": value } : {} }));
  it("counts an IPv4 address as itself, an IPv6 client by its /64, and a missing one as one unknown client", () => {
    expect(address("203.0.113.7")).toBe("203.0.113.7");
    expect(address("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(address("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(address("2001:db8:0:1::7")).toBe("2001:db8:0:1::/64");
    expect(address("2001:DB8::1")).toBe("2001:db8:0:0::/64");
    expect(address("::1")).toBe("0:0:0:0::/64");
    expect(address()).toBe("unknown");
  });
});

describe.skipIf(!serverUrl)("two portal processes on one Postgres database (real Postgres)", () => {
  let owner: postgres.Sql;
  let first: DatabaseHandle;
  let second: DatabaseHandle;

  beforeAll(async () => {
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    // As production runs: two pools as portal_app, each its own process's handle.
    url.username = "portal_app";
    url.password = "";
    [first, second] = await Promise.all([openDatabase({ url: url.toString() }), openDatabase({ url: url.toString() })]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close(), owner?.end()]);
  });

  it("shares one count: requests to either process use up the same window", async () => {
    const subject = "198.51.100.20";
    expect((await hit(first.db, "signIn", subject, at(1), LIMIT)).hits).toBe(1);
    expect((await hit(second.db, "signIn", subject, at(2), LIMIT)).hits).toBe(2);
    expect((await hit(first.db, "signIn", subject, at(3), LIMIT)).allowed).toBe(true);
    expect(await hit(second.db, "signIn", subject, at(4), LIMIT)).toMatchObject({ allowed: false, hits: 4 });
    expect((await hit(first.db, "signIn", subject, at(5), LIMIT)).allowed).toBe(false);
    // Another address through either process is untouched.
    expect(await hit(second.db, "signIn", "198.51.100.21", at(5), LIMIT)).toMatchObject({ allowed: true, hits: 1 });
  });

  it("never lets more than N through when many arrive at once, split over both processes", async () => {
    const subject = "198.51.100.30";
    const verdicts = await Promise.all(
      Array.from({ length: 24 }, (_, i) => hit((i % 2 ? first : second).db, "invitations", subject, at(1), { max: 5, windowSeconds: 60 })),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(5);
    expect(verdicts.map((verdict) => verdict.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});

if (!serverUrl) console.log("rate-limit.test: the two-process tests need real Postgres (TEST_DATABASE_URL); skipped on PGlite.");
