import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aPerson } from "../../../db/builders";
import { authSessions } from "../../../db/schema";
import { RouterContextProvider } from "react-router";
import { currentUserMiddleware, getCurrentUser } from "~/lib/auth.server";
import { hash } from "node:crypto";
import { action as keepAlive } from "~/features/account/routes/session-keepalive";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  endSession,
  readSession,
  seenCookie,
  sessionCookie,
  startSession,
  type SessionState,
} from "~/lib/session.server";
import { withRequestTransaction } from "../../../db/client";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { get, post } from "../../support/requests";

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
const renewedOf = (state: SessionState) => (state.status === "active" ? state.renewedCookie : undefined);

/** A browser: it sends its cookies, and keeps the seen cookie each answer renews. */
function browserWith(sessionSetCookie: string) {
  const cookies = new Map([[sessionCookie.name, cookieOf(sessionSetCookie)]]);
  const header = () => [...cookies.values()].join("; ");
  return {
    header,
    async visit(now: Date) {
      const state = await readSession(get("/", header()), now);
      const renewed = renewedOf(state);
      if (renewed) cookies.set(seenCookie.name, cookieOf(renewed));
      return state.status;
    },
  };
}

/** The session row started at `start` (each test starts its own at its own time). */
async function sessionRow(start: Date) {
  return (await database.db.select().from(authSessions).where(eq(authSessions.personId, metteId))).find((row) => row.createdAt.getTime() === start.getTime())!;
}

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
    const browser = browserWith(await startSession(metteId, "demo", start));
    const visit = (minute: number) => browser.visit(new Date(start.getTime() + minutes(minute)));

    expect(await visit(29)).toBe("active");
    // That request counted as activity: 29 more minutes are fine.
    expect(await visit(58)).toBe("active");
    // 31 idle minutes after the last request: gone, and it stays gone.
    expect(await visit(58 + 31)).toBe("expired");
    expect(await visit(58 + 32)).toBe("expired");
  });

  it("reading a session writes nothing: its seen cookie carries the idle clock, renewed once a minute", async () => {
    const start = new Date("2026-11-23T10:00:00Z");
    const session = cookieOf(await startSession(metteId, "demo", start));
    const at = (ms: number) => new Date(start.getTime() + ms);
    const before = await sessionRow(start);

    // The first read gives the seen cookie; within a minute of it there is nothing to renew.
    const first = await readSession(get("/", session), at(10_000));
    const seenFirst = cookieOf(renewedOf(first)!);
    expect(seenFirst).toMatch(new RegExp(`^${seenCookie.name}=`));
    expect(renewedOf(await readSession(get("/", `${session}; ${seenFirst}`), at(40_000)))).toBe(null);
    const later = await readSession(get("/", `${session}; ${seenFirst}`), at(minutes(20)));
    const seenLater = cookieOf(renewedOf(later)!);
    if (later.status === "active") expect(later.idleEndsAt.getTime()).toBe(start.getTime() + minutes(20) + IDLE_TIMEOUT_MS);
    expect(await sessionRow(start)).toEqual(before);

    // A copy of the older seen cookie counts from its own time, and ends nothing for the newer one.
    expect((await readSession(get("/", `${session}; ${seenFirst}`), at(minutes(31)))).status).toBe("expired");
    expect((await readSession(get("/", `${session}; ${seenLater}`), at(minutes(40)))).status).toBe("active");
    expect((await readSession(get("/", `${session}; ${seenLater}`), at(minutes(20 + 31)))).status).toBe("expired");
    expect((await sessionRow(start)).endedAt).toBe(null);
  });

  it("a page read ten minutes into a session writes no SQL statement, and renews the seen cookie", async () => {
    const browser = browserWith(await startSession(metteId, "demo", new Date(Date.now() - minutes(10))));
    let counted = { statements: -1, writes: -1 };
    const state = await withRequestTransaction(() => readSession(get("/", browser.header())), (done) => (counted = done));
    expect(renewedOf(state)).toMatch(/HttpOnly/i);
    expect(counted).toMatchObject({ statements: 1, writes: 0 });
  });

  it("counts no time it cannot trust: another session's seen cookie, a changed one, one from the future", async () => {
    const start = new Date("2026-11-23T11:00:00Z");
    const at = (minute: number) => new Date(start.getTime() + minutes(minute));
    const session = cookieOf(await startSession(metteId, "demo", start));
    const other = browserWith(await startSession(metteId, "demo", start));
    expect(await other.visit(at(29))).toBe("active");
    const othersSeen = other.header().split("; ")[1]!;
    // Without a seen cookie, the sign-in's time counts (a cookie of the release before, say).
    expect((await readSession(get("/", session), at(31))).status).toBe("expired");
    expect((await readSession(get("/", `${session}; ${othersSeen}`), at(31))).status).toBe("expired");
    // Its own token's binding with a time changed under the old signature; and a signed time ahead.
    const token = (await sessionCookie.parse(session)) as string;
    const binding = hash("sha256", token).slice(0, 16);
    const signed = cookieOf(await seenCookie.serialize(`${binding}.${Math.floor(at(20).getTime() / 1000)}`));
    const [name, raw] = [signed.slice(0, signed.indexOf("=")), decodeURIComponent(signed.slice(signed.indexOf("=") + 1))];
    const [encoded, signature] = [raw.slice(0, raw.lastIndexOf(".")), raw.slice(raw.lastIndexOf(".") + 1)];
    const changed = Buffer.from(JSON.stringify(`${binding}.${Math.floor(at(29).getTime() / 1000)}`)).toString("base64");
    expect(encoded).not.toBe(changed);
    expect((await readSession(get("/", `${session}; ${name}=${encodeURIComponent(`${changed}.${signature}`)}`), at(31))).status).toBe("expired");
    const ahead = cookieOf(await seenCookie.serialize(`${binding}.${Math.floor(at(60).getTime() / 1000)}`));
    expect((await readSession(get("/", `${session}; ${ahead}`), at(31))).status).toBe("expired");
    // The signed time itself counts.
    expect((await readSession(get("/", `${session}; ${signed}`), at(31))).status).toBe("active");
  });

  it("the answer renews the seen cookie when it is a minute old, beside other cookies, and never on signing in or out", async () => {
    const session = cookieOf(await startSession(metteId, "demo", new Date(Date.now() - minutes(2))));
    const through = async (request: Request, page: (context: RouterContextProvider) => Promise<Response>) => {
      const context = new RouterContextProvider();
      return (await currentUserMiddleware({ request, context, params: {}, pattern: "/" } as never, () => page(context))) as Response;
    };
    const asking = (request: Request, headers: HeadersInit = {}) =>
      through(request, async (context) => {
        await getCurrentUser(context);
        return new Response("side", { headers });
      });
    // A request that never asks who is signed in reads nothing and renews nothing.
    expect((await through(get("/", session), async () => new Response("side"))).headers.getSetCookie()).toEqual([]);
    const renewed = (await asking(get("/", session))).headers.getSetCookie();
    expect(renewed).toHaveLength(1);
    expect(renewed[0]).toMatch(new RegExp(`^${seenCookie.name}=`));
    // Renewed just now: nothing to renew for a minute.
    expect((await asking(get("/", `${session}; ${cookieOf(renewed[0]!)}`))).headers.getSetCookie()).toEqual([]);
    // Beside a cookie the page sets (the language switch's), the seen cookie still comes.
    const withLanguage = (await asking(get("/", session), { "Set-Cookie": "minvej_lng=en; Path=/" })).headers.getSetCookie();
    expect(withLanguage.map((cookie) => cookie.split("=")[0])).toEqual(["minvej_lng", seenCookie.name]);
    // An answer whose headers cannot change (Response.redirect) goes out the same, with the cookie.
    const redirected = await through(get("/", session), async (context) => {
      await getCurrentUser(context);
      return Response.redirect("http://localhost/min-plan", 303);
    });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get("Location")).toBe("http://localhost/min-plan");
    expect(redirected.headers.getSetCookie().map((cookie) => cookie.split("=")[0])).toEqual([seenCookie.name]);
    // Signing out clears the session cookie, signing in sets a new one: their answers carry that alone.
    const signOut = await asking(get("/", session), { "Set-Cookie": await endSession(get("/", session)) });
    expect(signOut.headers.getSetCookie()).toHaveLength(1);
    expect(signOut.headers.getSetCookie()[0]).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    const other = cookieOf(await startSession(metteId, "demo", new Date(Date.now() - minutes(2))));
    const signIn = await asking(get("/", other), { "Set-Cookie": await startSession(metteId, "demo") });
    expect(signIn.headers.getSetCookie().map((cookie) => cookie.split("=")[0])).toEqual([sessionCookie.name]);
  });

  it("'Bliv logget ind' writes nothing: its answer renews the seen cookie, and an older copy still ends on time", async () => {
    const start = new Date(Date.now() - minutes(25));
    const browser = browserWith(await startSession(metteId, "demo", start));
    const before = await sessionRow(start);
    const context = new RouterContextProvider();
    const request = post("/session/forny", {}, browser.header());
    const answer = (await currentUserMiddleware({ request, context, params: {}, pattern: "/" } as never, async () =>
      Response.json(await keepAlive({ request, context, params: {} } as never)),
    )) as Response;
    expect(await answer.json()).toEqual({ ok: true });
    const [seen] = answer.headers.getSetCookie();
    expect(seen).toMatch(new RegExp(`^${seenCookie.name}=`));
    expect(await sessionRow(start)).toEqual(before);
    // 20 minutes on: alive with the renewed cookie, over without it (the sign-in's time, 45 minutes ago).
    const in20 = new Date(Date.now() + minutes(20));
    expect((await readSession(get("/", `${browser.header()}; ${cookieOf(seen!)}`), in20)).status).toBe("active");
    expect((await readSession(get("/", browser.header()), in20)).status).toBe("expired");
  });

  it("ends a session after 8 hours even when it is used all the time", async () => {
    const start = new Date("2026-11-23T06:00:00Z");
    const browser = browserWith(await startSession(metteId, "demo", start));
    for (let at = minutes(20); at < ABSOLUTE_TIMEOUT_MS; at += minutes(20)) {
      expect(await browser.visit(new Date(start.getTime() + at))).toBe("active");
    }
    expect((await readSession(get("/", browser.header()), new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS))).status).toBe(
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
