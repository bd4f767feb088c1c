import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** An SMS as the fake gateway received it (app/features/notifications/sms.server.ts: the interface). */
export interface ReceivedSms {
  to: string;
  text: string;
  reference: string;
  /** The Authorization header as sent ("Bearer …"), or undefined. */
  authorization: string | undefined;
  idempotencyKey: string | undefined;
}

/** What the gateway answers the next requests: 202, 503 (try later), or 202 after 3 s. */
export type SmsAnswer = "ok" | "fail" | "slow";

export interface FakeSmsGateway {
  /** `http://127.0.0.1:<port>/v1/messages`, for SMS_GATEWAY_URL. */
  url: string;
  /** The SMS it accepted (2xx), oldest first. */
  received: ReceivedSms[];
  /** Every request, accepted or refused. */
  requests: number;
  answerNext(...answers: SmsAnswer[]): void;
  reset(): void;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A local SMS gateway that speaks the portal's documented interface: POST JSON {to, text,
 * reference} with a bearer token. Anything else is a 400 (so a wrong request fails the test).
 */
export async function startFakeSmsGateway(): Promise<FakeSmsGateway> {
  const received: ReceivedSms[] = [];
  const answers: SmsAnswer[] = [];
  let requests = 0;
  const server = createServer((request, response) => {
    void (async () => {
      requests++;
      const body = await bodyOf(request);
      let parsed: { to?: unknown; text?: unknown; reference?: unknown } = {};
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        parsed = {};
      }
      const wellFormed =
        request.method === "POST" &&
        request.url === "/v1/messages" &&
        /^application\/json/.test(request.headers["content-type"] ?? "") &&
        typeof parsed.to === "string" &&
        typeof parsed.text === "string" &&
        typeof parsed.reference === "string";
      if (!wellFormed) {
        response.writeHead(400).end();
        return;
      }
      const answer = answers.shift() ?? "ok";
      if (answer === "fail") {
        response.writeHead(503, { "Content-Type": "application/json" }).end(JSON.stringify({ error: `cannot send to ${String(parsed.to)}` }));
        return;
      }
      if (answer === "slow") await new Promise((resolve) => setTimeout(resolve, 3_000));
      received.push({
        to: parsed.to as string,
        text: parsed.text as string,
        reference: parsed.reference as string,
        authorization: request.headers.authorization,
        idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      });
      response.writeHead(202, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `sms-${received.length}` }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/messages`,
    received,
    get requests() {
      return requests;
    },
    answerNext: (...next) => void answers.push(...next),
    reset() {
      received.length = 0;
      answers.length = 0;
      requests = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
