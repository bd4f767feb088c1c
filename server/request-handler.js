// Express -> React Router, with one database transaction around each request.
//
// @react-router/express sends the response from inside its handler, so a transaction wrapped
// around it would commit only after the person already had the answer (a redirect after a
// save, say). Here the order is: run the request in a transaction (the server build's
// `withRequestTransaction`), commit, and only then send the response. A failed commit
// becomes a 500 and is never acknowledged.
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import { createRequestHandler as createReactRouterHandler } from "react-router";

export function createRequestHandler({ build, getLoadContext, mode }) {
  const handle = createReactRouterHandler(build, mode);
  const inTransaction = build.entry.module.withRequestTransaction ?? ((work) => work());
  return async (req, res, next) => {
    try {
      const request = toWebRequest(req, res);
      const context = getLoadContext(req, res);
      const response = await inTransaction(() => handle(request, context));
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toWebRequest(req, res) {
  // Express has already resolved the host (and X-Forwarded-Host only behind a trusted proxy).
  const forwardedHost = req.app.enabled("trust proxy") ? req.get("x-forwarded-host") : undefined;
  const url = new URL(req.originalUrl, `${req.protocol}://${forwardedHost ?? req.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url, init);
}

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
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (!(res.destroyed || res.writableEnded)) throw error;
  }
}
