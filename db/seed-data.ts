import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";
import {
  activities,
  energyDiaryEntries,
  meetingSummaries,
  meetingSummaryPoints,
  meetingSummaryVersions,
  persons,
  progressAnswerSets,
  progressSettings,
  progressSigns,
  subGoals,
  type professionals,
} from "./schema";
import { isWorkday } from "../app/lib/workdays";
import { aParticipant, aPerson, bindIdentity, insertProfessional, type ContactInput, type CvInput, type NetworkPersonInput, type PersonInput, type PlanInput } from "./builders";

/**
 * Demo people for local development and demonstrations:
 *
 * - `mette`:  Mette Hansen, Solbjerg, in a ressourceforløb that started on 3 November 2025, before
 *              the 2026 reform (a course already started runs on), with a full plan and meetings ahead.
 * - `ali`:    Ali Hassan, Solbjerg, 6 weeks into a jobafklaringsforløb, prefers English.
 * - `nanna`:  Nanna Holm, Fjordby, in a kontaktforløb under the new rules (started after 1 July
 *              2026); Fjordby has no rehabiliteringsteam, so her next step is a samlet beskrivelse.
 * - `jonas`:  Jonas Hansen, Mette's brother (a relative; not a participant).
 * - `sara`:   Sara Nielsen, Jobcenter Solbjerg, the coordinating caseworker for Mette and Ali.
 * - `anders`: Anders Krogh, Fjordby Kommune, Nanna's coordinating caseworker.
 *
 * The municipalities are the demo's two (config/municipalities.demo.json). Everything is dated
 * relative to `now`, so the demo always looks current, except Mette's programme dates, which are
 * true only before the reform. Does nothing when the person `mette` already exists.
 */
export async function seedDemoData(db: Database, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialises concurrent seeders, so the second one sees the first one's people and stops.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [existing] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.demoKey, "mette"));
    if (existing) return;

    const clock = createClock(now);
    const people = await seedPersons(tx);
    const staff = await seedProfessionals(tx, people);
    await seedMette(tx, clock, people, staff);
    await seedAli(tx, clock, people, staff);
    await seedNanna(tx, clock, people, staff);
  });
}

const SEED_LOCK_KEY = 4_207_771_002;

// Solbjerg (config/municipalities.demo.json) keeps a rehabiliteringsteam and calls its unit
// "Jobcenter Solbjerg", so its places and organisations may say so. Fjordby names no unit: its
// texts say "kommunen".
const SOLBJERG = { key: "solbjerg", name: "Solbjerg Kommune" } as const;
const JOBCENTRE = "Jobcenter Solbjerg";
const JOBCENTRE_ADDRESS = "Rådhusvej 12, 4999 Solbjerg";
const FJORDBY = { key: "fjordby", name: "Fjordby Kommune" } as const;
const FJORDBY_UNIT = "Fjordby Kommune, Job og Sundhed";
const FJORDBY_ADDRESS = "Havnegade 1, 4998 Fjordby";

/** Mette's ressourceforløb: started before the reform, at most 3 years long. */
const METTE_STARTED_ON = "2025-11-03";
const METTE_EXPECTED_END_ON = "2028-11-02";

type Clock = ReturnType<typeof createClock>;
type People = Awaited<ReturnType<typeof seedPersons>>;
type Staff = Awaited<ReturnType<typeof seedProfessionals>>;

// ---------------------------------------------------------------------------------------------
// Persons and professionals
// ---------------------------------------------------------------------------------------------

async function seedPersons(tx: Transaction) {
  // CPR numbers are fictitious: real birth dates, but test sequence numbers 999x.
  // Phone numbers starting with 1 are not given to subscribers in Denmark.
  const mette = await insertPerson(tx, {
    demoKey: "mette",
    firstName: "Mette",
    lastName: "Hansen",
    cpr: "1203859991",
    birthDate: "1985-03-12",
    email: "mette.hansen@example.org",
    phone: "+45 11 22 33 01",
    preferredLanguage: "da",
  });
  const ali = await insertPerson(tx, {
    demoKey: "ali",
    firstName: "Ali",
    lastName: "Hassan",
    cpr: "0507829992",
    birthDate: "1982-07-05",
    email: "ali.hassan@example.net",
    phone: "+45 11 22 33 02",
    preferredLanguage: "en",
  });
  const jonas = await insertPerson(tx, {
    demoKey: "jonas",
    firstName: "Jonas",
    lastName: "Hansen",
    cpr: "2011879993",
    birthDate: "1987-11-20",
    email: "jonas.hansen@example.com",
    phone: "+45 11 22 33 03",
    preferredLanguage: "da",
  });
  const sara = await insertPerson(tx, {
    demoKey: "sara",
    firstName: "Sara",
    lastName: "Nielsen",
    cpr: "1506799994",
    birthDate: "1979-06-15",
    email: "sara.nielsen@solbjerg.example.org",
    phone: "+45 11 22 30 11",
    preferredLanguage: "da",
    isCaseworker: true,
  });
  const nanna = await insertPerson(tx, {
    demoKey: "nanna",
    firstName: "Nanna",
    lastName: "Holm",
    cpr: "1809949997",
    birthDate: "1994-09-18",
    email: "nanna.holm@example.org",
    phone: "+45 11 44 33 07",
    preferredLanguage: "da",
  });
  const anders = await insertPerson(tx, {
    demoKey: "anders",
    firstName: "Anders",
    lastName: "Krogh",
    cpr: "0402769998",
    birthDate: "1976-02-04",
    email: "anders.krogh@fjordby.example.dk",
    phone: "+45 11 44 50 21",
    preferredLanguage: "da",
    isCaseworker: true,
  });
  // The caseworkers also sign in at the municipality's identity provider (OpenID Connect; a test
  // provider in the tests): their `sub` there, bound by the municipality.
  await bindIdentity(tx, sara, "kommune", SARA_KOMMUNE_SUBJECT);
  await bindIdentity(tx, anders, "kommune", ANDERS_KOMMUNE_SUBJECT);
  return { mette, ali, jonas, sara, nanna, anders };
}

/** The demo caseworker Sara's subject (`sub`) at the municipality's identity provider. */
export const SARA_KOMMUNE_SUBJECT = "demo-kommune-sara-nielsen";
/** The demo caseworker Anders's (Fjordby) subject (`sub`) at the municipality's identity provider. */
export const ANDERS_KOMMUNE_SUBJECT = "demo-kommune-anders-krogh";

async function insertPerson(tx: Transaction, person: PersonInput & { demoKey: string }) {
  return (await aPerson(person).build(tx)).personId;
}

async function seedProfessionals(tx: Transaction, people: People) {
  const insert = (values: typeof professionals.$inferInsert) => insertProfessional(tx, values);

  const sara = await insert({
    personId: people.sara,
    name: "Sara Nielsen",
    role: "koordinerende_sagsbehandler",
    organisation: JOBCENTRE,
    phone: "+45 11 22 30 11",
    email: "sara.nielsen@solbjerg.example.org",
    reachableText: "Mandag til torsdag kl. 9-12.",
  });
  const lars = await insert({
    name: "Lars Mikkelsen",
    role: "mentor",
    organisation: `${JOBCENTRE}, mentorteamet`,
    phone: "+45 11 22 30 24",
    email: "lars.mikkelsen@solbjerg.example.org",
    reachableText: "Hverdage kl. 8-15. Du må gerne sende en sms.",
  });
  const maria = await insert({
    name: "Maria Andersen",
    role: "forberedende_sagsbehandler",
    organisation: JOBCENTRE,
    phone: "+45 11 22 30 17",
    email: "maria.andersen@solbjerg.example.org",
    reachableText: "Mandag, tirsdag og torsdag kl. 9-12.",
  });
  const peter = await insert({
    name: "Peter Holm",
    role: "virksomhedskonsulent",
    organisation: `${JOBCENTRE}, Virksomhedsservice`,
    phone: "+45 11 22 30 35",
    email: "peter.holm@solbjerg.example.org",
    reachableText: "Mandag til fredag kl. 8.30-14. Ring gerne, han er ofte ude hos virksomheder.",
  });
  const anders = await insert({
    personId: people.anders,
    name: "Anders Krogh",
    role: "koordinerende_sagsbehandler",
    organisation: FJORDBY_UNIT,
    phone: "+45 11 44 50 21",
    email: "anders.krogh@fjordby.example.dk",
    reachableText: "Mandag til fredag kl. 8-12.",
  });
  return { sara, lars, maria, peter, anders };
}

// ---------------------------------------------------------------------------------------------
// Mette Hansen: ressourceforløb, started on 3 November 2025 (before the reform)
// ---------------------------------------------------------------------------------------------

const METTE_EMPLOYMENT_GOAL = "Job i en mindre butik eller på et lager med faste opgaver, 15-20 timer om ugen";
const METTE_OWN_GOAL =
  "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren og føler, jeg bidrager. " +
  "Jeg vil gerne arbejde med noget praktisk, hvor jeg kan tage pauser.";

const METTE_SUB_GOALS = {
  morning: "Komme op og ud af døren tre morgener om ugen",
  energy: "Lære at styre min energi med hjælp fra smerteskolen",
  internship: "Prøve 8 timer om ugen i virksomhedspraktik",
};
const METTE_ACTIVITIES = {
  mentor: "Mentor",
  painSchool: "Smerteskolen",
  internship: "Virksomhedspraktik i Genbrugsbutikken Anden Chance",
};

async function seedMette(tx: Transaction, clock: Clock, people: People, staff: Staff) {
  // A fixed date: nobody new starts a ressourceforløb since the 2026 reform, so hers began before
  // it; the rest of her story is dated relative to today.
  const started = clock.daysFromToday(calendarDay(METTE_STARTED_ON)); // negative: days before today
  const builder = aParticipant({
    personId: people.mette,
    participant: {
        programme: "ressourceforloeb",
        status: "active",
        startedOn: METTE_STARTED_ON,
        expectedEndOn: METTE_EXPECTED_END_ON,
        municipality: SOLBJERG.name,
        municipalityKey: SOLBJERG.key,
    },
  });

  const contacts: ContactInput[] = [
    {
            professionalId: staff.sara,
      role: "koordinerende_sagsbehandler",
      isPrimary: true,
      since: clock.date({ days: started }),
    },
    { professionalId: staff.lars, role: "mentor", since: clock.date({ days: started + 7 }) },
    {
            professionalId: staff.maria,
      role: "forberedende_sagsbehandler",
      since: clock.date({ days: started - 60 }),
    },
    { professionalId: staff.peter, role: "virksomhedskonsulent", since: clock.date({ days: -21 }) },
  ];
  for (const contact of contacts) builder.withContact(contact);

  // The pain school meets one morning a week for 12 weeks, on the weekday it started.
  const painSchoolStart = clock.daysFromToday(clock.openDay({ days: -56 }));
  const painSchoolEnd = painSchoolStart + 11 * 7;
  const nextPainSchoolDay = painSchoolStart + Math.ceil((6 - painSchoolStart) / 7) * 7;

  // Meetings are booked first: the plan's agreements are due on meeting days.
  const book = createMeetingPlanner(clock);
  const lastTalk = book(-21, "10:00", 60);
  const painSchoolDay = book(nextPainSchoolDay, "09:00", 180);
  const saraTalk = book(3, "10:00", 60);
  const mentorTrip = book(5, "10:00", 90);
  const teamMeeting = book(10, "10:00", 60);
  const roundTable = book(28, "13:00", 60);

  // Plan history: v1 at the start, v2 after the conversation ~7 weeks ago, v3 (current) after the last one.
  const v1At = clock.atOpenDay(started + 2, "14:00");
  const v2At = clock.atOpenDay(-49, "14:30");
  const v3At = clock.at(clock.daysFromToday(lastTalk.day), "14:00");

  const planValues = {
        employmentGoal: METTE_EMPLOYMENT_GOAL,
        ownGoal: METTE_OWN_GOAL,
        ownGoalUpdatedAt: v2At,
        version: 3,
        nextStep:
          "Du og Sara taler om praktikken i genbrugsbutikken, og om hvor mange timer du vil starte med. " +
          "Bagefter mødes du med rehabiliteringsteamet.",
        updatedAt: v3At,
        updatedByName: "Sara Nielsen",
  };

  const versions: NonNullable<PlanInput["versions"]> = [
    {
      version: 1,
      snapshot: {
        employmentGoal: "Job i en butik eller på et lager med faste opgaver, få timer om ugen",
        ownGoal: "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren.",
        subGoals: [
          { title: METTE_SUB_GOALS.morning, status: "in_progress" },
          { title: METTE_SUB_GOALS.energy, status: "not_started" },
        ],
        activities: [
          { title: METTE_ACTIVITIES.mentor, status: "active" },
          { title: METTE_ACTIVITIES.painSchool, status: "planned" },
        ],
      },
      changeSummary: "Første udgave af din plan, skrevet sammen med dig ved vores første samtale.",
      changedByName: "Sara Nielsen",
      createdAt: v1At,
    },
    {
      version: 2,
      snapshot: {
        employmentGoal: "Job i en butik eller på et lager med faste opgaver, få timer om ugen",
        ownGoal: METTE_OWN_GOAL,
        subGoals: [
          { title: METTE_SUB_GOALS.morning, status: "reached" },
          { title: METTE_SUB_GOALS.energy, status: "in_progress" },
        ],
        activities: [
          { title: METTE_ACTIVITIES.mentor, status: "active" },
          { title: METTE_ACTIVITIES.painSchool, status: "active" },
        ],
      },
      changeSummary:
        "Du har nået delmålet om at komme ud af døren om morgenen. Smerteskolen er startet, " +
        "og dit eget mål er skrevet med dine ord.",
      changedByName: "Sara Nielsen",
      createdAt: v2At,
    },
  ];
  const visit = { lastSeenVersion: 2, lastSeenAt: clock.at(-45, "19:30") };

  const goals: NonNullable<PlanInput["subGoals"]> = [
    {
      title: METTE_SUB_GOALS.morning,
      description: "En fast rytme om morgenen giver overskud til resten af dagen.",
      status: "reached",
      helperText: "Lars ringede dig op om morgenen de første uger. Nu klarer du det selv.",
      dueOn: clock.date({ days: -56 }),
      sortOrder: 1,
      updatedAt: v2At,
    },
    {
      title: METTE_SUB_GOALS.energy,
      description: "At kende dine signaler, så du kan holde en pause, før smerterne tager over.",
      status: "in_progress",
      helperText:
        "Smerteskolen én formiddag om ugen. Tag gerne energidagbogen fra kurset med til samtalerne med Sara.",
      dueOn: clock.date({ days: painSchoolEnd }),
      sortOrder: 2,
      updatedAt: v2At,
    },
    {
      title: METTE_SUB_GOALS.internship,
      description: "At mærke, hvordan det er at have faste opgaver på en arbejdsplads igen, i dit eget tempo.",
      status: "not_started",
      helperText:
        "Peter finder stedet sammen med dig, og Lars tager med den første dag. " +
        "Timerne kan sættes ned, hvis det bliver for meget.",
      dueOn: clock.date({ months: 4 }),
      sortOrder: 3,
      updatedAt: v3At,
    },
  ];

  const internshipStart = clock.daysFromToday(clock.openDay({ days: clock.daysFromToday(roundTable.day) + 7 }));
  const planned: NonNullable<PlanInput["activities"]> = [
    {
      kind: "mentor",
      title: METTE_ACTIVITIES.mentor,
      purpose:
        "Lars hjælper dig med de praktiske ting, fx at komme af sted om morgenen og finde vej til nye steder.",
      responsibleName: "Lars Mikkelsen, mentor",
      place: "Hvor det passer dig bedst, ofte på Café Kornet eller i telefonen",
      startsOn: clock.date({ days: started + 7 }),
      endsOn: clock.date({ months: 6 }),
      hoursPerWeek: "2",
      status: "active",
      sortOrder: 1,
    },
    {
      kind: "kursus",
      title: METTE_ACTIVITIES.painSchool,
      purpose:
        "Du lærer om smerter, og om hvordan du kan fordele dine kræfter over dagen, sammen med andre, " +
        "der kender til det samme.",
      responsibleName: "Pia Lund, fysioterapeut, Sundhedscenter Solbjerg",
      place: "Sundhedscenter Solbjerg, Parkvej 3, 4999 Solbjerg",
      startsOn: clock.date({ days: painSchoolStart }),
      endsOn: clock.date({ days: painSchoolEnd }),
      hoursPerWeek: "3",
      status: "active",
      sortOrder: 2,
    },
    {
      kind: "virksomhedspraktik",
      title: METTE_ACTIVITIES.internship,
      purpose:
        "Du prøver faste, praktiske opgaver som at sortere tøj og sætte varer på plads, med pauser, når du " +
        "har brug for det. Praktikken er ulønnet, og du får din ressourceforløbsydelse som nu.",
      responsibleName: "Peter Holm, virksomhedskonsulent",
      place: "Genbrugsbutikken Anden Chance, Algade 31, 4999 Solbjerg",
      startsOn: clock.date({ days: internshipStart }),
      endsOn: clock.date({ days: internshipStart + 13 * 7 }),
      hoursPerWeek: "8",
      status: "being_arranged",
      sortOrder: 3,
    },
  ];

  const agreed: NonNullable<PlanInput["agreements"]> = [
    {
      text:
        "Tænk over, hvilke dage og tidspunkter der passer dig bedst til praktikken. " +
        "Skriv det gerne ned til samtalen med Sara.",
      ownerText: "Du",
      dueOn: saraTalk.date,
      sortOrder: 1,
      createdAt: v3At,
    },
    {
      text:
        "Sara beder smerteskolen om en kort status til mødet med rehabiliteringsteamet. " +
        "Du får den at se, før den bliver sendt videre.",
      ownerText: "Sara",
      dueOn: teamMeeting.date,
      sortOrder: 2,
      createdAt: v3At,
    },
    {
      text: "Lars tager bussen med dig ud til genbrugsbutikken, så du kender vejen, før praktikken starter.",
      ownerText: "Lars",
      dueOn: mentorTrip.date,
      sortOrder: 3,
      createdAt: v3At,
    },
  ];
  builder.withPlan({ ...planValues, versions, visit, subGoals: goals, activities: planned, agreements: agreed });

  const sara = { name: "Sara Nielsen", roleText: "Din koordinerende sagsbehandler" };
  const lars = { name: "Lars Mikkelsen", roleText: "Din mentor" };
  const jobcentre = { placeName: JOBCENTRE, address: JOBCENTRE_ADDRESS };

  builder.withAppointment({
    kind: "samtale",
    title: "Samtale med Sara",
    purpose: "I fulgte op på din plan og talte om, hvordan en virksomhedspraktik kunne se ud for dig.",
    ...lastTalk.time,
    ...jobcentre,
    directions: "Meld dig i skranken i stueetagen, så henter Sara dig.",
    afterwards: "Planen blev opdateret efter samtalen. Du kan se ændringerne under Min Plan.",
    status: "held",
    attendees: [sara],
  });

  builder.withAppointment({
    kind: "samtale",
    title: "Samtale med Sara",
    purpose:
      "I taler om, hvordan det går med smerteskolen, og om praktikken i genbrugsbutikken: " +
      "hvilke opgaver, hvilke dage og hvor mange timer du vil starte med. Du får planen med hjem bagefter.",
    ...saraTalk.time,
    ...jobcentre,
    directions: "Meld dig i skranken i stueetagen, så henter Sara dig.",
    bringItems: ["Dine tanker om, hvilke dage der passer til praktikken", "Din plan, på papir eller på telefonen"],
    afterwards: "Sara opdaterer din plan, så du kan se aftalerne under Min Plan.",
    attendees: [sara],
  });

  builder.withAppointment({
    kind: "mentor",
    title: "Med Lars ud til genbrugsbutikken",
    purpose:
      "I tager bussen sammen ud til genbrugsbutikken, så du kender vejen og har set stedet, før praktikken " +
      "starter. Bagefter kan I få en kop kaffe og tale om, hvordan det var.",
    ...mentorTrip.time,
    placeName: "Café Kornet",
    address: "Stationsvej 4, 4999 Solbjerg",
    directions: "Caféen ligger lige over for busstationen. Lars venter ved indgangen.",
    bringItems: ["Buskort eller penge til en billet"],
    attendees: [lars],
  });

  builder.withAppointment({
    kind: "kursus",
    title: "Smerteskolen",
    purpose:
      "Dagens emne er søvn og hvile. Du bestemmer selv, hvor meget du vil sige på holdet, " +
      "og du må gerne rejse dig og gå en tur undervejs.",
    ...painSchoolDay.time,
    placeName: "Sundhedscenter Solbjerg",
    address: "Parkvej 3, 4999 Solbjerg",
    directions: "Indgang B, 1. sal. Der er elevator lige inden for døren.",
    bringItems: ["Behageligt tøj, der er lidt let bevægelse", "Vand og en lille madpakke", "Din energidagbog"],
    supportPersonAllowed: false,
    attendees: [{ name: "Pia Lund", roleText: "Fysioterapeut og underviser på smerteskolen" }],
  });

  builder.withAppointment({
    kind: "rehabiliteringsteam",
    title: "Møde med rehabiliteringsteamet",
    purpose:
      "Rehabiliteringsteamet ser sammen med dig på, hvordan dit ressourceforløb går, og hvad der kan hjælpe " +
      "dig videre, fx hvor mange timer praktikken skal have. Det er dig, der kender dit liv bedst, så det, " +
      "du fortæller, er vigtigt. Mødet varer cirka en time, og du kan altid bede om en pause.",
    ...teamMeeting.time,
    ...jobcentre,
    directions:
      "Bus 12 holder ved stoppestedet »Rådhuset« lige uden for døren. Gå ind ad hovedindgangen og meld dig " +
      "i skranken i stueetagen. Sig, at du skal til møde i rehabiliteringsteamet, så henter Sara dig. " +
      "Mødet er i lokale 2.14 på 2. sal, og der er elevator. Kom gerne 10 minutter før.",
    bringItems: [
      "Dine noter fra »Forbered dit møde«, hvis du har skrevet noget",
      "En liste over den medicin, du tager",
      "Spørgsmål, du gerne vil stille teamet",
    ],
    supportPersonAllowed: true,
    afterwards:
      "Teamet skriver en indstilling, et skriftligt råd om de næste skridt, som du får en kopi af. " +
      "Inden for to uger holder du og Sara en samtale, hvor I tilpasser din plan sammen.",
    attendees: [
      { name: "Karin Vestergaard", roleText: "Leder mødet. Hun kommer fra Jobcenter Solbjerg og sørger for, at alle bliver hørt" },
      sara,
      { name: "Henrik Bech", roleText: "Læge. Han rådgiver teamet om helbred og behandling" },
      { name: "Bente Juhl", roleText: "Sygeplejerske fra kommunens sundhedsområde" },
      { name: "Anne Kjær", roleText: "Fra kommunens sociale område. Hun kender til hjælp i hverdagen, fx med bolig og økonomi" },
    ],
  });

  builder.withAppointment({
    kind: "rundbordssamtale",
    title: "Rundbordssamtale om din praktik",
    purpose:
      "Du mødes med alle, der hjælper dig med praktikken, ved samme bord. I aftaler, hvornår praktikken " +
      "starter, hvilke opgaver du skal have, og hvor mange timer du begynder med. Timerne kan altid " +
      "justeres undervejs.",
    ...roundTable.time,
    ...jobcentre,
    directions: "Meld dig i skranken i stueetagen. Mødet er i lokale 1.05 på 1. sal.",
    bringItems: ["Dine spørgsmål om praktikken"],
    afterwards: "Aftalerne kommer ind i din plan, så du kan se dem under Min Plan.",
    attendees: [
      sara,
      lars,
      { name: "Peter Holm", roleText: "Virksomhedskonsulent. Han har fundet praktikpladsen sammen med dig" },
      { name: "Susanne Kragh", roleText: "Din kontaktperson i Genbrugsbutikken Anden Chance" },
    ],
  });

  builder.withCv(METTE_CV);
  builder.withPreparation(mettePreparation(clock));

  builder.withNetwork(METTE_NETWORK);

  // Beskeder (issue 18): Mette asked Sara about the internship; Sara read it and answered, and
  // Mette has not opened the answer yet ("1 ny besked").
  builder.withConversation({
    topic: "general",
    subject: "Må jeg starte senere i praktikken?",
    messages: [
      {
        authorRole: "participant",
        authorName: "Mette Hansen",
        body:
          "Hej Sara\n\nJeg sover dårligt for tiden, fordi jeg har ondt om natten. " +
          "Kan jeg starte kl. 9 i stedet for kl. 8, når praktikken begynder?\n\nHilsen Mette",
        createdAt: clock.at(-2, "19:40"),
        readAt: clock.at(-1, "10:12"),
      },
      {
        authorRole: "caseworker",
        authorName: "Sara Nielsen",
        authorPersonId: people.sara,
        body:
          "Hej Mette\n\nTak, fordi du skriver. Ja, det kan godt lade sig gøre. Jeg taler med Susanne i butikken, " +
          "så du kan starte kl. 9 de første uger. Vi kan tale mere om det til vores samtale.\n\nVenlig hilsen Sara",
        createdAt: clock.at(-1, "10:20"),
      },
    ],
  });
  const built = await builder.build(tx);
  await seedMetteProgress(tx, clock, built.participantId);
  await seedMetteSummary(tx, built, people.sara, clock.at(clock.daysFromToday(lastTalk.day), "15:00"));
}

/**
 * "Det aftalte vi" (issue 22): Sara's published summary of the last talk (the first meeting added
 * above), three points linked to the plan items they changed, so a demo visitor sees one on
 * /moeder/<id> and on Sara's pages.
 */
async function seedMetteSummary(tx: Transaction, built: { participantId: string; planId?: string; appointmentIds: string[] }, saraPersonId: string, at: Date) {
  const appointmentId = built.appointmentIds[0]!;
  const goals = await tx.select({ id: subGoals.id, title: subGoals.title }).from(subGoals).where(eq(subGoals.planId, built.planId!));
  const doings = await tx.select({ id: activities.id, title: activities.title }).from(activities).where(eq(activities.planId, built.planId!));
  const goal = (title: string) => goals.filter((row) => row.title === title).map((row) => row.id);
  const activity = (title: string) => doings.filter((row) => row.title === title).map((row) => row.id);
  const [summary] = await tx
    .insert(meetingSummaries)
    .values({ participantId: built.participantId, appointmentId, currentVersion: 1, firstPublishedAt: at, lastPublishedAt: at, createdAt: at })
    .returning({ id: meetingSummaries.id });
  await tx.insert(meetingSummaryVersions).values({
    summaryId: summary!.id,
    participantId: built.participantId,
    version: 1,
    publishedAt: at,
    publishedByPersonId: saraPersonId,
    publishedByName: "Sara Nielsen",
    source: "caseworker",
  });
  const points = [
    {
      text: "Du vil gerne prøve en praktik i Genbrugsbutikken Anden Chance. Vi aftaler dage og timer til næste samtale.",
      subGoalIds: goal(METTE_SUB_GOALS.internship),
      activityIds: activity(METTE_ACTIVITIES.internship),
    },
    {
      text: "Lars tager med dig ud til butikken, før du starter, så du kender vejen.",
      subGoalIds: [],
      activityIds: activity(METTE_ACTIVITIES.mentor),
    },
    {
      text: "Du fortsætter i smerteskolen. Sig til, hvis det bliver for meget.",
      subGoalIds: goal(METTE_SUB_GOALS.energy),
      activityIds: activity(METTE_ACTIVITIES.painSchool),
    },
  ];
  await tx.insert(meetingSummaryPoints).values(
    points.map((point, index) => ({
      summaryId: summary!.id,
      participantId: built.participantId,
      version: 1,
      position: index + 1,
      lineageId: crypto.randomUUID(),
      ...point,
    })),
  );
}

/**
 * "Sådan går det" (issue 22): three months answered (the middle one shared), the 12th as her
 * reminder day, nine days of the energy diary (walks go with more energy) and her signs.
 */
async function seedMetteProgress(tx: Transaction, clock: Clock, participantId: string) {
  const month = (months: number) => `${clock.date({ months }).slice(0, 7)}-01`;
  await tx.insert(progressAnswerSets).values([
    {
      participantId, month: month(-3), energy: "hard", energyNote: "Jeg er træt det meste af dagen.", sleep: "very_hard",
      sleepNote: "Jeg vågner tit om natten, fordi jeg har ondt.", company: "mixed", outdoors: "hard", workBelief: "hard",
      whatHelps: "Gåture med Jonas om søndagen.", createdAt: clock.at(-80, "20:10"), updatedAt: clock.at(-80, "20:10"),
    },
    {
      participantId, month: month(-2), energy: "mixed", sleep: "hard", company: "fairly_good", companyNote: "Det var rart at se Birgit.",
      outdoors: "mixed", workBelief: "mixed", workBeliefNote: "Praktikken lyder som en god start.",
      whatHelps: "Faste tider om morgenen. At Lars ringer om mandagen.", createdAt: clock.at(-50, "19:30"), updatedAt: clock.at(-50, "19:30"),
      sharedAt: clock.at(-50, "19:35"),
    },
    {
      participantId, month: month(-1), energy: "mixed", energyNote: "Bedre nogle dage end andre.", sleep: "mixed", company: "fairly_good",
      outdoors: "fairly_good", outdoorsNote: "Jeg går en tur næsten hver dag nu.", workBelief: "fairly_good",
      somethingElse: "Jeg er lidt nervøs for at starte i praktik.", createdAt: clock.at(-20, "21:00"), updatedAt: clock.at(-20, "21:00"),
    },
  ]);
  await tx.insert(progressSettings).values({ participantId, reminderDay: 12 });
  const days: [number, (typeof energyDiaryEntries.$inferInsert)["energy"], string[], string?][] = [
    [-9, "some", ["walk"]],
    [-8, "little", ["rest"]],
    [-7, "quite_a_lot", ["walk", "company"]],
    [-6, "little", ["appointment"]],
    [-5, "some", ["walk"]],
    [-4, "very_little", ["rest"], "Ondt i ryggen hele dagen."],
    [-3, "some", ["company", "home"]],
    [-2, "quite_a_lot", ["walk"]],
    [-1, "little", ["rest", "home"]],
  ];
  await tx.insert(energyDiaryEntries).values(days.map(([day, energy, activities, note]) => ({ participantId, day: clock.date({ days: day }), energy, activities, note })));
  await tx.insert(progressSigns).values({
    participantId,
    warningSigns: ["Jeg sover dårligt flere nætter i træk.", "Jeg aflyser aftaler med venner.", "Jeg glemmer at spise."],
    strategies: ["Jeg går en tur, også når det regner.", "Jeg ringer til Jonas.", "Jeg skriver til Sara, hvis jeg ikke kan komme."],
  });
}

// ---------------------------------------------------------------------------------------------
// Mette's network map (/netvaerk): all four sectors and all three rings, one person who holds
// her back and one who does both. Exported for the layout's unit test. help_kinds holds the
// keys of app/features/network/constants.ts (HELP_KINDS).
// ---------------------------------------------------------------------------------------------

export const METTE_NETWORK = [
  {
    name: "Jonas Hansen",
    relation: "Min bror",
    sector: "family",
    closeness: "close",
    helpKinds: ["practical", "emotional"],
    stance: "helps",
    contactFrequency: "Flere gange om ugen",
    note: "Kører mig til lægen. Jeg kan ringe til ham, når det er svært.",
    wantedAtMeeting: true,
  },
  {
    name: "Freja",
    relation: "Min datter, 15 år",
    sector: "family",
    closeness: "close",
    helpKinds: ["company"],
    stance: "helps",
    contactFrequency: "Hver dag",
    note: "Hun er grunden til, at jeg står op om morgenen.",
    wantedAtMeeting: false,
  },
  {
    name: "Thomas",
    relation: "Frejas far",
    sector: "family",
    closeness: "middle",
    helpKinds: [],
    stance: "holds_back",
    contactFrequency: "Hver anden uge",
    note: "Siger tit, at møderne hos kommunen er spild af tid. Jeg bliver træt efter vi har talt sammen.",
    wantedAtMeeting: false,
  },
  {
    name: "Camilla",
    relation: "Veninde fra skolen",
    sector: "friends",
    closeness: "close",
    helpKinds: ["emotional", "company"],
    stance: "helps",
    contactFrequency: "Et par gange om måneden",
    note: "Vi går ture og taler om andet end sygdom.",
    wantedAtMeeting: false,
  },
  {
    name: "Louise",
    relation: "Veninde",
    sector: "friends",
    closeness: "middle",
    helpKinds: ["company"],
    stance: "both",
    contactFrequency: "En gang om måneden",
    note: "Sjov at være sammen med, men vi bliver tit for længe oppe.",
    wantedAtMeeting: false,
  },
  {
    name: "Birgit",
    relation: "Nabo",
    sector: "friends",
    closeness: "further",
    helpKinds: ["practical"],
    stance: "helps",
    contactFrequency: "Når vi mødes på trappen",
    note: null,
    wantedAtMeeting: false,
  },
  {
    name: "Henrik",
    relation: "Tidligere kollega fra Netto",
    sector: "work_school",
    closeness: "further",
    helpKinds: ["advice"],
    stance: "helps",
    contactFrequency: "Sjældent",
    note: "Kender en lagerchef. Måske kan han hjælpe med en praktikplads.",
    wantedAtMeeting: false,
  },
  {
    name: "Lars",
    relation: "Min mentor",
    sector: "professionals",
    closeness: "close",
    helpKinds: ["practical", "advice"],
    stance: "helps",
    contactFrequency: "Hver uge",
    note: "Han tager bussen med mig til genbrugsbutikken.",
    wantedAtMeeting: true,
  },
  {
    name: "Sara",
    relation: "Min koordinerende sagsbehandler",
    sector: "professionals",
    closeness: "middle",
    helpKinds: ["advice"],
    stance: "helps",
    contactFrequency: "Hver måned",
    note: null,
    wantedAtMeeting: false,
  },
  {
    name: "Dr. Anne Krogh",
    relation: "Min praktiserende læge",
    sector: "professionals",
    closeness: "further",
    helpKinds: ["advice"],
    stance: "helps",
    contactFrequency: "Hver tredje måned",
    note: "Spørg hende om en udtalelse om mine smerter til mødet.",
    wantedAtMeeting: false,
  },
] as const satisfies readonly NetworkPersonInput[];

// ---------------------------------------------------------------------------------------------
// Ali Hassan: jobafklaringsforløb, 6 weeks in
// ---------------------------------------------------------------------------------------------

async function seedAli(tx: Transaction, clock: Clock, people: People, staff: Staff) {
  const started = clock.daysFromToday(clock.openDay({ days: -42 }));
  const internshipStart = clock.daysFromToday(clock.openDay({ days: 42 }));
  const builder = aParticipant({
    personId: people.ali,
    participant: {
        programme: "jobafklaringsforloeb",
        status: "active",
        startedOn: clock.date({ days: started }),
        expectedEndOn: clock.date({ days: started, months: 12 }),
        municipality: SOLBJERG.name,
        municipalityKey: SOLBJERG.key,
    },
  });

  const contacts: ContactInput[] = [
    {
            professionalId: staff.sara,
      role: "koordinerende_sagsbehandler",
      isPrimary: true,
      since: clock.date({ days: started }),
    },
    { professionalId: staff.peter, role: "virksomhedskonsulent", since: clock.date({ days: -14 }) },
  ];
  for (const contact of contacts) builder.withContact(contact);

  const book = createMeetingPlanner(clock);
  const phoneCall = book(4, "13:00", 30);
  const planAt = clock.at(started + 7, "13:30");

  // The municipality writes the plan in Danish; Ali's own goal is in his own words, in English.
  const planValues = {
        employmentGoal:
          "Arbejde som elektriker igen, i første omgang med færre timer og opgaver, der tager hensyn til skulderen",
        ownGoal:
          "I want to get back to work as an electrician, maybe with fewer hours at first. " +
          "I miss my colleagues and having somewhere to be in the morning.",
        ownGoalUpdatedAt: planAt,
        version: 1,
        nextStep:
          "Sara ringer dig op, og I taler om, hvordan genoptræningen går, og om en praktik hos en el-installatør.",
        updatedAt: planAt,
        updatedByName: "Sara Nielsen",
  };

  const goals: NonNullable<PlanInput["subGoals"]> = [
    {
      title: "Kunne arbejde med armene over hovedet i 20 minutter ad gangen",
      status: "in_progress",
      helperText: "Genoptræningen hos fysioterapeuten to gange om ugen. Øvelserne derhjemme tæller også.",
      dueOn: clock.date({ days: 56 }),
      sortOrder: 1,
      updatedAt: planAt,
    },
    {
      title: "Prøve arbejdet hos en el-installatør 10 timer om ugen",
      status: "not_started",
      helperText: "Peter finder et sted, hvor du kan starte med lettere opgaver, fx fejlfinding og tavlearbejde.",
      dueOn: clock.date({ months: 4 }),
      sortOrder: 2,
      updatedAt: planAt,
    },
  ];

  const planned: NonNullable<PlanInput["activities"]> = [
    {
      kind: "behandling",
      title: "Genoptræning af skulderen",
      purpose: "Du træner skulderen op, så du kan klare de løft og bevægelser, arbejdet kræver.",
      responsibleName: "Mikkel Dahl, fysioterapeut",
      place: "Solbjerg Fysioterapi, Nørregade 8, 4999 Solbjerg",
      startsOn: clock.date({ days: started + 7 }),
      endsOn: clock.date({ days: 49 }),
      hoursPerWeek: "2",
      status: "active",
      sortOrder: 1,
    },
    {
      kind: "virksomhedspraktik",
      title: "Virksomhedspraktik hos en el-installatør",
      purpose:
        "Du prøver, hvilke opgaver du kan klare nu, og hvor mange timer der passer. " +
        "Det hjælper med at afklare, hvad du kan arbejde med fremover.",
      responsibleName: "Peter Holm, virksomhedskonsulent",
      startsOn: clock.date({ days: internshipStart }),
      endsOn: clock.date({ days: internshipStart + 8 * 7 }),
      hoursPerWeek: "10",
      status: "planned",
      sortOrder: 2,
    },
  ];

  const agreed: NonNullable<PlanInput["agreements"]> = [
    {
      text: "Skriv ned, hvilke bevægelser og opgaver der er svære for skulderen, så I kan tale om dem i telefonen.",
      ownerText: "Du",
      dueOn: phoneCall.date,
      sortOrder: 1,
      createdAt: planAt,
    },
    {
      text: "Sara beder din læge om en vurdering af, hvad skulderen kan holde til i arbejdet.",
      ownerText: "Sara",
      dueOn: clock.date({ days: 21 }),
      sortOrder: 2,
      createdAt: planAt,
    },
  ];
  builder.withPlan({ ...planValues, subGoals: goals, activities: planned, agreements: agreed });

  builder.withAppointment({
    kind: "samtale",
    title: "Telefonsamtale med Sara",
    purpose: "I taler om, hvordan genoptræningen går, og om en praktik hos en el-installatør kunne passe dig.",
    ...phoneCall.time,
    mode: "phone",
    phoneNote: "Sara ringer dig op på dit mobilnummer. I kan tale engelsk, hvis du foretrækker det.",
    bringItems: ["Dine noter om, hvad der er svært for skulderen"],
    attendees: [{ name: "Sara Nielsen", roleText: "Din koordinerende sagsbehandler" }],
  });

  builder.withCv(ALI_CV);
  await builder.build(tx);
}

// ---------------------------------------------------------------------------------------------
// Nanna Holm: kontaktforløb in Fjordby, under the rules in force since 1 July 2026. Fjordby keeps
// no rehabiliteringsteam: her next step is a talk about the samlet beskrivelse, not a team
// meeting, and she has not started "Forbered dit møde".
// ---------------------------------------------------------------------------------------------

/** The day the rules on kontaktforløb changed (lov nr. 1750): nobody started Nanna's kind before it. */
const NEW_RULES_FROM = "2026-07-01";

async function seedNanna(tx: Transaction, clock: Clock, people: People, staff: Staff) {
  // About 2 months ago, but never before the new rules.
  const twoMonthsAgo = clock.daysFromToday(clock.openDay({ months: -2 }));
  const started = Math.max(twoMonthsAgo, clock.daysFromToday(nextOpenDay(calendarDay(NEW_RULES_FROM))));
  const builder = aParticipant({
    personId: people.nanna,
    participant: {
      programme: "kontaktforloeb",
      status: "active",
      startedOn: clock.date({ days: started }),
      // A kontaktforløb has no end date set in advance.
      expectedEndOn: null,
      municipality: FJORDBY.name,
      municipalityKey: FJORDBY.key,
    },
  });
  builder.withContact({ professionalId: staff.anders, role: "koordinerende_sagsbehandler", isPrimary: true, since: clock.date({ days: started }) });

  const book = createMeetingPlanner(clock);
  const andersTalk = book(4, "10:00", 60);
  const description = book(21, "13:00", 60);
  const planAt = clock.atOpenDay(started + 7, "11:00");
  const courseStart = clock.daysFromToday(clock.openDay({ days: 11 }));

  builder.withPlan({
    employmentGoal: "Job i en børnehave eller et fritidshjem, i første omgang 10-15 timer om ugen",
    ownGoal: "Jeg vil gerne arbejde med børn igen. Jeg vil have en hverdag, hvor jeg har overskud til mine egne ting.",
    ownGoalUpdatedAt: planAt,
    version: 1,
    nextStep:
      "Du og Anders taler om, hvordan det går, og om kurset i Sundhedshuset. " +
      "Bagefter holder I en samtale om din samlede beskrivelse.",
    updatedAt: planAt,
    updatedByName: "Anders Krogh",
    subGoals: [
      {
        title: "Gå en tur hver dag, også på de svære dage",
        description: "En fast tur giver ro i kroppen og en god start på dagen.",
        status: "in_progress",
        helperText: "Det er nok med ti minutter. Sæt gerne et kryds i din kalender, når du har gået.",
        dueOn: clock.date({ months: 1 }),
        updatedAt: planAt,
      },
      {
        title: "Lære at mærke, når jeg bliver presset",
        description: "At kende dine tegn på stress, så du kan tage en pause i tide.",
        status: "not_started",
        helperText: "Kurset i Sundhedshuset hjælper dig med det.",
        dueOn: clock.date({ days: courseStart + 8 * 7 }),
        updatedAt: planAt,
      },
      {
        title: "Besøge en børnehave og tale om, hvordan en praktik kunne se ud",
        description: "At se en arbejdsplads igen, før du beslutter noget.",
        status: "not_started",
        helperText: "Anders hjælper dig med at finde stedet. Du bestemmer selv tempoet.",
        dueOn: clock.date({ months: 3 }),
        updatedAt: planAt,
      },
    ],
    activities: [
      {
        kind: "kursus",
        title: "Kursus om stress i hverdagen",
        purpose:
          "Du lærer at mærke, når du bliver presset, og hvad du kan gøre ved det. " +
          "I er en lille gruppe, og du bestemmer selv, hvor meget du siger.",
        responsibleName: "Sundhedshuset Fjordby",
        place: "Sundhedshuset Fjordby, Skolevej 2, 4998 Fjordby",
        startsOn: clock.date({ days: courseStart }),
        endsOn: clock.date({ days: courseStart + 8 * 7 }),
        hoursPerWeek: "2",
        status: "planned",
      },
    ],
    agreements: [
      {
        text: "Skriv ned, hvad du gerne vil have med i din samlede beskrivelse. Tag det med til mødet om beskrivelsen.",
        ownerText: "Du",
        dueOn: description.date,
        createdAt: planAt,
      },
      {
        text: "Anders sender dig en tid til kurset i Sundhedshuset.",
        ownerText: "Anders",
        dueOn: andersTalk.date,
        createdAt: planAt,
      },
    ],
  });

  const anders = { name: "Anders Krogh", roleText: "Din koordinerende sagsbehandler" };
  const municipality = { placeName: FJORDBY_UNIT, address: FJORDBY_ADDRESS };

  builder.withAppointment({
    kind: "samtale",
    title: "Samtale med Anders",
    purpose:
      "I taler om, hvordan det går med dine ture, og om kurset i Sundhedshuset. " +
      "I aftaler også, hvad I skal tale om til mødet om din samlede beskrivelse.",
    ...andersTalk.time,
    ...municipality,
    directions: "Meld dig i Borgerservice i stueetagen, så henter Anders dig.",
    bringItems: ["Din plan, på papir eller på telefonen"],
    afterwards: "Anders opdaterer din plan, så du kan se aftalerne under Min Plan.",
    attendees: [anders],
  });

  builder.withAppointment({
    kind: "samlet_beskrivelse",
    title: "Samtale om din samlede beskrivelse",
    purpose:
      "Kommunen skriver en beskrivelse af din situation sammen med dig. Den hedder en samlet beskrivelse. " +
      "I taler om, hvad du kan, hvad der er svært, og hvad der hjælper dig. " +
      "Det er dig, der kender dit liv bedst. " +
      "En sundhedskoordinator fra regionen kan give kommunen råd om dit helbred. " +
      "Mødet varer cirka en time, og du kan altid bede om en pause.",
    ...description.time,
    ...municipality,
    directions: "Meld dig i Borgerservice i stueetagen. Mødet er i lokale 1.12 på 1. sal, og der er elevator.",
    bringItems: [
      "Dine noter om, hvad der skal med i beskrivelsen",
      "En liste over den medicin, du tager",
      "Spørgsmål, du gerne vil stille",
    ],
    supportPersonAllowed: true,
    afterwards: "Anders sender dig beskrivelsen, så du kan læse den. Sig til, hvis noget ikke passer.",
    attendees: [anders],
  });

  builder.withCv(NANNA_CV);
  await builder.build(tx);
}

// ---------------------------------------------------------------------------------------------
// CV demo data (area: cv). Mette has a start to build from: one job with a gap after it, one
// education, one course, two skills, Danish, a driving licence, no task suggestions yet.
// Ali has a small CV. Sort orders are per section.
// ---------------------------------------------------------------------------------------------

// Her own choice on /cv/kontakt: e-mail and phone on the CV, no address (nothing shows by
// default). Version 0: no "Kort om mig" written yet.
const METTE_CV: CvInput = {
  contactVisibility: { email: true, phone: true, address: false },
  entries: [
  {
    kind: "work",
    title: "Butiksassistent",
    organisation: "Købmandsgården, Solbjerg",
    fromText: "2012",
    toText: "2019",
    details: "Kasse, varemodtagelse, opfyldning og kundeservice. Jeg åbnede butikken om morgenen.",
    sortOrder: 1,
  },
  {
    kind: "education",
    title: "Folkeskolens afgangsprøve (9. klasse)",
    organisation: "Solbjerg Skole",
    fromText: "1992",
    toText: "2001",
    sortOrder: 1,
  },
  {
    kind: "course",
    title: "Hygiejnebevis for fødevarebranchen",
    organisation: "AMU Solbjerg",
    fromText: "2013",
    toText: "2013",
    sortOrder: 2,
  },
  { kind: "skill", title: "Kundeservice", category: "professional", sortOrder: 1 },
  { kind: "skill", title: "Omhyggelig og stabil", category: "personal", sortOrder: 2 },
  { kind: "language", title: "Dansk", level: "native", sortOrder: 1 },
  { kind: "driving_licence", title: "Kørekort til bil (B)", sortOrder: 1 },
],
};

// His own choice on /cv/kontakt: e-mail and phone on the CV, no address.
const ALI_CV: CvInput = {
  contactVisibility: { email: true, phone: true, address: false },
  entries: [
  {
    kind: "work",
    title: "Elektriker",
    organisation: "Solbjerg El-service",
    fromText: "2008",
    toText: "2024",
    details: "Installationer i boliger og butikker, fejlfinding og tavlearbejde.",
    sortOrder: 1,
  },
  {
    kind: "education",
    title: "Elektrikeruddannelsen (svendebrev)",
    organisation: "Solbjerg Tekniske Skole",
    fromText: "2004",
    toText: "2008",
    sortOrder: 1,
  },
  { kind: "skill", title: "Fejlfinding på el-installationer", category: "professional", sortOrder: 1 },
  { kind: "language", title: "Arabisk", level: "native", sortOrder: 1 },
  { kind: "language", title: "Dansk", level: "good", sortOrder: 2 },
  { kind: "language", title: "Engelsk", level: "fluent", sortOrder: 3 },
  { kind: "driving_licence", title: "Kørekort til bil (B)", sortOrder: 1 },
],
};

// Her own choice on /cv/kontakt: e-mail and phone on the CV, no address.
const NANNA_CV: CvInput = {
  contactVisibility: { email: true, phone: true, address: false },
  entries: [
    {
      kind: "work",
      title: "Pædagogmedhjælper",
      organisation: "Børnehuset Mågen, Fjordby",
      fromText: "2016",
      toText: "2025",
      details: "Leg, ture og måltider med børn på 3-6 år. Jeg stod for værkstedet om fredagen.",
      sortOrder: 1,
    },
    {
      kind: "education",
      title: "Pædagogisk assistentuddannelse (PAU)",
      organisation: "SOSU Fjordby",
      fromText: "2014",
      toText: "2016",
      sortOrder: 1,
    },
    { kind: "language", title: "Dansk", level: "native", sortOrder: 1 },
  ],
};

// ---------------------------------------------------------------------------------------------
// Dates in Copenhagen time
// ---------------------------------------------------------------------------------------------

const TIME_ZONE = "Europe/Copenhagen";

/** A calendar day as seen on a Danish wall calendar. */
interface CalendarDay {
  year: number;
  month: number; // 1-12
  day: number;
}

const zoneFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Copenhagen wall-clock reading of an instant, as if that reading were UTC (ms since epoch). */
function wallClockMs(instant: Date): number {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(zoneFormat.formatToParts(instant).find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/** Copenhagen's offset from UTC at an instant: +60 min in winter, +120 in summer. */
function offsetMs(instant: Date): number {
  return wallClockMs(instant) - (instant.getTime() - instant.getUTCMilliseconds());
}

function copenhagenDay(instant: Date): CalendarDay {
  const wall = new Date(wallClockMs(instant));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function toUtcMidnight(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function fromUtcMidnight(ms: number): CalendarDay {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function shiftDay(day: CalendarDay, { days = 0, months = 0 }: { days?: number; months?: number }): CalendarDay {
  let result = day;
  if (months !== 0) {
    const monthIndex = day.year * 12 + (day.month - 1) + months;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const lastDayOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    result = { year, month, day: Math.min(day.day, lastDayOfMonth) };
  }
  return fromUtcMidnight(toUtcMidnight(result) + days * DAY_MS);
}

const DAY_MS = 86_400_000;

/** A "YYYY-MM-DD" date as a calendar day. */
function calendarDay(iso: string): CalendarDay {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return { year, month, day };
}

function isoDate(day: CalendarDay): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}

/** The instant at which Copenhagen clocks show `hh:mm` on `day`, in winter and summer time alike. */
function copenhagenTime(day: CalendarDay, hhmm: string): Date {
  const [hours = 0, minutes = 0] = hhmm.split(":").map(Number);
  const wall = Date.UTC(day.year, day.month - 1, day.day, hours, minutes);
  // The offset is looked up twice: the first guess may sit on the other side of a DST change.
  const guess = wall - offsetMs(new Date(wall));
  return new Date(wall - offsetMs(new Date(guess)));
}

/** Weekends and Danish public holidays, when the municipality holds no meetings. */
function isClosedDay(day: CalendarDay): boolean {
  return !isWorkday(isoDate(day));
}

/** Dates and times relative to `now`, counted in Copenhagen calendar days. */
function createClock(now: Date) {
  const today = copenhagenDay(now);
  return {
    today,
    /** A `date` column value: "YYYY-MM-DD". */
    date: (shift: { days?: number; months?: number }) => isoDate(shiftDay(today, shift)),
    /** A timestamp: `days` from today at `hhmm` Copenhagen time. */
    at: (days: number, hhmm: string) => copenhagenTime(shiftDay(today, { days }), hhmm),
    /** Like `at`, but moved forward to a working day (for things the municipality does). */
    atOpenDay: (days: number, hhmm: string) => copenhagenTime(nextOpenDay(shiftDay(today, { days })), hhmm),
    /** The first weekday that is not a holiday, on or after the shifted day. */
    openDay: (shift: { days?: number; months?: number }) => nextOpenDay(shiftDay(today, shift)),
    /** Whole calendar days from today to `day`: negative in the past, positive in the future. */
    daysFromToday: (day: CalendarDay) => Math.round((toUtcMidnight(day) - toUtcMidnight(today)) / DAY_MS),
  };
}

function nextOpenDay(day: CalendarDay, isTaken: (day: CalendarDay) => boolean = () => false): CalendarDay {
  let result = day;
  while (isClosedDay(result) || isTaken(result)) result = shiftDay(result, { days: 1 });
  return result;
}

/**
 * Books meetings for one participant on open weekdays, moving a meeting forward past weekends,
 * holidays and days that already hold one of their meetings (one meeting a day is plenty).
 */
function createMeetingPlanner(clock: Clock) {
  const booked = new Set<string>();
  return (daysFromToday: number, hhmm: string, minutes: number) => {
    const day = nextOpenDay(shiftDay(clock.today, { days: daysFromToday }), (d) => booked.has(isoDate(d)));
    booked.add(isoDate(day));
    const startsAt = copenhagenTime(day, hhmm);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    return { day, date: isoDate(day), time: { startsAt, endsAt } };
  };
}

// ---------------------------------------------------------------------------------------------
// "Forbered dit møde" demo data (area: preparation). Mette has read about the meeting, finished
// "Uddannelse og arbejde" and started "Mine ressourcer"; nothing is shared yet. Ali has not started.
// ---------------------------------------------------------------------------------------------

function mettePreparation(clock: Clock): Parameters<ReturnType<typeof aParticipant>["withPreparation"]>[0] {
  const twoDaysAgo = clock.at(-2, "19:40");
  const yesterday = clock.at(-1, "20:15");
  return [
    {
      part: "about_meeting",
      status: "done",
      version: 1,
      updatedAt: twoDaysAgo,
    },
    {
      part: "education_work",
      status: "done",
      version: 2,
      answers: {
        education: "",
        work: "Jeg har hjulpet til i min mors genbrugsbutik om lørdagen i flere år.",
        goodAt: "Jeg er god til at holde orden og til at tale med kunderne. Jeg er altid mødt til tiden.",
      },
      updatedAt: twoDaysAgo,
    },
    {
      part: "resources",
      status: "in_progress",
      version: 1,
      answers: {
        energy: "Gåture om morgenen, også når det er koldt. Og at lave mad til andre.",
        interests: "",
        worksWell: "",
      },
      updatedAt: yesterday,
    },
  ];
}
