// The one HTTP server for development and production: security headers, the origin
// check and request ids apply to every request, pages and resource routes alike.
import { randomUUID } from "node:crypto";
import compression from "compression";
import express from "express";
import { accessLog, staticRoute } from "./server/access-log.js";
import { configOrExit } from "./server/config.js";
import { log } from "./server/log.js";
import { startMetrics } from "./server/metrics.js";
import { createRequestHandler } from "./server/request-handler.js";
import { logError } from "./server/safe-error.js";
import { startTracing } from "./server/tracing.js";

/** @typedef {import("./server/request-handler.js").MinVejBuild} MinVejBuild */

// Every setting is checked before anything else happens: a missing or invalid one stops the start
// with one message naming each (server/config.js, .env.example).
const settings = configOrExit();
const PRODUCTION = settings.production;
// Several builds can live side by side (e.g. one per parallel test run): BUILD_DIR picks one.
const BUILD_DIR = settings.buildDir;
const PORT = settings.port;
const HOST = settings.host;
// Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (server/tracing.js).
const tracing = startTracing();

let draining = false;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", settings.trustProxy);

app.use((req, res, next) => {
  const incoming = req.get("x-request-id");
  res.locals.requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  res.set("X-Request-Id", res.locals.requestId);
  req.headers["x-request-id"] = res.locals.requestId;
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  res.set("Cross-Origin-Resource-Policy", "same-origin");
  res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  if (PRODUCTION) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // While draining, every answer ends its connection, so that keep-alive clients go elsewhere.
  if (draining) res.set("Connection", "close");
  next();
});

// One access log line, the metrics and the trace span per request (server/access-log.js).
app.use(accessLog());

// Requests being answered now; on SIGTERM the listener stays open until this reaches zero.
let inFlight = 0;
/** @type {(() => void) | null} */
let onIdle = null;
app.use((_req, res, next) => {
  inFlight++;
  res.once("close", () => {
    if (--inFlight === 0) onIdle?.();
  });
  next();
});

// Graceful shutdown (see the end of this file): from SIGTERM on, the load balancer is told
// "not ready" while the requests already in flight finish.
app.get("/readyz", (_req, res, next) => {
  if (!draining) return next();
  res.locals.route = "/readyz";
  res.status(503).set("Cache-Control", "no-store").type("text/plain; charset=utf-8").send("shutting down\n");
});

app.use(compression());

// Static files first: they need neither the origin check nor the app. In development Vite serves them.
const viteDevServer = PRODUCTION
  ? undefined
  : await (await import("vite")).createServer({ server: { middlewareMode: true }, appType: "custom" });
if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use(staticRoute);
  app.use("/assets", express.static(`${BUILD_DIR}/client/assets`, { immutable: true, maxAge: "1y", index: false }));
  // Only an address that ends in a file name is looked for on disk: a page's never does, and the
  // look (a stat, then a 404 object) cost every page a tenth of a millisecond.
  const clientFiles = express.static(`${BUILD_DIR}/client`, { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? clientFiles(req, res, next) : next()));
}

const { checkOrigin } = await import("./server/origin.js");
const { bodyGuard } = await import("./server/body-guard.js");
const { refusalPage } = await import("./server/refusal.js");
const { isApiPath, originOfRequest, sendProblem } = await import("./server/problem.js");

// The API for case systems (/api/v1/, issue 20) answers systems, not browsers: a system proves who
// it is with a bearer token, never with a cookie, so no cookie ever reaches it (not a session's, not
// the language's). Its refusals are problem+json (server/problem.js), never a page.
/** @type {Record<number, import("./server/problem.js").ProblemType>} */
const API_REFUSALS = { 400: "invalid-request", 403: "forbidden-origin", 413: "payload-too-large", 415: "unsupported-media-type" };
/**
 * @param {import("express").Response} res
 * @param {import("./server/refusal.js").RefusalStatus} status
 * @param {string} reason
 */
const refuse = (res, status, reason) => {
  if (!isApiPath(res.req.originalUrl)) return refusalPage(res, status, reason);
  res.set("Connection", "close");
  sendProblem(res, API_REFUSALS[status] ?? "invalid-request", { origin: originOfRequest(res.req, settings.publicOrigin) });
};
app.use((req, _res, next) => {
  if (isApiPath(req.originalUrl)) delete req.headers.cookie;
  next();
});

app.use((req, res, next) => {
  const verdict = checkOrigin({
    method: req.method,
    path: req.path,
    origin: req.get("origin"),
    referer: req.get("referer"),
    secFetchSite: req.get("sec-fetch-site"),
    host: req.get("host"),
    protocol: req.protocol,
    publicOrigin: settings.publicOrigin,
    authorization: req.get("authorization"),
  });
  if (verdict.ok && (verdict.crossSiteByDesign || verdict.bearer)) {
    // React Router checks the origin of an action again; this one is let through on purpose.
    delete req.headers.origin;
  }
  if (verdict.ok) return next();
  refuse(res, 403, verdict.reason);
});

// Bodies are read once, within limits, before the app parses anything (server/body-guard.js); the
// API's are JSON.
app.use(bodyGuard({ refuse, takesJson: (req) => isApiPath(req.originalUrl) }));

// Pages and data are personal: never cache them anywhere.
app.use((_req, res, next) => {
  res.set("Cache-Control", "no-store");
  next();
});

/** @type {MinVejBuild | undefined} */
let build;
if (!viteDevServer) {
  build = /** @type {MinVejBuild} */ (await import(new URL(`./${BUILD_DIR}/server/index.js`, import.meta.url).href));
  app.all("*splat", createRequestHandler({ build, mode: "production" }));
} else {
  app.all("*splat", async (req, res, next) => {
    try {
      const devBuild = /** @type {MinVejBuild} */ (await viteDevServer.ssrLoadModule("virtual:react-router/server-build"));
      return createRequestHandler({ build: devBuild, mode: "development" })(req, res, next);
    } catch (error) {
      if (error instanceof Error) viteDevServer.ssrFixStacktrace(error);
      next(error);
    }
  });
}

// Anything the app did not answer itself: logged without what the person sent, a generic page.
/**
 * @param {unknown} error
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {import("express").NextFunction} _next
 */
const answerUnhandled = (error, req, res, _next) => {
  logError("request_failed", res.locals.requestId, error);
  if (res.headersSent) return res.end();
  if (isApiPath(req.originalUrl)) return sendProblem(res, "internal-error", { origin: originOfRequest(req, settings.publicOrigin) });
  res.status(500).set("Cache-Control", "no-store").type("text/plain; charset=utf-8");
  res.send(`Noget gik galt hos os. Prøv igen om lidt. Fejlkode: ${res.locals.requestId}\n`);
};
app.use(answerUnhandled);

// Open and migrate the database before taking traffic, so a broken database fails the start.
if (build?.entry?.module?.prepare) await build.entry.module.prepare();

// Express 5 calls back with the error too: a port already in use (or not ours to take) must
// stop the start, not leave a process that looks alive.
const server = app.listen(PORT, HOST, (error) => {
  if (error) {
    const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
    log.fatal({ event: "listen_failed", host: HOST, port: PORT, code }, `Min Vej kunne ikke lytte på ${HOST}:${PORT}: ${code ?? error.message}`);
    process.exit(1);
  }
  log.info({ event: "listening", port: PORT, mode: PRODUCTION ? "production" : "development" }, `Min Vej lytter på http://localhost:${PORT}`);
});

// Prometheus metrics on their own port, off unless METRICS_PORT is set (server/metrics.js).
await startMetrics(async () =>
  build
    ? build.entry.module
    : /** @type {MinVejBuild} */ (await viteDevServer?.ssrLoadModule("virtual:react-router/server-build"))?.entry.module,
);

/** How long in-flight requests get to finish after SIGTERM before the process exits anyway. */
const DRAIN_TIMEOUT_MS = settings.shutdownTimeoutMs;

/** @param {string} signal */
async function shutDown(signal) {
  if (draining) return;
  draining = true;
  log.info({ event: "shutting_down", signal, inFlight }, `Min Vej: ${signal} received, finishing requests in flight, then stopping.`);
  setTimeout(() => {
    log.error({ event: "shutdown_timeout", inFlight }, "Min Vej: requests did not finish in time; stopping anyway.");
    process.exit(1);
  }, DRAIN_TIMEOUT_MS).unref();
  server.closeIdleConnections?.();
  // Still listening (and answering /readyz with 503) until the last request in flight is done.
  await new Promise((resolve) => {
    onIdle = () => resolve(undefined);
    if (inFlight === 0) onIdle();
  });
  await new Promise((resolve) => server.close(resolve));
  await viteDevServer?.close();
  await build?.entry?.module?.shutdown?.().catch((error) => logError("shutdown_failed", null, error));
  await tracing?.shutdown().catch((error) => logError("tracing_shutdown_failed", null, error));
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutDown(signal));
