import { readFileSync } from "node:fs";
import { createCookie } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readConfig, variables } from "../../server/config.js";
import { aKeyPair, writeTempFiles } from "../support/test-certificates";

// Issue 15: one schema for every setting, checked at start. What an operator meets: production
// refuses to guess, says which variables are wrong, and never repeats a secret.

const SECRET = "a-production-secret-that-is-long-enough-0123";
const OLD_SECRET = "the-secret-we-used-until-last-week-0123456789";
const IDP_METADATA = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://saml.test-nemlog-in.dk"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`;
let nemLogIn: { NEMLOGIN_IDP_METADATA: string; NEMLOGIN_SP_KEY: string; NEMLOGIN_SP_CERT: string };
let production: Record<string, string>;

beforeAll(async () => {
  const sp = await aKeyPair("Min Vej test");
  const files = writeTempFiles({ "idp.xml": IDP_METADATA, "sp-key.pem": sp.key, "sp-cert.pem": sp.certificate, "not-a-key.pem": "hello" });
  nemLogIn = { NEMLOGIN_IDP_METADATA: files["idp.xml"], NEMLOGIN_SP_KEY: files["sp-key.pem"], NEMLOGIN_SP_CERT: files["sp-cert.pem"] };
  production = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://portal_app:hemmeligt-kodeord@db.example.dk:5432/minvej",
    SESSION_SECRET: SECRET,
    PUBLIC_ORIGIN: "https://minvej.example.dk",
    MUNICIPALITIES_FILE: "config/municipalities.demo.json",
    ...nemLogIn,
  };
  notAKey = files["not-a-key.pem"];
});
let notAKey: string;

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration (server/config.js)", () => {
  it("starts in development with nothing set: embedded database, port 3000, a generated secret", () => {
    const config = readConfig({});
    expect(config.production).toBe(false);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe("./.data");
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(false);
    expect(config.generatedSessionSecret).toBe(true);
    expect(config.sessionSecrets).toHaveLength(1);
    expect(config.sessionSecrets[0]!.length).toBeGreaterThanOrEqual(32);
    expect(config.rateLimits.signIn).toEqual({ max: 20, windowSeconds: 900 });
  });

  it("refuses production without DATABASE_URL, SESSION_SECRET, PUBLIC_ORIGIN, the municipalities and NemLog-in, naming each", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.map((line) => line.split(":")[0])).toEqual(["DATABASE_URL", "SESSION_SECRET", "PUBLIC_ORIGIN", "MUNICIPALITIES_FILE", "NEMLOGIN_IDP_METADATA"]);
    expect(() => readConfig({ NODE_ENV: "production" })).toThrow(/Min Vej cannot start: 5 settings are missing or invalid/);
    // Each alone is missed as well.
    for (const name of ["DATABASE_URL", "SESSION_SECRET", "PUBLIC_ORIGIN", "MUNICIPALITIES_FILE"] as const) {
      expect(problemsOf({ ...production, [name]: "" }).map((line) => line.split(":")[0])).toEqual([name]);
    }
    expect(problemsOf(production)).toEqual([]);
    expect(readConfig(production).nemLogIn?.kind).toBe("nemlogin");
  });

  it("checks NemLog-in's files at start: readable, the right kind, all three together; Test-MitID never in production", () => {
    // Two of three: the third is named.
    expect(problemsOf({ ...production, NEMLOGIN_SP_CERT: "" }).map((line) => line.split(":")[0])).toEqual(["NEMLOGIN_SP_CERT"]);
    // A file that is not what it should be, or not there: the path is named, the content never.
    expect(problemsOf({ ...production, NEMLOGIN_SP_KEY: notAKey })).toEqual([`NEMLOGIN_SP_KEY: the file ${notAKey} is not a PEM private key.`]);
    expect(problemsOf({ ...production, NEMLOGIN_SP_CERT: nemLogIn.NEMLOGIN_SP_KEY })[0]).toMatch(/^NEMLOGIN_SP_CERT: the file .* is not a PEM certificate\.$/);
    expect(problemsOf({ ...production, NEMLOGIN_IDP_METADATA: nemLogIn.NEMLOGIN_SP_CERT })[0]).toMatch(/is not SAML metadata with an IDPSSODescriptor/);
    expect(problemsOf({ ...production, NEMLOGIN_IDP_METADATA: "/no/such/file.xml" })).toEqual([
      "NEMLOGIN_IDP_METADATA: cannot read the file /no/such/file.xml (it should be SAML metadata with an IDPSSODescriptor).",
    ]);
    // The test identity provider signs anyone in: development, tests and DEMO=1 only.
    const withoutNemLogIn = Object.fromEntries(Object.entries(production).filter(([name]) => !name.startsWith("NEMLOGIN_")));
    expect(problemsOf({ ...withoutNemLogIn, NEMLOGIN_TEST_IDP: "1" }).map((line) => line.split(":")[0])).toContain("NEMLOGIN_TEST_IDP");
    expect(problemsOf({ ...withoutNemLogIn, NEMLOGIN_TEST_IDP: "1", DEMO: "1" })).toEqual([]);
    expect(readConfig({ NEMLOGIN_TEST_IDP: "1" }).nemLogIn?.kind).toBe("test");
    expect(readConfig({}).nemLogIn).toBeNull();
    // The caseworkers' OpenID provider: issuer and client id together.
    expect(problemsOf({ CASEWORKER_OIDC_ISSUER: "https://login.example.dk" })).toEqual([
      "CASEWORKER_OIDC_CLIENT_ID: required for the caseworkers' sign-in: the issuer and the client id come together.",
    ]);
    expect(readConfig({ CASEWORKER_OIDC_ISSUER: "https://login.example.dk", CASEWORKER_OIDC_CLIENT_ID: "minvej" }).caseworkerOidc).toMatchObject({
      issuer: "https://login.example.dk",
      clientId: "minvej",
      roleClaim: "roles",
    });
  });

  it("lets DEMO=1 (or DEMO_LOGIN=1) run production without them, and nothing else does", () => {
    for (const env of [{ DEMO: "1" }, { DEMO_LOGIN: "1" }]) {
      const config = readConfig({ NODE_ENV: "production", ...env });
      expect(config.production).toBe(true);
      expect(config.demo).toBe(true);
      expect(config.databaseUrl).toBeUndefined();
    }
    expect(problemsOf({ NODE_ENV: "production", DEMO: "0" })).toHaveLength(5);
    expect(problemsOf({ NODE_ENV: "production", DEMO: "yes" })[0]).toBe("DEMO: write 1 (on) or 0 (off).");
    // Demo people in a production database only with DEMO=1.
    expect(problemsOf({ ...production, SEED_DEMO_DATA: "1" })).toEqual(["SEED_DEMO_DATA: demo people in production only with DEMO=1."]);
    expect(problemsOf({ ...production, SEED_DEMO_DATA: "1", DEMO: "1" })).toEqual([]);
    expect(readConfig(production).demo).toBe(false);
  });

  it("says what is wrong with a value, without repeating it", () => {
    const problems = problemsOf({
      ...production,
      PORT: "http",
      DATABASE_URL: "mysql://root:hemmeligt-kodeord@db",
      SESSION_SECRET: "kort-hemmelighed",
      PUBLIC_ORIGIN: "https://minvej.example.dk/portal",
      SMTP_URL: "mail.example.dk",
      JOB_WORKER: "nej",
      RATE_LIMIT_PDF: "30 per minute",
    });
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual(
      ["DATABASE_URL", "JOB_WORKER", "PORT", "PUBLIC_ORIGIN", "RATE_LIMIT_PDF", "SESSION_SECRET", "SMTP_URL"].sort(),
    );
    const message = problems.join("\n");
    expect(message).not.toContain("hemmeligt-kodeord");
    expect(message).not.toContain("kort-hemmelighed");
    expect(message).toContain("SESSION_SECRET: must be at least 32 characters");
    expect(problemsOf({ ...production, PUBLIC_ORIGIN: "http://minvej.example.dk" })).toEqual([
      "PUBLIC_ORIGIN: must start with https:// in production (session cookies are Secure).",
    ]);
    // Plain http is fine on this machine itself (a local production run).
    expect(problemsOf({ ...production, PUBLIC_ORIGIN: "http://127.0.0.1:3520" })).toEqual([]);
    expect(readConfig({ ...production, PUBLIC_ORIGIN: "https://minvej.example.dk/" }).publicOrigin).toBe("https://minvej.example.dk");
  });

  it("reads several session secrets: the first signs, every one verifies, an unknown one does not", async () => {
    const config = readConfig({ ...production, SESSION_SECRET: ` ${SECRET} , ${OLD_SECRET} ` });
    expect(config.sessionSecrets).toEqual([SECRET, OLD_SECRET]);
    expect(config.generatedSessionSecret).toBe(false);
    expect(problemsOf({ ...production, SESSION_SECRET: `${SECRET},short` })).toEqual([
      "SESSION_SECRET: secret number 2 is shorter than 32 characters; every comma-separated secret needs at least 32.",
    ]);

    // As app/lib/session.server.ts makes its cookie.
    const cookie = (secrets: string[]) => createCookie("minvej_session", { secrets });
    const rotated = cookie(config.sessionSecrets);
    const signedBefore = await cookie([OLD_SECRET]).serialize("token-from-before-the-rotation");
    const signedNow = await rotated.serialize("token-from-after-the-rotation");
    const signedElsewhere = await cookie(["a-secret-this-portal-never-had-0123456789"]).serialize("forged-token");
    const header = (setCookie: string) => setCookie.split(";")[0]!;
    expect(await rotated.parse(header(signedBefore))).toBe("token-from-before-the-rotation");
    expect(await rotated.parse(header(signedNow))).toBe("token-from-after-the-rotation");
    expect(await rotated.parse(header(signedElsewhere))).toBeNull();
    // New cookies are signed with the first secret only: the old one alone cannot read them.
    expect(await cookie([SECRET]).parse(header(signedNow))).toBe("token-from-after-the-rotation");
    expect(await cookie([OLD_SECRET]).parse(header(signedNow))).toBeNull();
  });

  it("parses rate limits as requests per window", () => {
    const config = readConfig({ RATE_LIMIT_SIGN_IN: "5/30s", RATE_LIMIT_INVITATIONS: "3/2h", RATE_LIMIT_CALENDAR_FEED: " 100 / 1m ", RATE_LIMIT_PDF: "1/1s" });
    expect(config.rateLimits).toEqual({
      signIn: { max: 5, windowSeconds: 30 },
      invitations: { max: 3, windowSeconds: 7200 },
      calendarFeed: { max: 100, windowSeconds: 60 },
      pdf: { max: 1, windowSeconds: 1 },
      // Per case-system client (issue 20), unless RATE_LIMIT_API says otherwise.
      api: { max: 600, windowSeconds: 60 },
    });
    expect(readConfig({ RATE_LIMIT_API: "100/10s" }).rateLimits.api).toEqual({ max: 100, windowSeconds: 10 });
    for (const bad of ["0/1m", "5/0m", "5/1d", "5", "many/1h"]) {
      expect(problemsOf({ RATE_LIMIT_SIGN_IN: bad }), bad).toEqual(['RATE_LIMIT_SIGN_IN: write it as requests/window, e.g. "20/15m" (s, m or h).']);
    }
  });

  it("documents every variable in .env.example, one comment line each, and no other", () => {
    const lines = readFileSync(new URL("../../.env.example", import.meta.url), "utf8").split("\n");
    const documented = lines.flatMap((line, index) => {
      const name = /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1];
      if (!name) return [];
      expect(lines[index - 1], `the comment above ${name}`).toMatch(/^# \S.*\S$/);
      return [name];
    });
    expect(documented.sort()).toEqual([...variables].sort());
  });
});
