import { notFound, requireAccess, requireRelative, requireUser, type Scope } from "~/lib/auth.server";
import { recordView } from "./commands.server";
import { findEndedAccess } from "./queries.server";
import { ENDED_ACCESS_STATUS, type EndedAccessError, type ViewedPage } from "./status";
import { requestIdOf, type RequestContext } from "~/lib/request.server";

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
