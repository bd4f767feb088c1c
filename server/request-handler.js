// Express -> React Router, with one database transaction around each request.
//
// @react-router/express sends the response from inside its handler, so a transaction wrapped
// around it would commit only after the person already had the answer (a redirect after a
// save, say). Here the order is: run the request in a transaction (the server build's
// `withRequestTransaction`), commit, and only then send the response. A failed commit
// becomes a 500 and is never acknowledged.
import { Buffer } from "node:buffer";
import { gzipSync } from "node:zlib";
import { writeReadableStreamToWritable } from "@react-router/node";
import { createContext, createRequestHandler as createReactRouterHandler, RouterContextProvider } from "react-router";
import { config } from "./config.js";
import { isApiPath, originOfRequest, sendProblem } from "./problem.js";
import { BUSY_RETRY_AFTER_SECONDS, busyPage } from "./refusal.js";
import { inSpan } from "./tracing.js";

const OUTSIDE_TRANSACTION = new Set(["/healthz", "/readyz"]);
/** Where the app finds the client's address (app/lib/rate-limit.server.ts reads it). */
const CLIENT_ADDRESS_HEADER = "x-minvej-client-address";

/** @typedef {import("express").Response} ExpressResponse */
/** @typedef {import("./body-guard.js").GuardedRequest} GuardedRequest */
/**
 * The server build (`build/server/index.js`, or Vite's in development) as server.js and worker.js
 * use it: React Router's build, whose entry module is app/entry.server.tsx with its own exports
 * (`prepare`, `shutdown`, `runWorkerOnly`, `withRequestTransaction`).
 * @typedef {import("react-router").ServerBuild & { entry: { module: typeof import("../app/entry.server") } }} MinVejBuild
 */
/**
 * @param {object} options
 * @param {MinVejBuild} options.build
 * @param {"production" | "development"} options.mode
 * @returns {(req: GuardedRequest, res: ExpressResponse, next: import("express").NextFunction) => Promise<void>}
 */
export function createRequestHandler({ build, mode }) {
  const handle = createReactRouterHandler(withPageDataKeptOnServer(build), mode);
  const inTransaction = build.entry.module.withRequestTransaction ?? ((work) => work());
  const routePatternOf = build.entry.module.routePatternOf ?? (() => undefined);
  return async (req, res, next) => {
    // The app's root middleware fills it (request id, logger, who is signed in, language).
    const context = new RouterContextProvider();
    context.set(renderingPage, !req.path.endsWith(".data"));
    try {
      const request = toWebRequest(req, res);
      // Liveness and readiness must answer even when every connection is taken.
      const response = await inSpan(res.locals.span, () =>
        OUTSIDE_TRANSACTION.has(req.path)
          ? handle(request, context)
          : inTransaction(
              () => handle(request, context),
              (done) => {
                res.locals.statements = done.statements;
                res.locals.writes = done.writes;
                res.locals.statementTexts = done.texts;
              },
            ),
      );
      // For the access log and the metrics (server/access-log.js): `/moeder/:id`, not the path.
      res.locals.route = routePatternOf(context) ?? "(none)";
      await send(res, response);
    } catch (error) {
      res.locals.route = routePatternOf(context) ?? "(none)";
      if (isDatabaseBusy(error) && isApiPath(req.originalUrl)) {
        return sendProblem(res, "service-unavailable", {
          origin: originOfRequest(req, config().publicOrigin),
          headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) },
        });
      }
      if (isDatabaseBusy(error)) return busyPage(res);
      next(error);
    }
  };
}

/** Whether React Router answers this request with a page (not with a route's data, `….data`). */
export const renderingPage = createContext(false);

/**
 * The build with each page route's loader and action wrapped so that, when a page is rendered, what
 * they return reaches the page's components but not React Router's hydration data. React Router
 * encodes every page's loader and action data for a browser that hydrates (turbo-stream) before
 * the page is rendered, and no option turns it off; no page hydrates (decision 26), and the encoding
 * was up to a tenth of a page's CPU (decision 27). Each field of the data is kept as a property the
 * encoding does not list (not enumerable), so `data.field` reads it as before. A component must
 * therefore name the fields it reads: `{...loaderData}` would be empty.
 * A route's data asked as data (`….data`), and resource routes (no component), are left alone.
 * @param {MinVejBuild} build
 * @returns {MinVejBuild}
 */
export function withPageDataKeptOnServer(build) {
  /** @type {MinVejBuild["routes"]} */
  const routes = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const module = route.module;
    routes[id] = module.default ? { ...route, module: { ...module, loader: keepingDataOnServer(module.loader), action: keepingDataOnServer(module.action) } } : route;
  }
  return { ...build, routes };
}

/**
 * @template {{ context: Readonly<RouterContextProvider> }} Args
 * @param {((args: Args) => unknown) | undefined} handler a route's loader or action
 * @returns {((args: Args) => Promise<unknown>) | undefined}
 */
function keepingDataOnServer(handler) {
  if (!handler) return undefined;
  return async (args) => {
    const result = await handler(args);
    return args.context.get(renderingPage) ? keptOnServer(result) : result;
  };
}

/**
 * A plain object's fields as properties that are not enumerable; `data()`'s answer with its data so;
 * anything else (a Response, null, a list) as it is.
 * @param {unknown} value
 * @returns {unknown}
 */
function keptOnServer(value) {
  if (value === null || typeof value !== "object" || value instanceof globalThis.Response) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    /** @type {PropertyDescriptorMap} */
    const fields = {};
    for (const [key, field] of Object.entries(value)) fields[key] = { value: field, enumerable: false, writable: true, configurable: true };
    return Object.defineProperties({}, fields);
  }
  // React Router's `data(value, init)`: a DataWithResponseInit whose `data` it unwraps (a copy, so
  // that one the app kept and answers again is never changed).
  if ("type" in value && value.type === "DataWithResponseInit" && "data" in value) {
    return Object.assign(Object.create(prototype), value, { data: keptOnServer(value.data) });
  }
  return value;
}

/**
 * db/client.ts's DatabaseBusyError, recognised by its code: the class lives in the server build,
 * which this file does not import.
 * @param {unknown} error
 */
function isDatabaseBusy(error) {
  return typeof error === "object" && error !== null && "code" in error && error.code === "MINVEJ_DATABASE_BUSY";
}

/**
 * @param {GuardedRequest} req
 * @param {ExpressResponse} res
 * @returns {Request}
 */
function toWebRequest(req, res) {
  // Express has already resolved the host (and X-Forwarded-Host only behind a trusted proxy).
  const forwardedHost = req.app.enabled("trust proxy") ? req.get("x-forwarded-host") : undefined;
  const url = new URL(req.originalUrl, `${req.protocol}://${forwardedHost ?? req.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // The client's address for the rate limits (app/lib/rate-limit.server.ts), as Express resolved it
  // (X-Forwarded-For only behind a trusted proxy); a client's own header of that name is dropped.
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (req.ip) headers.set(CLIENT_ADDRESS_HEADER, req.ip);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  /** @type {RequestInit} */
  const init = { method: req.method, headers, signal: controller.signal };
  // server/body-guard.js has already read (and bounded) the body of every request that has one.
  const body = req.rawBody;
  if (body && body.length > 0) init.body = body;
  else if (body || (req.method !== "GET" && req.method !== "HEAD")) {
    // A post without a body is an empty form, never a parse error deep inside an action.
    init.body = new Uint8Array(0);
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  return new Request(url, init);
}

/**
 * @param {ExpressResponse} res
 * @param {Response} response the app's answer (a fetch Response)
 */
async function send(res, response) {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    // Set-Cookie may come more than once. Any other header the app sets replaces the server's
    // default (server.js sets `Cache-Control: no-store` on everything; the translations file is
    // the one response that may be cached).
    if (name === "set-cookie") res.append(name, value);
    else res.setHeader(name, value);
  }
  if (!response.body) {
    res.end();
    return;
  }
  // A page is rendered whole (app/entry.server.tsx): one buffer, zipped at once, one write. The
  // compression middleware (server.js) leaves an answer alone that is already encoded; its stream
  // cost a small page more than the zipping itself.
  if (response.headers.get("content-type")?.startsWith("text/html")) {
    const page = Buffer.from(await response.arrayBuffer());
    res.vary("Accept-Encoding");
    if (page.length < 1024 || res.req.acceptsEncodings("gzip") !== "gzip" || res.getHeader("Content-Encoding")) {
      res.setHeader("Content-Length", page.length);
      res.end(page);
      return;
    }
    // Level 3, not zlib's 6: on the participant pages (9-23 KB) it zips in 40-80 µs instead of
    // 65-210 µs, for 4-7 % more bytes (3.3-6.5 KB): a tenth of a millisecond on a phone's line.
    const zipped = gzipSync(page, { level: 3 });
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Length", zipped.length);
    res.end(zipped);
    return;
  }
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (!(res.destroyed || res.writableEnded)) throw error;
  }
}
