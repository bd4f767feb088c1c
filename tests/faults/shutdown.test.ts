import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { serverUrl } from "../support/db";
import { freePort, runToExit, signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// What an operator expects of a deploy or a scale-down: SIGTERM turns /readyz to 503 so that the
// load balancer stops sending, lets the requests in flight finish (the port stays open until
// they have), closes the database, and exits 0. And a port that is taken stops the start with an
// error instead of leaving a process that looks alive.
const exited = (server: LiveServer) =>
  new Promise<number | null>((resolve) => {
    if (server.process.exitCode !== null) return resolve(server.process.exitCode);
    server.process.once("exit", (code) => resolve(code));
  });

const until = async (what: string, done: () => boolean, ms = 10_000) => {
  for (const deadline = Date.now() + ms; !done(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/**
 * A POST whose body arrives in two parts: the server holds the request (its body guard waits for
 * the rest) until `finish` sends the second part.
 */
function slowPost(origin: string, path: string, cookie: string) {
  const body = "keep=alive&part=two";
  const req = request(`${origin}${path}`, {
    method: "POST",
    agent: false,
    headers: { Cookie: cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res: IncomingMessage) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  req.flushHeaders();
  req.write(body.slice(0, 10));
  return { answer, finish: () => req.end(body.slice(10)) };
}

/** A loopback port something else listens on. */
async function occupiedPort() {
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  return { port: (listener.address() as AddressInfo).port, close: () => listener.close() };
}

/**
 * `node server.js` on the embedded database until it exits; its exit code and output. It opens
 * the database before it listens: a copy of the run's migrated one (tests/support/global-setup.ts)
 * where there is one, so that it does not migrate from nothing (minutes on a busy machine).
 */
async function startServerProcess(env: Record<string, string>) {
  const template = inject("pgliteTemplateDataDir");
  const dataDir = template ? mkdtempSync(path.join(tmpdir(), "minvej-shutdown-")) : "memory://";
  if (template) cpSync(template, dataDir, { recursive: true });
  try {
    return await runToExit(process.execPath, ["server.js"], {
      env: { ...process.env, NODE_ENV: "production", DEMO_LOGIN: "1", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", ...env },
      timeoutMs: 110_000,
    });
  } finally {
    if (template) rmSync(dataDir, { recursive: true, force: true });
  }
}

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
    // Without METRICS_PORT no metrics endpoint is opened at all.
    expect(server.output()).not.toContain("metrics_listening");
  }, 120_000);

  it("answers /readyz with 503 while a request is in flight after SIGTERM, finishes it with 200, then exits 0", async () => {
    const server = await startLiveServer();
    started.push(server);
    const cookie = await signInLive(server, "mette");
    const inFlight = slowPost(server.origin, "/session/forny", cookie);
    // A moment for the server to take the request; its body guard then waits for the rest.
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.process.kill("SIGTERM");
    await until("the shutdown line", () => server.output().includes('"event":"shutting_down"'));
    expect(server.output()).toMatch(/"event":"shutting_down","signal":"SIGTERM","inFlight":1/);

    // Still listening: the load balancer hears "not ready", the process is alive, keep-alive ends.
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("connection")).toBe("close");
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.process.exitCode).toBeNull();

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true });
    expect(await exited(server)).toBe(0);
    expect(server.output()).toMatch(/"method":"POST","route":"\/session\/forny","status":200/);
    await expect(fetch(`${server.origin}/readyz`)).rejects.toThrow();
  }, 120_000);

  it("refuses to start on a port that is already taken, with a clear message and a non-zero exit", async () => {
    const taken = await occupiedPort();
    const { code, output } = await startServerProcess({ PORT: String(taken.port) });
    taken.close();
    expect(code).toBe(1);
    expect(output).toContain("EADDRINUSE");
    expect(output).not.toMatch(/lytter på/);
    const line = JSON.parse(output.trim().split("\n").at(-1)!);
    expect(line).toMatchObject({ level: "fatal", event: "listen_failed", code: "EADDRINUSE", port: taken.port });
  }, 120_000);

  it("refuses to start when the metrics port is taken", async () => {
    const taken = await occupiedPort();
    const { code, output } = await startServerProcess({ PORT: String(await freePort()), METRICS_PORT: String(taken.port) });
    taken.close();
    expect(code).toBe(1);
    expect(output).toMatch(/"event":"metrics_listen_failed".*"code":"EADDRINUSE"/);
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
    // /readyz answers outside any transaction, so even with the pool's request blocked.
    expect((await fetch(`${server.origin}/readyz`, { signal: AbortSignal.timeout(2000) })).status).toBe(503);

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
if (!serverUrl) console.log("shutdown.test: the drain check with a request blocked in the database, and the pool closed after it, runs only on Postgres (`npm run test:postgres`).");
