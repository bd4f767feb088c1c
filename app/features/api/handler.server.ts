import type { z } from "~/lib/zod";
import type { ApiClients, ApiScope } from "../../../server/api-clients.js";
import { problem, type ProblemType } from "../../../server/problem.js";
import { config } from "../../../server/config.js";
import { db } from "../../../db/client";
import { publicOrigin } from "~/lib/env.server";
import { hit } from "~/lib/rate-limit.server";
import { loggerOf, requestIdOf, type RequestContext } from "~/lib/request.server";
import { logError } from "../../../server/safe-error.js";
import { authenticate, type ApiCaller } from "./auth.server";
import { recordCaseSystemReads } from "./commands.server";
import { caseSystemScope } from "./queries.server";
import type { CaseSystemRead } from "./reads";

/**
 * Every API route goes through here, in this order: the API is on (else 404); the bearer token is
 * valid and names a registered client (401/403); the client has the operation's scope (403); the
 * client is within its rate limit (429); then the database is narrowed to the client's municipality
 * and the route reads. Whatever goes wrong is a problem+json answer with the request id as its
 * correlation id, never an HTML page and never a stack. No session is read: a cookie never reaches
 * the API (server.js drops it), and nothing here asks who is signed in.
 */

interface Args {
  request: Request;
  params: Record<string, string | undefined>;
  context: RequestContext;
}

export interface ApiArgs extends Args {
  caller: ApiCaller;
  requestId: string;
}

/** A refusal a route throws (a bad query, an unknown participant, a stale version); the wrapper answers it. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(type);
  }
}

export function problemResponse(args: Args, type: ProblemType, detail?: string, headers?: Record<string, string>): Response {
  const answer = problem(type, { origin: publicOrigin(args.request), requestId: requestIdOf(args.context), detail, headers });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

/** The API's settings, or null while it is off (no API_CLIENTS_FILE). */
export function apiSettings(): ApiClients | null {
  return config().apiClients;
}

const BEARER_REALM = 'Bearer realm="Min Vej API"';

/** What a route answers: the body, and whose data it read (one line in each one's log). */
export interface ApiRead<B> {
  body: B;
  read: { what: CaseSystemRead; participantIds: readonly string[] };
  /** E.g. the ETag of a plan or a meeting. */
  headers?: Record<string, string>;
}

/**
 * Who may call: the API is on, the token is valid and names a registered client, the client has one
 * of `scopes`, and is within its rate limit. The caller, or the refusal to answer.
 */
export async function admit(args: Args, scopes: readonly ApiScope[]): Promise<{ caller: ApiCaller } | { refusal: Response }> {
  const settings = apiSettings();
  if (!settings) return { refusal: problemResponse(args, "not-found", "The API is not enabled on this portal.") };
  const authentication = await authenticate(args.request, settings);
  if (!authentication.ok) {
    if (authentication.error) logError("api_keys_unavailable", requestIdOf(args.context), authentication.error);
    const headers: Record<string, string> =
      authentication.problem === "unauthorized"
        ? { "WWW-Authenticate": BEARER_REALM }
        : authentication.problem === "invalid-token"
          ? { "WWW-Authenticate": `${BEARER_REALM}, error="invalid_token", error_description="${authentication.detail}"` }
          : authentication.problem === "service-unavailable"
            ? { "Retry-After": "10" }
            : {};
    return { refusal: problemResponse(args, authentication.problem, authentication.detail, headers) };
  }
  const { caller } = authentication;
  if (!scopes.some((scope) => caller.scopes.has(scope))) {
    return {
      refusal: problemResponse(args, "insufficient-scope", `This operation needs the scope ${scopes.join(" or ")}.`, {
        "WWW-Authenticate": `${BEARER_REALM}, error="insufficient_scope", scope="${scopes.join(" ")}"`,
      }),
    };
  }
  const verdict = await hit(await db(), "api", caller.client.clientId, new Date(), caller.client.rateLimit ?? config().rateLimits.api);
  if (!verdict.allowed) {
    loggerOf(args.context).warn({ event: "rate_limited", limit: "api", client: caller.client.clientId, retryAfter: verdict.retryAfterSeconds }, "rate limit reached");
    return { refusal: problemResponse(args, "too-many-requests", `Wait ${verdict.retryAfterSeconds} seconds.`, { "Retry-After": String(verdict.retryAfterSeconds) }) };
  }
  return { caller };
}

/**
 * A loader for an operation that needs `scope` (or one of several). `run` returns the body and
 * whose data it shows; the body is checked against `output` (the schema the OpenAPI document shows),
 * then the reads are written to the participants' logs, then it is sent. A body that fails its schema
 * is our error (500), and leaves no line in anyone's log: nothing was read.
 */
export function apiLoader<T extends z.ZodType>(scope: ApiScope | readonly ApiScope[], output: T, run: (args: ApiArgs) => Promise<ApiRead<z.input<T>>>) {
  return async (args: Args): Promise<Response> => {
    const admitted = await admit(args, typeof scope === "string" ? [scope] : scope);
    if ("refusal" in admitted) return admitted.refusal;
    const { caller } = admitted;
    const requestId = requestIdOf(args.context);
    try {
      await caseSystemScope(caller);
      const { body, read, headers } = await run({ ...args, caller, requestId });
      const checked = output.parse(body);
      await recordCaseSystemReads(caller, read.participantIds, read.what, requestId);
      return json(checked, 200, headers);
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(args, error.type, error.detail, error.headers);
      logError("api_request_failed", requestId, error);
      return problemResponse(args, "internal-error");
    }
  };
}

/** For addresses that need no token (the OpenAPI document, the reference page): 404 while the API is off. */
export function apiPublicLoader(run: (args: Args) => Response | Promise<Response>) {
  return async (args: Args): Promise<Response> => {
    if (!apiSettings()) return problemResponse(args, "not-found", "The API is not enabled on this portal.");
    return run(args);
  };
}

/** An address that only reads: anything but GET (and HEAD) is 405 with `Allow`. */
export function methodNotAllowed(args: Args): Response {
  return notAllowed(args, "GET, HEAD");
}

/** 405 with the methods the address has (or 404 while the API is off). */
export function notAllowed(args: Args, allow: string): Response {
  if (!apiSettings()) return problemResponse(args, "not-found", "The API is not enabled on this portal.");
  return problemResponse(args, "method-not-allowed", `${args.request.method} is not allowed here.`, { Allow: allow });
}

/** Parses the query string with `schema`, or throws 400 with what is wrong. */
export function queryOf<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = schema.safeParse(query);
  if (!result.success) throw new ApiProblem("invalid-request", result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(" "));
  return result.data;
}

/** An action that answers the methods given, and 405 with `allow` to any other. */
export function byMethod(handlers: Partial<Record<"POST" | "PUT", (args: Args) => Promise<Response>>>, allow: string) {
  return (args: Args): Promise<Response> | Response => {
    const handler = handlers[args.request.method as "POST" | "PUT"];
    return handler ? handler(args) : notAllowed(args, allow);
  };
}

/** The loader of an address that only takes POST: GET is 405. */
export function postOnly(args: Args): Response {
  return notAllowed(args, "POST");
}
