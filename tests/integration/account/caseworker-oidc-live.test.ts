import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SARA_KOMMUNE_SUBJECT } from "../../../db/seed-data";
import { sessionCookieOf, startLiveServer, type LiveServer } from "../../support/live-server";
import { browseProvider, caseworkerOidcEnv, startTestOidcProvider, type TestOidcProvider } from "../../support/oidc-provider";

// The demo caseworker Sara signs in through the real server (the production build, `node
// server.js`) at an OpenID provider on a loopback port, as a browser would: cookies and
// redirects by hand. Needs a build (BUILD_DIR).

let idp: TestOidcProvider;
let server: LiveServer;
beforeAll(async () => {
  idp = await startTestOidcProvider("http://unknown.invalid");
  server = await startLiveServer(caseworkerOidcEnv(idp));
  idp.registerPortal(server.origin);
  idp.accounts.set(SARA_KOMMUNE_SUBJECT, { roles: ["MinVej.Sagsbehandler"] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await idp?.stop();
});

const fetchAt = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  fetch(new URL(path, server.origin), { redirect: "manual", ...init, headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers } });

describe("a caseworker's sign-in through the server", () => {
  it("signs Sara in from /log-ind, shows her page without caching it, and signs her out at the provider too", async () => {
    const signInPage = await (await fetchAt("/log-ind")).text();
    expect(signInPage).toContain("Er du medarbejder i kommunen?");
    expect(signInPage).toContain('href="/medarbejder/log-ind"');

    const toProvider = await fetchAt("/medarbejder/log-ind");
    expect(toProvider.status).toBe(302);
    // The sign-in is bound to this browser by a cookie (login CSRF): the answer must come with it.
    const binding = toProvider.headers.getSetCookie().find((value) => /^(__Host-)?minvej_signin_kommune=/.test(value))!;
    expect(binding).toMatch(/; Secure/i);
    const answer = await browseProvider(toProvider.headers.get("Location")!, (url) => url.startsWith(server.origin), { login: SARA_KOMMUNE_SUBJECT, password: "any" });
    const back = await fetchAt(answer.slice(server.origin.length), { cookie: binding.split(";")[0] });
    expect(back.headers.get("Location")).toBe("/sagsbehandler");
    expect(back.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^(__Host-)?minvej_signin_kommune=;.*Max-Age=0/i));
    const cookie = sessionCookieOf(back, "Sara");

    const page = await fetchAt("/sagsbehandler", { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    // "Log ud" without JavaScript is a form whose answer redirects to the provider: the CSP allows that one origin.
    expect(page.headers.get("Content-Security-Policy")).toContain(`form-action 'self' ${idp.issuer};`);
    const html = await page.text();
    expect(html).toContain("Mette");
    expect(html).toContain("Ali");

    const signedOut = await fetchAt("/log-ud", { method: "POST", cookie, headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" }, body: "" });
    const endSession = signedOut.headers.get("Location")!;
    expect(endSession.startsWith(`${idp.issuer}/session/end?`)).toBe(true);
    expect(await browseProvider(endSession, (url) => url.startsWith(server.origin), { logout: "yes" })).toBe(`${server.origin}/log-ind?logget-ud=1`);
    expect(idp.requests).toContain("POST /session/end/confirm");
    expect((await fetchAt("/sagsbehandler", { cookie })).status).not.toBe(200);

    // Nothing about Sara in the server's log: not her name, not her sub, not a token.
    expect(server.output()).not.toMatch(/Sara|Nielsen|demo-kommune-sara|eyJ[\w-]+\.[\w-]+/);
  });

  it("refuses an answer it never asked for with a calm Danish page and no session", async () => {
    const response = await fetchAt("/medarbejder/log-ind/retur?code=made-up&state=made-up");
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().some((value) => value.includes("session="))).toBe(false);
    const html = await response.text();
    expect(html).toContain("<h1 tabindex=\"-1\">Du er ikke logget ind</h1>");
    expect(html).toContain("Prøv at logge ind igen");
    expect(server.output()).toMatch(/"event":"sign_in_refused","provider":"kommune","reason":"bad_state"/);
  });
});
