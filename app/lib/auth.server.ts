import { and, eq, gte } from "drizzle-orm";
import { createContext, redirect, type MiddlewareFunction } from "react-router";
import { actAs, db } from "../../db/client";
import { participants, persons, relativeGrants } from "../../db/schema";
import { recordAudit } from "./audit.server";
import type { IdentityProvider } from "./auth/providers.server";
import { copenhagenDay } from "./dates";
import { readSession, startSession, type SessionState } from "./session.server";
import { isUuid } from "./ids";
import type { RequestContext } from "./request.server";

export interface CurrentUser {
  sessionId: string;
  idleEndsAt: Date;
  personId: string;
  firstName: string;
  lastName: string;
  isCaseworker: boolean;
  /** Set when this person is in a programme themselves. */
  participant: { id: string; programme: "ressourceforloeb" | "jobafklaringsforloeb" } | null;
}

export type Scope = "plan" | "appointments" | "preparation" | "cv" | "network";

type SignedIn = { session: SessionState; user: CurrentUser | null };

const signedIn = createContext<() => Promise<SignedIn>>();

/**
 * Root middleware: who is signed in is read at most once per request (session and person, on
 * first use), however many loaders ask; a request that never asks reads nothing.
 */
export const currentUserMiddleware: MiddlewareFunction<Response> = ({ request, context }, next) => {
  let pending: Promise<SignedIn> | undefined;
  context.set(signedIn, () => (pending ??= loadUser(request)));
  return next();
};

/** The signed-in person for this request, or null. */
export function getCurrentUser(context: RequestContext): Promise<SignedIn> {
  return context.get(signedIn)();
}

async function loadUser(request: Request) {
  const session = await readSession(request);
  if (session.status !== "active") return { session, user: null };
  // Row-level security sees this person for the rest of the request.
  await actAs(session.personId);
  const database = await db();
  const [row] = await database
    .select({
      firstName: persons.firstName,
      lastName: persons.lastName,
      isCaseworker: persons.isCaseworker,
      participantId: participants.id,
      programme: participants.programme,
    })
    .from(persons)
    .leftJoin(participants, eq(participants.personId, persons.id))
    .where(eq(persons.id, session.personId));
  if (!row) return { session: { status: "expired" } as const, user: null };
  const user: CurrentUser = {
    sessionId: session.id,
    idleEndsAt: session.idleEndsAt,
    personId: session.personId,
    firstName: row.firstName,
    lastName: row.lastName,
    isCaseworker: row.isCaseworker,
    participant: row.participantId && row.programme ? { id: row.participantId, programme: row.programme } : null,
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


/** What an active grant lets a relative do, as read on this request. */
export interface ActiveGrant {
  id: string;
  scopes: Scope[];
  mayComment: boolean;
  bisidderAppointmentIds: string[];
  /** The last day (Copenhagen, YYYY-MM-DD) the grant is valid, inclusive. */
  validUntil: string;
}

/**
 * The relative's active, unexpired grant for this participant, or null. Expiry is derived from
 * `valid_until` here, on every request; withdrawal and ending take effect on the next request.
 */
export async function findActiveGrant(relativePersonId: string, participantId: string, now = new Date()): Promise<ActiveGrant | null> {
  if (!isUuid(participantId)) return null;
  const database = await db();
  const [grant] = await database
    .select({
      id: relativeGrants.id,
      scopes: relativeGrants.scopes,
      mayComment: relativeGrants.mayComment,
      bisidderAppointmentIds: relativeGrants.bisidderAppointmentIds,
      validUntil: relativeGrants.validUntil,
    })
    .from(relativeGrants)
    .where(
      and(
        eq(relativeGrants.participantId, participantId),
        eq(relativeGrants.relativePersonId, relativePersonId),
        eq(relativeGrants.status, "active"),
        gte(relativeGrants.validUntil, copenhagenDay(now)),
      ),
    )
    .limit(1);
  return grant ? { ...grant, scopes: grant.scopes as Scope[] } : null;
}

/**
 * May the signed-in person see `scope` of this participant's data? The participant always may;
 * a relative only through an active, unexpired grant that names the scope. Anything else is 404,
 * so that nobody learns whether the participant exists.
 */
export async function requireAccess(context: RequestContext, participantId: string, scope: Scope) {
  const user = await requireUser(context);
  if (user.participant?.id === participantId) return { user, as: "participant" as const };
  const grant = await findActiveGrant(user.personId, participantId);
  if (!grant || !grant.scopes.includes(scope)) throw notFound();
  return { user, as: "relative" as const, grantId: grant.id, grant };
}

/**
 * A relative's pages for this participant (any scope): only through an active, unexpired grant.
 * The participant themselves gets 404 here too: their own pages live at their own URLs, so the
 * two roles are never mixed on one page.
 */
export async function requireRelative(context: RequestContext, participantId: string) {
  const user = await requireUser(context);
  const grant = user.participant?.id === participantId ? null : await findActiveGrant(user.personId, participantId);
  if (!grant) throw notFound();
  return { user, grant };
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
  const setCookie = await startSession(personId, provider.id);
  await actAs(personId);
  const database = await db();
  const [participant] = await database
    .select({ id: participants.id, preferredLanguage: persons.preferredLanguage })
    .from(persons)
    .leftJoin(participants, eq(participants.personId, persons.id))
    .where(eq(persons.id, personId));
  await recordAudit(database, {
    actorPersonId: personId,
    participantId: participant?.id ?? null,
    action: "session.signed_in",
    details: { provider: provider.id },
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
