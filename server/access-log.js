// One access log line per request, the request histogram and the request's trace span, all
// named by the route PATTERN (`/moeder/:id`), never the path with its ids or query string.
// server/request-handler.js sets `res.locals.route` from React Router's match; what never reached
// the app is "(static)" (files) or "(none)" (refused before it, e.g. a foreign origin).
import { log } from "./log.js";
import { observeRequest } from "./metrics.js";
import { endRequestSpan, startRequestSpan } from "./tracing.js";

const PROBES = new Set(["/healthz", "/readyz"]);

/**
 * Express middleware; put it right after the one that gives the request its id.
 * @returns {import("express").RequestHandler}
 */
export function accessLog() {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.locals.span = startRequestSpan(req);
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = typeof res.locals.route === "string" ? res.locals.route : "(none)";
      // A client that left before the answer was complete: 499, as nginx logs it.
      const status = res.writableFinished ? res.statusCode : 499;
      // Probes come every few seconds from every load balancer: an operator reads them only when debugging.
      const level = PROBES.has(route) && status < 500 ? "debug" : "info";
      log[level]({
        event: "request",
        requestId: res.locals.requestId,
        method: req.method,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        // SQL statements the request sent (db/client.ts counts them), when it reached the app.
        statements: res.locals.statements,
        // Of those, the ones that wrote or locked rows (a GET should have none).
        writes: res.locals.writes,
        // Their texts, without parameters, only when MINVEJ_LOG_SQL_TEXTS=1 (npm run bench).
        sql: res.locals.statementTexts,
      });
      observeRequest({ method: req.method, route, status, seconds });
      endRequestSpan(res.locals.span, { method: req.method, route, status });
    });
    next();
  };
}

/**
 * Marks what follows as a static file; the app's handler overwrites it if no file answered.
 * @param {import("express").Request} _req
 * @param {import("express").Response} res
 * @param {import("express").NextFunction} next
 */
export const staticRoute = (_req, res, next) => {
  res.locals.route = "(static)";
  next();
};
