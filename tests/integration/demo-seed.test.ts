import { readFileSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant, DEMO_MUNICIPALITY_NAMES } from "../../db/builders";
import {
  activities,
  agreements,
  appointmentAttendees,
  appointments,
  identities,
  networkPeople,
  participantContacts,
  participants,
  persons,
  plans,
  preparationParts,
  professionals,
  subGoals,
} from "../../db/schema";
import { ANDERS_KOMMUNE_SUBJECT, seedDemoData } from "../../db/seed-data";
import { testCitizens } from "~/features/account/nemlogin/test-idp.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

// The demo must be true in December 2026 (issue 19): a ressourceforløb started before the reform
// (nobody new starts one since 2026), a person under the new rules in the municipality without a
// rehabiliteringsteam, and "jobcenter" only where a municipality configured that name.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const demoFile = JSON.parse(readFileSync("config/municipalities.demo.json", "utf8")) as {
  municipalities: { id: string; name: string; unitName?: string; rehabiliteringsteam: boolean; contact: { address: string } }[];
};
const municipalityNamed = (id: string) => demoFile.municipalities.find((entry) => entry.id === id)!;

async function participantOf(demoKey: string) {
  const [row] = await database.db
    .select({ participant: participants, person: persons })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(persons.demoKey, demoKey));
  return row!;
}

async function meetingsOf(participantId: string) {
  return database.db.select().from(appointments).where(eq(appointments.participantId, participantId));
}

/** Everything a participant reads in the demo's words: plan, meetings, attendees, contacts, network. */
async function citizenTexts(participantId: string): Promise<string> {
  const [plan] = await database.db.select().from(plans).where(eq(plans.participantId, participantId));
  const meetings = await meetingsOf(participantId);
  const meetingIds = meetings.map((meeting) => meeting.id);
  const rows = [
    plan,
    ...(plan ? await database.db.select().from(subGoals).where(eq(subGoals.planId, plan.id)) : []),
    ...(plan ? await database.db.select().from(activities).where(eq(activities.planId, plan.id)) : []),
    ...(plan ? await database.db.select().from(agreements).where(eq(agreements.planId, plan.id)) : []),
    ...meetings,
    ...(meetingIds.length ? await database.db.select().from(appointmentAttendees).where(inArray(appointmentAttendees.appointmentId, meetingIds)) : []),
    ...(await database.db
      .select({ organisation: professionals.organisation, reachable: professionals.reachableText })
      .from(participantContacts)
      .innerJoin(professionals, eq(professionals.id, participantContacts.professionalId))
      .where(eq(participantContacts.participantId, participantId))),
    ...(await database.db.select().from(networkPeople).where(eq(networkPeople.participantId, participantId))),
  ];
  return JSON.stringify(rows);
}

describe("the demo seed in December 2026 (issue 19)", () => {
  it("gives Mette a ressourceforløb in Solbjerg that started before the reform and lasts at most 3 years", async () => {
    const { participant } = await participantOf("mette");
    expect(participant).toMatchObject({ programme: "ressourceforloeb", municipalityKey: "solbjerg", municipality: "Solbjerg Kommune" });
    expect(participant.startedOn! < "2026-02-01").toBe(true);
    expect(participant.startedOn).toBe("2025-11-03");
    expect(participant.expectedEndOn).toBe("2028-11-02");
    // Her meetings are still ahead of her, with Solbjerg's team among them.
    const meetings = await meetingsOf(participant.id);
    expect(meetings.some((meeting) => meeting.kind === "rehabiliteringsteam" && meeting.startsAt > new Date())).toBe(true);
    expect(municipalityNamed("solbjerg").rehabiliteringsteam).toBe(true);
  });

  it("gives Nanna a kontaktforløb in Fjordby under the new rules: a samlet beskrivelse, no team meeting, no preparation", async () => {
    const { participant, person } = await participantOf("nanna");
    expect(participant).toMatchObject({ programme: "kontaktforloeb", municipalityKey: "fjordby", municipality: "Fjordby Kommune" });
    expect(participant.startedOn! >= "2026-07-01").toBe(true);
    expect(person).toMatchObject({ preferredLanguage: "da", isCaseworker: false });
    expect(person.phone).toMatch(/^\+45 11/);
    expect(person.cpr).toMatch(/^\d{6}999\d$/);

    const meetings = await meetingsOf(participant.id);
    expect(meetings.map((meeting) => meeting.kind).sort()).toEqual(["samlet_beskrivelse", "samtale"]);
    const description = meetings.find((meeting) => meeting.kind === "samlet_beskrivelse")!;
    expect(description.address).toBe(municipalityNamed("fjordby").contact.address);
    expect(description.startsAt > new Date()).toBe(true);
    // The sundhedskoordinator may advise; the citizen is not promised a meeting with them.
    expect(description.purpose).toMatch(/sundhedskoordinator[^.]* kan /);
    const attendees = await database.db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, description.id));
    expect(attendees.map((attendee) => attendee.roleText).join(" ")).not.toMatch(/sundhedskoordinator/i);
    expect(municipalityNamed("fjordby").rehabiliteringsteam).toBe(false);

    expect(await database.db.select().from(preparationParts).where(eq(preparationParts.participantId, participant.id))).toEqual([]);
    const [plan] = await database.db.select().from(plans).where(eq(plans.participantId, participant.id));
    expect(plan).toBeDefined();
    const planAgreements = await database.db.select().from(agreements).where(eq(agreements.planId, plan!.id));
    // An agreement someone else carries out names them; her own are written to "du".
    for (const { text, ownerText } of planAgreements) {
      if (ownerText !== "Du") expect(text.startsWith(`${ownerText} `), text).toBe(true);
    }
  });

  it("gives Nanna a Fjordby caseworker, Anders, who signs in at the municipality's login", async () => {
    const { participant } = await participantOf("nanna");
    const [contact] = await database.db
      .select({ personId: professionals.personId, organisation: professionals.organisation })
      .from(participantContacts)
      .innerJoin(professionals, eq(professionals.id, participantContacts.professionalId))
      .where(and(eq(participantContacts.participantId, participant.id), eq(participantContacts.role, "koordinerende_sagsbehandler")));
    expect(contact!.organisation).toMatch(/^Fjordby Kommune/);
    const [anders] = await database.db.select().from(persons).where(eq(persons.id, contact!.personId!));
    expect(anders).toMatchObject({ demoKey: "anders", isCaseworker: true });
    const [bound] = await database.db
      .select({ subject: identities.subject })
      .from(identities)
      .where(and(eq(identities.personId, anders!.id), eq(identities.provider, "kommune")));
    expect(bound!.subject).toBe(ANDERS_KOMMUNE_SUBJECT);
  });

  it("says »jobcenter« only in Solbjerg, which configured the name, and only as that name", async () => {
    for (const demoKey of ["mette", "ali", "nanna"]) {
      const { participant } = await participantOf(demoKey);
      const unitName = municipalityNamed(participant.municipalityKey!).unitName;
      const texts = (await citizenTexts(participant.id)).replaceAll(unitName ?? "\u0000", "");
      expect(texts, demoKey).not.toMatch(/jobcent/i);
      expect(participant.municipality).toBe(municipalityNamed(participant.municipalityKey!).name);
    }
  });

  it("lets Test-MitID sign in as each demo citizen by the seeded CPR number", async () => {
    const seeded = await database.db.select({ key: persons.demoKey, cpr: persons.cpr }).from(persons).where(inArray(persons.demoKey, ["mette", "ali", "nanna", "jonas"]));
    const offered = testCitizens();
    for (const { key, cpr } of seeded) expect(offered.find((citizen) => citizen.key === key)?.cpr, key!).toBe(cpr);
  });

  it("never starts Nanna before the new rules, whenever the demo is seeded", async () => {
    const early = await createTestDatabase({ seed: false });
    try {
      await seedDemoData(early.db, new Date("2026-08-10T09:00:00Z"));
      const [row] = await early.db
        .select({ startedOn: participants.startedOn })
        .from(participants)
        .innerJoin(persons, eq(persons.id, participants.personId))
        .where(eq(persons.demoKey, "nanna"));
      expect(row!.startedOn! >= "2026-07-01").toBe(true);
    } finally {
      await early.dispose();
    }
  });
});

describe("the builders make people under either rules", () => {
  it("builds a kontaktforløb in Fjordby from the municipality's key alone", async () => {
    const built = await aParticipant({ participant: { programme: "kontaktforloeb", municipalityKey: "fjordby" } }).build(database.db);
    const [row] = await database.db.select().from(participants).where(eq(participants.id, built.participantId));
    expect(row).toMatchObject({ programme: "kontaktforloeb", municipalityKey: "fjordby", municipality: "Fjordby Kommune" });
    expect(row!.startedOn! >= "2026-07-01").toBe(true);
  });

  it("starts a ressourceforløb before the reform unless told otherwise", async () => {
    const built = await aParticipant().build(database.db);
    const [row] = await database.db.select().from(participants).where(eq(participants.id, built.participantId));
    expect(row).toMatchObject({ programme: "ressourceforloeb", municipality: "Solbjerg Kommune" });
    expect(row!.startedOn! < "2026-02-01").toBe(true);
  });

  it("knows the demo municipalities' names as the configuration file has them", () => {
    expect(DEMO_MUNICIPALITY_NAMES).toEqual(Object.fromEntries(demoFile.municipalities.map((entry) => [entry.id, entry.name])));
  });
});
