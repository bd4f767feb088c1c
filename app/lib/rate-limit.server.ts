import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";
import { lt, sql } from "drizzle-orm";
import { createContext, data, type MiddlewareFunction } from "react-router";
import { db, rowsOf, type Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { config } from "../../server/config.js";
import { refusal } from "../../server/refusal.js";
import { getCurrentUser } from "./auth.server";
import { loggerOf, requestIdOf, type RequestContext } from "./request.server";

/**
 * Rate limits that hold across every portal process, counted in Postgres (migration 0013,
 * `portal.rate_limits`): sign-in attempts per client address, invitations per participant,
 * calendar-feed requests per feed link, PDFs per person and API requests per case-system client
 * (app/features/api). The numbers are settings
 * (RATE_LIMIT_*, server/config.js).
 *
 * Why not rate-limiter-flexible: it has no store for postgres.js (nor PGlite), and its Postgres
 * store would run on a pool of its own, outside the request's transaction. Here one statement
 * counts: a fixed window that starts at a key's first request and lasts `windowSeconds`; the
 * upsert takes the row lock, so two processes (or two requests) can never both take the last
 * place. A burst at the end of one window and the start of the next can reach twice the limit,
 * which is fine for limits meant to stop floods, not to meter.
 *
 * It runs inside the request's own transaction (db()), never on a second connection: a request
 * holding its pooled connection must not wait for another one, or a full pool would deadlock.
 * A request that fails and rolls back is therefore not counted.
 */
export type LimitName = "signIn" | "invitations" | "calendarFeed" | "pdf" | "api";

export interface Verdict {
  allowed: boolean;
  /** Requests counted in this window, this one included. */
  hits: number;
  /** Whole seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

/**
 * The stored key: the limit's name and an HMAC of the subject (an address, a person id, a feed
 * link), so that the table says nothing about anyone and a leaked row cannot be tried against the
 * 2^32 IPv4 addresses. Keyed with the signing session secret: the same in every process, and a
 * rotation only starts the counts again.
 */
export function rateLimitKey(name: LimitName, subject: string): string {
  const digest = createHmac("sha256", config().sessionSecrets[0]!).update(`rate-limit\0${name}\0${subject}`).digest("base64url");
  return `${name}:${digest}`;
}

/** Counts one request for `subject` under `name`'s limit and says whether it may go on. */
export async function hit(
  database: Database,
  name: LimitName,
  subject: string,
  now = new Date(),
  limit = config().rateLimits[name],
): Promise<Verdict> {
  const key = rateLimitKey(name, subject);
  const at = now.toISOString();
  const ends = new Date(now.getTime() + limit.windowSeconds * 1000).toISOString();
  const result = await database.execute(sql`
    insert into portal.rate_limits as r (key, hits, expires_at)
    values (${key}, 1, ${ends}::timestamptz)
    on conflict (key) do update set
      hits = case when r.expires_at > ${at}::timestamptz then r.hits + 1 else 1 end,
      expires_at = case when r.expires_at > ${at}::timestamptz then r.expires_at else excluded.expires_at end
    returning hits, greatest(1, ceil(extract(epoch from (expires_at - ${at}::timestamptz))))::int as retry_after`);
  const [row] = rowsOf<{ hits: number; retry_after: number }>(result);
  const hits = Number(row!.hits);
  return { allowed: hits <= limit.max, hits, retryAfterSeconds: Number(row!.retry_after) };
}

/** The job worker's retention pass: rows whose window has ended say nothing any more. */
export async function pruneRateLimits(now = new Date()): Promise<number> {
  const database = await db();
  const deleted = await database.delete(rateLimits).where(lt(rateLimits.expiresAt, now)).returning({ key: rateLimits.key });
  return deleted.length;
}

/**
 * The client's address as server/request-handler.js found it (X-Forwarded-For only behind a
 * trusted proxy, TRUST_PROXY=1); the client's own header of that name never gets through. An IPv6
 * client has a whole /64 to itself, so it counts as its first four groups.
 */
export function clientAddressOf(request: Request): string {
  const address = request.headers.get("x-minvej-client-address") ?? "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

type Args = Parameters<MiddlewareFunction<Response>>[0];
type SubjectOf = (args: Args) => string | null | Promise<string | null>;

const refused = createContext<Verdict | null>(null);

async function check(name: LimitName, subjectOf: SubjectOf, args: Args, methods?: string[]): Promise<Verdict | null> {
  if (methods && !methods.includes(args.request.method)) return null;
  const subject = await subjectOf(args);
  if (subject === null) return null;
  const verdict = await hit(await db(), name, subject);
  if (verdict.allowed) return null;
  // Which limit, never whose: no address, person or link in the log.
  loggerOf(args.context).warn({ event: "rate_limited", limit: name, retryAfter: verdict.retryAfterSeconds }, "rate limit reached");
  return verdict;
}

/**
 * A page route's `middleware` for its form posts: counts the request, and past the limit marks it
 * refused; the route's action then calls `refuseWhenLimited(context)` first thing, which throws
 * 429 before anything is done. The refusal comes from the action, not from here, and the route
 * has an ErrorBoundary of its own, so that React Router still runs the root's loader: the app's
 * error page (ErrorContent) says calmly to wait, in the person's language and with their menu.
 * With JavaScript the same arrives as data. This middleware puts Retry-After on that answer.
 */
export function limitPage(name: LimitName, subjectOf: SubjectOf, options: { methods?: string[] } = {}): MiddlewareFunction<Response>[] {
  return [
    async (args, next) => {
      const verdict = await check(name, subjectOf, args, options.methods);
      if (!verdict) return next();
      args.context.set(refused, verdict);
      const response = await next();
      if (response.status !== 429) loggerOf(args.context).error({ event: "rate_limit_not_enforced", limit: name }, "an action past its rate limit did not refuse");
      response.headers.set("Retry-After", String(verdict.retryAfterSeconds));
      return response;
    },
  ];
}

/** First thing in an action whose route has `limitPage`: 429 when this request is past the limit. */
export function refuseWhenLimited(context: RequestContext) {
  const verdict = context.get(refused);
  if (verdict) throw data({ retryAfterSeconds: verdict.retryAfterSeconds }, { status: 429, statusText: "Too Many Requests" });
}

/** A resource route's `middleware` (a PDF, a calendar file): past the limit, a calm page of its own. */
export function limitResource(name: LimitName, subjectOf: SubjectOf): MiddlewareFunction<Response> {
  return async (args, next) => {
    const verdict = await check(name, subjectOf, args);
    return verdict ? tooManyRequests(verdict.retryAfterSeconds, requestIdOf(args.context)) : next();
  };
}

/** The signed-in person's id (null when nobody is: the route sends them to sign in anyway). */
export async function personOf({ context }: { context: RequestContext }): Promise<string | null> {
  return (await getCurrentUser(context)).user?.personId ?? null;
}

/** The signed-in participant's id. */
export async function participantOf({ context }: { context: RequestContext }): Promise<string | null> {
  return (await getCurrentUser(context)).user?.participant?.id ?? null;
}

/** 429 in Danish and English, for requests that are not a page of the app (a PDF, a calendar file): server/refusal.js's page. */
export function tooManyRequests(retryAfterSeconds: number, requestId: string): Response {
  const page = refusal({ status: 429, retryAfterSeconds }, requestId);
  return new Response(page.html, { status: page.status, headers: page.headers });
}
