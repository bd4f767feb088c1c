import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, bindIdentity } from "../../../db/builders";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { setupFrom, type NemLogInSetup } from "~/features/account/nemlogin/setup.server";
import { createTestIdentityProvider, type TestCitizen, type TestIdentityProvider } from "~/features/account/nemlogin/test-idp.server";
import { createPostgresDatabase, serverUrl, type PostgresDatabase } from "../../support/db";
import { sessionCookieOf, startLiveServer, type LiveServer } from "../../support/live-server";
import { anOpenInvitation } from "../../support/invitations";
import { browseProvider, caseworkerOidcEnv, startTestOidcProvider, type TestOidcProvider } from "../../support/oidc-provider";
import { forgedBeside, withoutSignatures, wrappedInForged } from "../../support/saml-attacks";
import { aKeyPair, writeTempFiles } from "../../support/test-certificates";

// Issue 17, "done when": with the demo sign-in off, a participant, a relative and a caseworker
// sign in and out only through the real protocols: MitID through NemLog-in (SAML), the
// municipality's own login (OpenID Connect). The production build (`node server.js`) is configured as a municipality would
// configure it (IdP metadata, our key and certificate as files; Postgres under row-level
// security); this test plays NemLog-in and the browser, by hand: redirects, cookies, the
// cross-site POST to /saml/acs. Needs a build (BUILD_DIR) and Postgres.

const IDP = "https://saml.test-nemlog-in.dk";

describe.skipIf(!serverUrl)("MitID through the real server, demo sign-in off (Postgres)", () => {
  let database: PostgresDatabase;
  let owner: DatabaseHandle;
  let server: LiveServer;
  let idp: TestIdentityProvider;
  let setup: NemLogInSetup;
  let mette: TestCitizen;
  let metteParticipantId: string;
  let oidc: TestOidcProvider;
  let impostor: TestIdentityProvider;
  let elsewhere: TestIdentityProvider;

  beforeAll(async () => {
    const [spKeys, idpKeys, otherKeys] = await Promise.all([aKeyPair("Min Vej"), aKeyPair("Test NemLog-in"), aKeyPair("Another")]);
    idp = createTestIdentityProvider({ entityId: IDP, ssoUrl: `${IDP}/sso`, sloUrl: `${IDP}/slo`, ...idpKeys });
    impostor = createTestIdentityProvider({ entityId: IDP, ssoUrl: `${IDP}/sso`, sloUrl: `${IDP}/slo`, ...otherKeys });
    elsewhere = createTestIdentityProvider({ entityId: "https://idp.elsewhere.example", ssoUrl: "https://idp.elsewhere.example/sso", sloUrl: "https://idp.elsewhere.example/slo", ...otherKeys });
    const files = writeTempFiles({ "idp.xml": idp.metadata, "key.pem": spKeys.key, "cert.pem": spKeys.certificate });
    database = await createPostgresDatabase("minvej_mitid");
    owner = await openDatabase({ url: database.ownerUrl });
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(owner.db);
    await bindIdentity(owner.db, sara.personId, "kommune", "sara-at-the-municipality");
    metteParticipantId = (await aParticipant({ person: { firstName: "Mette", lastName: "Hansen", cpr: "1203859991" } }).withCaseworker(sara).build(owner.db)).participantId;
    oidc = await startTestOidcProvider("http://unknown.invalid");
    oidc.accounts.set("sara-at-the-municipality", { roles: ["MinVej.Sagsbehandler"] });
    server = await startLiveServer(
      {
        DEMO_LOGIN: "",
        DEMO: "",
        DATABASE_URL: database.appUrl,
        DATABASE_OWNER_URL: database.ownerUrl,
        NEMLOGIN_IDP_METADATA: files["idp.xml"],
        NEMLOGIN_SP_KEY: files["key.pem"],
        NEMLOGIN_SP_CERT: files["cert.pem"],
        ...caseworkerOidcEnv(oidc),
      },
      { publicOrigin: true },
    );
    oidc.registerPortal(server.origin);
    // Our side as NemLog-in knows it from our metadata: the same key, the same addresses.
    setup = setupFrom({ origin: server.origin, ...spKeys, idpMetadata: idp.metadata, requireEncryptedAssertions: true });
    mette = { personUuid: randomUUID(), cpr: "1203859991", firstName: "Mette", lastName: "Hansen" };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await oidc?.stop();
    await owner?.close();
    await database?.drop();
  });

  const at = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    fetch(new URL(path, server.origin), { redirect: "manual", ...init, headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers } });

  /**
   * "Log ind med MitID": the request the portal sends the browser to NemLog-in with, and the
   * cookie that binds the sign-in to this browser (SameSite=None: it comes back with NemLog-in's POST).
   */
  async function startAtNemLogIn() {
    const start = await at("/log-ind/mitid", { method: "POST", headers: { Origin: server.origin } });
    expect(start.status).toBe(302);
    const binding = start.headers.getSetCookie().find((cookie) => cookie.startsWith("__Host-minvej_signin_mitid="))!;
    expect(binding).toMatch(/SameSite=None/i);
    expect(binding).toMatch(/Secure/);
    const toNemLogIn = new URL(start.headers.get("Location")!);
    expect(toNemLogIn.origin).toBe(IDP);
    return Object.assign(await idp.readAuthnRequest(setup.sp, toNemLogIn), { browser: binding.split(";")[0]! });
  }

  /** NemLog-in's page posts the answer: another site, as the browser says. */
  const postAnswer = (samlResponse: string, browser: string) =>
    at("/saml/acs", {
      method: "POST",
      cookie: browser,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: IDP, "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams({ SAMLResponse: samlResponse }),
    });

  /** From "Log ind med MitID" to a session cookie, the way a browser goes. */
  async function signIn(citizen: TestCitizen, sessionIndex?: string) {
    const request = await startAtNemLogIn();
    const samlResponse = await idp.loginResponse(setup.sp, request, citizen, { sessionIndex });
    return { back: await postAnswer(samlResponse, request.browser), samlResponse, browser: request.browser };
  }

  it("offers MitID and no demo list; the demo sign-in answers no; our metadata is published", async () => {
    const page = await (await at("/log-ind")).text();
    expect(page).toContain("Log ind med MitID");
    expect(page).not.toContain("Demo: vælg en person");
    expect(page).not.toContain("Test-MitID");
    const demo = await at("/log-ind", { method: "POST", headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" }, body: "person=mette" });
    expect(demo.status).toBe(403);
    expect(demo.headers.getSetCookie().join()).not.toContain("session");
    const metadata = await at("/saml/metadata");
    expect(metadata.headers.get("Content-Type")).toContain("samlmetadata+xml");
    expect(await metadata.text()).toContain(`Location="${server.origin}/saml/acs"`);
    // The Test-MitID pages do not exist here.
    expect((await at("/test-mitid")).status).toBe(404);
  });

  it("signs Mette in through NemLog-in and out again at NemLog-in too (SP-initiated single logout)", async () => {
    const { back } = await signIn(mette);
    expect(back.headers.get("Location")).toBe("/");
    const cookie = sessionCookieOf(back, "Mette");
    const home = await at("/", { cookie });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Mette");

    const signOut = await at("/log-ud", { method: "POST", cookie, headers: { Origin: server.origin } });
    const toNemLogIn = new URL(signOut.headers.get("Location")!);
    expect(toNemLogIn.origin + toNemLogIn.pathname).toBe(`${IDP}/slo`);
    const { nameId, responseUrl } = await idp.answerLogoutRequest(setup.sp, toNemLogIn);
    expect(nameId).toBe(`https://data.gov.dk/model/core/eid/person/uuid/${mette.personUuid}`);
    const done = await at(responseUrl.slice(server.origin.length));
    expect(done.headers.get("Location")).toBe("/log-ind?logget-ud=1");
    // The session is over: its cookie opens nothing.
    expect((await at("/", { cookie })).headers.get("Location")).toMatch(/^\/log-ind/);
  });

  it("ends the session when NemLog-in asks (IdP-initiated single logout), and only that MitID session", async () => {
    const sessionIndex = `_${randomUUID()}`;
    const { back } = await signIn(mette, sessionIndex);
    const cookie = sessionCookieOf(back, "Mette");
    const herNameId = `https://data.gov.dk/model/core/eid/person/uuid/${mette.personUuid}`;
    // Someone else's logout request does not end Mette's session, nor one for an old session of hers.
    const other = new URL(idp.logoutRequestUrl(setup.sp, `https://data.gov.dk/model/core/eid/person/uuid/${randomUUID()}`, sessionIndex));
    await at(`/saml/slo${other.search}`, { cookie });
    const old = new URL(idp.logoutRequestUrl(setup.sp, herNameId, "_an-earlier-session"));
    await at(`/saml/slo${old.search}`, { cookie });
    expect((await at("/", { cookie })).status).toBe(200);
    const hers = new URL(idp.logoutRequestUrl(setup.sp, herNameId, sessionIndex));
    const answer = await at(`/saml/slo${hers.search}`, { cookie });
    expect(new URL(answer.headers.get("Location")!).origin).toBe(IDP);
    expect((await at("/", { cookie })).headers.get("Location")).toMatch(/^\/log-ind/);
    // A logout request NemLog-in did not sign is refused with a calm page.
    const unsigned = new URL(hers);
    unsigned.searchParams.delete("Signature");
    expect((await at(`/saml/slo${unsigned.search}`)).status).toBe(400);
  });

  it("refuses a replayed answer and a person the municipality does not know: no session, a calm page, a log line without who", async () => {
    const { back, samlResponse, browser } = await signIn(mette);
    expect(back.status).toBe(302);
    const replay = await postAnswer(samlResponse, browser);
    expect(replay.status).toBe(400);
    expect(replay.headers.getSetCookie().join()).not.toContain("session");
    expect(await replay.text()).toContain("Vi kunne ikke logge dig ind");

    const kim = { personUuid: randomUUID(), cpr: "0101809996", firstName: "Kim", lastName: "Nielsen" };
    const { back: stranger } = await signIn(kim);
    expect(stranger.status).toBe(403);
    expect(stranger.headers.getSetCookie().join()).not.toContain("session");
    expect(await stranger.text()).toContain("Min Vej har ikke noget til dig endnu");

    const log = server.output();
    expect(log).toContain('"reason":"replayed"');
    expect(log).toContain('"reason":"unregistered"');
    for (const personal of [mette.cpr, kim.cpr, mette.personUuid, kim.personUuid, "Nielsen", "Hansen"]) expect(log).not.toContain(personal);
  });

  it("refuses every attack through the server the same way: no session, a calm page, the reason in the log and nothing about the person", async () => {
    type Request = Awaited<ReturnType<typeof startAtNemLogIn>>;
    const otherBrowser = await startAtNemLogIn();
    const plain = (request: Request, options = {}) => idp.loginResponse(setup.sp, request, mette, { encrypt: false, ...options });
    const encrypted = (request: Request, options = {}) => idp.loginResponse(setup.sp, request, mette, options);
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const attacks: [string, (request: Request) => Promise<string>][] = [
      ["not_encrypted", (request) => plain(request)],
      // Taken apart in the clear (no signature): here it meets "must be encrypted" first.
      ["not_encrypted", async (request) => withoutSignatures(await plain(request))],
      ["signature", (request) => impostor.loginResponse(setup.sp, request, mette)],
      ["unknown_idp", (request) => elsewhere.loginResponse(setup.sp, request, mette)],
      ["audience", (request) => encrypted(request, { audience: "https://another-service.example" })],
      ["recipient", (request) => encrypted(request, { recipient: "https://another-service.example/acs" })],
      ["expired", (request) => encrypted(request, { now: new Date(hourAgo.getTime() - 5 * 60_000), notOnOrAfter: hourAgo })],
      ["unsolicited", (request) => encrypted(request, { inResponseTo: `_${randomUUID()}` })],
      ["assurance", (request) => encrypted(request, { assuranceLevel: "Low" })],
    ];
    // Login CSRF: a genuine answer to someone's own sign-in, brought to another browser.
    const stolen = await encrypted(otherBrowser);
    // Wrapping needs the XML in the clear; NemLog-in here must encrypt, so the checks meet it as "not encrypted" first.
    for (const wrap of [wrappedInForged, forgedBeside]) attacks.push(["not_encrypted", async (request) => wrap(await plain(request), mette.personUuid)]);
    const cases: [string, () => Promise<Response>][] = attacks.map(([reason, forge]) => [
      reason,
      async () => {
        const request = await startAtNemLogIn();
        return postAnswer(await forge(request), request.browser);
      },
    ]);
    cases.push(["other_browser", async () => postAnswer(stolen, (await startAtNemLogIn()).browser)]);
    for (const [reason, send] of cases) {
      const before = server.output().length;
      const answer = await send();
      expect(answer.status, reason).toBe(400);
      expect(answer.headers.getSetCookie().join(), reason).not.toContain("session");
      const page = await answer.text();
      expect(page, reason).toMatch(/Vi kunne ikke logge dig ind|Du skal bruge MitID på et højere niveau/);
      const logged = server.output().slice(before);
      expect(logged, reason).toContain(`"event":"nemlogin_refused","reason":"${reason}"`);
      for (const personal of [mette.cpr, mette.personUuid, "Hansen"]) expect(logged, reason).not.toContain(personal);
    }
  });

  it("lets a relative the municipality never registered in through her invitation with MitID, as the name MitID gives", async () => {
    const { token } = await anOpenInvitation(owner.db, metteParticipantId, { invitedName: "Lone" });
    // The link, signed out: it remembers the invitation in a cookie of this browser.
    const link = await at(`/invitation/${token}`);
    expect(link.status).toBe(200);
    const remembered = link.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!).find((cookie) => cookie.includes("minvej_invitation="))!;
    const start = await at("/log-ind/mitid", { method: "POST", cookie: remembered, headers: { Origin: server.origin } });
    const browser = start.headers.getSetCookie().find((cookie) => cookie.startsWith("__Host-minvej_signin_mitid="))!.split(";")[0]!;
    const request = await idp.readAuthnRequest(setup.sp, new URL(start.headers.get("Location")!));
    const lone = { personUuid: randomUUID(), cpr: "1508729995", firstName: "Lone", lastName: "Berg" };
    const back = await postAnswer(await idp.loginResponse(setup.sp, request, lone), browser);
    expect(back.headers.get("Location")).toBe("/");
    const cookie = `${sessionCookieOf(back, "Lone")}; ${remembered}`;
    // The front page sends her back to the invitation, which she accepts as the MitID name.
    const home = await at("/", { cookie });
    expect(home.headers.get("Location")).toBe(`/invitation/${token}`);
    const offer = await at(`/invitation/${token}`, { cookie });
    expect(await offer.text()).toContain("Du er logget ind som Lone Berg");
    const accepted = await at(`/invitation/${token}`, {
      method: "POST",
      cookie,
      headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: "answer=accept",
    });
    expect(accepted.headers.get("Location")).toBe("/hjaelper?afventer=1");
    const [grant] = await owner.db.execute(sql`select g.status::text as status, p.first_name || ' ' || p.last_name as name from portal.relative_grants g join portal.persons p on p.id = g.relative_person_id where g.participant_id = ${metteParticipantId}`) as unknown as { status: string; name: string }[];
    expect(grant).toEqual({ status: "awaiting_confirmation", name: "Lone Berg" });
  });

  it("signs the caseworker in and out at the municipality's own login (OpenID Connect)", async () => {
    const toProvider = await at("/medarbejder/log-ind");
    const browser = toProvider.headers.getSetCookie().find((cookie) => cookie.includes("minvej_signin_kommune="))!.split(";")[0]!;
    const answer = await browseProvider(toProvider.headers.get("Location")!, (url) => url.startsWith(server.origin), { login: "sara-at-the-municipality", password: "any" });
    const back = await at(answer.slice(server.origin.length), { cookie: browser });
    expect(back.headers.get("Location")).toBe("/sagsbehandler");
    const cookie = sessionCookieOf(back, "Sara");
    const page = await at("/sagsbehandler", { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Mette");
    const signedOut = await at("/log-ud", { method: "POST", cookie, headers: { Origin: server.origin } });
    const endSession = signedOut.headers.get("Location")!;
    expect(await browseProvider(endSession, (url) => url.startsWith(server.origin), { logout: "yes" })).toBe(`${server.origin}/log-ind?logget-ud=1`);
    expect((await at("/sagsbehandler", { cookie })).status).not.toBe(200);
  });
});
