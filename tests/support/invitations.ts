import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { invitations, relativeGrants } from "../../db/schema/relatives";
import { hashInvitationToken, listStoredMail, type StoredMail } from "~/features/relatives/index.server";

/**
 * An open invitation from this participant (a grant waiting for an answer and its link), as the
 * invite form makes one after "Bekræft og send". Returns the link's token.
 */
export async function anOpenInvitation(
  executor: Database,
  participantId: string,
  grant: Partial<typeof relativeGrants.$inferInsert> = {},
): Promise<{ token: string; grantId: string }> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const [row] = await executor
    .insert(relativeGrants)
    .values({
      invitedName: "Lone",
      invitedEmail: "lone@example.org",
      relation: "Søster",
      scopes: ["plan"],
      validUntil: new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10),
      status: "invited",
      ...grant,
      participantId,
    })
    .returning({ id: relativeGrants.id });
  await executor.insert(invitations).values({ grantId: row!.id, tokenHash: hashInvitationToken(token), expiresAt: new Date(now.getTime() + 14 * 86_400_000) });
  return { token, grantId: row!.id };
}

/**
 * The invitation e-mail for this grant's open link, newest first, and its token. Not simply the
 * newest mail: a test's mailbox also holds mail for earlier invitations, which the job worker may
 * deliver later than this one (a resend, a retry).
 */
export async function invitationMailFor(executor: Database, grantId: string): Promise<{ mail: StoredMail; token: string }> {
  const open = await executor
    .select({ tokenHash: invitations.tokenHash })
    .from(invitations)
    .where(and(eq(invitations.grantId, grantId), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date())));
  const hashes = new Set(open.map((row) => row.tokenHash));
  for (const mail of await listStoredMail()) {
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    if (token && hashes.has(hashInvitationToken(token))) return { mail, token };
  }
  throw new Error(`no mail with an open link of grant ${grantId}`);
}
