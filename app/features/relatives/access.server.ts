import { and, eq, gte } from "drizzle-orm";
import { db } from "../../../db/client";
import { relativeGrants } from "../../../db/schema/relatives";
import { notFound, requireUser } from "~/lib/auth.server";
import { copenhagenDay } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { requestIdOf, type RequestContext } from "~/lib/request.server";
import { recordView } from "./commands.server";
import { findEndedAccess } from "./queries.server";
import type { Scope } from "./scopes";
import { ENDED_ACCESS_STATUS, type EndedAccessError, type ViewedPage } from "./status";

/** What an active grant lets a relative do, as read on this request. */
export interface ActiveGrant {
  id: string;
  scopes: Scope[];
  mayComment: boolean;
  /** With the messages scope: may also write in her conversations (under their own name). */
  mayWriteMessages: boolean;
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
      mayWriteMessages: relativeGrants.mayWriteMessages,
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
 * Runs an access check; when it refuses (404) a person who once had an accepted grant for this
 * participant that has since ended (withdrawn, expired, or stopped by themselves), throws the
 * calm "your access has ended" answer instead. Anyone else still gets the bare 404.
 */
async function orEndedAccess<T>(context: RequestContext, participantId: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (thrown) {
    if (!(thrown instanceof Response) || thrown.status !== 404) throw thrown;
    const user = await requireUser(context);
    if (user.participant?.id === participantId) throw thrown;
    const ended = await findEndedAccess(user.personId, participantId);
    if (!ended) throw thrown;
    throw Response.json({ endedAccess: ended } satisfies EndedAccessError, { status: ENDED_ACCESS_STATUS });
  }
}

/** The frame and "stop" of a relative's pages: `requireRelative`, or the ended-access answer. */
export async function openSharedFrame(context: RequestContext, participantId: string | undefined) {
  if (!participantId) throw notFound();
  return orEndedAccess(context, participantId, () => requireRelative(context, participantId));
}

/**
 * Opens one of a relative's read-only pages: an active, unexpired grant bound to the signed-in
 * person that names `scope` (via `requireAccess`, on every request), or 404 (or the ended-access
 * answer, when their access has ended). The participant themselves gets 404 too (their own pages
 * live at their own URLs). Call `viewed()` once the page has been found, to record the page view
 * (dates and pages, never details) for the participant's log.
 */
export async function openSharedView(
  request: Request,
  participantId: string | undefined,
  scope: Scope,
  page: ViewedPage,
  context: RequestContext,
) {
  if (!participantId) throw notFound();
  const access = await orEndedAccess(context, participantId, () => requireAccess(context, participantId, scope));
  if (access.as !== "relative") throw notFound();
  const viewed = async () => {
    if (request.method !== "GET" && request.method !== "HEAD") return;
    await recordView({
      grantId: access.grantId,
      relativePersonId: access.user.personId,
      participantId,
      page,
      requestId: requestIdOf(context),
    });
  };
  return { user: access.user, grant: access.grant, participantId, viewed };
}
