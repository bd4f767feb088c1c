import { redirect } from "react-router";
import { getCurrentUser, notFound } from "~/lib/auth.server";
import type { RequestContext } from "~/lib/request.server";

/**
 * A caseworker's page about one participant: 404 for everyone who is not a signed-in caseworker,
 * signed-out visitors included (as the briefing: the address reveals nothing). Only a session that
 * ran out while open is sent to sign in again.
 */
export async function requireCaseworkerStrict(context: RequestContext) {
  const { session, user } = await getCurrentUser(context);
  if (!user) {
    if (session.status === "expired") throw redirect("/log-ind?udloebet=1&minutter=15");
    throw notFound();
  }
  if (!user.isCaseworker) throw notFound();
  return user;
}
