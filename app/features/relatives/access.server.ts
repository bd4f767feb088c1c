import { notFound, requireAccess, type Scope } from "~/lib/auth.server";
import { recordView } from "./commands.server";
import type { ViewedPage } from "./status";

/**
 * Opens one of a relative's read-only pages: an active, unexpired grant bound to the signed-in
 * person that names `scope` (via `requireAccess`, on every request), or 404. The participant
 * themselves gets 404 too (their own pages live at their own URLs). Call `viewed()` once the page
 * has been found, to record the page view (dates and pages, never details) for the participant's log.
 */
export async function openSharedView(
  request: Request,
  participantId: string | undefined,
  scope: Scope,
  page: ViewedPage,
  context: unknown,
) {
  if (!participantId) throw notFound();
  const access = await requireAccess(request, participantId, scope);
  if (access.as !== "relative") throw notFound();
  const viewed = async () => {
    if (request.method !== "GET" && request.method !== "HEAD") return;
    await recordView({
      grantId: access.grantId,
      relativePersonId: access.user.personId,
      participantId,
      page,
      requestId: (context as { requestId?: string } | undefined)?.requestId ?? null,
    });
  };
  return { user: access.user, grant: access.grant, participantId, viewed };
}
