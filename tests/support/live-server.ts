import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createPostgresDatabase, serverUrl } from "./db";

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

/**
 * `env` adds to or overrides the test settings below. With its own DATABASE_URL the server uses
 * that database as it is (no demo people); `publicOrigin` sets PUBLIC_ORIGIN to the server's own
 * address, as production requires.
 */
export async function startLiveServer(env: Record<string, string> = {}, options: { publicOrigin?: boolean } = {}): Promise<LiveServer> {
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
    // Production without DEMO=1 requires the municipalities: the demo's two.
    MUNICIPALITIES_FILE: "config/municipalities.demo.json",
    // Far above what any test does from its one address; tests/integration/rate-limit-http.test.ts
    // sets its own small numbers.
    ...UNLIMITED,
    ...env,
  };
  let dropDatabase = async () => {};
  if (options.publicOrigin) serverEnv.PUBLIC_ORIGIN = `http://127.0.0.1:${port}`;
  if (serverUrl && !env.DATABASE_URL) {
    const database = await createPostgresDatabase("minvej_live");
    Object.assign(serverEnv, { DATABASE_OWNER_URL: database.ownerUrl, DATABASE_URL: database.appUrl, SEED_DEMO_DATA: "1" });
    dropDatabase = database.drop;
  }

  const child = spawnProcess(process.execPath, ["server.js"], { env: serverEnv });
  const origin = `http://127.0.0.1:${port}`;
  const server: LiveServer = {
    origin,
    ownerUrl: serverEnv.DATABASE_OWNER_URL,
    process: child.process,
    output: child.output,
    async stop() {
      await child.stop();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  // If it never gets ready, leave nothing behind: no process, no data folder, no database.
  await waitUntil(child, "the server to answer /readyz", answersReady(origin), { timeoutMs: 90_000, cleanUp: server.stop });
  return server;
}

/** A process whose output (stdout and stderr together) is kept. */
export interface Spawned {
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code when it has ended (null after a signal or a failed start). */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) unless it has already ended; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `command` with only the environment given (PATH included by the caller). */
export function spawnProcess(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Spawned {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      output += `could not start ${command}: ${error.message}\n`;
      resolve(null);
    });
  });
  return {
    process: child,
    output: () => output,
    exited: exit,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/**
 * Waits until `ready()` says yes. If the process ends first or the time runs out, stops it (and
 * runs `cleanUp`) and throws with everything it wrote.
 */
export async function waitUntil(
  spawned: Spawned,
  what: string,
  ready: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; cleanUp?: () => Promise<void> } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (await ready()) return;
    const { exitCode } = spawned.process;
    if (exitCode !== null || Date.now() > deadline) {
      if (options.cleanUp) await options.cleanUp();
      else await spawned.stop("SIGKILL");
      throw new Error(`waiting for ${what}: the process ${exitCode !== null ? `exited (${exitCode})` : "was not ready in time"}:\n${spawned.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Whether a server at `origin` answers /readyz with 200 now. */
export const answersReady = (origin: string) => () => fetch(`${origin}/readyz`).then((response) => response.ok, () => false);

/** Runs `command` to its end and returns its exit code and output; past `timeoutMs` it is killed and this throws. */
export async function runToExit(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number },
): Promise<{ code: number | null; output: string }> {
  const spawned = spawnProcess(command, args, options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void spawned.stop("SIGKILL");
  }, timeoutMs);
  const code = await spawned.exited;
  clearTimeout(timer);
  if (timedOut) throw new Error(`${[command, ...args].join(" ")} was still running after ${timeoutMs} ms:\n${spawned.output()}`);
  return { code, output: spawned.output() };
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
