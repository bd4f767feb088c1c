import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aPerson, bindIdentity } from "../../../db/builders";
import { auditEvents, authSessions, signInRequests } from "../../../db/schema";
import { loader as returnLoader } from "~/features/account/routes/caseworker-sign-in-return";
import { loader as startLoader } from "~/features/account/routes/caseworker-sign-in";
import { loader as signInPageLoader } from "~/features/account/routes/sign-in";
import { action as signOutAction } from "~/features/account/routes/sign-out";
import { hasRole } from "~/features/account/oidc/caseworker-oidc.server";
import { loader as caseworkerPageLoader } from "~/features/caseworker/routes/caseworker";
import { CASEWORKER_IDLE_TIMEOUT_MS, readSession, startSession } from "~/lib/session.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { captureLog } from "../../support/log-capture";
import { browseProvider, caseworkerOidcEnv, startTestOidcProvider, type TestOidcProvider } from "../../support/oidc-provider";
import { ORIGIN, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

// The caseworkers' sign-in against a real OpenID provider (oidc-provider) on a loopback port: the
// portal's route loaders run in-process on PGlite (or TEST_DATABASE_URL), the provider is driven
// over HTTP as a browser would, and its answers come back to the callback loader.

const ROLE = "MinVej.Sagsbehandler";
let database: TestDatabase;
let idp: TestOidcProvider;
const settingNames = ["CASEWORKER_OIDC_ISSUER", "CASEWORKER_OIDC_CLIENT_ID", "CASEWORKER_OIDC_CLIENT_SECRET", "NEMLOGIN_TEST_IDP"] as const;
const previous = Object.fromEntries(settingNames.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  idp = await startTestOidcProvider(ORIGIN);
  Object.assign(process.env, caseworkerOidcEnv(idp));
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  for (const name of settingNames) {
    if (previous[name] === undefined) delete process.env[name];
    else process.env[name] = previous[name];
  }
  await database.dispose();
  await idp.stop();
});

/** Someone at the municipality's identity provider: a `sub`, the claims it gives, and (maybe) a person bound to it. */
async function aMunicipalUser(options: { claims?: Record<string, unknown>; bindTo?: "caseworker" | "participant" | null } = {}) {
  const sub = `sub-${randomBytes(6).toString("hex")}`;
  idp.accounts.set(sub, options.claims ?? { roles: ["Other.Role", ROLE] });
  const bindTo = options.bindTo === undefined ? "caseworker" : options.bindTo;
  if (!bindTo) return { sub, personId: null, name: null };
  const person = bindTo === "caseworker" ? await aCaseworker().build(database.db) : await aPerson().build(database.db);
  await bindIdentity(database.db, person.personId, "kommune", sub);
  return { sub, personId: person.personId, name: person.name };
}

const BINDING_COOKIE = "minvej_signin_kommune";
/** The binding cookie of the browser that started each sign-in, by state: the browser the tests usually are. */
const browserOf = new Map<string, string>();

/** `/medarbejder/log-ind`: the redirect to the provider, the state it carries, and the cookie that binds it to this browser. */
async function startSignIn() {
  const response = (await run(startLoader, get("/medarbejder/log-ind"))) as Response;
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("Location")!);
  const state = location.searchParams.get("state")!;
  const binding = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${BINDING_COOKIE}=`))!;
  expect(binding).toMatch(/; HttpOnly/i);
  expect(binding).toMatch(/; SameSite=Lax/i);
  const cookie = binding.split(";")[0]!;
  browserOf.set(state, cookie);
  return { location, state, cookie };
}

/** The provider's answer for `sub`, as the URL it sends the browser back to. */
async function answerFor(sub: string, authorization?: URL) {
  const start = authorization ?? (await startSignIn()).location;
  return browseProvider(start.href, (url) => url.startsWith(ORIGIN), { login: sub, password: "any" });
}

/**
 * `/medarbejder/log-ind/retur` with the provider's answer, opened in the browser that started the
 * sign-in, or in another one (`browser`: its binding cookie, or null for none): the Response
 * (signed in) or the refusal's page data, and the cookies it sets.
 */
async function callback(answer: string, browser?: string | null) {
  const url = new URL(answer);
  const cookie = browser === undefined ? browserOf.get(url.searchParams.get("state") ?? "") : (browser ?? undefined);
  const result = await run(returnLoader, get(url.pathname + url.search, cookie));
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), setCookie: result.headers.getSetCookie(), problem: null };
  const { status, data } = unwrap(result);
  const init = (result as unknown as { init?: { headers?: Record<string, string> } }).init;
  const setCookie = init?.headers?.["Set-Cookie"] ? [init.headers["Set-Cookie"]] : [];
  return { status, location: null, setCookie, problem: (data as { problem: string }).problem };
}

/** The answer cleared the binding cookie: it is good for one answer only. */
const expectBindingCleared = (setCookie: string[]) =>
  expect(setCookie).toContainEqual(expect.stringMatching(new RegExp(`^${BINDING_COOKIE}=;.*Max-Age=0`, "i")));

const sessionCookieOf = (setCookie: string[]) => setCookie.find((cookie) => cookie.startsWith("minvej_session="))?.split(";")[0];
const openSessionsOf = (personId: string) =>
  database.db.$count(authSessions, and(eq(authSessions.personId, personId), isNull(authSessions.endedAt)));
const lastAuditOf = async (personId: string) =>
  (await database.db.select().from(auditEvents).where(eq(auditEvents.actorPersonId, personId)).orderBy(desc(auditEvents.id)).limit(1))[0];

/** Neither the `sub`, the person's id, their name nor a token is in any log line. */
function expectNoPersonalData(lines: string[], who: { sub: string; personId: string | null; name: string | null }) {
  const text = lines.join("\n");
  expect(text).not.toContain(who.sub);
  if (who.personId) expect(text).not.toContain(who.personId);
  if (who.name) expect(text).not.toContain(who.name);
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // no JWT (id_token)
}

/** A refused answer: no session cookie, the calm page's explanation, one log line naming the reason. */
async function expectRefused(
  answer: string,
  expected: { problem: string; status: number; reason: string },
  who: { sub: string; personId: string | null; name: string | null },
  browser?: string | null,
) {
  let result!: Awaited<ReturnType<typeof callback>>;
  const lines = await captureLog(async () => (result = await callback(answer, browser)));
  expect(result).toMatchObject({ status: expected.status, problem: expected.problem, location: null });
  expect(sessionCookieOf(result.setCookie)).toBeUndefined();
  expectBindingCleared(result.setCookie);
  if (who.personId) expect(await openSessionsOf(who.personId)).toBe(0);
  const refusals = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === "sign_in_refused");
  expect(refusals).toEqual([expect.objectContaining({ provider: "kommune", reason: expected.reason })]);
  expectNoPersonalData(lines, who);
}

describe("a caseworker signs in at the municipality's identity provider", () => {
  it("is sent to the provider with PKCE (S256), state and nonce, and comes back signed in for 15 idle minutes", async () => {
    const sara = await aMunicipalUser();
    const { location, state } = await startSignIn();
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get("nonce")).toBeTruthy();
    expect(location.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/medarbejder/log-ind/retur`);

    let result!: Awaited<ReturnType<typeof callback>>;
    const lines = await captureLog(async () => (result = await callback(await answerFor(sara.sub, location))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/sagsbehandler");
    const cookie = sessionCookieOf(result.setCookie)!;
    expect(cookie).toBeDefined();
    expectBindingCleared(result.setCookie);
    expectNoPersonalData(lines, sara);
    // The state is used up.
    expect(await database.db.$count(signInRequests, eq(signInRequests.id, state))).toBe(0);

    const session = await readSession(get("/", cookie));
    expect(session).toMatchObject({ status: "active", personId: sara.personId, provider: "kommune", idleTimeoutMs: CASEWORKER_IDLE_TIMEOUT_MS });
    expect(await lastAuditOf(sara.personId!)).toMatchObject({ action: "session.signed_in", details: { provider: "kommune" } });

    const page = unwrap(await run(caseworkerPageLoader, get("/sagsbehandler", cookie)));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ participants: [] });
  });

  it("ends the caseworker's session after 15 minutes without a request", async () => {
    const sara = await aMunicipalUser();
    const cookie = sessionCookieOf((await callback(await answerFor(sara.sub))).setCookie)!;
    const start = Date.now();
    // The browser keeps the seen cookie each answer renews (the session's idle clock).
    let seen = "";
    const visit = async (minutes: number) => {
      const state = await readSession(get("/", [cookie, seen].filter(Boolean).join("; ")), new Date(start + minutes * 60_000));
      if (state.status === "active" && state.renewedCookie) seen = state.renewedCookie.split(";")[0]!;
      return state.status;
    };
    expect(await visit(14)).toBe("active");
    expect(await visit(14 + 14)).toBe("active");
    expect(await visit(14 + 14 + 16)).toBe("expired");
  });

  it("signs out at the provider too: /log-ud ends the session and sends the browser to its end_session endpoint", async () => {
    const sara = await aMunicipalUser();
    const cookie = sessionCookieOf((await callback(await answerFor(sara.sub))).setCookie)!;
    const response = (await run(signOutAction, post("/log-ud", {}, cookie))) as Response;
    expect(response.status).toBe(302);
    const endSession = new URL(response.headers.get("Location")!);
    expect(endSession.origin + endSession.pathname).toBe(`${idp.issuer}/session/end`);
    expect(endSession.searchParams.get("id_token_hint")).toMatch(/^eyJ/);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${ORIGIN}/log-ind?logget-ud=1`);
    expect((await readSession(get("/", cookie))).status).toBe("expired");
    expect(await lastAuditOf(sara.personId!)).toMatchObject({ action: "session.signed_out" });

    // The provider accepts the hint, asks "sign out?", and sends the browser back to our sign-in page.
    const back = await browseProvider(endSession.href, (url) => url.startsWith(ORIGIN), { logout: "yes" });
    expect(back).toBe(`${ORIGIN}/log-ind?logget-ud=1`);
  });

  it("offers the caseworkers' sign-in on /log-ind only when it is configured", async () => {
    const page = (await run(signInPageLoader, get("/log-ind"))) as { caseworkerEnabled: boolean };
    expect(page.caseworkerEnabled).toBe(true);
    const issuer = process.env.CASEWORKER_OIDC_ISSUER;
    delete process.env.CASEWORKER_OIDC_ISSUER;
    try {
      expect(((await run(signInPageLoader, get("/log-ind"))) as { caseworkerEnabled: boolean }).caseworkerEnabled).toBe(false);
      expect(((await run(startLoader, get("/medarbejder/log-ind"))) as Response).status).toBe(404);
      expect(((await run(returnLoader, get("/medarbejder/log-ind/retur?state=x&code=y"))) as Response).status).toBe(404);
    } finally {
      process.env.CASEWORKER_OIDC_ISSUER = issuer;
    }
  });

  it("says calmly that the municipality's sign-in is not answering when the provider cannot be reached, and logs why", async () => {
    const issuer = process.env.CASEWORKER_OIDC_ISSUER;
    process.env.CASEWORKER_OIDC_ISSUER = "http://127.0.0.1:9/unreachable";
    try {
      let result: unknown;
      const lines = await captureLog(async () => (result = await run(startLoader, get("/medarbejder/log-ind"))));
      expect(unwrap(result)).toEqual({ status: 503, data: { problem: "unavailable" } });
      expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
        expect.objectContaining({ level: "error", event: "caseworker_oidc_unreachable", issuer: "http://127.0.0.1:9/unreachable" }),
      );
    } finally {
      process.env.CASEWORKER_OIDC_ISSUER = issuer;
    }
  });
});

describe("a caseworker sign-in the portal refuses", () => {
  it("refuses someone whose id_token has no role claim (audit row: no_role)", async () => {
    const who = await aMunicipalUser({ claims: {} });
    await expectRefused(await answerFor(who.sub), { status: 403, problem: "noRole", reason: "no_role" }, who);
    expect(await lastAuditOf(who.personId!)).toMatchObject({ action: "session.sign_in_refused", details: { provider: "kommune", reason: "no_role" } });
  });

  it("refuses someone with other roles only", async () => {
    const who = await aMunicipalUser({ claims: { roles: ["MinVej.Læser", "Sagsbehandler"] } });
    await expectRefused(await answerFor(who.sub), { status: 403, problem: "noRole", reason: "no_role" }, who);
  });

  it("refuses a `sub` no person is bound to, and creates no one", async () => {
    const who = await aMunicipalUser({ bindTo: null });
    const auditRows = await database.db.$count(auditEvents);
    await expectRefused(await answerFor(who.sub), { status: 403, problem: "notRegistered", reason: "unknown_subject" }, who);
    expect(await database.db.$count(auditEvents)).toBe(auditRows);
  });

  it("refuses a `sub` bound to a person who is not a caseworker, role or not", async () => {
    const who = await aMunicipalUser({ bindTo: "participant" });
    await expectRefused(await answerFor(who.sub), { status: 403, problem: "notRegistered", reason: "not_caseworker" }, who);
    expect(await lastAuditOf(who.personId!)).toMatchObject({ action: "session.sign_in_refused", details: { reason: "not_caseworker" } });
  });

  it("refuses an answer whose state this portal never issued", async () => {
    const who = await aMunicipalUser();
    const answer = new URL(await answerFor(who.sub));
    answer.searchParams.set("state", "a-state-nobody-issued");
    await expectRefused(answer.href, { status: 400, problem: "tryAgain", reason: "bad_state" }, who);
  });

  it("refuses the same answer twice (a replayed callback URL)", async () => {
    const who = await aMunicipalUser();
    const answer = await answerFor(who.sub);
    expect((await callback(answer)).status).toBe(302);
    const before = await openSessionsOf(who.personId!);
    await expectRefused(answer, { status: 400, problem: "tryAgain", reason: "bad_state" }, { ...who, personId: null });
    expect(await openSessionsOf(who.personId!)).toBe(before);
  });

  it("refuses an answer opened in another browser than the one that started the sign-in (login CSRF), and the state is used up", async () => {
    // Someone starts a sign-in as themselves (browser A) and sends the answer to another person:
    // their browser (B) has its own sign-in's cookie, or none at all.
    const attacker = await aMunicipalUser();
    const inA = await startSignIn();
    const inB = await startSignIn();
    const answer = await answerFor(attacker.sub, inA.location);
    await expectRefused(answer, { status: 400, problem: "tryAgain", reason: "other_browser" }, attacker, inB.cookie);
    expect(await database.db.$count(signInRequests, eq(signInRequests.id, inA.state))).toBe(0);
    // Refused in B, it is used up: not even browser A can finish it now.
    await expectRefused(answer, { status: 400, problem: "tryAgain", reason: "bad_state" }, attacker, inA.cookie);

    const withoutCookie = await answerFor(attacker.sub);
    await expectRefused(withoutCookie, { status: 400, problem: "tryAgain", reason: "other_browser" }, attacker, null);
    await expectRefused(withoutCookie, { status: 400, problem: "tryAgain", reason: "bad_state" }, attacker);
    expect(await openSessionsOf(attacker.personId!)).toBe(0);
  });

  it("refuses an id_token whose nonce is not the one this sign-in sent", async () => {
    const who = await aMunicipalUser();
    const { location, state } = await startSignIn();
    await database.db.update(signInRequests).set({ nonce: "a-different-nonce" }).where(eq(signInRequests.id, state));
    await expectRefused(await answerFor(who.sub, location), { status: 400, problem: "tryAgain", reason: "id_token_invalid" }, who);
  });

  it("refuses when the provider answers error=access_denied (the person cancelled), and the state is used up", async () => {
    const who = await aMunicipalUser();
    const { location, state } = await startSignIn();
    const answer = await browseProvider(location.href, (url) => url.startsWith(ORIGIN), { abort: "1" });
    expect(new URL(answer).searchParams.get("error")).toBe("access_denied");
    await expectRefused(answer, { status: 403, problem: "cancelled", reason: "access_denied" }, who);
    expect(await database.db.$count(signInRequests, eq(signInRequests.id, state))).toBe(0);
  });

  it("refuses an id_token signed with another key (another provider answering at the same address)", async () => {
    const who = await aMunicipalUser();
    idp.answerAs({ newKey: true });
    try {
      await expectRefused(await answerFor(who.sub), { status: 400, problem: "tryAgain", reason: "id_token_invalid" }, who);
    } finally {
      idp.answerAs(null);
    }
  });

  it("refuses an answer from another issuer, even with the right key", async () => {
    const who = await aMunicipalUser();
    idp.answerAs({ issuer: idp.issuer.replace("127.0.0.1", "localhost") });
    try {
      await expectRefused(await answerFor(who.sub), { status: 400, problem: "tryAgain", reason: "id_token_invalid" }, who);
    } finally {
      idp.answerAs(null);
    }
  });
});

describe("the caseworker role", () => {
  it("comes only with the municipality's login: a MitID session of a caseworker gets 404 at /sagsbehandler", async () => {
    process.env.NEMLOGIN_TEST_IDP = "1";
    const sara = await aCaseworker().build(database.db);
    const withMitId = (await startSession(sara.personId, "nemlogin")).split(";")[0]!;
    expect(await readSession(get("/", withMitId))).toMatchObject({ status: "active", provider: "nemlogin" });
    expect(unwrap(await run(caseworkerPageLoader, get("/sagsbehandler", withMitId))).status).toBe(404);

    const withKommune = (await startSession(sara.personId, "kommune")).split(";")[0]!;
    expect(unwrap(await run(caseworkerPageLoader, get("/sagsbehandler", withKommune))).status).toBe(200);
  });
});

describe("the role claim", () => {
  it("is a list that holds the role, or the role itself", () => {
    expect(hasRole([ROLE, "Other"], ROLE)).toBe(true);
    expect(hasRole(ROLE, ROLE)).toBe(true);
    expect(hasRole(["Other"], ROLE)).toBe(false);
    expect(hasRole(`${ROLE} Other`, ROLE)).toBe(false);
    expect(hasRole(undefined, ROLE)).toBe(false);
    expect(hasRole([[ROLE]], ROLE)).toBe(false);
  });
});
