import { and, eq, inArray, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../db/builders";
import { agreements, appointments, participants, persons, plans } from "../../db/schema";
import { seedDemoData } from "../../db/seed-data";
import { getBriefing } from "~/features/caseworker/queries.server";
import { aboutParticipant, roleForCaseworker } from "~/lib/addressee";
import { copenhagenDay } from "~/lib/dates";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import CaseworkerBriefingPage from "~/features/caseworker/routes/caseworker-briefing";
import { loader as sharedAppointmentLoader } from "~/features/relatives/routes/relatives-shared-appointment";
import SharedPlanPage, { loader as sharedPlanLoader } from "~/features/relatives/routes/relatives-shared-plan";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { cookieFor, get } from "../support/requests";
import { run, unwrap } from "../support/routes";

// Issue 14, point 8: every view is worded for the person reading it. The relative reads Mette's
// plan and meetings about Mette ("Målet i Mettes plan", "Hvem gør det: Mette", "Mettes noter"),
// the caseworker reads "Sara Nielsen (koordinerende sagsbehandler)", "marts 2017 – december 2018"
// and "Modersmål", never text written to the participant or raw stored values.

let database: TestDatabase;
let jonas: string;
let mette: { personId: string; participantId: string };
let saraId: string;

// The people this file reads (db/builders.ts), no demo seed: Mette, whose plan and meeting are
// written to her ("Du", "Dine noter", "Din koordinerende sagsbehandler"); Sara Nielsen, her
// caseworker; Jonas, her brother, who may see her plan and meetings. The file only reads them.
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  saraId = sara.personId;
  const jonasPerson = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const saraAttending = { name: "Sara Nielsen", roleText: "Din koordinerende sagsbehandler" };
  const built = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withPlan({
      employmentGoal: "Job på et lager med faste opgaver, 15-20 timer om ugen",
      activities: [
        { kind: "mentor", title: "Mentor", purpose: "Lars hjælper dig med at komme af sted om morgenen.", responsibleName: "Lars Mikkelsen, mentor", status: "active" },
      ],
      agreements: [
        { text: "Tænk over, hvilke dage der passer dig bedst til praktikken.", ownerText: "Du" },
        { text: "Sara beder smerteskolen om en kort status til mødet.", ownerText: "Sara" },
      ],
    })
    .withAppointment({
      kind: "rehabiliteringsteam",
      title: "Møde med rehabiliteringsteamet",
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      bringItems: ["Dine noter fra »Forbered dit møde«, hvis du har skrevet noget", "Din plan, på papir eller på telefonen"],
      attendees: [saraAttending, { name: "Peter Holm", roleText: "Virksomhedskonsulent. Han har fundet praktikpladsen sammen med dig" }],
    })
    .withRelative(jonasPerson, {
      invitedName: "Jonas Hansen",
      relation: "Bror",
      scopes: ["plan", "appointments"],
      validUntil: copenhagenDay(new Date(Date.now() + 30 * 86_400_000)),
    })
    .build(database.db);
  mette = { personId: built.personId, participantId: built.participantId };
  jonas = await cookieFor(jonasPerson.demoKey);
});
afterAll(() => database.dispose());

function render(language: "da" | "en", id: string, path: string, Component: unknown, loaderData: unknown) {
  const Stub = createRoutesStub([{ id, path, Component: Component as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { [id]: loaderData } } })),
  )
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'");
}

describe("the wording rules", () => {
  it("a relative reads the jobcentre's words about the participant; titles in quotes stay", () => {
    expect(aboutParticipant("Dine noter fra »Forbered dit møde«, hvis du har skrevet noget", "Mette")).toBe(
      "Mettes noter fra »Forbered dit møde«, hvis Mette har skrevet noget",
    );
    expect(aboutParticipant("Du", "Mette")).toBe("Mette");
    expect(aboutParticipant("Lars ringede dig op. Nu klarer du det selv.", "Jonas")).toBe("Lars ringede Jonas op. Nu klarer Jonas det selv.");
    expect(aboutParticipant("Din plan, på papir", "Jonas")).toBe("Jonas' plan, på papir");
    // Words that only contain the letters are left alone.
    expect(aboutParticipant("Dueslag og dugfrisk dinosaur", "Mette")).toBe("Dueslag og dugfrisk dinosaur");
  });
  it("a caseworker reads a role without 'Din'", () => {
    expect(roleForCaseworker("Din koordinerende sagsbehandler", "Mette")).toBe("koordinerende sagsbehandler");
    expect(roleForCaseworker("Virksomhedskonsulent. Han har fundet praktikpladsen sammen med dig", "Mette")).toBe(
      "Virksomhedskonsulent. Han har fundet praktikpladsen sammen med Mette",
    );
  });
});

describe("the relative's views", () => {
  it("the plan: 'Målet i Mettes plan', 'Hvem gør det: Mette', Mette's contacts, in Danish and English", async () => {
    const result = unwrap(await run(sharedPlanLoader, get(`/hjaelper/${mette.participantId}/min-plan`, jonas), { participantId: mette.participantId }));
    const data = result.data as { plan: { agreements: { ownerText: string | null }[] } };
    const owners = data.plan.agreements.map((agreement) => agreement.ownerText);
    expect(owners).toContain("Mette");
    expect(owners).not.toContain("Du");

    const da = render("da", "plan", "/hjaelper/x/min-plan", SharedPlanPage, result.data);
    expect(da).toContain("Målet i Mettes plan");
    expect(da).toContain("Mettes koordinerende sagsbehandler");
    expect(da).toContain("Hvad det skal give Mette");
    expect(da).not.toMatch(/Målet i din plan|Din koordinerende sagsbehandler|Hvad det skal give dig|Skrevet af dig/);
    expect(da).not.toMatch(/<dd lang="da">Du<\/dd>/);
    const en = render("en", "plan", "/hjaelper/x/min-plan", SharedPlanPage, result.data);
    expect(en).toContain("The goal in Mette's plan");
    // The jobcentre's words stay in Danish; an English page says so once (issue 14, point 14).
    expect(en).toContain("Some of the text on this page is written in Danish by Mette's caseworker.");
    expect(da).not.toContain("skrevet på dansk");
    expect(en).not.toMatch(/The goal in your plan|Your coordinating caseworker|What it should give you/);
  });

  it("a meeting: what Mette should bring is 'Mettes noter', and Sara is Mette's caseworker", async () => {
    const [meeting] = await database.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.participantId, mette.participantId), sql`array_to_string(${appointments.bringItems}, '|') like 'Dine noter%'`));
    expect(meeting).toBeTruthy();
    const result = unwrap(
      await run(sharedAppointmentLoader, get(`/hjaelper/${mette.participantId}/moeder/${meeting!.id}`, jonas), { participantId: mette.participantId, id: meeting!.id }),
    );
    const data = result.data as { appointment: { bringItems: string[] }; attendees: { roleText: string }[] };
    expect(data.appointment.bringItems.some((item) => item.startsWith("Mettes noter"))).toBe(true);
    expect(data.appointment.bringItems.join(" ")).not.toMatch(/\b(Dine|Din|Dit|du|dig)\b/);
    expect(data.attendees.map((attendee) => attendee.roleText).join(" ")).not.toMatch(/^Din /);
  });
});

describe("the caseworker's briefing", () => {
  it("Sara reads '(koordinerende sagsbehandler)', 'marts 2017 – december 2018' and 'Modersmål'", async () => {
    const briefing = (await getBriefing(saraId, mette.participantId))!;
    expect(briefing.nextMeeting).toBeTruthy();
    const roles = briefing.nextMeeting!.attendees.map((attendee) => attendee.roleText);
    expect(roles.join(" | ")).not.toMatch(/(^|\| )Din /);
    // A CV as the participant shared it, with stored month dates and a language level.
    briefing.cv = {
      sharedAt: new Date("2026-11-01T10:00:00Z"),
      changedSinceShared: false,
      summary: null,
      contact: { email: null, phone: null, address: null },
      entries: [
        { id: "1", kind: "work", title: "Lagermedarbejder", organisation: "Lageret", fromText: "2017-03", toText: "2018-12", isOngoing: false, level: null, category: null },
        { id: "2", kind: "language", title: "Dansk", organisation: null, fromText: null, toText: null, isOngoing: false, level: "native", category: null },
      ],
      wishes: null,
    };
    const da = render("da", "briefing", "/sagsbehandler/x", CaseworkerBriefingPage, { briefing, printedAt: new Date(), proposals: [] });
    expect(da).toContain("Sara Nielsen <span class=\"meta\">(koordinerende sagsbehandler)</span>");
    expect(da).not.toContain("Din koordinerende sagsbehandler");
    expect(da).toContain("marts 2017 – december 2018");
    expect(da).not.toContain("2017-03");
    expect(da).toContain("Dansk<span class=\"meta\"> (Modersmål)</span>");
    expect(da).not.toContain("native");
    const en = render("en", "briefing", "/sagsbehandler/x", CaseworkerBriefingPage, { briefing, printedAt: new Date(), proposals: [] });
    expect(en).toContain("March 2017 – December 2018");
    expect(en).toContain("(Mother tongue)");
  });
});

describe("the demo plans' agreements (issue 14, point 14)", () => {
  it("an agreement someone else carries out names them ('Sara beder smerteskolen …'); the participant's own are written to 'du'", async () => {
    // About the demo itself: the seeded demo people's plans (seeding does nothing when they exist).
    await seedDemoData(database.db);
    const rows = await database.db
      .select({ text: agreements.text, owner: agreements.ownerText })
      .from(agreements)
      .innerJoin(plans, eq(plans.id, agreements.planId))
      .innerJoin(participants, eq(participants.id, plans.participantId))
      .innerJoin(persons, eq(persons.id, participants.personId))
      .where(inArray(persons.demoKey, ["mette", "ali"]));
    expect(rows.length).toBeGreaterThan(3);
    for (const { text, owner } of rows) {
      if (!owner || owner === "Du") expect(text, text).not.toMatch(/^(Beder|Tager|Ringer|Sender|Finder)\b/);
      else expect(text.startsWith(`${owner} `), `"${text}" should start with "${owner}"`).toBe(true);
    }
  });
});
