import { and, desc, eq } from "drizzle-orm";
import { db } from "../../db/client";
import { participantContacts, persons, professionals } from "../../db/schema/people";

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

/** The signed-in person's own e-mail and phone, as the municipality has them (forms start from them). */
export async function personContact(personId: string): Promise<{ email: string | null; phone: string | null } | null> {
  const database = await db();
  const [row] = await database.select({ email: persons.email, phone: persons.phone }).from(persons).where(eq(persons.id, personId));
  return row ?? null;
}
