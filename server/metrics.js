// Prometheus metrics (prom-client), served on their own port that the public never reaches:
// METRICS_PORT turns them on, bound to 127.0.0.1 unless METRICS_HOST says otherwise (e.g. 0.0.0.0
// inside a container whose port only the monitoring network can see). Off when METRICS_PORT is unset.
import { createServer } from "node:http";
import client from "prom-client";
import { config } from "./config.js";
import { log } from "./log.js";

/**
 * What the gauges read from the app (the server build's entry module, app/entry.server.tsx).
 * @typedef {{
 *   requestGateStats(): { active: number, queued: number, size: number },
 *   mailOutboxCounts(): Promise<{ pending: number, givenUp: number, byChannel?: { channel: string, state: string, count: number }[] }>,
 * }} AppGauges
 */

const registry = new client.Registry();

const requestDuration = new client.Histogram({
  name: "http_server_request_duration_seconds",
  help: "Time from a request's arrival to the end of its answer, by method, route pattern and status; _count is the request count.",
  labelNames: ["method", "route", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** @type {() => Promise<AppGauges | undefined>} */
let appGauges = async () => undefined;

const gateGauge = (/** @type {string} */ name, /** @type {string} */ help, /** @type {"active" | "queued" | "size"} */ field) =>
  new client.Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      const app = await appGauges();
      if (app) this.set(app.requestGateStats()[field]);
    },
  });
gateGauge("minvej_request_transactions_active", "Request transactions holding a database connection now (Postgres).", "active");
gateGauge("minvej_request_transactions_queued", "Requests waiting for a database connection now (Postgres).", "queued");
gateGauge("minvej_request_transactions_max", "Request transactions that may run at once (DATABASE_POOL_SIZE).", "size");

const outboxPending = new client.Gauge({
  name: "minvej_mail_outbox_pending",
  help: "Mail and SMS in the outbox not yet sent, dropped or given up (due now, waiting for a retry or for quiet hours to end).",
  registers: [registry],
});
const outboxGivenUp = new client.Gauge({
  name: "minvej_mail_outbox_given_up",
  help: "Mail and SMS in the outbox given up after the last attempt (the dead letter).",
  registers: [registry],
});

// The outbox by channel and state (issue 18): e-mail and SMS, queued / retrying / sent / dropped
// (a reminder no longer wanted) / given_up (the dead letter). Sent, dropped and given-up rows are
// counted until the retention job deletes them (30 days). Alert on given_up rising.
const outboxMessages = new client.Gauge({
  name: "minvej_outbox_messages",
  help: "Outbox rows (e-mail and SMS) by channel and state: queued, retrying, sent, dropped, given_up (the dead letter).",
  labelNames: ["channel", "state"],
  registers: [registry],
});

/** Reads the outbox once per scrape, for every outbox gauge; a scrape without a database leaves them out. */
async function collectOutbox() {
  const app = await appGauges();
  if (!app) return;
  try {
    const counts = await app.mailOutboxCounts();
    outboxPending.set(counts.pending);
    outboxGivenUp.set(counts.givenUp);
    outboxMessages.reset();
    for (const { channel, state, count } of counts.byChannel ?? []) outboxMessages.set({ channel, state }, count);
  } catch (error) {
    outboxPending.reset();
    outboxGivenUp.reset();
    outboxMessages.reset();
    log.warn({ event: "metrics_outbox_unreadable", code: error instanceof Error && "code" in error ? String(error.code) : undefined });
  }
}

client.collectDefaultMetrics({ register: registry });

/** True once startMetrics has been called with a port: the access log then feeds the histogram. */
let enabled = false;

/**
 * @param {{ method: string, route: string, status: number, seconds: number }} request
 */
export function observeRequest({ method, route, status, seconds }) {
  if (enabled) requestDuration.observe({ method, route, status: String(status) }, seconds);
}

/**
 * Starts the metrics endpoint when METRICS_PORT is set; resolves when it listens (or at once when
 * off), and ends the process with a clear message when the port cannot be had.
 * @param {() => Promise<AppGauges | undefined>} gauges the app's gauges, once it is loaded
 */
export async function startMetrics(gauges) {
  const port = config().metricsPort;
  if (!port) return null;
  const host = config().metricsHost || "127.0.0.1";
  appGauges = gauges;
  enabled = true;
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?", 1)[0] !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    collectOutbox()
      .then(() => registry.metrics())
      .then(
        (body) => res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(body),
        (error) => {
          log.error({ event: "metrics_failed", error: error instanceof Error ? error.name : typeof error });
          res.writeHead(500).end();
        },
      );
  });
  await new Promise((resolve) => {
    server.once("error", (error) => {
      const code = "code" in error && typeof error.code === "string" ? error.code : error.message;
      log.fatal({ event: "metrics_listen_failed", host, port, code }, `Min Vej kunne ikke lytte på ${host}:${port} (metrics): ${code}`);
      process.exit(1);
    });
    server.listen(port, host, () => resolve(undefined));
  });
  log.info({ event: "metrics_listening", host, port }, `Metrics på http://${host}:${port}/metrics`);
  return server;
}
