import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltParticipant } from "../../../db/builders";
import { useDatabase, type DatabaseHandle } from "../../../db/client";
import { verifyWebhook, webhookKey } from "~/features/api/webhook-signature";
import { mintApiToken, startApiServer, type ApiServer } from "../../support/api-server";
import type { LiveServer } from "../../support/live-server";

// Issue 20, signed webhooks from the running build: a case system's receiver (a local HTTP server)
// gets each event of its municipality, signed (Standard Webhooks), through the job worker. The
// portal is killed (SIGKILL) while a delivery is on its way, and started again on the same
// database: the receiver then gets that event, with the same webhook-id and a valid signature, and
// acknowledges it exactly once. (Retries with backoff and the dead letter, with a clock of their
// own: api-webhooks.test.ts.)

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

let api: ApiServer;
let server: LiveServer;
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
  const build = async (handle: DatabaseHandle) => {
    useDatabase(handle);
    try {
      const sara = await aCaseworker().build(handle.db);
      mette = await aParticipant({ person: { firstName: "Mette" } }).withCaseworker(sara).build(handle.db);
    } finally {
      useDatabase(undefined);
    }
  };
  api = await startApiServer({
    databasePrefix: "minvej_api2_hooks",
    clients: [
      {
        clientId: "solbjerg-hooks",
        name: "Sagssystem med webhook, Solbjerg",
        municipality: "solbjerg",
        scopes: ["participants:read", "events:read", "plans:write"],
        webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/minvej`, secret: { env: "MINVEJ_WEBHOOK_SECRET_SOLBJERG" }, timeoutSeconds: 2 },
      },
    ],
    buildPeople: build,
    env: { MINVEJ_WEBHOOK_SECRET_SOLBJERG: SECRET },
  });
  server = api.server;
}, 120_000);

afterAll(async () => {
  for (const response of held) response.destroy();
  await api?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function token() {
  return mintApiToken(api.keys.privateKey, { client: "solbjerg-hooks" });
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
    server = await api.restart();
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
