import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { rowsOf } from "../../../db/client";
import { participantContacts, participants, professionals } from "../../../db/schema";
import { createTestDatabase, type TestDatabase } from "../../support/db";

// Each participant keeps its coordinating caseworker's contact (migration 0046), kept by triggers on
// participant_contacts, and the caseworker views, her caseload and her messages' row-level security
// read it. Whatever is written to the contacts, the kept one must be the rule's (migration 0031): a
// primary contact before one that is not, then the latest `since` (none counts as earliest), then
// the lowest professional id. The rule is worked out here again, in JavaScript, from the contacts.

let database: TestDatabase;
const caseworkers: BuiltCaseworker[] = [];
let first: BuiltParticipant;
let second: BuiltParticipant;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  for (let n = 0; n < 4; n++) caseworkers.push(await aCaseworker().build(database.db));
  first = await aParticipant().build(database.db);
  second = await aParticipant().build(database.db);
});

afterAll(() => database.dispose());

type Contact = { professionalId: string; isPrimary: boolean; since: string | null; role: (typeof participantContacts.$inferSelect)["role"] };

function winnerByRule(contacts: Contact[]): string | null {
  const coordinating = contacts.filter((contact) => contact.role === "koordinerende_sagsbehandler");
  coordinating.sort(
    (a, b) =>
      Number(b.isPrimary) - Number(a.isPrimary) ||
      (b.since ?? "").localeCompare(a.since ?? "") ||
      (a.professionalId < b.professionalId ? -1 : a.professionalId > b.professionalId ? 1 : 0),
  );
  return coordinating[0]?.professionalId ?? null;
}

/** The kept contact and what the view says, next to the rule's answer, for both participants. */
async function expectKeptByRule() {
  for (const participant of [first, second]) {
    const contacts = await database.db
      .select({ professionalId: participantContacts.professionalId, isPrimary: participantContacts.isPrimary, since: participantContacts.since, role: participantContacts.role })
      .from(participantContacts)
      .where(eq(participantContacts.participantId, participant.participantId));
    const wanted = winnerByRule(contacts);
    const [kept] = await database.db
      .select({ id: participants.coordinatingProfessionalId })
      .from(participants)
      .where(eq(participants.id, participant.participantId));
    expect(kept?.id ?? null, "the kept contact").toBe(wanted);
    const [shown] = rowsOf<{ professional: string | null; person: string | null; since: string | null }>(
      await database.db.execute(sql`select coordinating_caseworker_professional_id as professional, coordinating_caseworker_person_id as person,
        coordinating_caseworker_since::text as since from caseworker.participants where participant_id = ${participant.participantId}`),
    );
    expect(shown?.professional ?? null, "the view's caseworker").toBe(wanted);
    const winner = caseworkers.find((caseworker) => caseworker.professionalId === wanted);
    expect(shown?.person ?? null).toBe(winner?.personId ?? null);
    expect(shown?.since ?? null).toBe(contacts.find((contact) => contact.professionalId === wanted && contact.role === "koordinerende_sagsbehandler")?.since ?? null);
  }
}

/** What the signed-in caseworker's own functions say (her caseload, and "do I coordinate this one"). */
async function asCaseworker(caseworker: BuiltCaseworker, participantId: string) {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('minvej.person_id', ${caseworker.personId}, true)`);
    const caseload = rowsOf<{ id: string }>(await tx.execute(sql`select portal.my_coordinated_participants() as id`)).map((row) => row.id);
    const [coordinates] = rowsOf<{ yes: boolean }>(await tx.execute(sql`select portal.coordinates_participant(${participantId}) as yes`));
    return { inCaseload: caseload.includes(participantId), coordinates: coordinates!.yes };
  });
}

const contactOf = (participant: BuiltParticipant, caseworker: BuiltCaseworker, more: Partial<Contact> = {}) => ({
  participantId: participant.participantId,
  professionalId: caseworker.professionalId,
  role: "koordinerende_sagsbehandler" as const,
  isPrimary: false,
  since: null as string | null,
  ...more,
});

const where = (participant: BuiltParticipant, caseworker: BuiltCaseworker) =>
  and(eq(participantContacts.participantId, participant.participantId), eq(participantContacts.professionalId, caseworker.professionalId));

describe("the coordinating caseworker each participant keeps", () => {
  it("follows the rule through inserts, updates and deletes of contacts", async () => {
    const [a, b, c, d] = caseworkers as [BuiltCaseworker, BuiltCaseworker, BuiltCaseworker, BuiltCaseworker];
    await expectKeptByRule(); // none yet

    // Two participants in one statement: each gets its own.
    await database.db.insert(participantContacts).values([contactOf(first, a, { since: "2024-01-01" }), contactOf(second, b)]);
    await expectKeptByRule();
    await database.db.insert(participantContacts).values(contactOf(first, b, { since: "2025-01-01" })); // a later one wins
    await expectKeptByRule();
    await database.db.insert(participantContacts).values(contactOf(first, c)); // no date, not primary: loses
    await expectKeptByRule();
    await database.db.update(participantContacts).set({ isPrimary: true }).where(where(first, c)); // primary wins
    await expectKeptByRule();
    await database.db.update(participantContacts).set({ isPrimary: false }).where(where(first, c));
    await expectKeptByRule();
    // A tie on both: the lowest professional id.
    await database.db.insert(participantContacts).values(contactOf(first, d, { since: "2025-01-01" }));
    await expectKeptByRule();
    // A role changed away from coordinating, and back.
    await database.db.update(participantContacts).set({ role: "mentor" }).where(where(first, b));
    await expectKeptByRule();
    await database.db.update(participantContacts).set({ role: "koordinerende_sagsbehandler" }).where(where(first, b));
    await expectKeptByRule();
    // A contact moved to the other participant.
    await database.db.update(participantContacts).set({ participantId: second.participantId }).where(where(first, d));
    await expectKeptByRule();
    await database.db.delete(participantContacts).where(where(first, b));
    await expectKeptByRule();
    // A professional removed: their contacts go (cascade), and the next one takes over.
    const kept = winnerByRule(await database.db.select().from(participantContacts).where(eq(participantContacts.participantId, first.participantId)));
    await database.db.delete(professionals).where(eq(professionals.id, kept!));
    await expectKeptByRule();
    await database.db.delete(participantContacts).where(inArray(participantContacts.participantId, [first.participantId, second.participantId]));
    await expectKeptByRule();
  });

  it("is what her caseload and her messages' row-level security read", async () => {
    const [, , c, d] = caseworkers as [BuiltCaseworker, BuiltCaseworker, BuiltCaseworker, BuiltCaseworker];
    await database.db.insert(participantContacts).values([contactOf(second, c, { isPrimary: true }), contactOf(second, d, { since: "2026-01-01" })]);
    expect(await asCaseworker(c, second.participantId)).toEqual({ inCaseload: true, coordinates: true });
    expect(await asCaseworker(d, second.participantId)).toEqual({ inCaseload: false, coordinates: false });
    await database.db.update(participantContacts).set({ isPrimary: false }).where(where(second, c));
    expect(await asCaseworker(c, second.participantId)).toEqual({ inCaseload: false, coordinates: false });
    expect(await asCaseworker(d, second.participantId)).toEqual({ inCaseload: true, coordinates: true });
  });
});
