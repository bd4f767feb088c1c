import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverUrl } from "../support/db";
import { signInLive, startLiveServer, type LiveServer } from "../support/live-server";

// Traces as an operator's collector gets them: the production build with OTEL_EXPORTER_OTLP_ENDPOINT
// pointing at an OTLP/HTTP receiver in this process. One page request carries a W3C traceparent;
// its trace must hold the HTTP server span (named by route pattern), the request transaction
// (Postgres) and a span per query, children of one another, with nothing personal in any of it.

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
const SERVER = 2;
const CLIENT = 3;

let receiver: Server;
let server: LiveServer;
const spans: OtlpSpan[] = [];
const bodies: string[] = [];
const resources: string[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
      if (req.url === "/v1/traces") {
        bodies.push(text);
        const payload = JSON.parse(text) as { resourceSpans: { resource: unknown; scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const resourceSpans of payload.resourceSpans) {
          resources.push(JSON.stringify(resourceSpans.resource));
          for (const scope of resourceSpans.scopeSpans) spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  server = await startLiveServer({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}` });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe(`OpenTelemetry traces over OTLP/HTTP (${serverUrl ? "Postgres as portal_app" : "embedded database"})`, () => {
  it("sends the server span, the request transaction and each query of one request, as one trace", async () => {
    const cookie = await signInLive(server, "mette");
    const traceId = randomBytes(16).toString("hex");
    const callerSpanId = randomBytes(8).toString("hex");
    const response = await fetch(`${server.origin}/min-plan?besked=gemt`, {
      headers: { Cookie: cookie, traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    expect(response.status).toBe(200);

    // The batch goes out every 5 seconds.
    const inTrace = () => spans.filter((span) => span.traceId === traceId);
    for (let tries = 0; tries < 100 && !inTrace().some((span) => span.kind === SERVER); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const trace = inTrace();
    const http = trace.find((span) => span.kind === SERVER);
    expect(http, "the HTTP server span").toBeTruthy();
    // It continues the caller's trace, and names the route, never the path or its query string.
    expect(http!.parentSpanId).toBe(callerSpanId);
    expect(http!.name).toBe("GET /min-plan");
    expect(attribute(http!, "http.route")).toBe("/min-plan");
    expect(attribute(http!, "http.request.method")).toBe("GET");
    expect(attribute(http!, "http.response.status_code")).toBe(200);
    for (const key of ["url.path", "url.query", "url.full", "client.address", "user_agent.original"]) expect(attribute(http!, key), key).toBeUndefined();

    const queries = trace.filter((span) => span.kind === CLIENT);
    // /min-plan reads the session with its person, then the plan with its parts: two statements
    // since issue 21 (each one a span).
    expect(queries.length, "a span per query").toBeGreaterThanOrEqual(2);
    for (const query of queries) {
      expect(attribute(query, "db.system.name")).toBe("postgresql");
      expect(String(attribute(query, "db.query.text"))).toMatch(/^\s*(select|insert|update|delete|with)\b/i);
    }
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const root = (span: OtlpSpan): OtlpSpan => (span.parentSpanId && byId.has(span.parentSpanId) ? root(byId.get(span.parentSpanId)!) : span);
    for (const query of queries) expect(root(query).spanId, query.name).toBe(http!.spanId);

    if (serverUrl) {
      // Postgres: the request's transaction, BEGIN to COMMIT, under the HTTP span; the queries in it.
      const transaction = trace.find((span) => span.name === "request transaction");
      expect(transaction, "the request transaction span").toBeTruthy();
      expect(transaction!.parentSpanId).toBe(http!.spanId);
      expect(queries.filter((query) => query.parentSpanId === transaction!.spanId).length).toBe(queries.length);
    } else {
      // The embedded database runs a request without a transaction: the queries hang off the HTTP span.
      expect(trace.some((span) => span.name === "request transaction")).toBe(false);
      for (const query of queries) expect(query.parentSpanId).toBe(http!.spanId);
    }
    expect(resources.some((resource) => resource.includes('"service.name"') && resource.includes('"min-vej"'))).toBe(true);
  }, 60_000);

  it("records no query outside a request, and nothing personal: no values, cookies, names or CPR numbers", () => {
    const serverTraces = new Set(spans.filter((span) => span.kind === SERVER).map((span) => span.traceId));
    // The job worker's poll queries the outbox every few seconds: it starts no traces of its own.
    for (const span of spans) expect(serverTraces.has(span.traceId), `${span.name} outside a request`).toBe(true);
    const all = bodies.join("\n");
    for (const secret of ["1203859991", "Mette", "Hansen", "mette.hansen@example.org", "minvej_session", "besked=gemt"]) {
      expect(all, secret).not.toContain(secret);
    }
  });
});
