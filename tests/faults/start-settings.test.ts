import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createCookie } from "react-router";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, serverUrl } from "../support/db";
import { answersReady, freePort, runToExit as run, signInLive, spawnProcess, startLiveServer, waitUntil, type LiveServer } from "../support/live-server";
import { aKeyPair, writeTempFiles } from "../support/test-certificates";

const TEST_IDP_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://saml.test-nemlog-in.dk"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`;

// Issue 15: production refuses to start on guesses. Without DATABASE_URL, SESSION_SECRET and
// PUBLIC_ORIGIN (and without DEMO=1) `node server.js` stops at once with one message that names
// each, and exit code 1: no stack trace, no embedded database, no demo people.

const NEW_SECRET = "the-secret-that-signs-from-today-0123456789";
const OLD_SECRET = "the-secret-that-signed-until-today-012345678";
const buildDir = process.env.BUILD_DIR || "build";

/** Production mode with only these settings (and PATH): nothing of this test run's own. */
const productionEnv = (env: Record<string, string>) => ({ PATH: process.env.PATH ?? "", NODE_ENV: "production", BUILD_DIR: buildDir, HOST: "127.0.0.1", ...env });
/** Runs a script of the repository with `productionEnv(env)`, to its end. */
const runToExit = (script: string, env: Record<string, string>) => run(process.execPath, [script], { env: productionEnv(env) });

describe("settings checked at start (production)", () => {
  const started: LiveServer[] = [];
  const folders: string[] = [];
  afterAll(async () => {
    for (const server of started) await server.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("refuses to start without DATABASE_URL, SESSION_SECRET, PUBLIC_ORIGIN, the municipalities and NemLog-in: one message naming each, exit 1", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "minvej-settings-")), "data");
    folders.push(path.dirname(dataDir));
    const { code, output } = await runToExit("server.js", { PORT: "3520", DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain("Min Vej cannot start: 5 settings are missing or invalid (see .env.example).");
    expect(output).toMatch(/^ {2}MUNICIPALITIES_FILE: required in production/m);
    expect(output).toMatch(/^ {2}DATABASE_URL: required in production/m);
    expect(output).toMatch(/^ {2}SESSION_SECRET: required in production/m);
    expect(output).toMatch(/^ {2}PUBLIC_ORIGIN: required in production/m);
    expect(output).toMatch(/^ {2}NEMLOGIN_IDP_METADATA: required in production: without NemLog-in nobody can sign in/m);
    // A message, not a crash: no stack frames, and it never got as far as listening.
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/lytter på/);
    // No silent fallback: the embedded database was never opened.
    expect(existsSync(dataDir)).toBe(false);
  });

  it("names an invalid value without repeating it", async () => {
    const { code, output } = await runToExit("server.js", {
      PORT: "port-3520",
      DATABASE_URL: "postgres://portal_app:hemmeligt-kodeord@127.0.0.1:5432/minvej",
      SESSION_SECRET: "for-kort",
      PUBLIC_ORIGIN: "https://minvej.example.dk",
    });
    expect(code).toBe(1);
    // A value that cannot be read stops the check there: the missing NemLog-in comes next time.
    expect(output).toContain("2 settings are missing or invalid");
    expect(output).toMatch(/^ {2}PORT: /m);
    expect(output).toMatch(/^ {2}SESSION_SECRET: must be at least 32 characters/m);
    expect(output).not.toContain("for-kort");
    expect(output).not.toContain("hemmeligt-kodeord");
  });

  it("the job worker refuses the same way", async () => {
    const { code, output } = await runToExit("worker.js", {});
    expect(code).toBe(1);
    expect(output).toMatch(/^ {2}DATABASE_URL: required in production/m);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it("starts with DEMO=1 alone: embedded database, demo people, demo sign-in", async () => {
    // startLiveServer's own DEMO_LOGIN=1 is taken away: DEMO=1 is the switch here.
    const server = await startLiveServer({ DEMO: "1", DEMO_LOGIN: "", SESSION_SECRET: "" });
    started.push(server);
    const cookie = await signInLive(server, "mette");
    const page = await fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
  }, 120_000);

  it("verifies a cookie signed with the old secret after a rotation, and refuses one signed with an unknown secret", async () => {
    const server = await startLiveServer({ SESSION_SECRET: `${NEW_SECRET},${OLD_SECRET}` });
    started.push(server);
    const header = await signInLive(server, "mette");
    const name = header.slice(0, header.indexOf("="));
    const signed = header.slice(name.length + 1);
    expect(name).toBe("__Host-minvej_session");
    const cookieWith = (secrets: string[]) => createCookie(name, { secrets, secure: true, path: "/" });
    // New cookies are signed with the first secret.
    const token = (await cookieWith([NEW_SECRET]).parse(`${name}=${signed}`)) as string;
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(await cookieWith([OLD_SECRET]).parse(`${name}=${signed}`)).toBeNull();

    const minPlan = async (secret: string) => {
      const cookie = (await cookieWith([secret]).serialize(token)).split(";")[0]!;
      return fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie }, redirect: "manual" });
    };
    expect((await minPlan(NEW_SECRET)).status).toBe(200);
    // A browser that got its cookie before the rotation stays signed in.
    expect((await minPlan(OLD_SECRET)).status).toBe(200);
    // The same session token under a secret the portal never had: signed out.
    const forged = await minPlan("a-secret-this-portal-never-had-0123456789");
    expect(forged.status).toBe(302);
    expect(forged.headers.get("location")).toBe("/log-ind");
  }, 120_000);

  it.skipIf(!serverUrl)("runs production on Postgres without DEMO: no demo people, no demo sign-in (Postgres)", async () => {
    const database = await createPostgresDatabase("minvej_settings");
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const sp = await aKeyPair("Min Vej test");
    const files = writeTempFiles({ "idp.xml": TEST_IDP_METADATA, "sp-key.pem": sp.key, "sp-cert.pem": sp.certificate });
    const env = {
      PORT: String(port),
      DATABASE_URL: database.appUrl,
      DATABASE_OWNER_URL: database.ownerUrl,
      SESSION_SECRET: NEW_SECRET,
      PUBLIC_ORIGIN: origin,
      MUNICIPALITIES_FILE: "config/municipalities.demo.json",
      NEMLOGIN_IDP_METADATA: files["idp.xml"],
      NEMLOGIN_SP_KEY: files["sp-key.pem"],
      NEMLOGIN_SP_CERT: files["sp-cert.pem"],
    };
    const server = spawnProcess(process.execPath, ["server.js"], { env: productionEnv(env) });
    try {
      await waitUntil(server, "the server to answer /readyz", answersReady(origin));
      const signIn = await fetch(`${origin}/log-ind`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
        body: new URLSearchParams({ person: "mette" }),
      });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.getSetCookie().join()).not.toContain("minvej_session");
      const page = await (await fetch(`${origin}/log-ind`)).text();
      expect(page).not.toContain("Mette");
      const ownerConnection = postgres(database.ownerUrl, { max: 1, onnotice: () => {} });
      const [row] = await ownerConnection`select count(*)::int as n from portal.persons`;
      await ownerConnection.end();
      expect(row!.n).toBe(0);
    } finally {
      await server.stop();
      await database.drop();
    }
  }, 120_000);
});
