import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, type BuiltParticipant } from "../../../db/builders";
import { apiWebhookDeliveries } from "../../../db/schema";
import { recordAudit } from "~/lib/audit.server";
import { deliverDueWebhooks, MAX_WEBHOOK_ATTEMPTS, queueWebhookDeliveries } from "~/features/api/index.server";
import { signWebhook, verifyWebhook, webhookKey } from "~/features/api/webhook-signature";
import { readApiClients } from "../../../server/api-clients.js";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { captureLog } from "../../support/log-capture";

// Issue 20, signed webhooks, in this process with a clock of its own: an event becomes one
// delivery per client however often the feed is read; a 2xx receiver gets it once, signed as
// Standard Webhooks says; a failing receiver gets it again with backoff, then the delivery is the
// dead letter. (Across a restart of the running build: api-webhooks-live.test.ts.)

const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
let database: TestDatabase;
let folder: string;
let receiver: Server;
let received: { id: string; timestamp: string; signature: string; body: string; answered: number }[] = [];
let answer = 204;
let mette: BuiltParticipant;
const before = { file: process.env.API_CLIENTS_FILE, secret: process.env.MINVEJ_TEST_WEBHOOK_SECRET };

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({
        id: String(request.headers["webhook-id"]),
        timestamp: String(request.headers["webhook-timestamp"]),
        signature: String(request.headers["webhook-signature"]),
        body,
        answered: answer,
      });
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;
  folder = mkdtempSync(path.join(tmpdir(), "minvej-webhooks-"));
  const { publicKey } = await generateKeyPair("RS256");
  writeFileSync(path.join(folder, "jwks.json"), JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1" }] }));
  writeFileSync(
    path.join(folder, "clients.json"),
    JSON.stringify({
      issuer: "https://idp.test",
      audience: "https://minvej.test/api/v1",
      jwks: "jwks.json",
      clients: [
        { clientId: "with-hook", name: "Med webhook", municipality: "solbjerg", scopes: ["events:read"], webhook: { url: `http://127.0.0.1:${port}/hook`, secret: { env: "MINVEJ_TEST_WEBHOOK_SECRET" }, timeoutSeconds: 2 } },
        { clientId: "fjordby-hook", name: "Fjordby", municipality: "fjordby", scopes: ["events:read"], webhook: { url: `http://127.0.0.1:${port}/fjordby`, secret: { env: "MINVEJ_TEST_WEBHOOK_SECRET" } } },
      ],
    }),
  );
  process.env.MINVEJ_TEST_WEBHOOK_SECRET = SECRET;
  process.env.API_CLIENTS_FILE = path.join(folder, "clients.json");
  mette = await aParticipant({ person: { firstName: "Mette" } }).build(database.db);
});

afterAll(async () => {
  for (const [name, value] of [["API_CLIENTS_FILE", before.file], ["MINVEJ_TEST_WEBHOOK_SECRET", before.secret]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await new Promise((resolve) => receiver?.close(resolve));
  await database?.dispose();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A participant's write: one event in the feed. */
async function anEvent(action = "plan.question_sent") {
  await recordAudit(database.db, { actorPersonId: mette.personId, participantId: mette.participantId, action, details: { planVersion: 1 } });
}

/**
 * Queues the client's new events, waiting (up to 20 s) until the event just written has settled: on
 * a shared Postgres cluster another open transaction delays settling (db/caseworker/README.md).
 */
async function queueSettled(): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const queued = await queueWebhookDeliveries(client());
    if (queued > 0 || Date.now() > deadline) return queued;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const client = () => readApiClients(process.env.API_CLIENTS_FILE!, { municipalityIds: ["solbjerg", "fjordby"] }).clients[0]!;

describe("Standard Webhooks signatures", () => {
  it("signs id.timestamp.body with the key after whsec_, and checks it (a changed body, id or old timestamp fails)", () => {
    const key = webhookKey(SECRET);
    const signature = signWebhook(key, "evt_1", 1_796_000_000, '{"a":1}');
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const now = new Date(1_796_000_000 * 1000);
    const headers = { id: "evt_1", timestamp: "1796000000", signature };
    expect(verifyWebhook(key, headers, '{"a":1}', { now })).toBe(true);
    expect(verifyWebhook(key, { ...headers, signature: `v1,xyz ${signature}` }, '{"a":1}', { now })).toBe(true);
    expect(verifyWebhook(key, headers, '{"a":2}', { now })).toBe(false);
    expect(verifyWebhook(key, { ...headers, id: "evt_2" }, '{"a":1}', { now })).toBe(false);
    expect(verifyWebhook(key, headers, '{"a":1}', { now: new Date(now.getTime() + 10 * 60_000) })).toBe(false);
    expect(verifyWebhook(webhookKey(`whsec_${randomBytes(32).toString("base64")}`), headers, '{"a":1}', { now })).toBe(false);
  });

  it("the clients file takes the secret from an environment variable or a file, never from itself, and never says it", () => {
    expect(client().webhook!.key.equals(webhookKey(SECRET))).toBe(true);
    const write = (webhook: unknown) => {
      const file = path.join(folder, `c-${randomBytes(4).toString("hex")}.json`);
      writeFileSync(file, JSON.stringify({ issuer: "i", audience: "a", jwks: "jwks.json", clients: [{ clientId: "c", name: "Cc", municipality: "solbjerg", scopes: ["events:read"], webhook }] }));
      try {
        readApiClients(file, { municipalityIds: ["solbjerg"] });
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    writeFileSync(path.join(folder, "secret.txt"), `${SECRET}\n`);
    expect(write({ url: "https://example.dk/hook", secret: { file: "secret.txt" } })).toBe("");
    expect(write({ url: "https://example.dk/hook", secret: SECRET })).toMatch(/never the secret itself/);
    expect(write({ url: "https://example.dk/hook", secret: { env: "MINVEJ_NO_SUCH_VARIABLE" } })).toMatch(/MINVEJ_NO_SUCH_VARIABLE is not set/);
    expect(write({ url: "http://example.dk/hook", secret: { env: "MINVEJ_TEST_WEBHOOK_SECRET" } })).toMatch(/https/);
    process.env.MINVEJ_TEST_SHORT_SECRET = "whsec_c2hvcnQ=";
    expect(write({ url: "https://example.dk/hook", secret: { env: "MINVEJ_TEST_SHORT_SECRET" } })).toMatch(/24 to 64 bytes/);
    expect(write({ url: "https://example.dk/hook", secret: { env: "MINVEJ_TEST_SHORT_SECRET" } })).not.toContain("c2hvcnQ");
    delete process.env.MINVEJ_TEST_SHORT_SECRET;
  });
});

describe("deliveries", () => {
  it("queues each event once per client however often the feed is read, and a 2xx receiver gets it once, signed", async () => {
    await anEvent();
    expect(await queueSettled()).toBe(1);
    expect(await queueWebhookDeliveries(client())).toBe(0);
    received = [];
    answer = 204;
    const report = await deliverDueWebhooks();
    expect(report).toMatchObject({ delivered: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(verifyWebhook(webhookKey(SECRET), { id: delivery!.id, timestamp: delivery!.timestamp, signature: delivery!.signature }, delivery!.body)).toBe(true);
    const payload = JSON.parse(delivery!.body) as { type: string; data: { participantId: string; actorRole: string; kind: string } };
    expect(payload).toMatchObject({ type: "plan.question_sent", data: { participantId: mette.participantId, actorRole: "participant", kind: "plan.question_sent" } });
    expect(delivery!.id).toMatch(/^evt_\d+$/);
    // Nothing more is due: delivered once.
    expect(await deliverDueWebhooks()).toMatchObject({ delivered: 0 });
    expect(received).toHaveLength(1);
    // Fjordby's client gets none of Solbjerg's events.
    const fjordby = readApiClients(process.env.API_CLIENTS_FILE!, { municipalityIds: ["solbjerg", "fjordby"] }).clients[1]!;
    expect(await queueWebhookDeliveries(fjordby)).toBe(0);
  });

  it("a failing receiver gets it again after 5 s, 30 s, 2 min, … with the same webhook-id, then the delivery is given up (the dead letter)", async () => {
    await anEvent("plan.read_confirmed");
    expect(await queueSettled()).toBe(1);
    received = [];
    answer = 503;
    let clock = Date.now();
    const now = () => new Date(clock);
    const lines = await captureLog(async () => {
      for (let attempt = 1; attempt <= MAX_WEBHOOK_ATTEMPTS; attempt++) {
        const report = await deliverDueWebhooks({ now });
        expect(report.retried + report.failed, `attempt ${attempt}`).toBe(1);
        // Not due again before its backoff has passed.
        expect((await deliverDueWebhooks({ now })).retried).toBe(0);
        const [row] = await database.db.select().from(apiWebhookDeliveries).where(eq(apiWebhookDeliveries.lastError, "HTTP_503"));
        if (attempt < MAX_WEBHOOK_ATTEMPTS) {
          expect(row!.runAfter.getTime() - clock, `attempt ${attempt}`).toBe([5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000][attempt - 1]);
          clock = row!.runAfter.getTime();
        } else {
          expect(row!.failedAt).not.toBeNull();
        }
      }
    });
    expect(received).toHaveLength(MAX_WEBHOOK_ATTEMPTS);
    expect(new Set(received.map((delivery) => delivery.id)).size).toBe(1);
    expect(received.every((delivery) => verifyWebhook(webhookKey(SECRET), delivery, delivery.body, { now: new Date(Number(delivery.timestamp) * 1000) }))).toBe(true);
    const given = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.event === "webhook_given_up");
    expect(given).toMatchObject({ client: "with-hook", attempts: MAX_WEBHOOK_ATTEMPTS, code: "HTTP_503" });
    expect(JSON.stringify(given)).not.toContain(mette.participantId);
    // Given up: never sent again.
    answer = 204;
    clock += 24 * 3_600_000;
    expect(await deliverDueWebhooks({ now })).toMatchObject({ delivered: 0, retried: 0, failed: 0 });
  });
});
