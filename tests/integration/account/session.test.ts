import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aPerson } from "../../../db/builders";
import { authSessions } from "../../../db/schema";
import { RouterContextProvider } from "react-router";
import { currentUserMiddleware, getCurrentUser } from "~/lib/auth.server";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  endSession,
  readSession,
  sessionCookie,
  startSession,
} from "~/lib/session.server";
import { withRequestTransaction } from "../../../db/client";
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
    let cookie = cookieOf(await startSession(metteId, "demo", start));
    // The browser keeps the cookie each answer renews (the idle clock is in it).
    const visit = async (minute: number) => {
      const state = await readSession(get("/", cookie), new Date(start.getTime() + minutes(minute)));
      if (state.status === "active" && state.renewedCookie) cookie = cookieOf(state.renewedCookie);
      return state.status;
    };

    expect(await visit(29)).toBe("active");
    // That request counted as activity: 29 more minutes are fine.
    expect(await visit(58)).toBe("active");
    // 31 idle minutes after the last request: gone, and it stays gone.
    expect(await visit(58 + 31)).toBe("expired");
    expect(await visit(58 + 32)).toBe("expired");
  });

  it("reading a session writes nothing: its cookie carries the idle clock, renewed once a minute", async () => {
    const start = new Date("2026-11-23T10:00:00Z");
    const cookie = cookieOf(await startSession(metteId, "demo", start));
    const rowOf = async () => (await database.db.select().from(authSessions).where(eq(authSessions.personId, metteId))).find((row) => row.createdAt.getTime() === start.getTime())!;
    const before = await rowOf();

    const soon = await readSession(get("/", cookie), new Date(start.getTime() + 30_000));
    expect(soon.status === "active" && soon.renewedCookie).toBe(null);
    const later = await readSession(get("/", cookie), new Date(start.getTime() + minutes(20)));
    expect(later.status).toBe("active");
    if (later.status !== "active") return;
    expect(later.renewedCookie).toMatch(/HttpOnly/i);
    expect(later.idleEndsAt.getTime()).toBe(start.getTime() + minutes(20) + IDLE_TIMEOUT_MS);
    expect(await rowOf()).toEqual(before);

    // The renewed cookie counts from its own time; the one before it from the sign-in. A copy of an
    // older cookie ends 30 minutes after its time, however long the newer one is in use.
    const renewed = cookieOf(later.renewedCookie!);
    expect((await readSession(get("/", renewed), new Date(start.getTime() + minutes(45)))).status).toBe("active");
    expect((await readSession(get("/", cookie), new Date(start.getTime() + minutes(31)))).status).toBe("expired");
    expect((await readSession(get("/", renewed), new Date(start.getTime() + minutes(20 + 31)))).status).toBe("expired");
  });

  it("a page read ten minutes into a session writes no SQL statement, and renews the cookie", async () => {
    const cookie = cookieOf(await startSession(metteId, "demo", new Date(Date.now() - minutes(10))));
    let counted = { statements: -1, writes: -1 };
    const state = await withRequestTransaction(() => readSession(get("/", cookie)), (done) => (counted = done));
    expect(state.status === "active" && state.renewedCookie).toMatch(/HttpOnly/i);
    expect(counted).toMatchObject({ statements: 1, writes: 0 });
  });

  it("a cookie from before the idle clock (the token alone) counts from last_seen_at and is renewed at once", async () => {
    const start = new Date();
    const withClock = cookieOf(await startSession(metteId, "demo", start));
    const [name, value] = withClock.split("=") as [string, string];
    const token = (await sessionCookie.parse(`${name}=${value}`)) as string;
    const tokenOnly = cookieOf(await sessionCookie.serialize(token.split(".")[0]!));
    const state = await readSession(get("/", tokenOnly), new Date(start.getTime() + 5_000));
    expect(state.status).toBe("active");
    if (state.status === "active") expect(state.renewedCookie).not.toBe(null);
    expect((await readSession(get("/", tokenOnly), new Date(start.getTime() + minutes(31)))).status).toBe("expired");
  });

  it("the answer to a request renews the cookie when it is a minute old, and never on signing out", async () => {
    const cookie = cookieOf(await startSession(metteId, "demo", new Date(Date.now() - minutes(2))));
    const through = async (request: Request, page: (context: RouterContextProvider) => Promise<Response>) => {
      const context = new RouterContextProvider();
      return (await currentUserMiddleware({ request, context, params: {}, pattern: "/" } as never, () => page(context))) as Response;
    };
    const answer = (request: Request) => through(request, async () => new Response("side"));
    const asking = (request: Request) =>
      through(request, async (context) => {
        await getCurrentUser(context);
        return new Response("side");
      });
    // A request that never asks who is signed in reads nothing and renews nothing.
    expect((await answer(get("/", cookie))).headers.getSetCookie()).toEqual([]);
    const renewed = (await asking(get("/", cookie))).headers.getSetCookie();
    expect(renewed).toHaveLength(1);
    expect(renewed[0]).toMatch(new RegExp(`^${sessionCookie.name}=`));
    // Renewed just now: no new cookie for a minute.
    expect((await asking(get("/", cookieOf(renewed[0]!)))).headers.getSetCookie()).toEqual([]);
    // Signing out clears the cookie; the answer carries that alone.
    const signOut = await through(get("/", cookie), async (context) => {
      await getCurrentUser(context);
      return new Response(null, { status: 302, headers: { Location: "/", "Set-Cookie": await endSession(get("/", cookie)) } });
    });
    expect(signOut.headers.getSetCookie()).toHaveLength(1);
    expect(signOut.headers.getSetCookie()[0]).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });

  it("ends a session after 8 hours even when it is used all the time", async () => {
    const start = new Date("2026-11-23T06:00:00Z");
    let cookie = cookieOf(await startSession(metteId, "demo", start));
    for (let at = minutes(20); at < ABSOLUTE_TIMEOUT_MS; at += minutes(20)) {
      const state = await readSession(get("/", cookie), new Date(start.getTime() + at));
      expect(state.status).toBe("active");
      if (state.status === "active" && state.renewedCookie) cookie = cookieOf(state.renewedCookie);
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
