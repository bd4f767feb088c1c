import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltParticipant } from "../../../db/builders";
import { openDatabase, useDatabase, type DatabaseHandle } from "../../../db/client";
import { verifyWebhook, webhookKey } from "~/features/api/webhook-signature";
import { createPostgresDatabase, serverUrl, type PostgresDatabase } from "../../support/db";
import { startLiveServer, type LiveServer } from "../../support/live-server";

// Issue 20, signed webhooks from the running build: a case system's receiver (a local HTTP server)
// gets each event of its municipality, signed (Standard Webhooks), through the job worker. The
// portal is killed (SIGKILL) while a delivery is on its way, and started again on the same
// database: the receiver then gets that event, with the same webhook-id and a valid signature, and
// acknowledges it exactly once. (Retries with backoff and the dead letter, with a clock of their
// own: api-webhooks.test.ts.)

const ISSUER = "https://login.kommune.test";
const AUDIENCE = "https://minvej.test/api/v1";
const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const MARK = `H${Date.now().toString(36).toUpperCase()}`;

interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  kind: string;
  valid: boolean;
  /** The status the receiver answered; null while it holds the request (or never answered). */
  answered: number | null;
  at: number;
}

let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
let folder: string;
let env: Record<string, string>;
let server: LiveServer;
let pg: PostgresDatabase | undefined;
let owner: DatabaseHandle | undefined;
let dataDir: string | undefined;
let mette: BuiltParticipant;
let receiver: Server;
const deliveries: Delivery[] = [];
/** Deliveries of this kind are held open (not answered) until released. */
let holdKind: string | null = null;
const held: ServerResponse[] = [];

function receive(request: IncomingMessage, response: ServerResponse) {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    const headers = { id: String(request.headers["webhook-id"] ?? ""), timestamp: String(request.headers["webhook-timestamp"] ?? ""), signature: String(request.headers["webhook-signature"] ?? "") };
    const kind = (JSON.parse(body) as { type: string }).type;
    const delivery: Delivery = { ...headers, body, kind, valid: verifyWebhook(webhookKey(SECRET), headers, body), answered: null, at: Date.now() };
    deliveries.push(delivery);
    if (kind === holdKind) {
      held.push(response);
      return;
    }
    delivery.answered = 204;
    response.writeHead(204).end();
  });
}

beforeAll(async () => {
  receiver = createServer(receive);
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  keys = await generateKeyPair("RS256");
  folder = mkdtempSync(path.join(tmpdir(), "minvej-webhooks-live-"));
  writeFileSync(path.join(folder, "jwks.json"), JSON.stringify({ keys: [{ ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256" }] }));
  writeFileSync(
    path.join(folder, "clients.json"),
    JSON.stringify({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: "jwks.json",
      algorithms: ["RS256"],
      clients: [
        {
          clientId: "solbjerg-hooks",
          name: "Sagssystem med webhook, Solbjerg",
          municipality: "solbjerg",
          scopes: ["participants:read", "events:read", "plans:write"],
          webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/minvej`, secret: { env: "MINVEJ_WEBHOOK_SECRET_SOLBJERG" }, timeoutSeconds: 2 },
        },
      ],
    }),
  );
  env = { API_CLIENTS_FILE: path.join(folder, "clients.json"), MINVEJ_WEBHOOK_SECRET_SOLBJERG: SECRET, RATE_LIMIT_API: "1000000/1m" };
  const build = async (handle: DatabaseHandle) => {
    useDatabase(handle);
    try {
      const sara = await aCaseworker().build(handle.db);
      mette = await aParticipant({ person: { firstName: "Mette" } }).withCaseworker(sara).build(handle.db);
    } finally {
      useDatabase(undefined);
    }
  };
  if (serverUrl) {
    pg = await createPostgresDatabase("minvej_api2_hooks");
    owner = await openDatabase({ url: pg.ownerUrl });
    await build(owner);
    Object.assign(env, { DATABASE_URL: pg.appUrl, DATABASE_OWNER_URL: pg.ownerUrl });
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "minvej-webhooks-live-data-"));
    cpSync(inject("pgliteTemplateDataDir"), dataDir, { recursive: true });
    const handle = await openDatabase({ dataDir });
    await build(handle);
    await handle.close();
    env.DATA_DIR = dataDir;
  }
  server = await startLiveServer(env);
}, 120_000);

afterAll(async () => {
  for (const response of held) response.destroy();
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  await owner?.close();
  await pg?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function token() {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: "solbjerg-hooks" })
    .setProtectedHeader({ alg: "RS256", kid: "k1", typ: "at+jwt" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject("solbjerg-hooks")
    .setIssuedAt(now - 60)
    .setExpirationTime(now + 300)
    .sign(keys.privateKey);
}

async function putPlan(goal: string, ifMatch?: string) {
  const response = await fetch(`${server.origin}/api/v1/participants/${mette.participantId}/plan`, {
    method: "PUT",
    headers: {
      Authorization: `Bearer ${await token()}`,
      "Content-Type": "application/json",
      "Idempotency-Key": randomUUID(),
      ...(ifMatch ? { "If-Match": ifMatch } : {}),
    },
    body: JSON.stringify({ employmentGoal: goal, subGoals: [{ title: `${MARK} Delmål`, status: "not_started" }] }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response.headers.get("etag")!;
}

async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; deliveries: ${JSON.stringify(deliveries.map(({ id, kind, answered }) => ({ id, kind, answered })))}\n${server.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const acknowledged = (id: string) => deliveries.filter((delivery) => delivery.id === id && delivery.answered !== null && delivery.answered < 300);

describe("signed webhooks from the running build", () => {
  let etag: string;

  it("delivers the case system's write within seconds, signed with the client's secret", async () => {
    const written = Date.now();
    etag = await putPlan(`${MARK} Første mål`);
    const delivery = await waitFor("case_system.plan_created", () => deliveries.find((entry) => entry.kind === "case_system.plan_created"));
    expect(delivery.valid).toBe(true);
    expect(delivery.id).toMatch(/^evt_\d+$/);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "case_system.plan_created", data: { participantId: mette.participantId, actorRole: "case_system", details: { client: "solbjerg-hooks" } } });
    expect(JSON.stringify(delivery.body)).not.toContain(`${MARK} Første mål`);
    console.log(`api-webhooks-live: the write reached the receiver after ${delivery.at - written} ms`);
  });

  it("a delivery cut off by a stopped portal arrives after the restart: same webhook-id, valid signature, acknowledged exactly once", async () => {
    holdKind = "case_system.plan_updated";
    await putPlan(`${MARK} Andet mål`, etag);
    const cut = await waitFor("the held delivery", () => deliveries.find((entry) => entry.kind === "case_system.plan_updated"));
    expect(cut.valid).toBe(true);
    // The portal dies mid-delivery: the receiver has the request, the portal never has the answer.
    server.process.kill("SIGKILL");
    await new Promise((resolve) => server.process.once("exit", resolve));
    for (const response of held.splice(0)) response.destroy();
    holdKind = null;
    await server.stop();
    server = await startLiveServer(env);
    const again = await waitFor("the delivery after the restart", () => acknowledged(cut.id)[0]);
    expect(again.valid).toBe(true);
    expect(again.body).toBe(cut.body);
    expect(Number(again.timestamp)).toBeGreaterThanOrEqual(Number(cut.timestamp));
    // Longer than a worker's poll and a claim: nothing is sent again.
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    expect(acknowledged(cut.id)).toHaveLength(1);
    expect(deliveries.filter((entry) => entry.id === cut.id)).toHaveLength(2);
    // And every event was acknowledged once, each signature valid.
    const ids = [...new Set(deliveries.map((entry) => entry.id))];
    for (const id of ids) expect(acknowledged(id), id).toHaveLength(1);
    expect(deliveries.every((entry) => entry.valid)).toBe(true);
  }, 120_000);
});
