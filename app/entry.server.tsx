import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { renderToString } from "react-dom/server";
import { ServerRouter, type EntryContext, type RouterContextProvider } from "react-router";
import { getDatabase, openDatabase } from "../db/client";
import { startWorker, stopWorker } from "./features/jobs/index.server";

// server.js runs every request inside this (a transaction on Postgres, see db/client.ts).
export { withRequestTransaction } from "../db/client";
// server/request-handler.js and server/metrics.js read these: a request's route pattern, the gauges.
export { routePatternOf } from "./lib/request.server";
export { requestGateStats } from "../db/client";
export { mailOutboxCounts } from "./features/jobs/index.server";
import { RequestContextProvider } from "./lib/request-context";
import { requestIdOf } from "./lib/request.server";
import { config } from "../server/config.js";
import { logError } from "../server/safe-error.js";

/**
 * Called by server.js before it listens: opens and migrates the database (and seeds an empty
 * embedded one), and starts the job worker in this process unless `JOB_WORKER=off` (then
 * `npm run worker` runs it on its own; the embedded database always needs it in-process).
 */
export async function prepare() {
  const handle = await getDatabase();
  if (config().jobWorker !== "off" || handle.kind === "pglite") startWorker();
}

/**
 * Called by server.js after the last request has been answered: stops the job worker (a mail being
 * sent is finished and marked first), then closes the pool (or the embedded database).
 */
export async function shutdown() {
  await stopWorker();
  await (await getDatabase()).close();
}

/** `npm run worker` (worker.js): the job worker alone, on the same database and configuration. */
export async function runWorkerOnly() {
  const handle = await getDatabase();
  if (handle.kind === "pglite") {
    await handle.close();
    throw new Error("The embedded database has one process: its job worker runs inside the portal. Set DATABASE_URL to run the worker on its own.");
  }
  startWorker();
}

/**
 * `npm run migrate` (migrate.js): as the schema owner, applies pending migrations under the
 * advisory lock and the roles and grants (db/caseworker/roles.sql), seeds an empty database when
 * `SEED_DEMO_DATA=1`, and closes. Then the portal can run as `portal_app` without the owner.
 */
export async function migrateOnly(): Promise<void> {
  const settings = config();
  const ownerUrl = settings.databaseOwnerUrl || settings.databaseUrl;
  if (!ownerUrl) {
    throw new Error("Set DATABASE_OWNER_URL to the schema owner's Postgres connection. (The embedded database migrates itself when the portal starts.)");
  }
  const handle = await openDatabase({ url: ownerUrl, ownerUrl, seedWhenEmpty: settings.seedDemoData });
  await handle.close();
}

/**
 * "Log ud" without JavaScript is a form whose answer redirects to the caseworkers' identity
 * provider (its end_session_endpoint): form-action covers redirects, so that origin is named.
 */
const formTargets = new Map<string, string>();

/** The identity providers' addresses that "Log ind" and "Log ud" forms redirect to (worked out once per setting). */
function providerFormTargets(): string {
  const issuer = config().caseworkerOidc?.issuer;
  const metadata = config().nemLogIn?.idpMetadata ?? "";
  const key = `${issuer ?? ""}\n${metadata}`;
  let found = formTargets.get(key);
  if (found === undefined) {
    const targets = new Set<string>();
    const add = (url: string | undefined) => {
      try {
        if (url) targets.add(new URL(url).origin);
      } catch {
        // Not a URL: nothing to allow.
      }
    };
    add(issuer);
    // NemLog-in's sign-in and logout addresses, from its metadata.
    for (const [, location] of metadata.matchAll(/Location="(https?:\/\/[^"]+)"/g)) add(location);
    found = [...targets].map((origin) => ` ${origin}`).join("");
    formTargets.set(key, found);
  }
  return found;
}

function contentSecurityPolicy(nonce: string, development: boolean) {
  const connect = development ? "'self' ws: wss:" : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    `form-action 'self'${providerFormTargets()}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = randomBytes(16).toString("base64");
  const development = !config().production;
  // Vite's dev client injects inline scripts without a nonce; the policy is enforced in production.
  if (!development) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce, development));

  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  // Every page is whole before it leaves (no Suspense, nothing streamed), so it is rendered to one
  // string: no stream between React and the response, and the server sends it in one write.
  const html = renderToString(
    <RequestContextProvider value={{ nonce, requestId: requestIdOf(loadContext) }}>
      <ServerRouter context={withMatchedRoutesOnly(routerContext)} url={request.url} nonce={nonce} />
    </RequestContextProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // As bytes: a text body is first checked character by character for lone surrogates (WebIDL's
  // USVString) and then encoded by a TextEncoder; Buffer.from encodes it in one call.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

/**
 * The router context with only the routes this request matched in its manifest. ServerRouter
 * builds its route tree from every route in the manifest at each render (142 routes: three walks
 * and a few hundred objects a page, a twentieth of a page's CPU). A page renders only its matched
 * routes, and no page hydrates (decision 26: the manifest never reaches the browser), so the
 * others are left out. An error page is among the matches too: the route whose boundary shows it
 * is one of them.
 */
function withMatchedRoutesOnly(context: EntryContext): EntryContext {
  const routes: EntryContext["manifest"]["routes"] = {};
  for (const { route } of context.staticHandlerContext.matches) {
    const entry = context.manifest.routes[route.id];
    if (entry) routes[route.id] = entry;
  }
  return { ...context, manifest: { ...context.manifest, routes } };
}

/** Server errors are logged with the request id that the error page shows; the page never shows a stack. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logError("request_failed", request.headers.get("x-request-id"), error);
}
