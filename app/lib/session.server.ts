import { hash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { createCookie } from "react-router";
import { signedCookieValue } from "./signed-cookie.server";
import { db, rowsOf } from "../../db/client";
import { preparedStatement } from "../../db/nested";
import { authSessions } from "../../db/schema";
import type { Programme } from "./programmes";
import { isProviderEnabled } from "./auth/providers.server";
import { env } from "./env.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Caseworkers see many people's data: their sessions end after 15 minutes without a request. */
export const CASEWORKER_IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
export const WARN_BEFORE_IDLE_END_MS = 5 * 60 * 1000;
/** The cookie's idle clock is set again once a minute at most: precise enough, and few Set-Cookie headers. */
const RENEW_INTERVAL_MS = 60 * 1000;

const cookieOptions = {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  secrets: env.sessionSecrets,
  // No maxAge: the cookie ends with the browser; the server decides when the session ends.
} as const;

/** The session's token. */
export const sessionCookie = createCookie(env.secureCookies ? "__Host-minvej_session" : "minvej_session", cookieOptions);

/**
 * When the session was last seen, for this session's token only: its idle clock (migration 0050),
 * so that reading a page writes nothing. `<the token's hash, first 16>.<seconds since 1970>`.
 */
export const seenCookie = createCookie(env.secureCookies ? "__Host-minvej_seen" : "minvej_seen", cookieOptions);

export type SessionState =
  | { status: "none" }
  | { status: "expired" }
  | {
      status: "active";
      id: string;
      personId: string;
      provider: string;
      idleTimeoutMs: number;
      idleEndsAt: Date;
      absoluteEndsAt: Date;
      /** When the person last proved who they are at the provider. */
      authenticatedAt: Date;
      assuranceLevel: string | null;
      providerSession: Record<string, string> | null;
      /** The session's person, read with it in the same statement. */
      person: SessionPerson;
      /**
       * The seen cookie with this request's time (a Set-Cookie header), when the one sent is a
       * minute old or more or missing; null otherwise. The idle clock lives there: a GET writes nothing.
       */
      renewedCookie: string | null;
    };

/** Who a live session belongs to (app/lib/auth.server.ts makes the CurrentUser of it). */
export interface SessionPerson {
  firstName: string;
  lastName: string;
  isCaseworker: boolean;
  birthDate: string | null;
  /** Set when the person is in a programme themselves. */
  participant: { id: string; programme: Programme; municipalityKey: string | null } | null;
}

// A raw `execute` gets timestamps and dates as text from both drivers (drizzle turns their parsers
// off); jsonb comes parsed from postgres.js and PGlite alike, as text only from an older driver.
const timestampOf = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateOf = (value: unknown): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
const jsonOf = <T>(value: unknown): T | null => (value === null || value === undefined ? null : typeof value === "string" ? (JSON.parse(value) as T) : (value as T));

/** A row of portal.open_session (migration 0029). */
interface OpenSessionRow {
  session_id: string;
  person_id: string;
  provider: string;
  last_seen_at: unknown;
  absolute_expires_at: unknown;
  idle_minutes: number;
  authenticated_at: unknown;
  assurance_level: string | null;
  provider_session: unknown;
  first_name: string;
  last_name: string;
  is_caseworker: boolean;
  birth_date: unknown;
  participant_id: string | null;
  programme: string | null;
  municipality_key: string | null;
}

export interface SessionOptions {
  /** Default IDLE_TIMEOUT_MS; CASEWORKER_IDLE_TIMEOUT_MS for a caseworker. */
  idleTimeoutMs?: number;
  /** When the person proved who they are at the provider (default: now). */
  authenticatedAt?: Date;
  assuranceLevel?: string | null;
  /** What the provider needs to end its own session at sign-out (SAML NameID/SessionIndex, id_token). */
  providerSession?: Record<string, string> | null;
}

function hashToken(token: string) {
  return hash("sha256", token);
}

/**
 * Row-level security (migration 0008) shows a request the one session whose token it holds, by the
 * token's hash, before the person is known; for the rest of the request's transaction only.
 */
async function holdSessionToken(database: Awaited<ReturnType<typeof db>>, tokenHash: string) {
  await database.execute(sql`select set_config('minvej.session_token_hash', ${tokenHash}, true)`);
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value = signedCookieValue(request.headers.get("Cookie"), sessionCookie.name, env.sessionSecrets);
  return typeof value === "string" && value.length > 20 ? value : null;
}

/** Ties a seen cookie to one session: a time from another session's cookie never counts. */
const bindingOf = (tokenHash: string) => tokenHash.slice(0, 16);

/** A clock a little ahead (another process's) is allowed; a time further ahead is not a time. */
const CLOCK_SKEW_MS = 5_000;

/**
 * When the seen cookie says this session was last seen: null when there is none, it is another
 * session's, its signature fails, or it lies in the future.
 */
function seenAtOf(request: Request, tokenHash: string, now: Date): Date | null {
  const value = signedCookieValue(request.headers.get("Cookie"), seenCookie.name, env.sessionSecrets);
  if (typeof value !== "string") return null;
  const [binding, seconds] = value.split(".");
  if (binding !== bindingOf(tokenHash) || !seconds || !/^[0-9]{1,12}$/.test(seconds)) return null;
  const seenAt = new Date(Number(seconds) * 1000);
  return seenAt.getTime() <= now.getTime() + CLOCK_SKEW_MS ? seenAt : null;
}

/** Starts a new session with a fresh id (never reuses one sent by the browser) and returns its cookie. */
export async function startSession(personId: string, provider: string, now = new Date(), options: SessionOptions = {}): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const database = await db();
  const tokenHash = hashToken(token);
  await holdSessionToken(database, tokenHash);
  await database.insert(authSessions).values({
    tokenHash,
    personId,
    provider,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
    idleMinutes: Math.round((options.idleTimeoutMs ?? IDLE_TIMEOUT_MS) / 60_000),
    authenticatedAt: options.authenticatedAt ?? now,
    assuranceLevel: options.assuranceLevel ?? null,
    providerSession: options.providerSession ?? null,
  });
  return sessionCookie.serialize(token);
}

const openSession = preparedStatement(
  ["tokenHash", "at", "seenAt"],
  (values) => sql`select * from portal.open_session(${values.tokenHash}, ${values.at}::timestamptz, nullif(${values.seenAt}, '')::timestamptz)`,
);

/**
 * The request's session, with its person, in one statement (portal.open_session, migrations 0031
 * and 0050): it also holds the token's hash and, while the session is live, lets row-level security
 * see the person for the rest of the request's transaction. Live means within its absolute time,
 * and within its idle time of when it was last seen: the later of the time its seen cookie carries
 * and its last_seen_at (its sign-in, or a process of the release before). Reading writes nothing;
 * a seen cookie a minute old comes back renewed (`renewedCookie`). A session idle by its cookie is
 * not ended in the database: a copy of an older cookie must not end the newer one's session.
 */
export async function readSession(request: Request, now = new Date()): Promise<SessionState> {
  const token = await tokenFrom(request);
  if (!token) return { status: "none" };
  const tokenHash = hashToken(token);
  const seenAt = seenAtOf(request, tokenHash, now);
  const [row] = rowsOf<OpenSessionRow>(await openSession({ tokenHash, at: now, seenAt: seenAt ?? "" }));
  if (!row) return { status: "expired" };
  const database = await db();

  const lastSeenAtRead = timestampOf(row.last_seen_at);
  const absoluteExpiresAt = timestampOf(row.absolute_expires_at);
  const idleTimeoutMs = row.idle_minutes * 60_000;
  const idleEndsAt = new Date(lastSeenAtRead.getTime() + idleTimeoutMs);
  // A session is only as good as the method that started it: once that method is turned off
  // (a demo session after DEMO_LOGIN is unset), the session ends on its next request.
  if (now >= idleEndsAt || now >= absoluteExpiresAt || !isProviderEnabled(row.provider)) {
    if (now >= absoluteExpiresAt || !isProviderEnabled(row.provider)) {
      await database.update(authSessions).set({ endedAt: now }).where(eq(authSessions.id, row.session_id));
    }
    // portal.open_session let row-level security see the person if the times were still good.
    await database.execute(sql`select set_config('minvej.person_id', '', true)`);
    return { status: "expired" };
  }

  const renew = seenAt === null || now.getTime() - lastSeenAtRead.getTime() >= RENEW_INTERVAL_MS;
  const lastSeenAt = renew ? now : lastSeenAtRead;
  const programme = row.programme as Programme | null;
  return {
    status: "active",
    id: row.session_id,
    personId: row.person_id,
    provider: row.provider,
    idleTimeoutMs,
    idleEndsAt: new Date(Math.min(lastSeenAt.getTime() + idleTimeoutMs, absoluteExpiresAt.getTime())),
    absoluteEndsAt: absoluteExpiresAt,
    authenticatedAt: timestampOf(row.authenticated_at),
    assuranceLevel: row.assurance_level,
    providerSession: jsonOf<Record<string, string>>(row.provider_session),
    person: {
      firstName: row.first_name,
      lastName: row.last_name,
      isCaseworker: row.is_caseworker,
      birthDate: dateOf(row.birth_date),
      participant:
        row.participant_id && programme ? { id: row.participant_id, programme, municipalityKey: row.municipality_key } : null,
    },
    renewedCookie: renew ? await seenCookie.serialize(`${bindingOf(tokenHash)}.${Math.floor(now.getTime() / 1000)}`) : null,
  };
}

/** Ends the session server-side and returns a cookie that clears it in the browser. */
export async function endSession(request: Request, now = new Date()): Promise<string> {
  const token = await tokenFrom(request);
  if (token) {
    const database = await db();
    const tokenHash = hashToken(token);
    await holdSessionToken(database, tokenHash);
    await database
      .update(authSessions)
      .set({ endedAt: now })
      .where(and(eq(authSessions.tokenHash, tokenHash), isNull(authSessions.endedAt)));
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}
