import { aCaseworker, aParticipant, insertProfessional, type BuiltParticipant, type PlanInput } from "../../../db/builders";
import { eq } from "drizzle-orm";
import { subGoals } from "../../../db/schema/plan";
import type { TestDatabase } from "../../support/db";
import { cookieFor } from "../../support/requests";

// The people the plan's tests read: built per test with db/builders.ts (never the demo seed), with
// the values the tests assert on. A plan like Mette's (three versions, read up to version 2) and
// one like Ali's (a first version in Danish, his own goal in English, never read).

export interface PlanPerson extends BuiltParticipant {
  planId: string;
  cookie: string;
}

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY);
const day = (days: number) => at(days).toISOString().slice(0, 10);

export const METTE = {
  employmentGoal: "Job i en mindre butik eller på et lager med faste opgaver, 15-20 timer om ugen",
  ownGoal:
    "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren og føler, jeg bidrager. " +
    "Jeg vil gerne arbejde med noget praktisk, hvor jeg kan tage pauser.",
  firstOwnGoal: "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren.",
  subGoals: {
    morning: "Komme op og ud af døren tre morgener om ugen",
    energy: "Lære at styre min energi med hjælp fra smerteskolen",
    internship: "Prøve 8 timer om ugen i virksomhedspraktik",
  },
};

/** A coordinating caseworker (Sara Nielsen, who can be reached) and the three others on a team. */
async function aTeam(database: TestDatabase) {
  const sara = await aCaseworker({
    person: { firstName: "Sara", lastName: "Nielsen" },
    professional: { organisation: "Jobcenter Solbjerg", phone: "+45 11 22 30 11", reachableText: "Mandag til torsdag kl. 9-12." },
  }).build(database.db);
  const other = (name: string, role: "mentor" | "forberedende_sagsbehandler" | "virksomhedskonsulent", phone: string) =>
    insertProfessional(database.db, { name, role, phone, reachableText: "Hverdage kl. 9-14." });
  return {
    sara,
    lars: await other("Lars Mikkelsen", "mentor", "+45 11 22 30 24"),
    maria: await other("Maria Andersen", "forberedende_sagsbehandler", "+45 11 22 30 17"),
    peter: await other("Peter Holm", "virksomhedskonsulent", "+45 11 22 30 35"),
  };
}

/**
 * A participant with a plan like Mette's: version 3 by Sara Nielsen, earlier versions 1 and 2 kept
 * (version 1 without agreements), last read at version 2; three sub-goals, activities and
 * agreements, four contacts, and a conversation with Sara in three days.
 */
export async function aPlanLikeMettes(database: TestDatabase): Promise<PlanPerson> {
  const team = await aTeam(database);
  const { morning, energy, internship } = METTE.subGoals;
  const v1At = at(-120);
  const v2At = at(-49);
  const v3At = at(-21);
  const oldEmploymentGoal = "Job i en butik eller på et lager med faste opgaver, få timer om ugen";
  const plan: PlanInput = {
    employmentGoal: METTE.employmentGoal,
    ownGoal: METTE.ownGoal,
    ownGoalUpdatedAt: v2At,
    version: 3,
    nextStep: "Du og Sara taler om praktikken i genbrugsbutikken, og om hvor mange timer du vil starte med.",
    updatedAt: v3At,
    updatedByName: "Sara Nielsen",
    versions: [
      {
        version: 1,
        snapshot: {
          employmentGoal: oldEmploymentGoal,
          ownGoal: METTE.firstOwnGoal,
          subGoals: [
            { title: morning, status: "in_progress" },
            { title: energy, status: "not_started" },
          ],
          activities: [
            { title: "Mentor", status: "active" },
            { title: "Smerteskolen", status: "planned" },
          ],
        },
        changeSummary: "Første udgave af din plan, skrevet sammen med dig ved vores første samtale.",
        changedByName: "Sara Nielsen",
        createdAt: v1At,
      },
      {
        version: 2,
        snapshot: {
          employmentGoal: oldEmploymentGoal,
          ownGoal: METTE.ownGoal,
          subGoals: [
            { title: morning, status: "reached" },
            { title: energy, status: "in_progress" },
          ],
          activities: [
            { title: "Mentor", status: "active" },
            { title: "Smerteskolen", status: "active" },
          ],
        },
        changeSummary: "Du har nået delmålet om at komme ud af døren om morgenen. Smerteskolen er startet.",
        changedByName: "Sara Nielsen",
        createdAt: v2At,
      },
    ],
    visit: { lastSeenVersion: 2, lastSeenAt: at(-45) },
    subGoals: [
      {
        title: morning,
        description: "En fast rytme om morgenen giver overskud til resten af dagen.",
        status: "reached",
        helperText: "Lars ringede dig op om morgenen de første uger. Nu klarer du det selv.",
        dueOn: day(-56),
        updatedAt: v2At,
      },
      {
        title: energy,
        description: "At kende dine signaler, så du kan holde en pause, før smerterne tager over.",
        status: "in_progress",
        helperText: "Smerteskolen én formiddag om ugen. Tag gerne energidagbogen fra kurset med til samtalerne med Sara.",
        dueOn: day(21),
        updatedAt: v2At,
      },
      {
        title: internship,
        description: "At mærke, hvordan det er at have faste opgaver på en arbejdsplads igen, i dit eget tempo.",
        status: "not_started",
        helperText: "Peter finder stedet sammen med dig, og Lars tager med den første dag.",
        dueOn: day(120),
        updatedAt: v3At,
      },
    ],
    activities: [
      {
        kind: "mentor",
        title: "Mentor",
        purpose: "Lars hjælper dig med de praktiske ting, fx at komme af sted om morgenen og finde vej til nye steder.",
        responsibleName: "Lars Mikkelsen, mentor",
        place: "Hvor det passer dig bedst, ofte på Café Kornet eller i telefonen",
        startsOn: day(-110),
        endsOn: day(60),
        hoursPerWeek: "2",
        status: "active",
      },
      {
        kind: "kursus",
        title: "Smerteskolen",
        purpose: "Du lærer om smerter, og om hvordan du kan fordele dine kræfter over dagen, sammen med andre.",
        responsibleName: "Pia Lund, fysioterapeut, Sundhedscenter Solbjerg",
        place: "Sundhedscenter Solbjerg, Parkvej 3, 4999 Solbjerg",
        startsOn: day(-56),
        endsOn: day(21),
        hoursPerWeek: "3",
        status: "active",
      },
      {
        kind: "virksomhedspraktik",
        title: "Virksomhedspraktik i Genbrugsbutikken Anden Chance",
        purpose:
          "Du prøver faste, praktiske opgaver som at sortere tøj og sætte varer på plads, med pauser, når du " +
          "har brug for det. Praktikken er ulønnet, og du får din ressourceforløbsydelse som nu.",
        responsibleName: "Peter Holm, virksomhedskonsulent",
        place: "Genbrugsbutikken Anden Chance, Algade 31, 4999 Solbjerg",
        startsOn: day(35),
        endsOn: day(126),
        hoursPerWeek: "8",
        status: "being_arranged",
      },
    ],
    agreements: [
      {
        text: "Tænk over, hvilke dage og tidspunkter der passer dig bedst til praktikken.",
        ownerText: "Du",
        dueOn: day(3),
        createdAt: v3At,
      },
      {
        text: "Sara beder smerteskolen om en kort status til mødet med rehabiliteringsteamet.",
        ownerText: "Sara",
        dueOn: day(10),
        createdAt: v3At,
      },
      {
        text: "Lars tager bussen med dig ud til genbrugsbutikken, så du kender vejen, før praktikken starter.",
        ownerText: "Lars",
        dueOn: day(5),
        createdAt: v3At,
      },
    ],
  };
  const built = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(team.sara, day(-120))
    .withContact({ professionalId: team.lars, role: "mentor", since: day(-113) })
    .withContact({ professionalId: team.maria, role: "forberedende_sagsbehandler", since: day(-180) })
    .withContact({ professionalId: team.peter, role: "virksomhedskonsulent", since: day(-21) })
    .withPlan(plan)
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", startsAt: at(3) })
    .build(database.db);
  return { ...built, planId: built.planId!, cookie: await cookieFor(built.demoKey) };
}

/**
 * A participant with a plan like Ali's: version 1 in Danish (an electrician again), his own goal in
 * English, two sub-goals, never read, and he prefers English.
 */
export async function aPlanLikeAlis(database: TestDatabase): Promise<PlanPerson> {
  const { sara } = await aTeam(database);
  const planAt = at(-35);
  const built = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan", preferredLanguage: "en" }, participant: { programme: "jobafklaringsforloeb" } })
    .withCaseworker(sara)
    .withPlan({
      employmentGoal: "Arbejde som elektriker igen, i første omgang med færre timer og opgaver, der tager hensyn til skulderen",
      ownGoal:
        "I want to get back to work as an electrician, maybe with fewer hours at first. " +
        "I miss my colleagues and having somewhere to be in the morning.",
      ownGoalUpdatedAt: planAt,
      version: 1,
      nextStep: "Sara ringer dig op, og I taler om, hvordan genoptræningen går.",
      updatedAt: planAt,
      updatedByName: "Sara Nielsen",
      subGoals: [
        { title: "Kunne arbejde med armene over hovedet i 20 minutter ad gangen", status: "in_progress", dueOn: day(56), updatedAt: planAt },
        { title: "Prøve arbejdet hos en el-installatør 10 timer om ugen", status: "not_started", dueOn: day(120), updatedAt: planAt },
      ],
      activities: [
        { kind: "behandling", title: "Genoptræning af skulderen", purpose: "Du træner skulderen op, så du kan klare de løft, arbejdet kræver.", hoursPerWeek: "2", status: "active", startsOn: day(-28), endsOn: day(49) },
        { kind: "virksomhedspraktik", title: "Virksomhedspraktik hos en el-installatør", purpose: "Du prøver, hvilke opgaver du kan klare nu, og hvor mange timer der passer.", hoursPerWeek: "10", status: "planned", startsOn: day(60), endsOn: day(116) },
      ],
      agreements: [{ text: "Skriv ned, hvilke bevægelser der er svære for skulderen.", ownerText: "Du", dueOn: day(4), createdAt: planAt }],
    })
    .build(database.db);
  return { ...built, planId: built.planId!, cookie: await cookieFor(built.demoKey) };
}

/** A plan's sub-goals, in the plan's order. */
export async function subGoalIds(database: TestDatabase, planId: string) {
  const rows = await database.db
    .select({ id: subGoals.id, title: subGoals.title })
    .from(subGoals)
    .where(eq(subGoals.planId, planId))
    .orderBy(subGoals.sortOrder);
  return rows;
}
