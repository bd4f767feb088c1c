import { AsyncLocalStorage } from "node:async_hooks";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { ATTR_DB_SYSTEM_NAME, DB_SYSTEM_NAME_VALUE_POSTGRESQL } from "@opentelemetry/semantic-conventions";
import postgres from "postgres";
import * as schema from "./schema";
import { config } from "../server/config.js";
import { log } from "../server/log.js";
import { logError } from "../server/safe-error.js";

// No relational schema is given to drizzle: nothing uses `db.query`, and with one every transaction
// (one a request) built a query builder for every table first.
export type Database = PgDatabase<PgQueryResultHKT>;
/** What a business operation receives inside `db.transaction(...)`. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A Postgres connection string. Without it, the embedded PGlite is used. */
  url?: string;
  /** Where PGlite keeps its files; "memory://" keeps nothing. */
  dataDir?: string;
  /** PGlite: start from this dump of a data directory (`dumpDataDir`), e.g. one already migrated. */
  loadDataDir?: Blob;
  /**
   * PGlite on disk: a migrated, empty data folder made at build time (scripts/pglite-template.ts),
   * copied in when `dataDir` has no database yet, instead of initdb and every migration.
   */
  template?: string;
  /** Seed demo data when the database has no people yet. */
  seedWhenEmpty?: boolean;
  /**
   * The schema owner's connection string, when `url` is a less privileged role (portal_app).
   * Migrations, the role script (db/caseworker/roles.sql) and seeding then run as the owner.
   */
  ownerUrl?: string;
}

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");
/** Any fixed 64-bit number; every portal process takes this lock before migrating. */
const MIGRATION_LOCK_KEY = 4_207_771_001;

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options);
  const handle = await openPglite(options.dataDir ?? "./.data", options.loadDataDir, options.template);
  if (options.seedWhenEmpty) await seedIfEmpty(handle.db);
  return handle;
}

async function seedIfEmpty(database: Database) {
  const [row] = await database.select({ n: sql<number>`count(*)::int` }).from(schema.persons);
  if (!row || row.n === 0) {
    const { seedDemoData } = await import("./seed-data");
    await seedDemoData(database);
  }
}

const rolesScript = path.resolve(process.cwd(), "db/caseworker/roles.sql");

/** Creates the roles and grants of db/caseworker/roles.sql (idempotent; run as the schema owner). */
export async function setupRoles(owner: postgres.Sql) {
  await owner.unsafe(readFileSync(rolesScript, "utf8"));
}

/**
 * postgres.js 3.4.x can throw a TypeError from a setImmediate callback (`nextWrite` on a socket
 * that a server restart has already closed: porsager/postgres#1066, #1154, #1208). It cannot be
 * caught where the query was made, and by then the query has already been rejected with
 * CONNECTION_CLOSED, so the write is moot. Swallow exactly that error instead of crashing;
 * anything else still ends the process as Node would.
 */
function isPostgresJsClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'|evaluating 'socket\.write'/.test(error.message) &&
    /nextWrite|postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? "")
  );
}

/** Every open Postgres handle's "start over with a fresh pool". */
const poolReplacers = new Set<() => void>();
let crashGuardInstalled = false;
function installPostgresCrashGuard() {
  if (crashGuardInstalled) return;
  crashGuardInstalled = true;
  process.on("uncaughtException", (error) => {
    if (isPostgresJsClosedSocketWrite(error)) {
      log.warn({ event: "postgres_closed_socket_write" }, "postgres.js wrote to a closed connection after a database restart; the query had already failed.");
      for (const replace of poolReplacers) replace();
      return;
    }
    // Ours is the only handler: behave like Node without one. Otherwise leave it to the others.
    if (process.listenerCount("uncaughtException") === 1) {
      logError("uncaught_exception", null, error);
      process.exit(1);
    }
  });
}

/** True when every migration in db/migrations is recorded as applied in this database. */
async function allMigrationsApplied(client: postgres.Sql): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis));
  try {
    // drizzle applies a migration when it is newer than the newest applied one: the same test.
    const [row] = await client<{ newest: string | null }[]>`select max(created_at)::text as newest from drizzle.__drizzle_migrations`;
    return row?.newest != null && Number(row.newest) >= newest;
  } catch {
    return false; // no record yet (a new database), or not readable: try to migrate
  }
}

function isPermissionDenied(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "42501") return true;
  }
  return false;
}

/**
 * The portal's role may not migrate, and the database is behind this build. No cause attached:
 * the log would then show the permission error's code instead of this message.
 */
export class MigrationsPendingError extends Error {
  readonly code = "MINVEJ_MIGRATIONS_PENDING";
  constructor() {
    super(
      "The database is missing migrations, and DATABASE_URL's role may not apply them. Run `npm run migrate` with DATABASE_OWNER_URL set to the schema owner first.",
    );
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  installPostgresCrashGuard();
  // Migrate on one dedicated connection that holds an advisory lock, so that two
  // processes starting at once never run the same migration twice.
  const migrator = postgres(options.ownerUrl ?? url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "min-vej-migrate" },
  });
  try {
    // After `npm run migrate` the portal may run as portal_app alone, which can read the record of
    // applied migrations but not create drizzle's schema: then there is nothing to do here.
    if (options.ownerUrl || options.seedWhenEmpty || !(await allMigrationsApplied(migrator))) {
      await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      try {
        await migratePostgres(drizzlePostgres(migrator), { migrationsFolder }).catch((error: unknown) => {
          throw options.ownerUrl || !isPermissionDenied(error) ? error : new MigrationsPendingError();
        });
        if (options.ownerUrl) await setupRoles(migrator);
        // As the owner: the portal's own role may not write participant rows without a person.
        if (options.seedWhenEmpty) await seedIfEmpty(drizzlePostgres(migrator) as unknown as Database);
      } finally {
        await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
      }
    }
  } finally {
    await migrator.end();
  }

  // A Postgres restart leaves every pooled connection dead, and postgres.js does not always
  // recover those by itself (porsager/postgres#1208, #1215). So when a connection closes
  // without our asking, the whole pool is replaced; queries already in flight fail (their
  // writes were never acknowledged) and the next ones get fresh connections.
  const connect = () =>
    postgres(url, {
      max: poolSize(),
      connect_timeout: 5,
      onnotice: () => {},
      // Planned closes would otherwise look like a lost server and trigger a pool swap.
      max_lifetime: null,
      onclose: () => replacePool(),
      connection: {
        application_name: "min-vej",
        statement_timeout: 10_000,
        idle_in_transaction_session_timeout: 30_000,
        // A prepared statement (see preparing()) is planned for its values in its first five runs on
        // a connection; then Postgres keeps a generic plan if it estimates it no dearer, which saves
        // planning (1-2 ms for the caseworker list's one statement). Set here, whatever the server's
        // default: tests/integration/hot-queries-explain.test.ts checks the plans each hot statement
        // settles on, as well as its first.
        plan_cache_mode: "auto",
      },
    });
  let client = connect();
  let database = drizzlePostgres(preparing(client), { logger: statementCounter }) as unknown as Database;
  let closing = false;

  function replacePool() {
    if (closing) return;
    const old = client;
    client = connect();
    database = drizzlePostgres(preparing(client), { logger: statementCounter }) as unknown as Database;
    void old.end({ timeout: 5 }).catch(() => {});
  }
  poolReplacers.add(replacePool);

  return {
    get db() {
      return database;
    },
    kind: "postgres",
    close: async () => {
      closing = true;
      poolReplacers.delete(replacePool);
      await client.end({ timeout: 5 });
    },
  };
}

/** Statement texts sent as named prepared statements; past this many, new texts go unnamed. */
const PREPARED_TEXTS_MAX = 2_000;
const preparedTexts = new Set<string>();
/**
 * drizzle's `inArray` writes a list as `in ($1, $2, …)`: a new text for every length, and some lengths
 * come from what an API client sends. Such a text goes unnamed; a list of one or two (a pair of
 * statuses, say) stays prepared, as the lengths it can take are few.
 */
const LIST_OF_THREE_OR_MORE = /\bin \((?:\$\d+, ){2,}\$\d+\)/i;

export function shouldPrepare(text: string): boolean {
  if (preparedTexts.has(text)) return true;
  if (preparedTexts.size >= PREPARED_TEXTS_MAX || LIST_OF_THREE_OR_MORE.test(text)) return false;
  preparedTexts.add(text);
  return true;
}

/**
 * drizzle sends every statement unnamed, and postgres.js must then ask the server to describe an
 * unnamed statement before it can send its parameters: two round trips for each statement. This
 * client makes them named prepared statements, which postgres.js keeps for each connection: from
 * a text's second use on that connection it is one round trip, and the server skips parsing it.
 * Transactions and savepoints hand drizzle the same kind of client. The number of texts is capped
 * (the statements live as long as the connection, on both sides); a text past the cap goes unnamed.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  const inScope =
    (open: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const work = args.pop() as (scoped: postgres.Sql) => unknown;
      return open(...args, (scoped: postgres.Sql) => work(preparing(scoped)));
    };
  return new Proxy(client, {
    get(target, property) {
      if (property === "unsafe") {
        return (text: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(text, parameters, { ...options, prepare: parameters !== undefined && parameters.length > 0 && shouldPrepare(text) });
      }
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property) as ((...args: unknown[]) => unknown) | undefined;
        return open ? inScope(open) : open;
      }
      return Reflect.get(target, property);
    },
  });
}

async function openPglite(dataDir: string, loadDataDir?: Blob, template?: string): Promise<DatabaseHandle> {
  let location = dataDir;
  const onDisk = !dataDir.startsWith("memory://");
  if (onDisk) {
    // The files hold personal data (CPR numbers reach the write-ahead log): only this user may
    // read them. New files get 0600 through the umask; what exists already is tightened here.
    restrictNewFiles();
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    location = path.join(dataDir, "pglite");
    if (template && !loadDataDir && !existsSync(location)) copyPgliteTemplate(template, location);
    restrictTree(dataDir);
  }
  // PGlite has a single connection and runs in this process: no lock is needed. Its shared buffers
  // live in its WebAssembly memory and are all touched at start: 32 MB instead of 128 keeps ~100 MiB
  // of resident memory for a database that is a few MB (the demo, the tests).
  const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];
  const client = await PGlite.create(location, loadDataDir ? { loadDataDir, startParams } : { startParams });
  // PGlite's first start copies its initial files in with mode 0666, past the umask.
  if (onDisk) restrictTree(dataDir);
  const db = drizzlePglite(client, { logger: statementCounter });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}

/** The file in a template folder that says what it was made from. */
export const PGLITE_TEMPLATE_MANIFEST = "template.json";

/** What a PGlite template must have been made from to be used: this PGlite, and exactly these migrations. */
export function pgliteTemplateManifest(): { pglite: string; migrations: string[] } {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const packageJson = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json");
  const pglite = (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;
  const migrations = readMigrationFiles({ migrationsFolder }).map((migration) => `${migration.folderMillis}:${migration.hash}`);
  return { pglite, migrations };
}

/**
 * Copies the template's data folder to `location` (through a temporary name, so a start cut short
 * never leaves half a database). A template made from other migrations or another PGlite is left
 * alone with a log line (false): then initdb and the migrations run as without one.
 */
export function copyPgliteTemplate(template: string, location: string): boolean {
  let made: { pglite?: unknown; migrations?: unknown };
  try {
    made = JSON.parse(readFileSync(path.join(template, PGLITE_TEMPLATE_MANIFEST), "utf8")) as typeof made;
  } catch {
    log.info({ event: "pglite_template_missing", template }, "No database template (npm run build makes one): creating the embedded database from scratch takes a while.");
    return false;
  }
  const wanted = pgliteTemplateManifest();
  const reason =
    made.pglite !== wanted.pglite ? "another PGlite version" : JSON.stringify(made.migrations) !== JSON.stringify(wanted.migrations) ? "other migrations" : null;
  if (reason) {
    log.warn({ event: "pglite_template_ignored", template, reason }, `The database template was made from ${reason}: creating the embedded database from scratch.`);
    return false;
  }
  const partial = `${location}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(path.join(template, "pglite"), partial, { recursive: true });
  renameSync(partial, location);
  log.info({ event: "pglite_template_copied", template }, "Copied the migrated database template into the data folder.");
  return true;
}

/** Files and folders this process creates from now on are for its own user only (0600 / 0700). */
export function restrictNewFiles() {
  try {
    const previous = process.umask(0o077);
    process.umask(previous | 0o077);
  } catch {
    // Worker threads cannot change the umask; restrictTree still tightens what is on disk.
  }
}

/** Every folder under (and including) `root` becomes 0700 and every file 0600; links are left alone. */
export function restrictTree(root: string) {
  const stat = lstatSync(root, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(root, 0o700);
    for (const entry of readdirSync(root)) restrictTree(path.join(root, entry));
  } else if ((stat.mode & 0o777) !== 0o600) {
    chmodSync(root, 0o600);
  }
}

/**
 * One transaction per HTTP request on a Postgres server, so that row-level security knows who is
 * asking: `actAs(personId)` sets `minvej.person_id` for that transaction only, and every query of
 * the request (through `db()`) runs in it. A business operation's own `transaction()` becomes a
 * savepoint inside it. The response is sent only after the commit (server.js), so nothing is
 * acknowledged that could still be lost. The embedded PGlite has one connection and one user
 * (the owner, whom row-level security does not bind): there, requests run as before.
 */
interface RequestScope {
  tx?: Database;
  afterCommit: (() => void)[];
  /** Writes sent without waiting for their answer (`writeWithRequest`); the request's end waits for them. */
  pending: Promise<unknown>[];
  statements: number;
  writes: number;
  texts?: string[];
}
const requestScope = new AsyncLocalStorage<RequestScope>();

/** What a request did with the database, for its access log line and `npm run bench`. */
export interface RequestStatements {
  /** SQL statements the app sent (drizzle's queries; BEGIN and COMMIT not counted). */
  statements: number;
  /** Of those, the ones that write or lock rows (INSERT, UPDATE, DELETE, SELECT ... FOR UPDATE). */
  writes: number;
  /** The statements' texts (never their parameters), only with MINVEJ_LOG_SQL_TEXTS=1 (`npm run bench`). */
  texts?: string[];
}

const WRITING_STATEMENT = /^\s*(?:with\b[\s\S]*?\)\s*)?(?:insert|update|delete)\b|\bfor\s+(?:no\s+key\s+)?update\b/i;
/** Read once: the bench asks for the texts; a production process never keeps them. */
const keepTexts = process.env.MINVEJ_LOG_SQL_TEXTS === "1";

function newScope(tx?: Database): RequestScope {
  return { tx, afterCommit: [], pending: [], statements: 0, writes: 0, texts: keepTexts ? [] : undefined };
}

function doneOf(scope: RequestScope): RequestStatements {
  return { statements: scope.statements, writes: scope.writes, texts: scope.texts };
}

/** Whether a statement's text writes, worked out once a text: a page's read is 10 KB to scan. */
const writingTexts = new Map<string, boolean>();
function writes(text: string): boolean {
  let found = writingTexts.get(text);
  if (found === undefined) {
    found = WRITING_STATEMENT.test(text);
    if (writingTexts.size < PREPARED_TEXTS_MAX) writingTexts.set(text, found);
  }
  return found;
}

/** Counts each query of the current request (drizzle calls its logger once per statement). */
const statementCounter = {
  logQuery(query: string) {
    const scope = requestScope.getStore();
    if (!scope) return;
    scope.statements += 1;
    if (writes(query)) scope.writes += 1;
    scope.texts?.push(query);
  },
};

export async function withRequestTransaction<T>(work: () => Promise<T>, onDone?: (done: RequestStatements) => void): Promise<T> {
  const handle = await getDatabase();
  if (handle.kind !== "postgres") {
    // The embedded database: no transaction around the request, only the count.
    const scope = newScope();
    try {
      return await workThenWrites(scope, work);
    } finally {
      onDone?.(doneOf(scope));
    }
  }
  const release = await requestGate().enter();
  let scope: RequestScope | undefined;
  let result: T;
  try {
    result = await transactionSpan(() =>
      handle.db.transaction(async (tx) => {
        scope = newScope(tx as unknown as Database);
        return await workThenWrites(scope, work);
      }),
    );
  } finally {
    release();
    onDone?.(scope ? doneOf(scope) : { statements: 0, writes: 0 });
  }
  for (const callback of scope?.afterCommit ?? []) callback();
  return result;
}

/**
 * The request's work, then the writes it sent without waiting (`writeWithRequest`), also when the
 * work failed: none may reach the connection after the transaction has ended. The work's own error
 * comes first; then a failed write's.
 */
async function workThenWrites<T>(scope: RequestScope, work: () => Promise<T>): Promise<T> {
  const outcome = await requestScope.run(scope, work).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const failedWrite = (await Promise.allSettled(scope.pending)).find((write) => write.status === "rejected");
  if ("error" in outcome) throw outcome.error;
  if (failedWrite) throw failedWrite.reason;
  return outcome.value;
}

/**
 * The trace span of a request's transaction, BEGIN to COMMIT; its queries are its children
 * (server/tracing.js). Without tracing configured the API's tracer does nothing.
 */
function transactionSpan<T>(work: () => Promise<T>): Promise<T> {
  const attributes = { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL };
  return trace.getTracer("min-vej").startActiveSpan("request transaction", { kind: SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Runs `callback` once what this request wrote is committed (e.g. wake the job worker for the mail
 * it queued): at the end of the request's transaction on Postgres, never when it rolls back. Outside
 * a request transaction (the embedded database, a script) the caller's own transaction has already
 * committed, so it runs now. The callback must not throw or wait: the response is on its way.
 */
export function afterCommit(callback: () => void) {
  const scope = requestScope.getStore();
  if (scope?.tx) scope.afterCommit.push(callback);
  else callback();
}

/**
 * Sends a write whose answer the request does not need to go on (the audit rows of what a page
 * shows): the page renders while the database writes, and the request's end waits for it, before
 * COMMIT on Postgres. A failed write fails the request, so no page leaves whose reads were not
 * written down. Send it last, after the request's own checks and writes: it runs in the order it
 * reaches the connection, so inside a savepoint opened later it would share that savepoint's fate.
 * Outside a request (a script, a job) it is awaited at once.
 */
export async function writeWithRequest(write: () => Promise<unknown>): Promise<void> {
  const scope = requestScope.getStore();
  if (!scope) {
    await write();
    return;
  }
  const written = write();
  // Awaited at the request's end: until then a failure must not count as an unhandled rejection.
  written.catch(() => {});
  scope.pending.push(written);
}

/**
 * Thrown when a request cannot get a database connection in time, or too many already wait:
 * the server answers a calm 503 with Retry-After (server/request-handler.js) instead of letting
 * requests pile up without limit behind a blocked pool.
 */
export class DatabaseBusyError extends Error {
  readonly code = "MINVEJ_DATABASE_BUSY";
  constructor(readonly why: "queue_full" | "timeout") {
    super(`database busy (${why})`);
  }
}

/** At most `slots` request transactions at once (the pool's size); a bounded, timed queue behind them. */
export class RequestGate {
  private active = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
    private readonly waitMs: number,
  ) {}

  get queued() {
    return this.waiting.length;
  }

  get inUse() {
    return this.active;
  }

  enter(): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit();
      } else this.active--;
    };
    if (this.active < this.slots) {
      this.active++;
      return Promise.resolve(release);
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new DatabaseBusyError("queue_full"));
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => resolve(release),
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new DatabaseBusyError("timeout"));
        }, this.waitMs),
      };
      this.waiting.push(entry);
    });
  }
}

let gate: RequestGate | undefined;
function requestGate() {
  gate ??= new RequestGate(poolSize(), config().databaseQueueMax, config().databaseAcquireTimeoutMs);
  return gate;
}

/** For the metrics: request transactions running and waiting now, and how many may run at once (Postgres; zero on PGlite). */
export function requestGateStats() {
  return { active: gate?.inUse ?? 0, queued: gate?.queued ?? 0, size: poolSize() };
}

function poolSize() {
  return config().databasePoolSize;
}

/** From here to the end of this request's transaction, row-level security sees this person. */
export async function actAs(personId: string) {
  const scope = requestScope.getStore();
  if (!scope?.tx) return;
  await scope.tx.execute(sql`select set_config('minvej.person_id', ${personId}, true)`);
}

let current: Promise<DatabaseHandle> | undefined;

/** The process-wide database, opened (and migrated) on first use from the environment. */
export function getDatabase(): Promise<DatabaseHandle> {
  const settings = config();
  current ??= openDatabase({
    url: settings.databaseUrl,
    ownerUrl: settings.databaseOwnerUrl,
    dataDir: settings.dataDir,
    template: path.resolve(settings.buildDir, "pglite-template"),
    // The embedded database is for trying the portal: it always gets demo people. A server
    // database gets them only when asked (SEED_DEMO_DATA=1, e.g. for end-to-end tests). In
    // production neither happens without DEMO=1 (server/config.js refuses to start otherwise).
    seedWhenEmpty: (!settings.production || settings.demo) && (!settings.databaseUrl || settings.seedDemoData),
  }).catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

export async function db(): Promise<Database> {
  return requestScope.getStore()?.tx ?? (await getDatabase()).db;
}

/** Tests point the app at their own database. */
export function useDatabase(handle: DatabaseHandle | undefined) {
  current = handle ? Promise.resolve(handle) : undefined;
}

/** The rows of a raw `execute()` on either driver: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}

export { schema };
