import { and, desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { participantContacts, professionals } from "../../db/schema/people";

export interface CaseworkerContact {
  name: string;
  phone: string | null;
  email: string | null;
  reachableText: string | null;
}

/** The participant's coordinating caseworker (the primary one, if there are several), or null. */
export async function getCoordinatingCaseworker(participantId: string): Promise<CaseworkerContact | null> {
  const database = await db();
  const [row] = await database
    .select({
      name: professionals.name,
      phone: professionals.phone,
      email: professionals.email,
      reachableText: professionals.reachableText,
    })
    .from(participantContacts)
    .innerJoin(professionals, eq(professionals.id, participantContacts.professionalId))
    .where(
      and(
        eq(participantContacts.participantId, participantId),
        eq(participantContacts.role, "koordinerende_sagsbehandler"),
      ),
    )
    .orderBy(desc(participantContacts.isPrimary))
    .limit(1);
  return row ?? null;
}
