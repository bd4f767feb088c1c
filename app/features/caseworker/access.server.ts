import { redirect } from "react-router";
import { getCurrentUser, notFound, requireUser } from "~/lib/auth.server";
import type { RequestContext } from "~/lib/request.server";

/**
 * The signed-in caseworker (persons.is_caseworker) for the overview `/sagsbehandler`.
 * Signed-out visitors go to sign in (like every other signed-in page); participants and
 * relatives get 404: the page does not exist for them.
 */
export async function requireCaseworker(context: RequestContext) {
  const user = await requireUser(context);
  if (!user.isCaseworker) throw notFound();
  return user;
}

/**
 * The stricter guard of a participant's briefing: 404 for everyone who is not a signed-in
 * caseworker, signed-out visitors included, so the address reveals nothing. Only a session that
 * ran out while open is sent to sign in again (the answer is the same for every address).
 */
export async function requireCaseworkerStrict(context: RequestContext) {
  const { session, user } = await getCurrentUser(context);
  if (!user) {
    // A caseworker's session: 15 idle minutes.
    if (session.status === "expired") throw redirect("/log-ind?udloebet=1&minutter=15");
    throw notFound();
  }
  if (!user.isCaseworker) throw notFound();
  return user;
}
