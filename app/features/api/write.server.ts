import { createHash } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { z } from "~/lib/zod";
import type { ApiScope } from "../../../server/api-clients.js";
import { afterCommit, db, getDatabase } from "../../../db/client";
import { wakeWorker } from "~/features/jobs/index.server";
import { apiIdempotencyKeys } from "../../../db/schema/api";
import { requestIdOf, type RequestContext } from "~/lib/request.server";
import { logError } from "../../../server/safe-error.js";
import type { ApiCaller } from "./auth.server";
import { admit, ApiProblem, json, problemResponse, type ApiArgs } from "./handler.server";
import { caseSystemScope } from "./queries.server";
import { PARTICIPANT_OWN_FIELDS } from "./schema";

/**
 * Every write of the API (POST, PUT) goes through here, after the same checks as a read (token,
 * scope, rate limit, municipality): the `Idempotency-Key` header (required), the body as JSON, its
 * strict schema (422 names what is wrong, and says so when a field is the participant's own),
 * `If-Match` (a strong ETag, `"3"`), then the write and its answer, kept under the key.
 *
 * Idempotency (draft-ietf-httpapi-idempotency-key-header): per client, kept 24 hours. The same key
 * with the same request (method, path, If-Match, body as canonical JSON) answers the first response
 * again, status, body and headers, with `Idempotent-Replayed: true`, and writes nothing. The same
 * key with another request is 422. On a Postgres server the key is claimed first, in a savepoint of
 * the request's transaction, and the write runs after it: a second request with the key waits for
 * the first to commit and then replays it, so two at once still write once; a write that fails (a
 * 4xx, an error) rolls its claim back, so the key can be used again. On the embedded database (the
 * demo: one process, one connection) the writes run one at a time and the key is stored right
 * after its write.
 */

export interface ApiWriteArgs<T> extends ApiArgs {
  body: T;
  /** The version `If-Match` names; null without the header. */
  ifMatch: number | null;
}

export interface ApiWritten<B> {
  status: 200 | 201;
  body: B;
  headers?: Record<string, string>;
}

interface Args {
  request: Request;
  params: Record<string, string | undefined>;
  context: RequestContext;
}

interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const KEPT_HOURS = 24;

/** An ETag as the API gives it: a strong one with the version number. */
export const etagOf = (version: number) => `"${version}"`;

/** A POST or PUT handler for an operation that needs `scope`. */
export function apiWriter<B extends z.ZodType, R extends z.ZodType>(
  scope: ApiScope,
  schemas: { body: B; response: R },
  run: (args: ApiWriteArgs<z.output<B>>) => Promise<ApiWritten<z.input<R>>>,
) {
  return async (args: Args): Promise<Response> => {
    const admitted = await admit(args, [scope]);
    if ("refusal" in admitted) return admitted.refusal;
    const { caller } = admitted;
    const requestId = requestIdOf(args.context);
    try {
      const key = args.request.headers.get("idempotency-key");
      if (key === null) throw new ApiProblem("invalid-request", "Send an Idempotency-Key header (a new random value, e.g. a UUID, for each new request; the same one when you retry it).");
      if (!IDEMPOTENCY_KEY.test(key)) throw new ApiProblem("invalid-request", "Idempotency-Key: 1 to 255 visible ASCII characters.");
      const raw = parseJson(await args.request.text());
      const parsed = schemas.body.safeParse(raw);
      if (!parsed.success) throw new ApiProblem("invalid-body", describeIssues(parsed.error.issues));
      const ifMatchHeader = args.request.headers.get("if-match");
      const ifMatch = parseIfMatch(ifMatchHeader);
      const url = new URL(args.request.url);
      const fingerprint = createHash("sha256")
        .update(JSON.stringify([args.request.method, url.pathname, ifMatchHeader, canonical(raw)]))
        .digest("hex");
      await caseSystemScope(caller);
      const outcome = await once(caller, key, fingerprint, async () => {
        const written = await run({ ...args, caller, requestId, body: parsed.data, ifMatch });
        return { status: written.status, body: schemas.response.parse(written.body), headers: written.headers ?? {} };
      });
      if (outcome.kind === "reused") {
        throw new ApiProblem("idempotency-key-reused", "This Idempotency-Key was used for another request in the last 24 hours. Use a new key for a new request.");
      }
      if (outcome.kind === "in-progress") throw new ApiProblem("conflict", "A request with this Idempotency-Key has not finished yet. Try again in a moment.", { "Retry-After": "1" });
      const { response } = outcome;
      // The write is an event: once committed, the worker sends it to the webhooks at once.
      if (outcome.kind === "done") afterCommit(wakeWorker);
      return json(response.body, response.status, { ...response.headers, ...(outcome.kind === "replayed" ? { "Idempotent-Replayed": "true" } : {}) });
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(args, error.type, error.detail, error.headers);
      logError("api_write_failed", requestId, error);
      return problemResponse(args, "internal-error");
    }
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("invalid-request", "The body is not JSON.");
  }
}

/** `If-Match: "3"`: the version 3. Anything else can match no version of ours (a weak or made-up tag): 412. */
export function parseIfMatch(header: string | null): number | null {
  if (header === null) return null;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new ApiProblem("precondition-failed", 'If-Match: give the ETag you were sent, one strong tag such as "3".');
  return Number(match[1]);
}

/** The same JSON whatever the order of its keys. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** What is wrong with a body, field by field; a participant's own field is named as hers. */
export function describeIssues(issues: z.core.$ZodIssue[]): string {
  const own = new Set<string>(PARTICIPANT_OWN_FIELDS);
  const lines = issues.map((issue) => {
    const at = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((name) => (at ? `${at}.${name}` : name));
      const hers = issue.keys.filter((name) => own.has(name));
      if (hers.length > 0) return `${keys.join(", ")}: the participant's own; the API never writes it. Leave it out.`;
      return `${keys.join(", ")}: not a field of this body.`;
    }
    return `${at || "(body)"}: ${issue.message}`;
  });
  const text = lines.join(" ");
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

type Outcome = { kind: "done" | "replayed"; response: StoredResponse } | { kind: "reused" } | { kind: "in-progress" };

function outcomeOf(row: { fingerprint: string; status: number; response: { body: unknown; headers: Record<string, string> } }, fingerprint: string): Outcome {
  if (row.fingerprint !== fingerprint) return { kind: "reused" };
  if (row.status === 0) return { kind: "in-progress" };
  return { kind: "replayed", response: { status: row.status, body: row.response.body, headers: row.response.headers } };
}

let embeddedQueue: Promise<unknown> = Promise.resolve();

/** Runs `work` once per (client, key) and request; see the comment at the top. */
async function once(caller: ApiCaller, key: string, fingerprint: string, work: () => Promise<StoredResponse>): Promise<Outcome> {
  const clientId = caller.client.clientId;
  const handle = await getDatabase();
  const where = and(eq(apiIdempotencyKeys.clientId, clientId), eq(apiIdempotencyKeys.key, key));
  if (handle.kind === "postgres") {
    const database = await db();
    return database.transaction(async (tx) => {
      const claimed = await tx
        .insert(apiIdempotencyKeys)
        .values({ clientId, key, fingerprint, status: 0, response: { body: null, headers: {} } })
        .onConflictDoUpdate({
          target: [apiIdempotencyKeys.clientId, apiIdempotencyKeys.key],
          set: { fingerprint, status: 0, response: { body: null, headers: {} }, createdAt: sql`now()` },
          setWhere: sql`${apiIdempotencyKeys.createdAt} < now() - make_interval(hours => ${KEPT_HOURS})`,
        })
        .returning({ key: apiIdempotencyKeys.key });
      if (claimed.length === 0) {
        const [row] = await tx.select().from(apiIdempotencyKeys).where(where);
        return row ? outcomeOf(row, fingerprint) : ({ kind: "in-progress" } as const);
      }
      const response = await work();
      await tx.update(apiIdempotencyKeys).set({ status: response.status, response: { body: response.body, headers: response.headers } }).where(where);
      return { kind: "done", response } as const;
    });
  }
  // The embedded database: one write at a time in this process.
  const run = embeddedQueue.then(async (): Promise<Outcome> => {
    const database = handle.db;
    const [row] = await database
      .select()
      .from(apiIdempotencyKeys)
      .where(and(where, gt(apiIdempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEPT_HOURS})`)));
    if (row) return outcomeOf(row, fingerprint);
    const response = await work();
    const stored = { fingerprint, status: response.status, response: { body: response.body, headers: response.headers }, createdAt: sql`now()` };
    await database
      .insert(apiIdempotencyKeys)
      .values({ clientId, key, ...stored })
      .onConflictDoUpdate({ target: [apiIdempotencyKeys.clientId, apiIdempotencyKeys.key], set: stored });
    return { kind: "done", response };
  });
  embeddedQueue = run.catch(() => undefined);
  return run;
}

/** The retention (the job worker's pass): keys older than 24 hours are forgotten. Returns how many. */
export async function forgetOldIdempotencyKeys(): Promise<number> {
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.execute(sql`select set_config('minvej.job_worker', 'on', true)`);
    const gone = await tx
      .delete(apiIdempotencyKeys)
      .where(sql`${apiIdempotencyKeys.createdAt} < now() - make_interval(hours => ${KEPT_HOURS})`)
      .returning({ key: apiIdempotencyKeys.key });
    return gone.length;
  });
}
