import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, aPerson } from "../../../db/builders";
import { auditEvents, authSessions, cvProfiles } from "../../../db/schema";
import { seedDemoData } from "../../../db/seed-data";
import { action as signInAction, loader as signInLoader } from "~/features/account/routes/sign-in";
import { action as signOutAction } from "~/features/account/routes/sign-out";
import { action as cvAboutAction, loader as cvAboutLoader } from "~/features/cv/routes/cv-about";
import { readSession } from "~/lib/session.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, routeArgs } from "../../support/requests";

let database: TestDatabase;
const previousDemoLogin = process.env.DEMO_LOGIN;

// Each test builds the people it signs in as (db/builders.ts); only the demo list seeds the demo.
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterEach(() => {
  process.env.DEMO_LOGIN = previousDemoLogin;
});
afterAll(() => database.dispose());

/** Loader/action arguments as React Router passes them (typed loosely: each route has its own type). */
const args = (request: Request) => routeArgs(request);

/** A participant who can sign in with the demo method, in Danish unless said otherwise. */
const aSignInParticipant = (preferredLanguage: "da" | "en" = "da") =>
  aParticipant({ person: { preferredLanguage } }).withCv().build(database.db);

interface DataResult {
  type: string;
  data: { refused?: boolean; result?: { error?: Record<string, string[]> } | null };
  init?: { status?: number };
}

describe("demo sign-in", () => {
  it("signs the chosen person in, with a new session cookie and an audit row", async () => {
    process.env.DEMO_LOGIN = "1";
    const mette = await aSignInParticipant();
    const response = (await settle(async () => signInAction(await args(post("/log-ind", { person: mette.demoKey }))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(response.headers.get("Set-Cookie")).toMatch(/minvej_lng=/);
    const session = await readSession(get("/", cookie));
    expect(session.status).toBe("active");

    if (session.status === "active") expect(session.personId).toBe(mette.personId);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.actorPersonId, mette.personId)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ action: "session.signed_in", actorPersonId: mette.personId, requestId: "test-request" });
  });

  it("uses the person's preferred language, unless they already chose one", async () => {
    process.env.DEMO_LOGIN = "1";
    const aliPerson = await aSignInParticipant("en");
    const ali = (await settle(async () => signInAction(await args(post("/log-ind", { person: aliPerson.demoKey }))))) as Response;
    const languageCookie = ali.headers.getSetCookie().find((c) => c.startsWith("minvej_lng="));
    expect(languageCookie).toBeDefined();
    expect(Buffer.from(decodeURIComponent(languageCookie!.split(";")[0]!.split("=")[1]!), "base64").toString()).toBe('"en"');

    const request = post("/log-ind", { person: aliPerson.demoKey });
    request.headers.set("Cookie", `minvej_lng=${encodeURIComponent(Buffer.from('"da"').toString("base64"))}`);
    const chosen = (await settle(async () => signInAction(await args(request)))) as Response;
    expect(chosen.headers.getSetCookie().some((c) => c.startsWith("minvej_lng="))).toBe(false);
  });

  it("ends the browser's previous session when someone signs in again", async () => {
    process.env.DEMO_LOGIN = "1";
    const [ali, mette] = [await aSignInParticipant("en"), await aSignInParticipant()];
    const oldCookie = await cookieFor(ali.demoKey);
    const request = post("/log-ind", { person: mette.demoKey });
    request.headers.set("Cookie", oldCookie);
    const response = (await settle(async () => signInAction(await args(request)))) as Response;
    expect(response.status).toBe(302);
    expect((await readSession(get("/", oldCookie))).status).toBe("expired");
  });

  it("refuses everyone when DEMO_LOGIN is not 1, and lists nobody", async () => {
    const mette = await aSignInParticipant();
    for (const value of [undefined, "0", "true", ""]) {
      if (value === undefined) delete process.env.DEMO_LOGIN;
      else process.env.DEMO_LOGIN = value;
      const before = await database.db.$count(authSessions);
      const result = (await signInAction(await args(post("/log-ind", { person: mette.demoKey })))) as unknown as DataResult;
      expect(result.init?.status).toBe(403);
      expect(result.data.refused).toBe(true);
      expect(await database.db.$count(authSessions)).toBe(before);
      const page = (await signInLoader(await args(get("/log-ind")))) as { demoEnabled: boolean; demoPeople: unknown[] };
      expect(page.demoEnabled).toBe(false);
      expect(page.demoPeople).toEqual([]);
    }
  });

  it("says what to do when nobody or an unknown person is chosen", async () => {
    process.env.DEMO_LOGIN = "1";
    const empty = (await signInAction(await args(post("/log-ind", {})))) as unknown as DataResult;
    expect(empty.init?.status).toBe(400);
    expect(empty.data.result?.error?.person).toEqual(["signIn.personRequired"]);

    const unknown = (await signInAction(await args(post("/log-ind", { person: "nobody" })))) as unknown as DataResult;
    expect(unknown.init?.status).toBe(400);
    expect(unknown.data.result?.error?.person).toEqual(["signIn.personUnknown"]);

    const html = (await signInAction(await args(post("/log-ind", { person: "<script>" })))) as unknown as DataResult;
    expect(html.data.result?.error?.person).toEqual(["signIn.personUnknown"]);
  });

  it("lists the demo people with participants first", async () => {
    // About the demo itself: the seeded demo people (seeding does nothing when they exist), in
    // that order. People other tests built are listed too, so the whole list is held to the
    // role order and the demo's six to theirs.
    await seedDemoData(database.db);
    process.env.DEMO_LOGIN = "1";
    const page = (await signInLoader(await args(get("/log-ind")))) as { demoPeople: { key: string; role: string }[] };
    const demoKeys = ["mette", "ali", "nanna", "jonas", "anders", "sara"];
    expect(page.demoPeople.map((p) => p.key).filter((key) => demoKeys.includes(key))).toEqual(demoKeys);
    const roleOrder = ["participant_ressourceforloeb", "participant_jobafklaringsforloeb", "participant_kontaktforloeb", "relative", "caseworker"];
    const ranks = page.demoPeople.map((p) => roleOrder.indexOf(p.role));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("sends a signed-in person on from the sign-in page", async () => {
    const cookie = await cookieFor((await aSignInParticipant()).demoKey);
    const response = (await settle(async () => signInLoader(await args(get("/log-ind", cookie))))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });

  it("signs out on the server and says so; a timed-out sign-out says why", async () => {
    const mette = await aSignInParticipant();
    const cookie = await cookieFor(mette.demoKey);
    const response = (await settle(async () => signOutAction(await args(post("/log-ud", {}, cookie))))) as Response;
    expect(response.headers.get("Location")).toBe("/log-ind?logget-ud=1");
    expect((await readSession(get("/", cookie))).status).toBe("expired");

    const other = await cookieFor(mette.demoKey);
    const timedOut = (await settle(async () => signOutAction(await args(post("/log-ud", { reason: "timeout" }, other))))) as Response;
    expect(timedOut.headers.get("Location")).toBe("/log-ind?udloebet=1");
    const page = (await settle(async () => signInLoader(await args(get("/log-ind?udloebet=1"))))) as { notice: string; idleMinutes: number };
    expect(page).toMatchObject({ notice: "expired", idleMinutes: 30 });
  });

  it("tells a caseworker, whose session ends after 15 idle minutes, that it was 15", async () => {
    const sara = await aPerson({ isCaseworker: true }).build(database.db);
    const cookie = await cookieFor(sara.demoKey);
    const timedOut = (await settle(async () => signOutAction(await args(post("/log-ud", { reason: "timeout" }, cookie))))) as Response;
    expect(timedOut.headers.get("Location")).toBe("/log-ind?udloebet=1&minutter=15");
    const page = (await settle(async () => signInLoader(await args(get("/log-ind?udloebet=1&minutter=15"))))) as { idleMinutes: number };
    expect(page.idleMinutes).toBe(15);
    // Nothing else can be put there.
    expect(((await settle(async () => signInLoader(await args(get("/log-ind?udloebet=1&minutter=1"))))) as { idleMinutes: number }).idleMinutes).toBe(30);
  });
});

describe("a sign-in method that has been turned off", () => {
  it("ends its sessions on the next request: signed out, nothing read or written, the session row ended", async () => {
    process.env.DEMO_LOGIN = "1";
    const mette = await aSignInParticipant();
    const signedIn = (await settle(async () => signInAction(await args(post("/log-ind", { person: mette.demoKey }))))) as Response;
    const cookie = signedIn.headers.get("Set-Cookie")!.split(";")[0]!;
    const openSessions = () =>
      database.db.$count(authSessions, and(eq(authSessions.personId, mette.personId), isNull(authSessions.endedAt)));

    // While demo sign-in is on, the session reads.
    const page = (await settle(async () => cvAboutLoader(await args(get("/cv/om-mig", cookie))))) as { version: number };
    expect(page.version).toEqual(expect.any(Number));
    const openBefore = await openSessions();

    // DEMO_LOGIN is unset: the very next request is signed out, as after a timeout.
    delete process.env.DEMO_LOGIN;
    const read = (await settle(async () => cvAboutLoader(await args(get("/cv/om-mig", cookie))))) as Response;
    expect(read.status).toBe(302);
    expect(read.headers.get("Location")).toBe("/log-ind?udloebet=1");
    expect(await openSessions()).toBe(openBefore - 1);
    const [row] = await database.db.select().from(authSessions).where(eq(authSessions.personId, mette.personId)).orderBy(desc(authSessions.createdAt)).limit(1);
    expect(row!.endedAt).toBeInstanceOf(Date);

    // A write with the same cookie changes nothing.
    const before = await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, mette.participantId));
    const write = (await settle(async () =>
      cvAboutAction(await args(post("/cv/om-mig", { summary: "Skrevet efter demo blev slået fra", version: String(page.version) }, cookie))),
    )) as Response;
    expect(write.status).toBe(302);
    expect(write.headers.get("Location")).toBe("/log-ind?udloebet=1");
    expect(await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, mette.participantId))).toEqual(before);

    // Turning demo sign-in on again does not bring the ended session back.
    process.env.DEMO_LOGIN = "1";
    expect((await readSession(get("/", cookie))).status).toBe("expired");
  });

  it("never lets a session of an unknown method read", async () => {
    process.env.DEMO_LOGIN = "1";
    const mette = await aPerson().build(database.db);
    const { startSession } = await import("~/lib/session.server");
    const cookie = (await startSession(mette.personId, "retired-method")).split(";")[0]!;
    expect((await readSession(get("/", cookie))).status).toBe("expired");
  });
});
