import { randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { invitations, relativeGrants } from "../../db/schema/relatives";
import { hashInvitationToken } from "~/features/relatives/index.server";

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
