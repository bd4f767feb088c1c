import { notFound, requireUser, type CurrentUser } from "~/lib/auth.server";
import type { RequestContext } from "~/lib/request.server";

/**
 * "Mine data" is for the person herself: a participant, or anyone who signs in as a relative.
 * A caseworker's session (the municipality's login) gets 404: a caseworker reads a participant's
 * shared information on the caseworker pages, never her export. Nobody ever names another
 * person here: the export is always the session's own person.
 */
export async function requireOwnDataPerson(context: RequestContext): Promise<CurrentUser> {
  const user = await requireUser(context);
  if (user.isCaseworker) throw notFound();
  return user;
}
