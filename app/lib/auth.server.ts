import { eq } from "drizzle-orm";
import { createContext, redirect, type MiddlewareFunction } from "react-router";
import { actAs, db } from "../../db/client";
import { participants, persons } from "../../db/schema/people";
import type { Programme } from "./programmes";
import { recordAudit } from "./audit.server";
import type { IdentityProvider } from "./auth/providers.server";
import { CASEWORKER_IDLE_TIMEOUT_MS, readSession, sessionCookie, startSession, type SessionOptions, type SessionState } from "./session.server";
import type { RequestContext } from "./request.server";

export interface CurrentUser {
  sessionId: string;
  /** How the person signed in ("demo", "nemlogin", "kommune") and when they last proved it. */
  provider: string;
  authenticatedAt: Date;
  idleTimeoutMs: number;
  idleEndsAt: Date;
  personId: string;
  firstName: string;
  lastName: string;
  isCaseworker: boolean;
  /** yyyy-mm-dd, from the CPR register through NemLog-in (or the jobcentre); null when unknown. */
  birthDate: string | null;
  /** Set when this person is in a programme themselves. */
  participant: { id: string; programme: Programme; municipalityKey: string | null } | null;
}

type SignedIn = { session: SessionState; user: CurrentUser | null };

const signedIn = createContext<() => Promise<SignedIn>>();

/**
 * Root middleware: who is signed in is read at most once per request (session and person, on
 * first use), however many loaders ask; a request that never asks reads nothing. The answer
 * carries the session's seen cookie, its idle clock, when it was renewed (session.server.ts), unless
 * the request set the session cookie itself (signing in or out: that session is not this one).
 */
export const currentUserMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  let pending: Promise<SignedIn> | undefined;
  context.set(signedIn, () => (pending ??= loadUser(request)));
  const response = await next();
  const read = pending && (await pending.catch(() => null));
  const renewed = read?.session.status === "active" ? read.session.renewedCookie : null;
  return renewed ? withSeenCookie(response, renewed) : response;
};

function withSeenCookie(response: Response, setCookie: string): Response {
  const name = `${sessionCookie.name}=`;
  if (response.headers.getSetCookie().some((cookie) => cookie.startsWith(name))) return response;
  try {
    response.headers.append("Set-Cookie", setCookie);
    return response;
  } catch {
    // A Response whose headers cannot change (Response.redirect): the same answer, with the cookie.
    const headers = new Headers(response.headers);
    headers.append("Set-Cookie", setCookie);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** The signed-in person for this request, or null. */
export function getCurrentUser(context: RequestContext): Promise<SignedIn> {
  return context.get(signedIn)();
}

async function loadUser(request: Request) {
  // One statement: the session and its person; row-level security sees the person from here on.
  const session = await readSession(request);
  if (session.status !== "active") return { session, user: null };
  const { person } = session;
  const user: CurrentUser = {
    sessionId: session.id,
    provider: session.provider,
    authenticatedAt: session.authenticatedAt,
    idleTimeoutMs: session.idleTimeoutMs,
    idleEndsAt: session.idleEndsAt,
    personId: session.personId,
    firstName: person.firstName,
    lastName: person.lastName,
    // Only the municipality's login (or the demo, while DEMO=1) makes someone a caseworker: a
    // session started with MitID never carries the role, whatever the person's row says.
    isCaseworker: person.isCaseworker && session.provider !== "nemlogin",
    birthDate: person.birthDate,
    participant: person.participant,
  };
  return { session, user };
}

/** Sends a signed-out visitor to the sign-in page (telling them calmly if their session ran out). */
export async function requireUser(context: RequestContext): Promise<CurrentUser> {
  const { session, user } = await getCurrentUser(context);
  if (user) return user;
  throw redirect(session.status === "expired" ? "/log-ind?udloebet=1" : "/log-ind");
}

/** The signed-in participant. Anyone else gets 404: the page does not exist for them. */
export async function requireParticipant(context: RequestContext) {
  const user = await requireUser(context);
  if (!user.participant) throw notFound();
  return { ...user, participant: user.participant };
}

/**
 * Signs a person in through a provider. Returns the session's Set-Cookie header and the
 * person's preferred language, or null when the provider does not vouch for them (fail closed).
 */
export async function signIn(
  provider: IdentityProvider,
  subject: string,
  requestId: string | null,
): Promise<{ setCookie: string; preferredLanguage: "da" | "en" } | null> {
  if (!provider.enabled) return null;
  const personId = await provider.resolvePerson(subject);
  if (!personId) return null;
  return startSignedInSession(personId, provider.id, requestId);
}

/**
 * Starts the session of a person a provider has vouched for (the demo list, a verified SAML
 * assertion, an OpenID id_token) and writes the audit row. A caseworker's session ends after
 * 15 minutes without a request, anyone else's after 30.
 */
export async function startSignedInSession(
  personId: string,
  providerId: string,
  requestId: string | null,
  options: Omit<SessionOptions, "idleTimeoutMs"> = {},
): Promise<{ setCookie: string; preferredLanguage: "da" | "en" }> {
  await actAs(personId);
  const database = await db();
  const [participant] = await database
    .select({ id: participants.id, preferredLanguage: persons.preferredLanguage, isCaseworker: persons.isCaseworker })
    .from(persons)
    .leftJoin(participants, eq(participants.personId, persons.id))
    .where(eq(persons.id, personId));
  const setCookie = await startSession(personId, providerId, new Date(), {
    ...options,
    idleTimeoutMs: participant?.isCaseworker ? CASEWORKER_IDLE_TIMEOUT_MS : undefined,
  });
  await recordAudit(database, {
    actorPersonId: personId,
    participantId: participant?.id ?? null,
    action: "session.signed_in",
    details: { provider: providerId },
    requestId,
  });
  return { setCookie, preferredLanguage: participant?.preferredLanguage ?? "da" };
}

/**
 * For the few requests that carry no session but a secret of one person (the calendar feed's
 * token): row-level security sees that person for the rest of the request.
 */
export { actAs } from "../../db/client";

export function notFound() {
  return new Response("Not Found", { status: 404 });
}
