import { spawn } from "node:child_process";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { serverUrl } from "../support/db";
import { signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// What an operator expects of a deploy or a scale-down: SIGTERM lets the requests in flight
// finish, takes no new ones, closes the database, and exits 0. And a port that is taken stops
// the start with an error instead of leaving a process that looks alive.
const exited = (server: LiveServer) =>
  new Promise<number | null>((resolve) => {
    if (server.process.exitCode !== null) return resolve(server.process.exitCode);
    server.process.once("exit", (code) => resolve(code));
  });

describe("stopping and starting the server", () => {
  const started: LiveServer[] = [];
  afterAll(async () => {
    for (const server of started) await server.stop();
  });

  it("exits 0 on SIGTERM", async () => {
    const server = await startLiveServer();
    started.push(server);
    server.process.kill("SIGTERM");
    expect(await exited(server)).toBe(0);
    expect(server.output()).toContain("SIGTERM received");
  }, 120_000);

  it("refuses to start on a port that is already taken, with a clear message and a non-zero exit", async () => {
    const server = await startLiveServer();
    started.push(server);
    const port = new URL(server.origin).port;
    const second = spawn(process.execPath, ["server.js"], {
      env: { ...process.env, NODE_ENV: "production", DEMO_LOGIN: "1", HOST: "127.0.0.1", PORT: port, DATA_DIR: "memory://", DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("EADDRINUSE");
    expect(output).not.toMatch(/lytter på/);
  }, 120_000);

  it.skipIf(!serverUrl)("lets a request in flight finish after SIGTERM, then closes the pool (Postgres)", async () => {
    const server = await startLiveServer();
    started.push(server);
    const cookie = await signInLive(server, "mette");
    const lockHolder = postgres(server.ownerUrl!, { max: 1, onnotice: () => {} });
    let releaseLock!: () => void;
    const released = new Promise<void>((resolve) => (releaseLock = resolve));
    await new Promise<void>((resolve) => {
      void lockHolder.begin(async (tx) => {
        await tx`lock table portal.auth_sessions in access exclusive mode`;
        resolve();
        await released;
      });
    });
    const inFlight = fetch(`${server.origin}/min-plan`, { headers: { Cookie: cookie } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.process.exitCode).toBeNull();
    await expect(fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();

    releaseLock();
    await lockHolder.end({ timeout: 5 });
    expect((await inFlight).status).toBe(200);
    expect(await exited(server)).toBe(0);
    const owner = postgres(server.ownerUrl!, { max: 1, onnotice: () => {} });
    const [row] = await owner`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'min-vej'`;
    await owner.end();
    expect(row!.n).toBe(0);
  }, 120_000);
});
if (!serverUrl) console.log("shutdown.test: the in-flight drain check runs only on Postgres (`npm run test:postgres`).");
