import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { serverUrl } from "./db";

/**
 * The production build, served by `node server.js` as a real process on a loopback port: on a
 * fresh embedded database, or (with TEST_DATABASE_URL) on a fresh Postgres database as
 * `portal_app` under row-level security, as production runs. Needs `npm run build` first.
 */
export interface LiveServer {
  origin: string;
  /** The schema owner's connection string, on Postgres. */
  ownerUrl?: string;
  process: ChildProcess;
  /** Everything the process wrote on stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** Rate limits (server/config.js) that no test run reaches. */
export const UNLIMITED = {
  RATE_LIMIT_SIGN_IN: "1000000/1m",
  RATE_LIMIT_INVITATIONS: "1000000/1m",
  RATE_LIMIT_CALENDAR_FEED: "1000000/1m",
  RATE_LIMIT_PDF: "1000000/1m",
};

export async function startLiveServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const buildDir = process.env.BUILD_DIR || "build";
  if (!existsSync(path.join(buildDir, "server/index.js"))) {
    throw new Error(`No production build in ./${buildDir}: run \`npm run build\` before this test.`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "minvej-live-"));
  // Start from the run's migrated template (tests/support/global-setup.ts); the server seeds it.
  const template = inject("pgliteTemplateDataDir");
  if (template) cpSync(template, dataDir, { recursive: true });
  const serverEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    DEMO_LOGIN: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    BUILD_DIR: buildDir,
    DATA_DIR: dataDir,
    SESSION_SECRET: "a-test-secret-that-is-long-enough-0123456789",
    // Far above what any test does from its one address; tests/integration/rate-limit-http.test.ts
    // sets its own small numbers.
    ...UNLIMITED,
    ...env,
  };
  let dropDatabase = async () => {};
  const adminUrl = serverUrl;
  if (adminUrl) {
    const name = `minvej_live_${Math.random().toString(16).slice(2, 10)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const template = inject("postgresTemplateDatabase");
    await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
    await admin.end();
    const owner = new URL(adminUrl);
    owner.pathname = `/${name}`;
    const app = new URL(owner);
    app.username = "portal_app";
    app.password = "";
    Object.assign(serverEnv, { DATABASE_OWNER_URL: owner.toString(), DATABASE_URL: app.toString(), SEED_DEMO_DATA: "1" });
    dropDatabase = async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }

  const child = spawn(process.execPath, ["server.js"], { env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;

  const server: LiveServer = {
    origin,
    ownerUrl: serverEnv.DATABASE_OWNER_URL,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    const ready = await fetch(`${origin}/readyz`).then((r) => r.ok, () => false);
    if (ready) return server;
    if (child.exitCode !== null || Date.now() > deadline) {
      // Leave nothing behind: no process, no data folder, no database.
      await server.stop();
      throw new Error(`the server ${child.exitCode !== null ? `exited (${child.exitCode})` : "did not become ready"}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A port nobody listens on now, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Signs a demo person in through the real form and returns the Cookie header value. */
export async function signInLive(server: LiveServer, person: string): Promise<string> {
  const response = await fetch(`${server.origin}/log-ind`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin },
    body: new URLSearchParams({ person }),
  });
  return sessionCookieOf(response, person);
}

/** The session cookie (name=value) a sign-in answered with; throws unless it signed the person in. */
export function sessionCookieOf(response: Response, person: string): string {
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(";", 1)[0]!)
    .find((value) => value.includes("session="));
  if (response.status !== 302 || !cookie) throw new Error(`could not sign in ${person} (${response.status})`);
  return cookie;
}
