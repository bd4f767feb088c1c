import { and, eq, gt } from "drizzle-orm";
import { db } from "../../../db/client";
import { signInRequests } from "../../../db/schema/account";

/**
 * The outstanding sign-in request this answer names (a SAML InResponseTo, an OpenID `state`) at
 * this provider, deleted as it is read: one answer per request, and none after it ran out.
 */
export async function takeSignInRequest(provider: string, id: string | null | undefined, now = new Date()) {
  if (!id || id.length > 200) return null;
  const database = await db();
  const [row] = await database
    .delete(signInRequests)
    .where(and(eq(signInRequests.id, id), eq(signInRequests.provider, provider), gt(signInRequests.expiresAt, now)))
    .returning();
  return row ?? null;
}
