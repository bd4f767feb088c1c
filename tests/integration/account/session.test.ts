import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aPerson } from "../../../db/builders";
import { authSessions } from "../../../db/schema";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  endSession,
  readSession,
  startSession,
} from "~/lib/session.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { get } from "../../support/requests";

let database: TestDatabase;
let metteId: string;

// These sessions are started with the demo method, which only counts while demo sign-in is on.
const previousDemoLogin = process.env.DEMO_LOGIN;
beforeAll(async () => {
  process.env.DEMO_LOGIN = "1";
  // Its own person (db/builders.ts), no demo seed.
  database = await createTestDatabase({ seed: false });
  metteId = (await aPerson({ firstName: "Mette" }).build(database.db)).personId;
});
afterAll(async () => {
  if (previousDemoLogin === undefined) delete process.env.DEMO_LOGIN;
  else process.env.DEMO_LOGIN = previousDemoLogin;
  await database.dispose();
});

const minutes = (n: number) => n * 60 * 1000;
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;

describe("sign-in sessions", () => {
  it("stores only a hash of the token, never the token itself", async () => {
    const setCookie = await startSession(metteId, "demo");
    const rawValue = decodeURIComponent(cookieOf(setCookie).split("=")[1]!);
    const rows = await database.db.select().from(authSessions).where(eq(authSessions.personId, metteId));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(rawValue).not.toContain(row.tokenHash);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it("gives every sign-in a new session id", async () => {
    const first = cookieOf(await startSession(metteId, "demo"));
    const second = cookieOf(await startSession(metteId, "demo"));
    expect(first).not.toEqual(second);
  });

  it("keeps a session alive while it is used, and ends it after 30 idle minutes", async () => {
    const start = new Date("2026-11-23T09:00:00Z");
    const cookie = cookieOf(await startSession(metteId, "demo", start));
    const request = () => get("/", cookie);

    const active = await readSession(request(), new Date(start.getTime() + minutes(29)));
    expect(active.status).toBe("active");
    // That request counted as activity: 29 more minutes are fine.
    expect((await readSession(request(), new Date(start.getTime() + minutes(58)))).status).toBe("active");
    // 31 idle minutes after the last request: gone, and it stays gone.
    expect((await readSession(request(), new Date(start.getTime() + minutes(58 + 31)))).status).toBe("expired");
    expect((await readSession(request(), new Date(start.getTime() + minutes(58 + 32)))).status).toBe("expired");
  });

  it("ends a session after 8 hours even when it is used all the time", async () => {
    const start = new Date("2026-11-23T06:00:00Z");
    const cookie = cookieOf(await startSession(metteId, "demo", start));
    for (let at = minutes(20); at < ABSOLUTE_TIMEOUT_MS; at += minutes(20)) {
      expect((await readSession(get("/", cookie), new Date(start.getTime() + at))).status).toBe("active");
    }
    expect((await readSession(get("/", cookie), new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS))).status).toBe(
      "expired",
    );
  });

  it("tells the idle end to the page, never later than the absolute end", async () => {
    const start = new Date();
    const cookie = cookieOf(await startSession(metteId, "demo", start));
    const state = await readSession(get("/", cookie), start);
    expect(state.status).toBe("active");
    if (state.status === "active") expect(state.idleEndsAt.getTime()).toBe(start.getTime() + IDLE_TIMEOUT_MS);
  });

  it("signing out ends the session on the server, not only in the browser", async () => {
    const cookie = cookieOf(await startSession(metteId, "demo"));
    const clearing = await endSession(get("/", cookie));
    expect(clearing).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await readSession(get("/", cookie))).status).toBe("expired");
  });

  it("ignores a forged or tampered cookie", async () => {
    const cookie = cookieOf(await startSession(metteId, "demo"));
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");
    expect((await readSession(get("/", tampered))).status).toBe("none");
    expect((await readSession(get("/", "minvej_session=made-up-token-made-up-token"))).status).toBe("none");
  });
});
