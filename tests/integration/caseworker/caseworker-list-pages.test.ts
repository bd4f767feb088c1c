import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { auditEvents, participantContacts } from "../../../db/schema";
import CaseworkerOverviewRoute, { loader as overviewLoader } from "~/features/caseworker/routes/caseworker";
import { awaitingSummary, countAwaiting, listInbox, markHandled, proposeNewTime, writeMessage, type Author } from "~/features/messages/index.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { aConversation, participantAnswers, participantWrites } from "./messages-support";

// /sagsbehandler lists the caseworker's own participants 50 a page (issue 21): page links that
// work without JavaScript, each listed participant one read in their log, and only hers.

let database: TestDatabase;
let sara: BuiltCaseworker;
let cookie: string;
/** Her 53 participants' names, sorted as the list sorts them. */
const names: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
  for (let n = 1; n <= 53; n++) {
    const lastName = `Nr ${String(n).padStart(2, "0")}`;
    await aParticipant({ person: { firstName: "Deltager", lastName } }).withCaseworker(sara).build(database.db);
    names.push(`Deltager ${lastName}`);
  }
  // Bo's own participant, and one Sara coordinated before Bo took over: neither is hers now.
  await aParticipant({ person: { firstName: "Anna", lastName: "Andersen" } }).withCaseworker(bo).build(database.db);
  const former = await aParticipant({ person: { firstName: "Aage", lastName: "Aagaard" } }).withCaseworker(bo).build(database.db);
  await database.db.insert(participantContacts).values({
    participantId: former.participantId,
    professionalId: sara.professionalId,
    role: "koordinerende_sagsbehandler",
    isPrimary: false,
    since: "2024-01-01",
  });
  cookie = await cookieFor(sara.demoKey);
});

afterAll(() => database.dispose());

interface ListData {
  participants: { participantId: string; name: string }[];
  pages: { page: number; pageCount: number; total: number };
}

async function listPage(path: string) {
  return run(overviewLoader, get(path, cookie));
}

function renderHtml(loaderData: unknown, path: string): string {
  const Stub = createRoutesStub([{ id: "page", path: "/sagsbehandler", Component: CaseworkerOverviewRoute as never, loader: () => loaderData }]);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n: createI18n("da", resources.da as never) },
      createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: loaderData } } }),
    ),
  );
}

describe("/sagsbehandler, 50 participants a page", () => {
  it("lists the first 50 of her 53 by name, and only hers", async () => {
    const data = unwrap(await listPage("/sagsbehandler")).data as ListData;
    expect(data.pages).toEqual({ page: 1, pageCount: 2, total: 53 });
    expect(data.participants.map((participant) => participant.name)).toEqual(names.slice(0, 50));
  });

  it("lists the other 3 on the second page", async () => {
    const data = unwrap(await listPage("/sagsbehandler?side=2")).data as ListData;
    expect(data.pages).toEqual({ page: 2, pageCount: 2, total: 53 });
    expect(data.participants.map((participant) => participant.name)).toEqual(names.slice(50));
  });

  it("sends a page beyond the last to the last, and reads anything but a page number as the first", async () => {
    const beyond = await listPage("/sagsbehandler?side=9");
    expect(beyond).toBeInstanceOf(Response);
    expect((beyond as Response).status).toBe(302);
    expect((beyond as Response).headers.get("Location")).toBe("/sagsbehandler?side=2");
    for (const odd of ["0", "-1", "abc", "1.5"]) {
      const data = unwrap(await listPage(`/sagsbehandler?side=${odd}`)).data as ListData;
      expect(data.pages.page).toBe(1);
    }
  });

  it("writes one read in the log of each participant on the page, not of the others", async () => {
    const before = await listReads();
    const data = unwrap(await listPage("/sagsbehandler?side=2")).data as ListData;
    const after = await listReads();
    const added = after.slice(before.length);
    expect(added.sort()).toEqual(data.participants.map((participant) => participant.participantId).sort());
  });

  it("links to the other pages with plain links (no JavaScript needed), and says which page this is", async () => {
    const first = renderHtml(unwrap(await listPage("/sagsbehandler")).data, "/sagsbehandler");
    expect(first).toContain('aria-label="Sider med deltagere"');
    expect(first).toMatch(/<a href="\/sagsbehandler\?side=2" rel="next">Næste side<\/a>/);
    expect(first).not.toContain("Forrige side");
    expect(first).toMatch(/<a href="\/sagsbehandler" aria-current="page" aria-label="Side 1">1<\/a>/);
    expect(first).toContain("Deltager 1 til 50 af 53");
    expect(first).toContain("<title>Dine deltagere (side 1 af 2)");

    const second = renderHtml(unwrap(await listPage("/sagsbehandler?side=2")).data, "/sagsbehandler?side=2");
    expect(second).toMatch(/<a href="\/sagsbehandler" rel="prev">Forrige side<\/a>/);
    expect(second).not.toContain("Næste side");
    expect(second).toContain("Deltager 51 til 53 af 53");
  });
});

describe("the list's count of messages waiting for her answer", () => {
  it("counts as the inbox does: answered, handled, a new message after, a proposed and an answered time", async () => {
    const participants: BuiltParticipant[] = [];
    for (const name of ["Anna", "Bent", "Carla"]) {
      const meeting = { title: "Samtale", startsAt: new Date(Date.UTC(2026, 11, 20, 9)), endsAt: new Date(Date.UTC(2026, 11, 20, 10)) };
      participants.push(await aParticipant({ person: { firstName: name, lastName: "Venter" } }).withCaseworker(sara).withAppointment(meeting).build(database.db));
    }
    const [anna, bent, carla] = participants as [BuiltParticipant, BuiltParticipant, BuiltParticipant];
    const day = (n: number) => new Date(Date.UTC(2026, 10, 2 + n, 9));
    const saraFor = (participant: BuiltParticipant): Author => ({ personId: sara.personId, participantId: participant.participantId, role: "caseworker", name: "Sara Nielsen" });
    const answer = (participant: BuiltParticipant, conversationId: string, at: Date) =>
      writeMessage(saraFor(participant), conversationId, { body: "Tak, jeg vender tilbage.", submissionId: crypto.randomUUID() }, at);

    await aConversation(anna, { at: day(0) }); // waiting
    const answered = await aConversation(anna, { at: day(0) });
    await answer(anna, answered, day(1)); // answered
    const again = await aConversation(bent, { at: day(0) });
    await answer(bent, again, day(1));
    await participantWrites(bent, again, "Og en ting mere.", day(2)); // waiting again
    const handled = await aConversation(bent, { at: day(0) });
    await markHandled(saraFor(bent), handled, day(1)); // handled
    const aboutMeeting = { topic: "absence" as const, subject: "Kan ikke komme", appointmentId: carla.appointmentIds[0] };
    const proposed = await aConversation(carla, { ...aboutMeeting, at: day(0) });
    const proposal = await proposeNewTime(saraFor(carla), proposed, { startsAt: day(20), endsAt: day(20.05) }, day(1)); // a new time waits for her
    const accepted = await aConversation(carla, { ...aboutMeeting, at: day(0) });
    const second = await proposeNewTime(saraFor(carla), accepted, { startsAt: day(21), endsAt: day(21.05) }, day(1));
    if (proposal.status !== "proposed" || second.status !== "proposed") throw new Error("no proposal");
    await participantAnswers(carla, accepted, second.proposalId, true, day(2)); // her answer waits for Sara

    const ids = participants.map((participant) => participant.participantId);
    const fromInbox: Record<string, number> = {};
    for (const item of await listInbox(ids, { answerWorkdays: () => 3 })) {
      if (item.state === "awaiting") fromInbox[item.participantId] = (fromInbox[item.participantId] ?? 0) + 1;
    }
    expect(await countAwaiting(ids)).toEqual(fromInbox);
    expect(fromInbox).toEqual({ [anna.participantId]: 1, [bent.participantId]: 1, [carla.participantId]: 1 });
    // The list's page: the count per participant only for those shown, the total over all of them.
    expect(await awaitingSummary(ids, [anna.participantId])).toEqual({ total: 3, byParticipant: { [anna.participantId]: 1 } });
    expect(await awaitingSummary(ids, [])).toEqual({ total: 3, byParticipant: {} });
    expect(await awaitingSummary([])).toEqual({ total: 0, byParticipant: {} });
  });
});

/** The participants whose log got a "read in the caseworker's list" row, oldest first. */
async function listReads(): Promise<string[]> {
  const rows = await database.db
    .select({ participantId: auditEvents.participantId })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorPersonId, sara.personId), eq(auditEvents.action, "caseworker.briefing_viewed")))
    .orderBy(auditEvents.id);
  return rows.map((row) => row.participantId!);
}
