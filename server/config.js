// Every environment variable the portal and the job worker read, checked once at start with one
// schema (issue 15). server.js and worker.js stop with a list of what is wrong before anything
// else happens; the app (app/lib/env.server.ts) and db/client.ts read the same parsed values.
// .env.example documents each variable; tests/unit/config.test.ts keeps the two in step.
import { X509Certificate, createPrivateKey, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
// The server never runs the browser's CSP, so zod's eval probe (app/lib/zod.ts) does not matter here.
// eslint-disable-next-line no-restricted-imports
import { z } from "zod";
import { readApiClients } from "./api-clients.js";
import { DEMO_MUNICIPALITIES_FILE, readMunicipalities } from "./municipalities.js";

const flag = () => z.enum(["0", "1"], { error: "write 1 (on) or 0 (off)." }).optional();

/**
 * @param {string} text what the number is
 * @param {number} fallback
 * @param {number} [max]
 */
const whole = (text, fallback, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: `write ${text} as a whole number.` })
    .int({ error: `write ${text} as a whole number.` })
    .min(1, { error: `${text} must be at least 1.` })
    .max(max, { error: `${text} must be at most ${max}.` })
    .default(fallback);

/**
 * A URL with one of these schemes. The value is never repeated in a message: it may hold a password.
 * @param {string[]} schemes e.g. ["postgres:", "postgresql:"]
 * @param {string} example
 */
const urlWith = (schemes, example) =>
  z
    .string()
    .refine(
      (value) => {
        try {
          return schemes.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { error: `must be a URL like ${example}.` },
    )
    .optional();

/** Seconds per unit in a rate limit's window. */
const UNIT_SECONDS = { s: 1, m: 60, h: 3600 };

/**
 * A rate limit: at most `max` requests per `windowSeconds` for one key.
 * @param {string} fallback e.g. "20/15m"
 */
const rateLimit = (fallback) =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const match = /^\s*(\d+)\s*\/\s*(\d+)\s*([smh])\s*$/.exec(value);
      const max = Number(match?.[1]);
      const windowSeconds = Number(match?.[2]) * UNIT_SECONDS[/** @type {"s" | "m" | "h"} */ (match?.[3] ?? "s")];
      if (!match || max < 1 || windowSeconds < 1) {
        context.addIssue({ code: "custom", message: 'write it as requests/window, e.g. "20/15m" (s, m or h).' });
        return z.NEVER;
      }
      return { max, windowSeconds };
    });

/**
 * Comma-separated session secrets: the first signs new cookies, every one verifies (rotation).
 * Commas therefore cannot be part of a secret.
 */
const sessionSecrets = z
  .string()
  .transform((value, context) => {
    const secrets = value
      .split(",")
      .map((secret) => secret.trim())
      .filter(Boolean);
    const short = secrets.findIndex((secret) => secret.length < 32);
    if (secrets.length === 0 || short >= 0) {
      context.addIssue({
        code: "custom",
        message:
          secrets.length > 1
            ? `secret number ${short + 1} is shorter than 32 characters; every comma-separated secret needs at least 32.`
            : "must be at least 32 characters (e.g. `openssl rand -hex 32`).",
      });
      return z.NEVER;
    }
    return secrets;
  })
  .optional();

const publicOrigin = z
  .string()
  .transform((value, context) => {
    let url;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || !["http:", "https:"].includes(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username) {
      context.addIssue({ code: "custom", message: "must be the address people use, scheme and host only, e.g. https://minvej.example.dk." });
      return z.NEVER;
    }
    return url.origin;
  })
  .optional();

/**
 * A file the portal reads at start, checked by `check` (which throws with what is wrong). The path
 * is repeated in the message, never the file's content.
 * @param {string} what e.g. "a PEM private key"
 * @param {(text: string) => void} check
 */
const fileWith = (what, check) =>
  z
    .string()
    .transform((path, context) => {
      let text;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        context.addIssue({ code: "custom", message: `cannot read the file ${path} (it should be ${what}).` });
        return z.NEVER;
      }
      try {
        check(text);
      } catch {
        context.addIssue({ code: "custom", message: `the file ${path} is not ${what}.` });
        return z.NEVER;
      }
      return { path, text };
    })
    .optional();

const pemKey = fileWith("a PEM private key", (text) => createPrivateKey(text));
const pemCertificate = fileWith("a PEM certificate", (text) => new X509Certificate(text));
const idpMetadata = fileWith("SAML metadata with an IDPSSODescriptor", (text) => {
  if (!/<(\w+:)?EntityDescriptor[\s>]/.test(text) || !/<(\w+:)?IDPSSODescriptor[\s>]/.test(text)) throw new Error("not IdP metadata");
});

export const schema = z
  .object({
    NODE_ENV: z.enum(["production", "development", "test"], { error: "write production, development or test." }).default("development"),
    DEMO: flag(),
    DEMO_LOGIN: flag(),
    PORT: whole("the port", 3000, 65535),
    HOST: z.string().default("0.0.0.0"),
    PUBLIC_ORIGIN: publicOrigin,
    TRUST_PROXY: flag(),
    BUILD_DIR: z.string().default("build"),
    DATABASE_URL: urlWith(["postgres:", "postgresql:"], "postgres://portal_app@db.example.dk:5432/minvej"),
    DATABASE_OWNER_URL: urlWith(["postgres:", "postgresql:"], "postgres://minvej_owner@db.example.dk:5432/minvej"),
    DATABASE_POOL_SIZE: whole("the pool size", 10, 1000),
    DATABASE_QUEUE_MAX: whole("the queue length", 100),
    DATABASE_ACQUIRE_TIMEOUT_MS: whole("the wait in milliseconds", 3000),
    DATA_DIR: z.string().default("./.data"),
    SEED_DEMO_DATA: flag(),
    SESSION_SECRET: sessionSecrets,
    SMTP_URL: urlWith(["smtp:", "smtps:"], "smtp://user:password@smtp.example.dk:587"),
    SMS_GATEWAY_URL: urlWith(["https:", "http:"], "https://sms.example.dk/v1/messages"),
    SMS_GATEWAY_TOKEN: z.string().optional(),
    MAIL_FROM: z.string().default("Min Vej <ingen-svar@minvej.example.dk>"),
    MUNICIPALITIES_FILE: z.string().optional(),
    API_CLIENTS_FILE: z.string().optional(),
    JOB_WORKER: z.enum(["on", "off"], { error: "write on or off." }).default("on"),
    SHUTDOWN_TIMEOUT_MS: whole("the time in milliseconds", 20_000),
    PDF_FONT_REGULAR: z.string().optional(),
    PDF_FONT_BOLD: z.string().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "write fatal, error, warn, info, debug, trace or silent." }).optional(),
    METRICS_PORT: z.coerce.number({ error: "write a port number." }).int({ error: "write a port number." }).min(1).max(65535).optional(),
    METRICS_HOST: z.string().optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: urlWith(["http:", "https:"], "http://otel-collector:4318"),
    RATE_LIMIT_SIGN_IN: rateLimit("20/15m"),
    RATE_LIMIT_INVITATIONS: rateLimit("10/1h"),
    RATE_LIMIT_CALENDAR_FEED: rateLimit("60/1h"),
    RATE_LIMIT_PDF: rateLimit("30/10m"),
    RATE_LIMIT_API: rateLimit("600/1m"),
    NEMLOGIN_IDP_METADATA: idpMetadata,
    NEMLOGIN_SP_ENTITY_ID: z.url({ error: "must be a URL, e.g. https://minvej.example.dk/saml/metadata." }).optional(),
    NEMLOGIN_SP_KEY: pemKey,
    NEMLOGIN_SP_CERT: pemCertificate,
    NEMLOGIN_TEST_IDP: flag(),
    CASEWORKER_OIDC_ISSUER: urlWith(["https:", "http:"], "https://login.microsoftonline.com/<tenant>/v2.0"),
    CASEWORKER_OIDC_CLIENT_ID: z.string().optional(),
    CASEWORKER_OIDC_CLIENT_SECRET: z.string().optional(),
    CASEWORKER_OIDC_ROLE_CLAIM: z.string().default("roles"),
    CASEWORKER_OIDC_ROLE: z.string().default("MinVej.Sagsbehandler"),
  })
  .superRefine((env, context) => {
    /** @param {string} name @param {string} message */
    const wrong = (name, message) => context.addIssue({ code: "custom", path: [name], message });
    // NemLog-in: the IdP's metadata, our key and our certificate come together or not at all.
    const nemLogIn = /** @type {const} */ (["NEMLOGIN_IDP_METADATA", "NEMLOGIN_SP_KEY", "NEMLOGIN_SP_CERT"]);
    const givenNemLogIn = nemLogIn.filter((name) => env[name]);
    if (givenNemLogIn.length > 0 && givenNemLogIn.length < nemLogIn.length) {
      for (const name of nemLogIn.filter((name) => !env[name])) wrong(name, `required with ${givenNemLogIn.join(" and ")}: NemLog-in needs the IdP's metadata, our key and our certificate.`);
    }
    if (env.NEMLOGIN_TEST_IDP === "1" && env.NODE_ENV === "production" && env.DEMO !== "1" && env.DEMO_LOGIN !== "1") {
      wrong("NEMLOGIN_TEST_IDP", "the test identity provider (Test-MitID) signs anyone in: in production only with DEMO=1.");
    }
    if (env.NEMLOGIN_TEST_IDP === "1" && givenNemLogIn.length > 0) {
      wrong("NEMLOGIN_TEST_IDP", "choose one: the real NemLog-in (NEMLOGIN_IDP_METADATA ...) or the test identity provider.");
    }
    const oidc = /** @type {const} */ (["CASEWORKER_OIDC_ISSUER", "CASEWORKER_OIDC_CLIENT_ID"]);
    const givenOidc = oidc.filter((name) => env[name]);
    if (givenOidc.length === 1 || (env.CASEWORKER_OIDC_CLIENT_SECRET && givenOidc.length === 0)) {
      for (const name of oidc.filter((name) => !env[name])) wrong(name, "required for the caseworkers' sign-in: the issuer and the client id come together.");
    }
    // Production refuses to run on guesses. DEMO=1 (or DEMO_LOGIN=1) is the one way to try the
    // production build without them: embedded database, demo people, demo sign-in.
    if (env.NODE_ENV !== "production" || env.DEMO === "1" || env.DEMO_LOGIN === "1") return;
    /** @param {string} name @param {string} message */
    const missing = (name, message) => context.addIssue({ code: "custom", path: [name], message });
    if (!env.DATABASE_URL) missing("DATABASE_URL", "required in production: the Postgres connection string (DEMO=1 allows the embedded demo database instead).");
    if (!env.SESSION_SECRET) missing("SESSION_SECRET", "required in production: at least 32 random characters (several, comma-separated, while rotating).");
    if (!env.PUBLIC_ORIGIN) missing("PUBLIC_ORIGIN", "required in production: the address people use, e.g. https://minvej.example.dk.");
    else if (!/^https:|^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(env.PUBLIC_ORIGIN)) {
      missing("PUBLIC_ORIGIN", "must start with https:// in production (session cookies are Secure).");
    }
    if (env.SEED_DEMO_DATA === "1") missing("SEED_DEMO_DATA", "demo people in production only with DEMO=1.");
    if (!env.MUNICIPALITIES_FILE) missing("MUNICIPALITIES_FILE", "required in production: the JSON file that names your municipality, its contact details and settings (see config/README.md).");
    if (givenNemLogIn.length === 0) {
      missing("NEMLOGIN_IDP_METADATA", "required in production: without NemLog-in nobody can sign in (set NEMLOGIN_IDP_METADATA, NEMLOGIN_SP_KEY and NEMLOGIN_SP_CERT; see the README).");
    }
  });

/** The names the schema knows: every variable the portal and the worker read. */
export const variables = /** @type {(keyof z.input<typeof schema>)[]} */ (Object.keys(schema.shape));

/** @typedef {z.output<typeof schema>} Parsed */
/** @typedef {{ max: number, windowSeconds: number }} RateLimit */

/**
 * Only the schema's variables, and an empty one as unset (`DATABASE_URL=` means "none").
 * @param {Record<string, string | undefined>} env
 */
function known(env) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of variables) {
    const value = given(env[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * A variable's value, or undefined when it is unset or blank.
 * @param {string | undefined} value
 */
function given(value) {
  return value !== undefined && value.trim() !== "" ? value : undefined;
}

export class ConfigError extends Error {
  /** @param {string[]} problems one line per variable: "NAME: what is wrong" */
  constructor(problems) {
    super(`Min Vej cannot start: ${problems.length === 1 ? "one setting is" : `${problems.length} settings are`} missing or invalid (see .env.example).\n${problems.map((line) => `  ${line}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/**
 * Checks the environment against the schema. Throws ConfigError with one line per variable.
 * @param {Record<string, string | undefined>} env
 */
export function readConfig(env) {
  const result = schema.safeParse(known(env));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? "?")}: ${issue.message.replace(/^Invalid input: /, "")}`);
    throw new ConfigError([...new Set(problems)]);
  }
  let municipalities;
  try {
    municipalities = readMunicipalities(result.data.MUNICIPALITIES_FILE ?? DEMO_MUNICIPALITIES_FILE, {
      publicDirs: ["public", `${result.data.BUILD_DIR}/client`],
    });
  } catch (error) {
    throw new ConfigError([`MUNICIPALITIES_FILE: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const apiClients = result.data.API_CLIENTS_FILE ? apiClientsOrError(result.data.API_CLIENTS_FILE, municipalities) : null;
  return toConfig(result.data, env, municipalities, apiClients);
}

/**
 * The case systems of API_CLIENTS_FILE, or ConfigError naming what is wrong.
 * @param {string} path
 * @param {import("./municipalities.js").Municipality[]} municipalities
 */
function apiClientsOrError(path, municipalities) {
  try {
    return readApiClients(path, { municipalityIds: municipalities.map((entry) => entry.id) });
  } catch (error) {
    throw new ConfigError([`API_CLIENTS_FILE: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/**
 * @param {Parsed} parsed
 * @param {Record<string, string | undefined>} env read again for the few settings tests switch while running
 * @param {import("./municipalities.js").Municipality[]} municipalities
 * @param {import("./api-clients.js").ApiClients | null} apiClients checked at start
 */
function toConfig(parsed, env, municipalities, apiClients) {
  // The settings that tests switch while the process runs (demo sign-in on and off, a mail folder
  // or SMTP server per test file) are read on every use, through the same schema.
  const { shape } = schema;
  /** @param {"DEMO" | "DEMO_LOGIN" | "DATA_DIR" | "API_CLIENTS_FILE" | "SMTP_URL" | "SMS_GATEWAY_URL" | "SMS_GATEWAY_TOKEN" | "NEMLOGIN_TEST_IDP" | `CASEWORKER_OIDC_${"ISSUER" | "CLIENT_ID" | "CLIENT_SECRET" | "ROLE_CLAIM" | "ROLE"}`} name */
  const now = (name) => given(env[name]);
  const production = parsed.NODE_ENV === "production";
  const generatedSecret = !parsed.SESSION_SECRET;
  return {
    nodeEnv: parsed.NODE_ENV,
    production,
    /** DEMO=1 (or its older name DEMO_LOGIN=1): demo sign-in, demo people, the embedded database in production. */
    get demo() {
      // Fails closed: checked at start, and anything but "1" later is off.
      return now("DEMO") === "1" || now("DEMO_LOGIN") === "1";
    },
    port: parsed.PORT,
    host: parsed.HOST,
    /** Without a trailing slash; undefined outside production unless set. */
    publicOrigin: parsed.PUBLIC_ORIGIN,
    trustProxy: parsed.TRUST_PROXY === "1",
    buildDir: parsed.BUILD_DIR,
    databaseUrl: parsed.DATABASE_URL,
    databaseOwnerUrl: parsed.DATABASE_OWNER_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    databaseQueueMax: parsed.DATABASE_QUEUE_MAX,
    databaseAcquireTimeoutMs: parsed.DATABASE_ACQUIRE_TIMEOUT_MS,
    get dataDir() {
      return shape.DATA_DIR.parse(now("DATA_DIR"));
    },
    seedDemoData: parsed.SEED_DEMO_DATA === "1",
    /**
     * The first signs, all verify. Without SESSION_SECRET (development, tests, DEMO=1) a random
     * one for this process: sessions live in the database, so people only sign in again.
     */
    sessionSecrets: parsed.SESSION_SECRET ?? [randomBytes(32).toString("hex")],
    generatedSessionSecret: generatedSecret,
    get smtpUrl() {
      return shape.SMTP_URL.parse(now("SMTP_URL"));
    },
    /** The SMS gateway (app/features/notifications/sms.server.ts); without it SMS go to DATA_DIR/sms. Read on every use, like SMTP_URL. */
    get smsGatewayUrl() {
      return shape.SMS_GATEWAY_URL.parse(now("SMS_GATEWAY_URL"));
    },
    /** Sent as `Authorization: Bearer <token>` to the SMS gateway, when set. */
    get smsGatewayToken() {
      return now("SMS_GATEWAY_TOKEN");
    },
    mailFrom: parsed.MAIL_FROM,
    /** The municipalities served (MUNICIPALITIES_FILE); the first is the default for people without one. */
    municipalities,
    /**
     * The case systems that may call the API (API_CLIENTS_FILE); null: the API is off (404).
     * Checked at start and read on every use, like DEMO: a test writes its own file and keys.
     * @returns {import("./api-clients.js").ApiClients | null}
     */
    get apiClients() {
      const path = now("API_CLIENTS_FILE");
      if (!path) return null;
      if (path === parsed.API_CLIENTS_FILE && apiClients) return apiClients;
      return apiClientsOrError(path, municipalities);
    },
    jobWorker: parsed.JOB_WORKER,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS,
    pdfFonts: { regular: parsed.PDF_FONT_REGULAR, bold: parsed.PDF_FONT_BOLD },
    logLevel: parsed.LOG_LEVEL ?? (parsed.NODE_ENV === "test" ? "warn" : "info"),
    metricsPort: parsed.METRICS_PORT,
    metricsHost: parsed.METRICS_HOST,
    otlpEndpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT,
    /**
     * NemLog-in (OIOSAML 3): null when neither the real IdP nor the test IdP is configured. The
     * entity id defaults to <PUBLIC_ORIGIN>/saml/metadata (or the request's origin). The test IdP
     * (NEMLOGIN_TEST_IDP) is checked at start and read on every use, like DEMO.
     */
    get nemLogIn() {
      if (parsed.NEMLOGIN_IDP_METADATA && parsed.NEMLOGIN_SP_KEY && parsed.NEMLOGIN_SP_CERT) {
        return {
          kind: /** @type {"nemlogin" | "test"} */ ("nemlogin"),
          idpMetadata: parsed.NEMLOGIN_IDP_METADATA.text,
          spKey: parsed.NEMLOGIN_SP_KEY.text,
          spCertificate: parsed.NEMLOGIN_SP_CERT.text,
          entityId: parsed.NEMLOGIN_SP_ENTITY_ID,
        };
      }
      return now("NEMLOGIN_TEST_IDP") === "1"
        ? { kind: /** @type {"nemlogin" | "test"} */ ("test"), idpMetadata: undefined, spKey: undefined, spCertificate: undefined, entityId: parsed.NEMLOGIN_SP_ENTITY_ID }
        : null;
    },
    /**
     * The caseworkers' own identity provider (OpenID Connect): null when not configured. Checked at
     * start and read on every use, like DEMO: a test starts its provider on a free port first.
     */
    get caseworkerOidc() {
      const issuer = shape.CASEWORKER_OIDC_ISSUER.parse(now("CASEWORKER_OIDC_ISSUER"));
      const clientId = now("CASEWORKER_OIDC_CLIENT_ID");
      if (!issuer || !clientId) return null;
      return {
        issuer,
        clientId,
        clientSecret: now("CASEWORKER_OIDC_CLIENT_SECRET"),
        roleClaim: shape.CASEWORKER_OIDC_ROLE_CLAIM.parse(now("CASEWORKER_OIDC_ROLE_CLAIM")),
        role: shape.CASEWORKER_OIDC_ROLE.parse(now("CASEWORKER_OIDC_ROLE")),
      };
    },
    /** @type {Record<"signIn" | "invitations" | "calendarFeed" | "pdf" | "api", RateLimit>} */
    rateLimits: {
      signIn: parsed.RATE_LIMIT_SIGN_IN,
      invitations: parsed.RATE_LIMIT_INVITATIONS,
      calendarFeed: parsed.RATE_LIMIT_CALENDAR_FEED,
      pdf: parsed.RATE_LIMIT_PDF,
      api: parsed.RATE_LIMIT_API,
    },
  };
}

/** @typedef {ReturnType<typeof readConfig>} Config */

// One parse per process: server.js and the server build each import this file (the build has its
// own copy), and Vite reloads app modules in development; all of them share the first result, so
// a generated session secret stays the same for the life of the process.
const SHARED = Symbol.for("min-vej.config");
/** @type {{ [SHARED]?: Config }} */
const shared = /** @type {never} */ (globalThis);

/** The process's configuration, checked on first use (server.js and worker.js do it first thing). */
export function config() {
  return (shared[SHARED] ??= readConfig(process.env));
}

/**
 * For server.js and worker.js: the configuration, or the list of what is wrong and exit code 1
 * (no stack trace: the operator needs the variable names, not our line numbers).
 */
export function configOrExit() {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
