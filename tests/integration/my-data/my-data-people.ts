import { sql } from "drizzle-orm";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker, type BuiltParticipant, type BuiltPerson, type Executor } from "../../../db/builders";
import {
  absenceNotices,
  appointmentPreparations,
  energyDiaryEntries,
  messageDrafts,
  networkSnapshots,
  ownGoalVersions,
  preparationComments,
  preparationParts,
  preparationShares,
  progressAnswerSets,
  progressSettings,
  progressSigns,
  subGoalUpdates,
  subGoals,
  taskSuggestions,
  cvProfiles,
} from "../../../db/schema";

/**
 * A participant with something in every part of "Mine data" (issue 22), each text carrying
 * `marker` so a test can find it in the export, and say whose it is. Built with the builders;
 * what they do not cover is added with `then`.
 */
export async function aParticipantWithEverything(
  executor: Executor,
  marker: string,
  people: { caseworker: BuiltCaseworker; relative?: BuiltPerson },
  person: { firstName: string; lastName: string },
): Promise<BuiltParticipant> {
  const now = Date.now();
  let builder = aParticipant({ person: { ...person, phone: "+45 12 34 56 78" } })
    .withCaseworker(people.caseworker, "2025-11-03")
    .withPlan({
      employmentGoal: `Job med faste opgaver ${marker}`,
      ownGoal: `Mit eget mål ${marker}`,
      nextStep: `Næste skridt ${marker}`,
      version: 2,
      versions: [{ version: 1, snapshot: { employmentGoal: `Gammel plan ${marker}` }, changeSummary: `Første version ${marker}`, changedByName: "Sara" }],
      visit: { lastSeenVersion: 1 },
      subGoals: [{ title: `Delmål ${marker}`, status: "in_progress", participantStatus: "reached", participantComment: `Det gik godt ${marker}` }],
      activities: [{ kind: "mentor", title: `Mentor ${marker}`, purpose: "Hjælp om morgenen", hoursPerWeek: "2.5" }],
      agreements: [{ text: `Aftale ${marker}`, ownerText: "Du" }],
    })
    .withAppointment({ title: `Samtale ${marker}`, attendees: [{ name: "Sara Nielsen", roleText: "Din sagsbehandler" }] })
    .withCv({
      profile: { summary: `Kort om mig ${marker}`, address: "Solbjerg" },
      entries: [
        { kind: "work", title: `Lagermedarbejder ${marker}`, organisation: "Lageret", fromText: "2019", toText: "2022" },
        { kind: "skill", title: `Slettet kompetence ${marker}`, deletedAt: new Date(now - 86_400_000) },
      ],
      wishes: { fields: [`Butik ${marker}`], hoursPerWeek: 10, hoursPerWeekMax: 15, accommodations: `Pauser ${marker}` },
    })
    .withNetwork([
      { name: `Søster ${marker}`, relation: "Søster", sector: "family", closeness: "close", stance: "helps", note: `Privat note ${marker}` },
      { name: `Nabo ${marker}`, sector: "friends", closeness: "further", stance: "holds_back" },
    ])
    .withPreparation([
      { part: "resources", status: "in_progress", answers: { energy: `Gåture giver energi ${marker}` } },
      {
        part: "questions",
        status: "done",
        answers: { questions: `Delt spørgsmål ${marker}` },
        sharedAt: new Date(now - 3_600_000),
        sharedVersion: 1,
        sharedAnswers: { questions: `Delt spørgsmål ${marker}` },
      },
    ])
    .withNotificationSettings({ byEmail: true, email: `${marker.toLowerCase()}@example.org` })
    .withConversation({
      topic: "general",
      subject: `Spørgsmål ${marker}`,
      messages: [
        { authorRole: "participant", authorName: person.firstName, body: `Hej Sara ${marker}`, createdAt: new Date(now - 7_200_000) },
        { authorRole: "caseworker", authorName: "Sara Nielsen", body: `Hej igen ${marker}`, createdAt: new Date(now - 3_600_000) },
      ],
    });
  if (people.relative) builder = builder.withRelative(people.relative, { scopes: ["plan", "preparation", "messages"], mayComment: true, mayWriteMessages: true });
  return builder
    .then(async (tx, built) => {
      const [goal] = (await tx.select({ id: subGoals.id }).from(subGoals).where(sql`${subGoals.planId} = ${built.planId!}`)) as { id: string }[];
      await tx.insert(subGoalUpdates).values({ subGoalId: goal!.id, authorPersonId: built.personId, status: "reached", comment: `Det gik godt ${marker}` });
      await tx.insert(ownGoalVersions).values({ planId: built.planId!, version: 1, text: `Mit eget mål ${marker}`, authorPersonId: built.personId, authorRole: "participant" });
      await tx.insert(appointmentPreparations).values({ appointmentId: built.appointmentIds[0]!, notes: `Mine noter ${marker}`, questions: `Mit spørgsmål ${marker}` });
      await tx.insert(absenceNotices).values({ appointmentId: built.appointmentIds[0]!, reason: `Jeg er syg ${marker}` });
      await tx.insert(networkSnapshots).values({ participantId: built.participantId, label: `Kort fra marts ${marker}`, people: [{ name: `Søster ${marker}` }] });
      await tx.insert(taskSuggestions).values({ participantId: built.participantId, text: `Sortere varer ${marker}` });
      await tx.update(cvProfiles).set({ sharedAt: new Date(now - 86_400_000), sharedSnapshot: { summary: `Delt CV ${marker}` } }).where(sql`${cvProfiles.participantId} = ${built.participantId}`);
      const parts = (await tx.select({ id: preparationParts.id, part: preparationParts.part }).from(preparationParts).where(sql`${preparationParts.participantId} = ${built.participantId}`)) as {
        id: string;
        part: string;
      }[];
      const shared = parts.find((part) => part.part === "questions")!;
      const draft = parts.find((part) => part.part === "resources")!;
      await tx.insert(preparationShares).values({ preparationPartId: shared.id, participantId: built.participantId, part: "questions", version: 1, answers: { questions: `Delt spørgsmål ${marker}` } });
      if (people.relative) {
        await tx.insert(preparationComments).values({ preparationPartId: draft.id, authorPersonId: people.relative.personId, body: `Bemærkning fra pårørende ${marker}` });
        await tx.insert(preparationComments).values({ preparationPartId: shared.id, authorPersonId: people.relative.personId, body: `Delt bemærkning ${marker}`, includeWhenShared: true });
      }
      await tx.insert(messageDrafts).values({ personId: built.personId, draftKey: "new", participantId: built.participantId, subject: "Kladde", body: `Min kladde ${marker}` });
      await tx.insert(progressAnswerSets).values([
        { participantId: built.participantId, month: "2026-10-01", energy: "hard", energyNote: `Delt måned ${marker}`, sharedAt: new Date(now - 86_400_000) },
        { participantId: built.participantId, month: "2026-11-01", sleep: "mixed", sleepNote: `Privat måned ${marker}` },
      ]);
      await tx.insert(progressSettings).values({ participantId: built.participantId, reminderDay: 12 });
      await tx.insert(energyDiaryEntries).values([
        { participantId: built.participantId, day: "2026-12-03", energy: "some", activities: ["walk"], note: `Dagbog ${marker}` },
        { participantId: built.participantId, day: "2026-12-04", energy: "little" },
      ]);
      await tx.insert(progressSigns).values({ participantId: built.participantId, warningSigns: [`Jeg sover dårligt ${marker}`], strategies: [`Gå en tur ${marker}`], sharedAt: new Date(now - 3_600_000) });
    })
    .build(executor);
}

export async function theCast(executor: Executor) {
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(executor);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(executor);
  return { sara, jonas };
}
