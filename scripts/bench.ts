// Benchmark for Min Vej: page weight (gzip bytes of HTML, JS and CSS), SQL statements per page
// (read from the server's access log) and throughput under a fixed load, next to a static-file
// ceiling. It prints figures; it asserts nothing about time.
//
//   npm run bench                      build, then measure against the embedded PGlite database
//   DATABASE_URL=postgres://… npm run bench   also measure against that PostgreSQL database
//
// Environment: BENCH_SKIP_BUILD=1, BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS
// (default 10), BENCH_SAMPLES (requests per page one at a time, default 200, after BENCH_WARM_UP loads, default 200, in
// BENCH_ROUNDS rounds that take the pages in turn, default 10), BENCH_TARGETS (e.g.
// "postgres-big,pglite-demo": only those). Results go to stdout as tables and to
// bench-results/latest.json.
//
// Every participant page (as mette), /sagsbehandler (as sara) and one participant read through the
// case systems' API (GET /api/v1/participants/{id}, a client with a key made for the run) is also requested one at a time
// and then BENCH_CONNECTIONS at a time (BENCH_CONCURRENT_SAMPLES page loads, default 200): SQL
// statements per request (BEGIN, COMMIT and savepoints not counted), how many of them wrote or
// locked rows, p50/p99 at both, the server's CPU per request, and issue 21's goals each row misses. With a big data set (scripts/bench-seed.ts:
// 100,000 more participants) the same pages are measured on it too and printed side by side:
//
//   BENCH_BIG_DATA_DIR=<a PGlite data folder bench-seed.ts filled>       the embedded database
//   BENCH_BIG_DATABASE_URL=postgres://portal_app@…/<a database bench-seed.ts filled>   Postgres
//   (BENCH_BIG_DATABASE_OWNER_URL: its owner, to apply migrations newer than the data set)
//
// DATABASE_OWNER_URL (the schema owner of DATABASE_URL's database) lets the server migrate and
// seed a fresh database while it runs as portal_app, as production does.
// Exits non-zero only when something broke: the server never became ready, sign-in failed,
// an asset could not be fetched, or the app answered non-2xx (or failed) under load.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
// @ts-expect-error -- autocannon ships no type declarations and @types/autocannon is not installed.
import autocannonUntyped from "autocannon";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { gzipBytes, linkHrefsWithRel, measurePageScripts, PAGE_JS_CEILING_BYTES } from "./page-weight";

// ---------------------------------------------------------------------------------------------
// Settings

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS_FILE = path.join(PROJECT_ROOT, "bench-results", "latest.json");
const READY_TIMEOUT_MS = 120_000;
const DEMO_PERSON = "mette";
/** Stands for the participant's first meeting page (`/moeder/<id>`), found on `/moeder`. */
const MEETING_PAGE = "/moeder/:id";

const PAGES: PageSpec[] = [
  { path: "/", signedIn: true },
  { path: "/log-ind", signedIn: false },
];

/**
 * Pages that are only weighed (HTML, JS and CSS bytes), not loaded: one or two per capability.
 * A path that answers 404 (its capability has not landed) is left out of the table.
 */
const WEIGHED_PAGES: string[] = [
  "/min-plan",
  "/moeder",
  MEETING_PAGE,
  "/beskeder",
  "/forberedelse",
  "/cv",
  "/netvaerk",
  "/paaroerende",
  "/om",
  "/om/rehabiliteringsteam",
  "/hjaelp",
  "/sagsbehandler",
];

/** Measured one request at a time, on the demo data and on the big data: every participant page. */
const PARTICIPANT_PAGES = ["/", "/min-plan", "/moeder", MEETING_PAGE, "/beskeder", "/forberedelse", "/cv", "/netvaerk", "/paaroerende", "/hjaelp"];
/** The same for the caseworker (sara): her list, first and second page, and the first page of her messages. */
const CASEWORKER_PAGES = ["/sagsbehandler", "/sagsbehandler?side=2", "/sagsbehandler/beskeder"];
/** Stands for the first conversation of her inbox (`/sagsbehandler/beskeder/<id>`, the longest wait), found there. */
const CASEWORKER_CONVERSATION_PAGE = "/sagsbehandler/beskeder/:id";
const CASEWORKER_PERSON = "sara";
/**
 * The case systems' API, measured like a page: one participant (Mette, in Solbjerg) read by her
 * municipality's case system (`GET /api/v1/participants/{id}`), as a client with a key made for this
 * run. Its growth is checked like the pages' (big/demo); it is not a page, so the page goals
 * (statements, no writes: each read is in her log, CPU) are not its.
 */
const API_PARTICIPANT_PAGE = "/api/v1/participants/:id";
const API_ISSUER = "https://login.kommune.bench";
const API_AUDIENCE = "https://minvej.bench/api/v1";
const API_CLIENT = { clientId: "bench", name: "Bench", municipality: "solbjerg", scopes: ["participants:read"] };

/** Weights of WEIGHED_PAGES, from the first database's server (weights do not depend on it). */
const extraWeights: { path: string; weight: PageWeight }[] = [];

interface PageSpec {
  path: string;
  signedIn: boolean;
}

interface LoadSettings {
  durationSeconds: number;
  connections: number;
}

// ---------------------------------------------------------------------------------------------
// Result shapes (also the JSON written to bench-results/latest.json)

interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface PageWeight {
  htmlGzipBytes: number;
  /** JavaScript the page loads before it is interactive (scripts/page-weight.ts). */
  jsGzipBytes: number;
  jsFiles: string[];
  /** The translations it fetches before it hydrates. */
  translationsGzipBytes: number;
  /** Whether the page has any script at all. */
  shipsScript: boolean;
  cssGzipBytes: number;
  cssFiles: string[];
}

interface PageResult extends PageWeight {
  database: string;
  page: string;
  app: LoadFigures;
  static: LoadFigures;
  appToStaticRatio: number;
  serverPeakRssMiB: number | null;
}

// ---------------------------------------------------------------------------------------------
// autocannon, typed for the few fields used here

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}

interface AutocannonResult {
  requests: { mean: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const autocannon = autocannonUntyped as (options: AutocannonOptions) => Promise<AutocannonResult>;

// ---------------------------------------------------------------------------------------------
// Small helpers

function log(message: string): void {
  // Progress goes to stderr so that stdout carries only the results table.
  process.stderr.write(`[bench] ${message}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readPositiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// Build

function buildApp(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") {
    // The demo's start is measured on a fresh data folder copied from the build's database template;
    // without it the embedded database is made from scratch and the figure is another one.
    if (!existsSync(path.join(PROJECT_ROOT, "build", "pglite-template"))) {
      throw new Error("BENCH_SKIP_BUILD=1, but build/ has no database template (build/pglite-template): `npm run build` makes it, `react-router build` alone does not. Run `npm run build` first.");
    }
    log("BENCH_SKIP_BUILD=1: using the existing build/");
    return;
  }
  log("npm run build");
  // The build's own output goes to stderr, next to the progress lines.
  const result = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    throw new Error(`npm run build failed (exit code ${result.status ?? result.signal})`);
  }
}

// ---------------------------------------------------------------------------------------------
// The app server as a child process

interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  dataDir: string;
  /** False for a data folder the bench was given (the big data set): it is left in place. */
  removeDataDir: boolean;
  recentOutput: string[];
  /** From the server's access log (JSON lines, server/access-log.js): what each request sent, by request id. */
  statementsByRequest: Map<string, RequestSql>;
  /** The API's clients file and key set for this server (removed at stop). */
  apiFolder: string;
}

/** One request's SQL, from its access log line. */
interface RequestSql {
  statements: number;
  writes: number;
  texts: string[];
}

/** Where a server finds its database: a Postgres URL (and its owner's), or a PGlite data folder. */
interface DatabaseTarget {
  /** "pglite" or "postgres". */
  name: string;
  /** "demo" (the demo people only) or "big" (scripts/bench-seed.ts added 100,000 participants). */
  dataset: "demo" | "big";
  url?: string;
  ownerUrl?: string;
  /** A PGlite data folder to use in place; without it (and without url) a fresh one is made. */
  dataDir?: string;
}

/** One page requested one at a time: what it sent to the database, and how long it took. */
interface PageSqlResult {
  database: string;
  dataset: "demo" | "big";
  page: string;
  /** SQL statements of a full page load and of a client-side navigation (`.data`); null: not measured. */
  document: number | null;
  data: number | null;
  /** Statements that wrote or locked rows (INSERT, UPDATE, DELETE, FOR UPDATE), the most of any visit. */
  writes: number | null;
  /** The page load's statements, in order (parameters never included). */
  sql: string[];
  samples: number;
  /** The HTTP status when the page did not answer 200 (then it has no times). */
  failedWith: number | null;
  /** One request at a time. */
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  /** `concurrency` requests at a time (BENCH_CONNECTIONS), `concurrentSamples` page loads in all. */
  concurrency: number;
  concurrentSamples: number;
  latencyP50ConcurrentMs: number | null;
  latencyP99ConcurrentMs: number | null;
  /** The server process's CPU time per request one at a time: the median of its rounds' (loadInRounds). */
  cpuMsPerRequest: number | null;
}

const pageSqlResults: PageSqlResult[] = [];

/** From `node server.js` to the first 200 on /readyz, and the server's peak RSS by then. */
interface StartResult {
  database: string;
  dataset: "demo" | "big";
  /** True when the data folder or database was new: the embedded one copies the build's template and seeds. */
  fresh: boolean;
  readyAfterMs: number;
  peakRssAtReadyMiB: number | null;
}

const startResults: StartResult[] = [];

/** Issue 21's goals for the demo: a fresh embedded database ready in < 5 s, under 400 MiB. */
const START_GOAL_MS = 5_000;
const RSS_GOAL_MIB = 400;

/**
 * The embedded database runs with the node options of `npm run demo` (package.json): WebAssembly
 * without its optimising compiler, which needs ~600 MB for one of Postgres's functions, and a
 * smaller JavaScript heap. Measured as the demo runs.
 */
function demoNodeOptions(): string[] {
  const demo = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.demo ?? "";
  return /\bnode((?: --[\w-]+(?:=\S+)?)*) server\.js\b/.exec(demo)?.[1]?.trim().split(" ").filter(Boolean) ?? [];
}

// Servers that are still running, so that an interrupted run (Ctrl-C) does not leave them behind.
const runningServers = new Set<RunningServer>();

/** Starts `node server.js` in `root` (this checkout, or another one's for BENCH_COMPARE_WITH) on the target's database. */
async function startServer(target: DatabaseTarget, root = PROJECT_ROOT): Promise<RunningServer> {
  const port = await findFreePort();
  const dataDir = target.dataDir ?? (await mkdtemp(path.join(tmpdir(), "minvej-bench-")));
  const apiFolder = await mkdtemp(path.join(tmpdir(), "minvej-bench-api-"));
  const apiClientsFile = await writeApiClientsFile(apiFolder);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DEMO_LOGIN: "1",
    // An empty server database gets the demo people too (a seeded one is left alone).
    SEED_DEMO_DATA: "1",
    DATA_DIR: dataDir,
    // The access log then carries each request's statements (texts only, never parameters).
    MINVEJ_LOG_SQL_TEXTS: "1",
    API_CLIENTS_FILE: apiClientsFile,
    RATE_LIMIT_API: "1000000/1m",
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  if (target.url) env.DATABASE_URL = target.url;
  if (target.url && target.ownerUrl) env.DATABASE_OWNER_URL = target.ownerUrl;

  const nodeOptions = target.url ? [] : demoNodeOptions();
  const child = spawn(process.execPath, [...nodeOptions, "server.js"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server: RunningServer = {
    child,
    baseUrl: `http://localhost:${port}`,
    dataDir,
    removeDataDir: target.dataDir === undefined,
    recentOutput: [],
    statementsByRequest: new Map(),
    apiFolder,
  };
  runningServers.add(server);

  // Keep the last lines of output for error messages; reading the pipes also keeps the child
  // from blocking on a full pipe.
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      const entry = parseAccessLine(line);
      if (entry) {
        server.statementsByRequest.set(entry.requestId, entry.sql);
        continue; // one line per request: not worth keeping for error messages
      }
      server.recentOutput.push(line);
      if (server.recentOutput.length > 40) server.recentOutput.shift();
    }
  };
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);

  log(`started server pid ${child.pid} on ${server.baseUrl}, DATA_DIR=${dataDir}${nodeOptions.length ? `, node ${nodeOptions.join(" ")}` : ""}`);
  return server;
}

function parseAccessLine(line: string): { requestId: string; sql: RequestSql } | null {
  if (!line.startsWith("{")) return null;
  try {
    const entry = JSON.parse(line) as { event?: unknown; requestId?: unknown; statements?: unknown; writes?: unknown; sql?: unknown };
    if (entry.event !== "request" || typeof entry.requestId !== "string" || typeof entry.statements !== "number") return null;
    const texts = Array.isArray(entry.sql) ? entry.sql.filter((text): text is string => typeof text === "string") : [];
    return {
      requestId: entry.requestId,
      sql: { statements: entry.statements, writes: typeof entry.writes === "number" ? entry.writes : 0, texts },
    };
  } catch {
    return null;
  }
}

/** Requests `url` once and reads what SQL it sent from the access log. */
async function requestSql(server: RunningServer, url: string, headers: Record<string, string>): Promise<RequestSql | null> {
  const response = await fetch(url, { headers, redirect: "manual" });
  keepCookies(headers, response);
  await response.arrayBuffer();
  const requestId = response.headers.get("x-request-id");
  if (!requestId || response.status >= 400) return null;
  for (let waited = 0; waited < 2_000; waited += 20) {
    const sql = server.statementsByRequest.get(requestId);
    if (sql !== undefined) return sql;
    await sleep(20);
  }
  return null;
}

/** The `.data` URL React Router fetches on a client-side navigation to `page`. */
function dataUrlOf(baseUrl: string, page: string): string {
  const url = new URL(page, baseUrl);
  url.pathname = url.pathname === "/" ? "/_.data" : `${url.pathname}.data`;
  return url.toString();
}

function serverOutput(server: RunningServer): string {
  if (server.recentOutput.length === 0) return "(the server printed nothing)";
  return server.recentOutput.map((line) => `  | ${line}`).join("\n");
}

async function waitUntilReady(server: RunningServer): Promise<number> {
  const startedAt = Date.now();
  const url = `${server.baseUrl}/readyz`;
  let lastProblem = "no answer yet";

  while (Date.now() - startedAt < READY_TIMEOUT_MS) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `server exited before it was ready (exit ${server.child.exitCode ?? server.child.signalCode})\n` +
          serverOutput(server),
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return Date.now() - startedAt;
      lastProblem = `GET /readyz answered ${response.status}`;
    } catch (error) {
      lastProblem = describeError(error);
    }
    await sleep(50);
  }
  throw new Error(
    `server was not ready after ${READY_TIMEOUT_MS / 1000} s (${lastProblem})\n` + serverOutput(server),
  );
}

function readPeakRssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const statusFile = `/proc/${pid}/status`;
  if (!existsSync(statusFile)) return null;
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(statusFile, "utf8"));
  return match?.[1] ? Number(match[1]) / 1024 : null;
}

async function stopServer(server: RunningServer): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const stoppedInTime = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stoppedInTime) {
      log(`server pid ${child.pid} ignored SIGTERM for 10 s; sending SIGKILL`);
      child.kill("SIGKILL");
      await exited;
    }
  }
  runningServers.delete(server);
  if (server.removeDataDir) await rm(server.dataDir, { recursive: true, force: true });
  await rm(server.apiFolder, { recursive: true, force: true });
}

function killRemainingServersNow(): void {
  for (const server of runningServers) {
    server.child.kill("SIGKILL");
    if (server.removeDataDir) rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(server.apiFolder, { recursive: true, force: true });
  }
  runningServers.clear();
}

// ---------------------------------------------------------------------------------------------
// The API's client: a key pair made once per run, its public half in the server's key set

let apiKeys: ReturnType<typeof generateKeyPair> | undefined;
const runApiKeys = () => (apiKeys ??= generateKeyPair("RS256", { extractable: true }));

async function writeApiClientsFile(folder: string): Promise<string> {
  const { publicKey } = await runApiKeys();
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "RS256", use: "sig" };
  await writeFile(path.join(folder, "jwks.json"), JSON.stringify({ keys: [jwk] }));
  const file = path.join(folder, "clients.json");
  await writeFile(file, JSON.stringify({ issuer: API_ISSUER, audience: API_AUDIENCE, jwks: "jwks.json", algorithms: ["RS256"], clients: [API_CLIENT] }));
  return file;
}

/** The client's access token, valid for an hour: the request headers of an API read. */
async function apiHeaders(): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ client_id: API_CLIENT.clientId, scope: API_CLIENT.scopes.join(" ") })
    .setProtectedHeader({ alg: "RS256", kid: "bench", typ: "at+jwt" })
    .setIssuer(API_ISSUER)
    .setAudience(API_AUDIENCE)
    .setSubject(API_CLIENT.clientId)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + 3600)
    .sign((await runApiKeys()).privateKey);
  return { authorization: `Bearer ${token}` };
}

/**
 * The API address of Mette's participant (Solbjerg's, on both data sets, so that demo and big read
 * the same person): her id from the link to her briefing on Sara's list, a page at a time.
 */
async function findApiParticipantPage(baseUrl: string, caseworkerCookie: string): Promise<string | null> {
  for (let page = 1; page <= 20; page++) {
    const html = (await fetchBytes(`${baseUrl}/sagsbehandler?side=${page}`, { cookie: caseworkerCookie })).toString("utf8");
    for (const [, id, text] of html.matchAll(/<a href="\/sagsbehandler\/([0-9a-f-]{36})"[^>]*>([^<]*)</g)) {
      if (text?.includes("Mette")) return API_PARTICIPANT_PAGE.replace(":id", id!);
    }
    if (!html.includes('rel="next"')) break;
  }
  log("the API is not measured: Mette was not found on Sara's list");
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sign-in

async function signIn(baseUrl: string, person = DEMO_PERSON): Promise<string> {
  const response = await fetch(`${baseUrl}/log-ind`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: baseUrl,
    },
    body: new URLSearchParams({ person }).toString(),
    redirect: "manual",
  });
  const body = await response.text();

  if (response.status !== 302 && response.status !== 303) {
    throw new Error(
      `sign-in: POST /log-ind (person=${person}) answered ${response.status}, expected 302/303. ` +
        `Are the demo people in this database? Page text: ${visibleText(body).slice(0, 200)}`,
    );
  }
  const cookies = response.headers.getSetCookie().map((header) => header.split(";")[0]?.trim() ?? "");
  const cookieHeader = cookies.filter((pair) => pair.includes("=")).join("; ");
  if (cookieHeader === "") {
    throw new Error("sign-in: POST /log-ind redirected but set no cookie");
  }
  log(`signed in as ${person}; cookies: ${cookies.map((pair) => pair.split("=")[0]).join(", ")}`);
  return cookieHeader;
}

/** Rough visible text of an HTML page, for error messages: tags and scripts removed. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Page weight

async function fetchBytes(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const response = await fetch(url, { headers, redirect: "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) {
    const location = response.headers.get("location");
    const where = location ? ` (Location: ${location})` : "";
    throw new Error(`GET ${url} answered ${response.status}${where}, expected 200`);
  }
  return body;
}

/** Unique paths (e.g. "/assets/root-abc.js") on the page's own origin that pass the filter. */
function sameOriginPaths(references: string[], pageUrl: string, keepPath: (pathname: string) => boolean): string[] {
  const origin = new URL(pageUrl).origin;
  const paths = new Set<string>();
  for (const reference of references) {
    const url = new URL(reference, pageUrl);
    if (url.origin === origin && keepPath(url.pathname)) paths.add(url.pathname + url.search);
  }
  return [...paths].sort();
}

async function sumGzipBytes(baseUrl: string, paths: string[]): Promise<number> {
  let total = 0;
  for (const assetPath of paths) total += gzipBytes(await fetchBytes(`${baseUrl}${assetPath}`));
  return total;
}

/** "152.3 / 120 OVER (24)": JavaScript and translations beside the ceiling, and the number of files. */
function formatScripts(weight: PageWeight): string {
  const total = weight.jsGzipBytes + weight.translationsGzipBytes;
  const verdict = total > PAGE_JS_CEILING_BYTES ? " OVER" : "";
  return `${formatKiB(total)} / ${formatKiB(PAGE_JS_CEILING_BYTES)}${verdict} (${weight.jsFiles.length})`;
}

async function measurePageWeight(baseUrl: string, pagePath: string, html: Buffer): Promise<PageWeight> {
  const pageUrl = `${baseUrl}${pagePath}`;
  const text = html.toString("utf8");
  const scripts = await measurePageScripts(pageUrl, text);
  const cssFiles = sameOriginPaths(linkHrefsWithRel(text, "stylesheet"), pageUrl, () => true);

  return {
    htmlGzipBytes: gzipBytes(html),
    jsGzipBytes: scripts.jsGzipBytes,
    jsFiles: scripts.jsFiles,
    translationsGzipBytes: scripts.translationsGzipBytes,
    shipsScript: scripts.shipsScript,
    cssGzipBytes: await sumGzipBytes(baseUrl, cssFiles),
    cssFiles,
  };
}

// ---------------------------------------------------------------------------------------------
// Load

async function runLoad(url: string, headers: Record<string, string>, load: LoadSettings): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections: load.connections,
    duration: load.durationSeconds,
    headers,
  });
  return {
    requestsPerSecond: result.requests.mean,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

// ---------------------------------------------------------------------------------------------
// The static ceiling: the same HTML bytes from a plain node:http server.
//
// It runs in a worker thread of this process, so that it does not share an event loop with
// autocannon (which would understate the ceiling). The worker's code is plain JavaScript.

const STATIC_SERVER_CODE = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const pages = new Map(workerData.pages);
const server = http.createServer((request, response) => {
  const body = pages.get(new URL(request.url, "http://localhost").pathname);
  if (!body) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
  response.end(body);
});
server.listen(workerData.port, () => parentPort.postMessage("listening"));
`;

interface StaticServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function startStaticServer(pages: Map<string, Buffer>): Promise<StaticServer> {
  const port = await findFreePort();
  const worker = new Worker(STATIC_SERVER_CODE, {
    eval: true,
    workerData: { port, pages: [...pages.entries()] },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`static server worker exited early (code ${code})`)));
  });
  return {
    baseUrl: `http://localhost:${port}`,
    stop: async () => {
      await worker.terminate();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One database: start the server, measure both pages, stop the server

function cookieHeaders(page: PageSpec, cookie: string): Record<string, string> {
  return page.signedIn ? { Cookie: cookie } : {};
}

/** The server process's CPU time so far (user + system), from /proc; null where there is none. */
function readCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  // Each thread's time on a CPU in nanoseconds (the first field of its schedstat), summed over the
  // process's threads: exact, where utime and stime count whole 10 ms ticks.
  const tasks = `/proc/${pid}/task`;
  if (existsSync(tasks)) {
    let nanoseconds = 0;
    for (const task of readdirSync(tasks)) {
      try {
        nanoseconds += Number(readFileSync(`${tasks}/${task}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // A thread that ended between the listing and the read.
      }
    }
    if (Number.isFinite(nanoseconds) && nanoseconds > 0) return nanoseconds / 1e6;
  }
  const statFile = `/proc/${pid}/stat`;
  if (!existsSync(statFile)) return null;
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
  // utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
  const fields = readFileSync(statFile, "utf8").slice(readFileSync(statFile, "utf8").lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * 10 : null;
}

function percentile(sortedValues: number[], fraction: number): number | null {
  if (sortedValues.length === 0) return null;
  const index = Math.min(sortedValues.length - 1, Math.max(0, Math.ceil(fraction * sortedValues.length) - 1));
  return sortedValues[index]!;
}

/** How `/sagsbehandler`'s last page is labelled: on the demo data it is its first (and only) page. */
const CASEWORKER_LAST_PAGE = "/sagsbehandler (last page)";
/** The addresses found to be her list's last page (`?side=N`), one per data set. */
const caseworkerLastPages = new Set<string>();

/**
 * Her list's last page, `/sagsbehandler?side=N` (the list redirects a page past the end to it):
 * on the big data set 2 cards of a 302-person caseload, against the demo's 3 cards of 3, so the two
 * compare the same work with more data around it, where her first page compares 50 cards with 3.
 */
async function findCaseworkerLastPage(baseUrl: string, caseworkerCookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sagsbehandler?side=999999`, { headers: { cookie: caseworkerCookie }, redirect: "manual" });
  await response.arrayBuffer();
  const last = /[?&]side=(\d+)/.exec(response.headers.get("location") ?? "")?.[1] ?? "1";
  const page = `/sagsbehandler?side=${last}`;
  caseworkerLastPages.add(page);
  return page;
}

/** The first conversation linked from her inbox, e.g. `/sagsbehandler/beskeder/0b6c…`: one conversation, read among all of her caseload's. */
async function findCaseworkerConversationPage(baseUrl: string, caseworkerCookie: string): Promise<string | null> {
  const html = (await fetchBytes(`${baseUrl}/sagsbehandler/beskeder`, { cookie: caseworkerCookie })).toString("utf8");
  return /href="(\/sagsbehandler\/beskeder\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/.exec(html)?.[1] ?? null;
}

/** The first meeting page linked from the participant's `/moeder`, e.g. `/moeder/0b6c…`. */
async function findMeetingPage(baseUrl: string, cookie: string): Promise<string | null> {
  const html = (await fetchBytes(`${baseUrl}/moeder`, { cookie })).toString("utf8");
  const match = /href="(\/moeder\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/.exec(html);
  return match?.[1] ?? null;
}

/**
 * `total` page loads, `concurrency` at a time: each one's time from request to the last byte, sorted;
 * the first status that was not 200, if any.
 */
async function loadConcurrently(url: string, headers: Record<string, string>, concurrency: number, total: number): Promise<{ latencies: number[]; failedWith: number | null }> {
  const latencies: number[] = [];
  let failedWith: number | null = null;
  let started = 0;
  const worker = async () => {
    while (started < total && failedWith === null) {
      started++;
      const begun = performance.now();
      const response = await fetch(url, { headers, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) failedWith = response.status;
      else latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies: latencies.sort((a, b) => a - b), failedWith };
}

/**
 * Loads before any measuring, so that the figures are those of a server that has run a while (V8 has
 * compiled the code), not of the first loads, which cost up to twice the CPU on this machine. 30
 * were too few: after 30 loads of every page and 30 of `/`, batches of 60 loads of `/` still fell
 * from 8.8 to 6.8 ms of CPU over the next 300 (V8 was still optimising the page's own code).
 */
function warmUpLoads(): number {
  return readPositiveInteger("BENCH_WARM_UP", 200);
}

async function loadRepeatedly(url: string, headers: Record<string, string>, times: number): Promise<void> {
  for (let load = 0; load < times; load++) {
    const response = await fetch(url, { headers, redirect: "manual" });
    keepCookies(headers, response);
    await response.arrayBuffer();
  }
}

/**
 * As a browser does: a cookie the answer sets replaces the one of that name in `headers`. The
 * session's cookie carries its idle clock and comes back renewed once a minute (decision 0005); a
 * client that kept sending the first one would have it renewed at every load after that minute.
 */
function keepCookies(headers: Record<string, string>, response: Response): void {
  const set = response.headers.getSetCookie();
  const key = "cookie" in headers ? "cookie" : "Cookie" in headers ? "Cookie" : null;
  if (set.length === 0 || key === null) return;
  const pairs = new Map(
    headers[key]!.split(";")
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => [pair.split("=")[0]!, pair]),
  );
  for (const header of set) {
    const pair = header.split(";")[0]!.trim();
    pairs.set(pair.split("=")[0]!, pair);
  }
  headers[key] = [...pairs.values()].join("; ");
}

/** Pages one person loads on one server (a data set), with that person's headers. */
interface PageGroup {
  server: RunningServer;
  target: DatabaseTarget;
  pages: string[];
  headers: Record<string, string>;
}

interface OneAtATime {
  latencies: number[];
  cpuPerLoad: number[];
  failedWith: number | null;
}

/**
 * The one-at-a-time loads of every page of every group, in BENCH_ROUNDS rounds that take all of
 * them in turn (default 10 rounds of 20 loads a page): the demo and the big data set of a database
 * are measured in the same rounds, so that a slow spell of a shared machine falls on both (their
 * ratio is a goal) and on every page a little, rather than on one page or one data set whole. A
 * page's CPU is the median of its rounds' CPU per load; its p50 and p99 are those of all its loads.
 */
async function loadInRounds(groups: PageGroup[], samples: number): Promise<Map<string, OneAtATime>> {
  const rounds = Math.min(readPositiveInteger("BENCH_ROUNDS", 10), samples);
  const entries = groups.flatMap((group) => group.pages.map((page) => ({ group, url: `${group.server.baseUrl}${page}` })));
  const byUrl = new Map(entries.map(({ url }) => [url, { latencies: [] as number[], cpuPerLoad: [] as number[], failedWith: null as number | null }]));
  for (let round = 0; round < rounds; round++) {
    const loads = Math.floor(samples / rounds) + (round < samples % rounds ? 1 : 0);
    for (const { group, url } of entries) {
      const figures = byUrl.get(url)!;
      if (figures.failedWith !== null) continue;
      const cpuBefore = readCpuMs(group.server.child.pid);
      let measured = 0;
      for (let load = 0; load < loads && figures.failedWith === null; load++) {
        const started = performance.now();
        const response = await fetch(url, { headers: group.headers, redirect: "manual" });
        keepCookies(group.headers, response);
        await response.arrayBuffer();
        // A page that fails (a statement timeout on big data, say) is a figure too: noted, not measured.
        if (response.status !== 200) figures.failedWith = response.status;
        else {
          figures.latencies.push(performance.now() - started);
          measured++;
        }
      }
      const cpuAfter = readCpuMs(group.server.child.pid);
      if (cpuBefore !== null && cpuAfter !== null && measured > 0) figures.cpuPerLoad.push((cpuAfter - cpuBefore) / measured);
    }
  }
  return byUrl;
}

/**
 * Each page of each group one request at a time: its SQL (counted on the second visit, as the first
 * may warm caches; a navigation's `.data` too), then BENCH_SAMPLES loads in rounds (loadInRounds)
 * for p50, p99 and CPU, then BENCH_CONNECTIONS at a time.
 */
async function measurePagesOneAtATime(groups: PageGroup[], load: LoadSettings): Promise<void> {
  const samples = readPositiveInteger("BENCH_SAMPLES", 200);
  const warmUp = warmUpLoads();
  const concurrentSamples = readPositiveInteger("BENCH_CONCURRENT_SAMPLES", 200);
  const sqlOf = new Map<string, { document: RequestSql | null; data: RequestSql | null; writes: number }>();
  for (const { server, pages, headers } of groups) {
    for (const page of pages) {
      const url = `${server.baseUrl}${page}`;
      let document: RequestSql | null = null;
      let data: RequestSql | null = null;
      // A write on a GET would show on the first visit (e.g. "seen" marks), so writes count both.
      let writes = 0;
      for (let round = 0; round < 2; round++) {
        document = await requestSql(server, url, headers);
        // The API has no navigation data.
        data = page.startsWith("/api/") ? null : await requestSql(server, dataUrlOf(server.baseUrl, page), headers);
        writes = Math.max(writes, document?.writes ?? 0, data?.writes ?? 0);
      }
      sqlOf.set(url, { document, data, writes });
      await loadRepeatedly(url, headers, warmUp);
    }
  }
  const oneAtATime = await loadInRounds(groups, samples);
  for (const { server, target, pages, headers } of groups) {
    for (const page of pages) {
      const url = `${server.baseUrl}${page}`;
      const { document, data, writes } = sqlOf.get(url)!;
      const { latencies, cpuPerLoad, failedWith: failedAlone } = oneAtATime.get(url)!;
      let failedWith = failedAlone;
      // A redirect (a second page of a one-page list, on the demo data): nothing to measure here.
      if (failedWith !== null && failedWith >= 300 && failedWith < 400 && latencies.length === 0) {
        log(`one at a time: ${page} redirects (${target.name}, ${target.dataset} data): not measured`);
        continue;
      }
      latencies.sort((a, b) => a - b);
      const cpuSorted = [...cpuPerLoad].sort((a, b) => a - b);
      // Then BENCH_CONNECTIONS at a time (after a short warm-up at that concurrency): how a page's
      // times spread when requests queue for the one Node process and the database.
      let concurrent: { latencies: number[]; failedWith: number | null } = { latencies: [], failedWith: null };
      if (failedWith === null) {
        await loadConcurrently(url, headers, load.connections, load.connections * 2);
        concurrent = await loadConcurrently(url, headers, load.connections, concurrentSamples);
        if (concurrent.failedWith !== null) failedWith = concurrent.failedWith;
      }
      pageSqlResults.push({
        database: target.name,
        dataset: target.dataset,
        page,
        document: document?.statements ?? null,
        data: data?.statements ?? null,
        writes: document ? writes : null,
        sql: document?.texts ?? [],
        samples,
        failedWith,
        latencyP50Ms: percentile(latencies, 0.5),
        latencyP99Ms: percentile(latencies, 0.99),
        concurrency: load.connections,
        concurrentSamples,
        latencyP50ConcurrentMs: percentile(concurrent.latencies, 0.5),
        latencyP99ConcurrentMs: percentile(concurrent.latencies, 0.99),
        cpuMsPerRequest: percentile(cpuSorted, 0.5),
      });
      if (failedWith !== null) log(`one at a time: ${page} answered ${failedWith} (${target.name}, ${target.dataset} data)`);
      log(
        `one at a time (${target.dataset}): ${page} p50 ${percentile(latencies, 0.5)?.toFixed(1)} ms, CPU round by round ${cpuPerLoad.map((cpu) => cpu.toFixed(1)).join(" ")} ms, ` +
          `${document?.statements ?? "?"} statements; ${load.connections} at a time: p50 ${percentile(concurrent.latencies, 0.5)?.toFixed(1)} ms, ` +
          `p99 ${percentile(concurrent.latencies, 0.99)?.toFixed(1)} ms`,
      );
    }
  }
}

/** A target's server, started and warmed up, and what is measured on it. */
interface OpenTarget {
  target: DatabaseTarget;
  server: RunningServer;
  cookie: string;
  caseworkerCookie: string;
  meetingPage: string | null;
  groups: PageGroup[];
}

async function openTarget(target: DatabaseTarget): Promise<OpenTarget> {
  log(`--- ${target.name}, ${target.dataset} data ---`);
  const server = await startServer(target);
  try {
    const readyAfterMs = await waitUntilReady(server);
    const peakRssAtReadyMiB = readPeakRssMiB(server.child.pid);
    log(`ready after ${(readyAfterMs / 1000).toFixed(1)} s, peak RSS ${peakRssAtReadyMiB?.toFixed(0) ?? "n/a"} MiB`);
    startResults.push({ database: target.name, dataset: target.dataset, fresh: !target.url && !target.dataDir, readyAfterMs, peakRssAtReadyMiB });

    const cookie = await signIn(server.baseUrl);
    const meetingPage = await findMeetingPage(server.baseUrl, cookie);
    const participantPages = PARTICIPANT_PAGES.flatMap((page) => (page !== MEETING_PAGE ? [page] : meetingPage ? [meetingPage] : []));
    const caseworkerCookie = await signIn(server.baseUrl, CASEWORKER_PERSON);
    const api = await apiHeaders();
    const apiPage = await findApiParticipantPage(server.baseUrl, caseworkerCookie);
    const conversationPage = await findCaseworkerConversationPage(server.baseUrl, caseworkerCookie);
    const groups: PageGroup[] = [
      { server, target, pages: participantPages, headers: { cookie } },
      {
        server,
        target,
        pages: [
          ...CASEWORKER_PAGES,
          await findCaseworkerLastPage(server.baseUrl, caseworkerCookie),
          ...(conversationPage ? [conversationPage] : []),
        ],
        headers: { cookie: caseworkerCookie },
      },
      { server, target, pages: apiPage ? [apiPage] : [], headers: api },
    ];
    // As a server that has run a while: every page loaded a few times before any is measured, so
    // that the first page measured does not pay for compiling what all pages share.
    for (const { pages, headers } of groups) {
      for (const page of pages) await loadRepeatedly(`${server.baseUrl}${page}`, headers, warmUpLoads());
    }
    return { target, server, cookie, caseworkerCookie, meetingPage, groups };
  } catch (error) {
    await stopServer(server);
    throw error;
  }
}

/**
 * One database's data sets (the demo's, and the big one's when given): each started and warmed up,
 * their pages measured one at a time in the same rounds, then page weight and throughput on the
 * demo data (the big data set is for growth only).
 */
async function measureDatabase(targets: DatabaseTarget[], load: LoadSettings): Promise<PageResult[]> {
  const opened: OpenTarget[] = [];
  try {
    for (const target of targets) opened.push(await openTarget(target));
    await measurePagesOneAtATime(
      opened.flatMap((open) => open.groups),
      load,
    );
    const results: PageResult[] = [];
    for (const open of opened) {
      if (open.target.dataset === "demo") results.push(...(await measureDemoLoad(open, load)));
    }
    return results;
  } finally {
    for (const open of opened) await stopServer(open.server);
  }
}

/** Page weight and throughput at BENCH_CONNECTIONS beside a static server of the same bytes. */
async function measureDemoLoad({ target, server, cookie, caseworkerCookie, meetingPage }: OpenTarget, load: LoadSettings): Promise<PageResult[]> {
  const database = target.name;
  // Fetch each page once: its HTML is both measured and served by the static ceiling.
  const htmlByPath = new Map<string, Buffer>();
  const weights: PageWeight[] = [];
  for (const page of PAGES) {
    const html = await fetchBytes(`${server.baseUrl}${page.path}`, cookieHeaders(page, cookie));
    htmlByPath.set(page.path, html);
    weights.push(await measurePageWeight(server.baseUrl, page.path, html));
  }

  if (extraWeights.length === 0) {
    const weighed = WEIGHED_PAGES.flatMap((page) => (page !== MEETING_PAGE ? [page] : meetingPage ? [meetingPage] : []));
    for (const extra of weighed) {
      const who = CASEWORKER_PAGES.includes(extra) ? caseworkerCookie : cookie;
      const response = await fetch(`${server.baseUrl}${extra}`, { headers: { cookie: who } });
      if (response.status !== 200) continue;
      const html = Buffer.from(await response.arrayBuffer());
      extraWeights.push({ path: extra, weight: await measurePageWeight(server.baseUrl, extra, html) });
    }
  }

  const staticServer = await startStaticServer(htmlByPath);
  const results: PageResult[] = [];
  try {
    for (const [index, page] of PAGES.entries()) {
      log(`load: app ${page.path} (${load.connections} connections, ${load.durationSeconds} s)`);
      const app = await runLoad(`${server.baseUrl}${page.path}`, cookieHeaders(page, cookie), load);
      log(`load: static ${page.path}`);
      const ceiling = await runLoad(`${staticServer.baseUrl}${page.path}`, {}, load);
      results.push({
        database,
        page: page.path,
        ...weights[index]!,
        app,
        static: ceiling,
        appToStaticRatio: ceiling.requestsPerSecond > 0 ? app.requestsPerSecond / ceiling.requestsPerSecond : 0,
        serverPeakRssMiB: null,
      });
    }
  } finally {
    await staticServer.stop();
  }

  // VmHWM is the process's high-water mark, so one reading at the end covers the whole run.
  const peakRssMiB = readPeakRssMiB(server.child.pid);
  for (const result of results) result.serverPeakRssMiB = peakRssMiB;
  if (results.some((result) => result.app.non2xx > 0 || result.app.errors > 0)) {
    log("recent server output:\n" + serverOutput(server));
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Output

function formatKiB(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** Columns before `leftColumns` (and the last, when `lastLeft`) are aligned left, the rest right. */
function renderTable(headers: string[], rows: string[][], leftColumns = 2, lastLeft = false): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const renderRow = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < leftColumns || (lastLeft && column === cells.length - 1) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join("  ");
  const separator = widths.map((width) => "-".repeat(width)).join("  ");
  return [renderRow(headers), separator, ...rows.map(renderRow)].join("\n");
}

function printResults(results: PageResult[], load: LoadSettings): void {
  const headers = [
    "db",
    "page",
    "html KiB",
    "js+i18n KiB / ceiling (files)",
    "ships JS",
    "css KiB",
    "app req/s",
    "p50 ms",
    "p99 ms",
    "non2xx",
    "errors",
    "static req/s",
    "p50 ms",
    "p99 ms",
    "app/static",
    "peak RSS MiB",
  ];
  const rows = results.map((result) => [
    result.database,
    result.page,
    formatKiB(result.htmlGzipBytes),
    formatScripts(result),
    result.shipsScript ? "yes" : "no",
    formatKiB(result.cssGzipBytes),
    formatNumber(result.app.requestsPerSecond, 0),
    formatNumber(result.app.latencyP50Ms, 0),
    formatNumber(result.app.latencyP99Ms, 0),
    String(result.app.non2xx),
    String(result.app.errors),
    formatNumber(result.static.requestsPerSecond, 0),
    formatNumber(result.static.latencyP50Ms, 0),
    formatNumber(result.static.latencyP99Ms, 0),
    formatNumber(result.appToStaticRatio, 3),
    result.serverPeakRssMiB === null ? "n/a" : formatNumber(result.serverPeakRssMiB, 0),
  ]);
  console.log("");
  console.log(
    `Min Vej benchmark: ${load.connections} connections, ${load.durationSeconds} s per run, ` +
      `sizes are gzip (default level) in KiB, node ${process.version}`,
  );
  console.log(renderTable(headers, rows));
  console.log("");
}

/** The meeting page's id differs between databases: one label for it. */
function pageLabel(page: string): string {
  if (page.startsWith("/api/v1/participants/")) return API_PARTICIPANT_PAGE;
  if (caseworkerLastPages.has(page)) return CASEWORKER_LAST_PAGE;
  if (page.startsWith("/sagsbehandler/beskeder/")) return CASEWORKER_CONVERSATION_PAGE;
  return page.startsWith("/moeder/") ? MEETING_PAGE : page;
}

function printStarts(): void {
  console.log(
    "\nStart: from `node server.js` to the first 200 on /readyz (fresh: a new data folder, which copies the build's\n" +
      "migrated template and seeds the demo people; the embedded database with `npm run demo`'s node options), and\n" +
      "the server's peak RSS by then. Goals for a fresh embedded database (issue 21): ready < 5 s, < 400 MiB.",
  );
  console.log(
    renderTable(
      ["db", "data", "ready s", "goal s", "peak RSS MiB", "goal MiB"],
      startResults.map((result) => {
        const goals = result.database === "pglite" && result.fresh;
        return [
          result.database,
          `${result.dataset}${result.fresh ? " (fresh)" : ""}`,
          formatNumber(result.readyAfterMs / 1000, 2),
          goals ? `< ${START_GOAL_MS / 1000}` : "-",
          result.peakRssAtReadyMiB === null ? "n/a" : formatNumber(result.peakRssAtReadyMiB, 0),
          goals ? `< ${RSS_GOAL_MIB}` : "-",
        ];
      }),
    ),
  );
}

/** Issue 21's goals for the pages, printed beside the figures. */
const PAGE_GOALS = {
  /** SQL statements of a participant page (BEGIN, COMMIT and savepoints not counted). */
  participantStatements: 6,
  /** The server's CPU per signed-in page on Postgres, ms. */
  cpuMsOnPostgres: 5,
  /** big/demo p50, one at a time. */
  growth: 1.5,
  /** /sagsbehandler p50 one at a time on the big data, ms. */
  caseworkerListP50Ms: 50,
};

/** The goals one row misses ("" when it meets them all, or has no goal). */
function missedGoals(result: PageSqlResult, demo: PageSqlResult | undefined): string[] {
  const missed: string[] = [];
  const apiRead = result.page.startsWith("/api/");
  const participantPage = !result.page.startsWith("/sagsbehandler") && !apiRead;
  if (result.failedWith !== null) missed.push(`HTTP ${result.failedWith}`);
  if (participantPage && result.document !== null && result.document > PAGE_GOALS.participantStatements) missed.push(`SQL>${PAGE_GOALS.participantStatements}`);
  if (participantPage && result.writes) missed.push("writes on GET");
  if (!apiRead && result.database === "postgres" && result.cpuMsPerRequest !== null && result.cpuMsPerRequest > PAGE_GOALS.cpuMsOnPostgres) {
    missed.push(`CPU>${PAGE_GOALS.cpuMsOnPostgres}`);
  }
  if (result.dataset === "big" && demo?.latencyP50Ms && result.latencyP50Ms && result.latencyP50Ms / demo.latencyP50Ms > PAGE_GOALS.growth) {
    missed.push(`big/demo>${PAGE_GOALS.growth}`);
  }
  if (result.dataset === "big" && result.page === "/sagsbehandler" && result.latencyP50Ms !== null && result.latencyP50Ms >= PAGE_GOALS.caseworkerListP50Ms) {
    missed.push(`p50>=${PAGE_GOALS.caseworkerListP50Ms}`);
  }
  return missed;
}

function printPagesOneAtATime(): void {
  const first = pageSqlResults[0];
  const figure = (value: number | null | undefined, decimals = 0) => (value === null || value === undefined ? "n/a" : formatNumber(value, decimals));
  const time = (result: PageSqlResult, value: number | null) => (result.failedWith !== null && value === null ? `HTTP ${result.failedWith}` : figure(value, 1));
  const rows = pageSqlResults.map((result) => {
    const demo =
      result.dataset === "big"
        ? pageSqlResults.find((other) => other.dataset === "demo" && other.database === result.database && pageLabel(other.page) === pageLabel(result.page))
        : undefined;
    const ratio = demo?.latencyP50Ms && result.latencyP50Ms ? result.latencyP50Ms / demo.latencyP50Ms : null;
    const missed = missedGoals(result, demo);
    return [
      result.database,
      result.dataset,
      pageLabel(result.page),
      figure(result.document),
      figure(result.data),
      figure(result.writes),
      time(result, result.latencyP50Ms),
      time(result, result.latencyP99Ms),
      time(result, result.latencyP50ConcurrentMs),
      time(result, result.latencyP99ConcurrentMs),
      figure(result.cpuMsPerRequest, 1),
      ratio === null ? "-" : formatNumber(ratio, 2),
      missed.length === 0 ? "ok" : missed.join(" "),
    ];
  });
  const concurrency = first?.concurrency ?? 0;
  console.log(
    `\nEvery participant page (as ${DEMO_PERSON}), /sagsbehandler (as ${CASEWORKER_PERSON}) and ${API_PARTICIPANT_PAGE} (one participant, as her municipality's\n` +
      `case system; not a page: only big/demo applies): ${first?.samples ?? 0} loads one at a time (c=1),\n` +
      `then ${first?.concurrentSamples ?? 0} with ${concurrency} at a time (c=${concurrency}). SQL: statements of a page load and of a navigation (.data),\n` +
      "BEGIN, COMMIT and savepoints not counted; writes: statements that wrote or locked rows on a GET (the most of any visit).\n" +
      "CPU: the server process per request at c=1 (on PGlite the database runs in it). big/demo: p50 at c=1 on the big data\n" +
      "set (scripts/bench-seed.ts) over the demo's.\n" +
      `Goals (issue 21): a participant page <= ${PAGE_GOALS.participantStatements} statements and no writes; CPU <= ${PAGE_GOALS.cpuMsOnPostgres} ms a page on Postgres; ` +
      `big/demo <= ${PAGE_GOALS.growth}; /sagsbehandler p50 < ${PAGE_GOALS.caseworkerListP50Ms} ms on the big data. "goals" names each one a row misses.`,
  );
  console.log(
    renderTable(
      ["db", "data", "page", "SQL", "SQL .data", "writes", "p50 c=1", "p99 c=1", `p50 c=${concurrency}`, `p99 c=${concurrency}`, "CPU ms", "big/demo", "goals"],
      rows,
      3,
      true,
    ),
  );
}

function gitCommit(): string | null {
  const result = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function writeResults(results: PageResult[], failures: string[], load: LoadSettings): Promise<void> {
  const report = {
    generatedAt: new Date().toISOString(),
    gitCommit: gitCommit(),
    node: process.version,
    durationSeconds: load.durationSeconds,
    connections: load.connections,
    results,
    pagesOneAtATime: pageSqlResults,
    starts: startResults,
    failures,
  };
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, JSON.stringify(report, null, 2) + "\n");
  log(`wrote ${path.relative(PROJECT_ROOT, RESULTS_FILE)}`);
}

function loadProblems(results: PageResult[]): string[] {
  const problems: string[] = [];
  for (const result of results) {
    const { non2xx, errors } = result.app;
    if (non2xx > 0 || errors > 0) {
      problems.push(`${result.database} ${result.page}: ${non2xx} non-2xx responses, ${errors} errors under load`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Main

// ---------------------------------------------------------------------------------------------
// Side by side (BENCH_COMPARE_WITH)

/**
 * BENCH_COMPARE_WITH=<folder>: another checkout of Min Vej, built there (`npm run build`), and this
 * one, started on the same database and loaded in turns: BENCH_COMPARE_ROUNDS rounds (default 6) of
 * BENCH_COMPARE_LOADS loads (default 40) of a page on each. A machine whose speed drifts by a third
 * within an hour makes two runs of `npm run bench` incomparable; loads in turns share the drift.
 */
async function compareSideBySide(otherRoot: string, target: DatabaseTarget): Promise<void> {
  if (!existsSync(path.join(otherRoot, "build", "server"))) {
    throw new Error(`BENCH_COMPARE_WITH=${otherRoot} has no build/server: run npm run build there first.`);
  }
  const rounds = readPositiveInteger("BENCH_COMPARE_ROUNDS", 6);
  const loads = readPositiveInteger("BENCH_COMPARE_LOADS", 40);
  // One at a time: two servers migrating one database at once would wait for each other's lock anyway.
  const here = await startServer(target);
  const servers = [here];
  try {
    await waitUntilReady(here);
    servers.push(await startServer(target, otherRoot));
    await waitUntilReady(servers[1]!);
    const people = await Promise.all(servers.map(async (server) => ({ participant: await signIn(server.baseUrl), caseworker: await signIn(server.baseUrl, CASEWORKER_PERSON) })));
    const meetingPage = await findMeetingPage(here.baseUrl, people[0]!.participant);
    const pages = [
      ...PARTICIPANT_PAGES.flatMap((page) => (page !== MEETING_PAGE ? [page] : meetingPage ? [meetingPage] : [])).map((page) => ({ page, caseworker: false })),
      ...CASEWORKER_PAGES.map((page) => ({ page, caseworker: true })),
    ];
    const cookieOf = (index: number, caseworker: boolean) => (caseworker ? people[index]!.caseworker : people[index]!.participant);
    for (const { page, caseworker } of pages) {
      for (const [index, server] of servers.entries()) await loadRepeatedly(`${server.baseUrl}${page}`, { cookie: cookieOf(index, caseworker) }, warmUpLoads());
    }
    const rows: string[][] = [];
    for (const { page, caseworker } of pages) {
      const measured = servers.map(() => ({ cpuMs: 0, latencies: [] as number[], status: 200 }));
      for (let round = 0; round < rounds; round++) {
        for (const [index, server] of servers.entries()) {
          const figures = measured[index]!;
          const cpuBefore = readCpuMs(server.child.pid) ?? 0;
          for (let load = 0; load < loads; load++) {
            const started = performance.now();
            const headers = { cookie: cookieOf(index, caseworker) };
            const response = await fetch(`${server.baseUrl}${page}`, { headers, redirect: "manual" });
            keepCookies(headers, response);
            if (caseworker) people[index]!.caseworker = headers.cookie;
            else people[index]!.participant = headers.cookie;
            await response.arrayBuffer();
            figures.latencies.push(performance.now() - started);
            if (response.status !== 200) figures.status = response.status;
          }
          figures.cpuMs += (readCpuMs(server.child.pid) ?? 0) - cpuBefore;
        }
      }
      const [a, b] = measured.map((figures) => ({
        cpu: figures.cpuMs / figures.latencies.length,
        p50: percentile(figures.latencies.sort((x, y) => x - y), 0.5) ?? 0,
        status: figures.status,
      }));
      rows.push([
        page.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, ":id"),
        a!.cpu.toFixed(2),
        b!.cpu.toFixed(2),
        `${(((b!.cpu - a!.cpu) / a!.cpu) * 100).toFixed(0)} %`,
        a!.p50.toFixed(1),
        b!.p50.toFixed(1),
        a!.status === 200 && b!.status === 200 ? "" : `answered ${a!.status} / ${b!.status}`,
      ]);
    }
    console.log(
      `\nSide by side on ${target.name} (${target.dataset} data): A = this checkout, B = ${otherRoot}; ${rounds} rounds of ${loads} loads a page on each, in turns.\n` +
        `CPU: the server process's, per load (ms). p50: one at a time (ms).`,
    );
    console.log(renderTable(["page", "CPU A", "CPU B", "B vs A", "p50 A", "p50 B", ""], rows, 1, true));
  } finally {
    for (const server of servers) await stopServer(server);
  }
}

async function main(): Promise<number> {
  const load: LoadSettings = {
    durationSeconds: readPositiveInteger("BENCH_DURATION", 10),
    connections: readPositiveInteger("BENCH_CONNECTIONS", 10),
  };

  buildApp();

  const targets: DatabaseTarget[] = [{ name: "pglite", dataset: "demo" }];
  if (process.env.BENCH_BIG_DATA_DIR) targets.push({ name: "pglite", dataset: "big", dataDir: path.resolve(process.env.BENCH_BIG_DATA_DIR) });
  if (process.env.DATABASE_URL) {
    targets.push({ name: "postgres", dataset: "demo", url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL });
  }
  if (process.env.BENCH_BIG_DATABASE_URL) {
    targets.push({ name: "postgres", dataset: "big", url: process.env.BENCH_BIG_DATABASE_URL, ownerUrl: process.env.BENCH_BIG_DATABASE_OWNER_URL });
  }

  // BENCH_TARGETS=postgres-big,pglite-demo measures only those.
  const only = (process.env.BENCH_TARGETS ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  const chosen = only.length === 0 ? targets : targets.filter((target) => only.includes(`${target.name}-${target.dataset}`));

  const compareWith = process.env.BENCH_COMPARE_WITH;
  if (compareWith) {
    for (const target of chosen) await compareSideBySide(path.resolve(compareWith), target);
    return 0;
  }

  // A failure with one database still leaves the figures of the other to report.
  const results: PageResult[] = [];
  const failures: string[] = [];
  for (const name of new Set(chosen.map((target) => target.name))) {
    const ofDatabase = chosen.filter((target) => target.name === name);
    try {
      results.push(...(await measureDatabase(ofDatabase, load)));
    } catch (error) {
      failures.push(`${name} (${ofDatabase.map((target) => target.dataset).join(" and ")} data): ${describeError(error)}`);
    }
  }
  failures.push(...loadProblems(results));

  if (results.length > 0) printResults(results, load);
  if (extraWeights.length > 0) {
    console.log("\nPage weight (signed in as mette, /sagsbehandler as sara; gzip KiB; JavaScript and translations before the page is interactive, ceiling 120 KiB):");
    console.log(
      renderTable(
        ["page", "", "html KiB", "js+i18n KiB / ceiling (files)", "ships JS", "css KiB"],
        extraWeights.map(({ path: page, weight }) => [
          pageLabel(page),
          "",
          formatKiB(weight.htmlGzipBytes),
          formatScripts(weight),
          weight.shipsScript ? "yes" : "no",
          formatKiB(weight.cssGzipBytes),
        ]),
      ),
    );
  }
  if (startResults.length > 0) printStarts();
  if (pageSqlResults.length > 0) printPagesOneAtATime();
  await writeResults(results, failures, load);

  for (const failure of failures) log(`FAILED: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

process.on("exit", killRemainingServersNow);
// On Ctrl-C or SIGTERM, exit; the "exit" handler above kills any server still running.
process.once("SIGINT", () => process.exit(130));
process.once("SIGTERM", () => process.exit(143));

try {
  process.exitCode = await main();
} catch (error) {
  log(`FAILED: ${describeError(error)}`);
  process.exitCode = 1;
}
