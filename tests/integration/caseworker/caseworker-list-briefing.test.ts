import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absenceNotices, appointmentPreparations, appointments, participants, persons, preparationParts } from "../../../db/schema";
import { setSharing } from "~/features/network/commands.server";
import { savePart, shareParts } from "~/features/preparation/commands.server";
import { getBriefing, listMyParticipants } from "~/features/caseworker/queries.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";

// The list (/sagsbehandler) reads all of a page's participants in one statement (issue 21); each
// card must say what that participant's briefing says in full. On the demo people (Sara's Mette
// and Ali: meetings, shared preparation, CV and network, questions).

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe("each card of Sara's list agrees with the participant's briefing", () => {
  it("next meeting, what is shared and when, 'cannot come' messages and plan questions", async () => {
    const [sara] = await database.db.select({ id: persons.id }).from(persons).where(eq(persons.demoKey, "sara"));
    // Mette shares a preparation part and her network first.
    const [mette] = await database.db
      .select({ personId: persons.id, participantId: participants.id })
      .from(persons)
      .innerJoin(participants, eq(participants.personId, persons.id))
      .where(eq(persons.demoKey, "mette"));
    const saved = await savePart(mette!, "challenges", { version: 0, done: "yes", answers: { work: "Jeg bliver træt efter to timer.", social: "", health: "" } });
    expect(saved.status).toBe("saved");
    const [challenges] = await database.db
      .select({ version: preparationParts.version })
      .from(preparationParts)
      .where(and(eq(preparationParts.participantId, mette!.participantId), eq(preparationParts.part, "challenges")));
    expect((await shareParts(mette!, ["challenges"], { challenges: challenges!.version }, new Date("2026-11-20T09:30:00Z"))).status).toBe("shared");
    await setSharing(mette!, true, false);
    const now = new Date();
    const cards = await listMyParticipants(sara!.id, now);
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(cards.some((card) => card.shared.preparationParts > 0)).toBe(true);
    for (const card of cards) {
      const briefing = (await getBriefing(sara!.id, card.participantId, now))!;
      expect(briefing, card.name).not.toBeNull();
      expect(card.nextMeeting?.id ?? null, card.name).toBe(briefing.nextMeeting?.id ?? null);
      expect(card.shared.preparationParts, card.name).toBe(briefing.preparation.length);
      const latestShare = briefing.preparation.reduce<number | null>((found, part) => Math.max(found ?? 0, part.sharedAt.getTime()), null);
      expect(card.shared.preparationLatestAt?.getTime() ?? null, card.name).toBe(latestShare);
      expect(card.shared.cvSharedAt?.getTime() ?? null, card.name).toBe(briefing.cv?.sharedAt.getTime() ?? null);
      expect(card.shared.networkSharedAt?.getTime() ?? null, card.name).toBe(briefing.network?.sharedAt.getTime() ?? null);
      expect(card.absenceRequests, card.name).toBe(briefing.absenceRequests.length);
      const currentQuestions = briefing.plan ? briefing.plan.questions.filter((question) => question.planVersion === briefing.plan!.version).length : 0;
      expect(card.planQuestions, card.name).toBe(currentQuestions);
      expect(card.hasQuestionsForNextMeeting, card.name).toBe(Boolean(briefing.nextMeeting?.questions || briefing.nextMeeting?.notes));
    }
  });

  it("counts 'cannot come' over every meeting ahead, not past ones, and blank notes are no questions", async () => {
    const [sara] = await database.db.select({ id: persons.id }).from(persons).where(eq(persons.demoKey, "sara"));
    const [mette] = await database.db
      .select({ participantId: participants.id })
      .from(persons)
      .innerJoin(participants, eq(participants.personId, persons.id))
      .where(eq(persons.demoKey, "mette"));
    const now = new Date();
    const mine = eq(appointments.participantId, mette!.participantId);
    const ahead = await database.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(mine, gt(appointments.endsAt, now), inArray(appointments.status, ["planned", "moved"])))
      .orderBy(asc(appointments.startsAt));
    const [past] = await database.db.select({ id: appointments.id }).from(appointments).where(and(mine, lt(appointments.endsAt, now)));
    expect(ahead.length, "Mette has two meetings ahead in the demo").toBeGreaterThanOrEqual(2);
    expect(past, "and one behind her").toBeDefined();
    const [next, later] = ahead;
    const cardOf = async () => (await listMyParticipants(sara!.id, now)).find((card) => card.participantId === mette!.participantId)!;
    const before = await cardOf();

    // A notice for a meeting after the next one counts on the card; one for a past meeting does not.
    await database.db.insert(absenceNotices).values([
      { appointmentId: later!.id, reason: "Jeg er til kontrol på sygehuset" },
      { appointmentId: past!.id, reason: "Jeg var syg" },
    ]);
    // Notes of only spaces, line breaks and the spaces a phone or a word processor pastes (no-break,
    // em, zero-width no-break) are nothing to read before the meeting: the briefing trims them away.
    const blankNotes = "  \n\t \u00a0\u2003\ufeff";
    expect(blankNotes.trim()).toBe("");
    await database.db
      .insert(appointmentPreparations)
      .values({ appointmentId: next!.id, notes: blankNotes, questions: null })
      .onConflictDoUpdate({ target: appointmentPreparations.appointmentId, set: { notes: blankNotes, questions: null } });
    const blank = await cardOf();
    expect(blank.nextMeeting?.id).toBe(next!.id);
    expect(blank.absenceRequests).toBe(before.absenceRequests + 1);
    expect(blank.hasQuestionsForNextMeeting).toBe(false);
    const briefing = (await getBriefing(sara!.id, mette!.participantId, now))!;
    expect(blank.absenceRequests).toBe(briefing.absenceRequests.length);
    expect(briefing.nextMeeting?.notes ?? null).toBeNull();

    await database.db.update(appointmentPreparations).set({ questions: "Hvem kommer til mødet?" }).where(eq(appointmentPreparations.appointmentId, next!.id));
    expect((await cardOf()).hasQuestionsForNextMeeting).toBe(true);
  });
});
