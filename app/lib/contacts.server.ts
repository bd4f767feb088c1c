import { eq, sql } from "drizzle-orm";
import { db } from "../../db/client";
import { nestedRow, preparedTogether, type Bound, type Nested } from "../../db/nested";
import { participantContacts, persons, professionals } from "../../db/schema/people";

export interface CaseworkerContact {
  name: string;
  phone: string | null;
  email: string | null;
  reachableText: string | null;
}

/**
 * The participant's coordinating caseworker, or null: the contact the caseworker side counts as hers
 * (a primary one first, then the latest `since`, then the lowest id: migration 0046), so that "Min
 * sagsbehandler" is the one whose list she is on. One statement, built once.
 */
export function coordinatingCaseworkerPiece(participantId: Bound<string>): Nested<CaseworkerContact | null> {
  return nestedRow(
    { name: professionals.name, phone: professionals.phone, email: professionals.email, reachableText: professionals.reachableText },
    sql`from ${participantContacts} join ${professionals} on ${professionals.id} = ${participantContacts.professionalId}
      where ${participantContacts.participantId} = ${participantId} and ${participantContacts.role} = 'koordinerende_sagsbehandler'`,
    sql`${participantContacts.isPrimary} desc, coalesce(${participantContacts.since}, '-infinity'::date) desc, ${participantContacts.professionalId}`,
  );
}

const readCoordinatingCaseworker = preparedTogether(["participantId"], (values) => ({ caseworker: coordinatingCaseworkerPiece(values.participantId) }));

export async function getCoordinatingCaseworker(participantId: string): Promise<CaseworkerContact | null> {
  return (await readCoordinatingCaseworker({ participantId })).caseworker;
}

/** The signed-in person's own e-mail and phone, as the municipality has them (forms start from them). */
export async function personContact(personId: string): Promise<{ email: string | null; phone: string | null } | null> {
  const database = await db();
  const [row] = await database.select({ email: persons.email, phone: persons.phone }).from(persons).where(eq(persons.id, personId));
  return row ?? null;
}
