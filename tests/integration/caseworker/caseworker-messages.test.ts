import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { appointmentProposals, auditEvents, conversations, messages } from "../../../db/schema";
import { getConversation, listConversations, listInbox, markHandled, writeMessage, type Author } from "~/features/messages/index.server";
import { loader as participantConversationLoader } from "~/features/messages/routes/conversation";
import { conversationsFor, inboxPageOf, openConversation } from "~/features/caseworker/messages.server";
import { loader as overviewLoader } from "~/features/caseworker/routes/caseworker";
import { loader as briefingLoader } from "~/features/caseworker/routes/caseworker-briefing";
import CaseworkerConversationRoute, {
  action as conversationAction,
  loader as conversationLoader,
} from "~/features/caseworker/routes/caseworker-conversation";
import CaseworkerInboxRoute, { loader as inboxLoader } from "~/features/caseworker/routes/caseworker-inbox";
import RelativesLogRoute, { loader as logLoader } from "~/features/relatives/routes/relatives-log";
import { copenhagenDay, formatTime } from "~/lib/dates";
import { dueState } from "~/features/caseworker/messages-ui";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { aConversation, participantAnswers, participantWrites, renderText } from "./messages-support";

// The caseworker's side of the messages (issue 18): /sagsbehandler/beskeder and one conversation.
// Each test builds its own people (db/builders.ts) and conversations (messages-support.ts).

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

interface InboxData {
  rows: { id: string; participantId: string; participantName: string; state: string; unread: number; waitingSince: Date | null; topic: string }[];
}
interface ConversationData {
  participant: { id: string; name: string };
  conversation: {
    id: string;
    messages: { id: string; authorRole: string; authorName: string; body: string; readAt: Date | null }[];
    proposals: { id: string; status: string; startsAt: Date; endsAt: Date }[];
  };
  item: { state: string } | null;
  newMessageIds: string[];
  meeting: { id: string; title: string } | null;
  submissionId: string;
}

/**
 * Sara coordinates Mette (with a meeting) and Ali; Bo, another caseworker, coordinates Ulla.
 * Jonas is Mette's relative (an active grant). Everyone can sign in.
 */
async function people() {
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withAppointment({ title: "Samtale med Sara", startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 5 * DAY + HOUR) })
    .withRelative(jonas, { scopes: ["plan", "appointments"] })
    .build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(sara).build(database.db);
  const ulla = await aParticipant({ person: { firstName: "Ulla", lastName: "Udenfor" } }).withCaseworker(bo).build(database.db);
  const cookies = {
    sara: await cookieFor(sara.demoKey),
    bo: await cookieFor(bo.demoKey),
    jonas: await cookieFor(jonas.demoKey),
    mette: await cookieFor(mette.demoKey),
  };
  return { sara, bo, jonas, mette, ali, ulla, cookies };
}

const caseworkerAuthor = (caseworker: BuiltCaseworker, participant: BuiltParticipant): Author => ({
  personId: caseworker.personId,
  participantId: participant.participantId,
  role: "caseworker",
  name: caseworker.name,
});

const inboxOf = async (cookie: string) => unwrap(await run(inboxLoader, get("/sagsbehandler/beskeder", cookie))).data as InboxData;
const open = async (id: string, cookie: string) => run(conversationLoader, get(`/sagsbehandler/beskeder/${id}`, cookie), { conversationId: id });
const openData = async (id: string, cookie: string) => unwrap(await open(id, cookie)).data as ConversationData;
const act = async (id: string, form: Record<string, string>, cookie: string) =>
  run(conversationAction, post(`/sagsbehandler/beskeder/${id}`, form, cookie), { conversationId: id });
const statusOf = (result: unknown) => unwrap(result).status;
const locationOf = (result: unknown) => (result as Response).headers.get("Location");

/** Date fields of a day `days` ahead, in Copenhagen. */
function dayAhead(days: number) {
  const day = copenhagenDay(new Date(Date.now() + days * DAY));
  const [year, month, date] = day.split("-");
  return { day, fields: { "date.day": String(Number(date)), "date.month": String(Number(month)), "date.year": year! } };
}

async function viewedRows(conversationId?: string) {
  const rows = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "caseworker.conversation_viewed"));
  return conversationId ? rows.filter((row) => (row.details as { conversationId?: string }).conversationId === conversationId) : rows;
}

describe("the inbox /sagsbehandler/beskeder", () => {
  it("lists only her participants' conversations: waiting first, the longest wait on top, then the rest, newest first", async () => {
    const { sara, mette, ali, ulla, cookies } = await people();
    const saraFor = (participant: BuiltParticipant) => caseworkerAuthor(sara, participant);
    // Ten days: past the two working days to answer in whatever weekday (and holiday) the test runs on.
    const absence = await aConversation(mette, { topic: "absence", subject: "Kan ikke komme", appointmentId: mette.appointmentIds[0], at: ago(10 * DAY) });
    const callback = await aConversation(ali, {
      topic: "callback",
      subject: "Ring mig op",
      body: "",
      callback: { on: copenhagenDay(new Date(Date.now() + DAY)), window: "morning", phone: "12345678" },
      at: ago(DAY),
    });
    // Answered by Sara: not waiting.
    const answered = await aConversation(mette, { subject: "Praktikken", at: ago(5 * DAY) });
    await writeMessage(saraFor(mette), answered, { body: "Det lyder godt.", submissionId: crypto.randomUUID() }, ago(4 * DAY));
    // Marked handled: not waiting.
    const handled = await aConversation(ali, { topic: "disagreement", subject: "Delmål 2", at: ago(6 * DAY) });
    await markHandled(saraFor(ali), handled, ago(5 * DAY));
    // Answered long ago, then a new message two hours ago: waiting since then.
    const again = await aConversation(mette, { subject: "Bussen", at: ago(10 * DAY) });
    await writeMessage(saraFor(mette), again, { body: "Tag linje 5.", submissionId: crypto.randomUUID() }, ago(9 * DAY));
    await participantWrites(mette, again, "Den kører ikke mere.", ago(2 * HOUR));
    // Bo's participant: never in Sara's inbox.
    const ullas = await aConversation(ulla, { subject: "Ullas spørgsmål", at: ago(20 * DAY) });

    const inbox = await inboxOf(cookies.sara);
    expect(inbox.rows.map((row) => row.id)).toEqual([absence, callback, again, answered, handled]);
    expect(inbox.rows.map((row) => row.state)).toEqual(["awaiting", "awaiting", "awaiting", "answered", "handled"]);
    expect(inbox.rows[0]).toMatchObject({ participantName: "Mette Hansen", topic: "absence", unread: 1 });
    // "Ring mig op" without a note still waits, from when it was asked.
    expect(inbox.rows[1]).toMatchObject({ participantName: "Ali Hassan", topic: "callback", unread: 0 });
    expect(inbox.rows[2]!.waitingSince!.getTime()).toBeGreaterThan(Date.now() - 3 * HOUR);
    expect((await inboxOf(cookies.bo)).rows.map((row) => row.id)).toEqual([ullas]);

    // What she sees at a glance, in Danish and English.
    const da = renderText("da", "/sagsbehandler/beskeder", CaseworkerInboxRoute, inbox);
    expect(da).toContain("Venter på dit svar (3)");
    expect(da).toContain("Andre samtaler (2)");
    expect(da).toMatch(/Kan ikke komme.*Har ventet 10 dage, siden/);
    expect(da).toContain("Over svarfristen");
    expect(da).toMatch(/Ønsker et opkald \S+ den \d+\. \S+, om formiddagen/);
    expect(da).toContain("1 ny besked");
    expect(da).not.toContain("Ullas spørgsmål");
    const en = renderText("en", "/sagsbehandler/beskeder", CaseworkerInboxRoute, inbox);
    expect(en).toContain("Waiting for your answer (3)");
    expect(en).toContain("Has waited 10 days, since");
  });

  it("is counted on /sagsbehandler (and per person) and listed on her briefing", async () => {
    const { mette, ali, cookies } = await people();
    await aConversation(mette, { at: ago(DAY) });
    await aConversation(mette, { subject: "Noget andet", at: ago(HOUR) });
    await aConversation(ali, { at: ago(2 * DAY) });
    const overview = unwrap(await run(overviewLoader, get("/sagsbehandler", cookies.sara))).data as { awaiting: Record<string, number> };
    expect(overview.awaiting).toEqual({ [mette.participantId]: 2, [ali.participantId]: 1 });
    const briefing = unwrap(await run(briefingLoader, get(`/sagsbehandler/${mette.participantId}`, cookies.sara), { participantId: mette.participantId }))
      .data as { messages: { items: { participantId: string; state: string }[] } };
    expect(briefing.messages.items).toHaveLength(2);
    expect(briefing.messages.items.every((item) => item.participantId === mette.participantId && item.state === "awaiting")).toBe(true);
  });

  it("shows 50 a page, the waiting first over every page; logs only the people shown; a page past the last is the last", async () => {
    const kim = await aCaseworker({ person: { firstName: "Kim", lastName: "Krog" } }).build(database.db);
    const waits = await aParticipant({ person: { firstName: "Vera", lastName: "Venter" } }).withCaseworker(kim).build(database.db);
    const answeredOnly = await aParticipant({ person: { firstName: "Svend", lastName: "Svaret" } }).withCaseworker(kim).build(database.db);
    const cookie = await cookieFor(kim.demoKey);
    // 52 waiting for Kim (the first began 60 days ago, one a day), then 3 she has answered.
    const waiting: string[] = [];
    for (let day = 60; day > 8; day--) waiting.push(await aConversation(waits, { subject: `Spørgsmål ${day}`, at: ago(day * DAY) }));
    const answered: string[] = [];
    for (let hour = 3; hour >= 1; hour--) {
      const id = await aConversation(answeredOnly, { subject: `Besvaret ${hour}`, at: ago(hour * DAY) });
      await writeMessage(caseworkerAuthor(kim, answeredOnly), id, { body: "Tak, det ordner jeg.", submissionId: crypto.randomUUID() }, ago(hour * HOUR));
      answered.unshift(id);
    }
    const pageOf = async (path: string) =>
      unwrap(await run(inboxLoader, get(path, cookie))).data as InboxData & { page: number; pageCount: number; total: number; waiting: number; late: number; dueToday: number };
    const logged = async () =>
      (await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "caseworker.conversation_viewed"), eq(auditEvents.actorPersonId, kim.personId)))).map(
        (row) => row.participantId,
      );

    const first = await pageOf("/sagsbehandler/beskeder");
    // Every wait began 9 days ago or more: all of them are late.
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 55, waiting: 52, late: 52, dueToday: 0 });
    expect(first.rows.map((row) => row.id)).toEqual(waiting.slice(0, 50));
    // Only Vera's conversations were on the page: Svend's are not read yet.
    expect(new Set(await logged())).toEqual(new Set([waits.participantId]));
    const firstText = renderText("da", "/sagsbehandler/beskeder", CaseworkerInboxRoute, first);
    expect(firstText).toContain("Samtale 1 til 50 af 55");
    expect(firstText).toContain("Venter på dit svar (52)");
    expect(firstText).not.toContain("Andre samtaler");
    expect(firstText).toContain("Næste side");

    const second = await pageOf("/sagsbehandler/beskeder?side=2");
    expect(second.rows.map((row) => row.id)).toEqual([...waiting.slice(50), ...answered]);
    expect(new Set(await logged())).toEqual(new Set([waits.participantId, answeredOnly.participantId]));
    const secondText = renderText("da", "/sagsbehandler/beskeder", CaseworkerInboxRoute, second);
    expect(secondText).toContain("Samtale 51 til 55 af 55");
    expect(secondText).toContain("Beskeder (side 2 af 2)");
    expect(secondText).toMatch(/Venter på dit svar \(52\)[\s\S]*Andre samtaler \(3\)/);
    expect(secondText).toContain("Forrige side");
    expect(renderText("en", "/sagsbehandler/beskeder", CaseworkerInboxRoute, second)).toContain("Conversations 51 to 55 of 55");

    const beyond = await run(inboxLoader, get("/sagsbehandler/beskeder?side=3", cookie));
    expect(statusOf(beyond)).toBe(302);
    expect(locationOf(beyond)).toBe("/sagsbehandler/beskeder?side=2");
  });

  it("counts the waits that are late and due today as each conversation's own deadline says, by its municipality's answer time", async () => {
    const lea = await aCaseworker({ person: { firstName: "Lea", lastName: "Lund" } }).build(database.db);
    // Solbjerg promises an answer within 2 working days, Fjordby within 3.
    const solbjerg = await aParticipant({ person: { firstName: "Sofie", lastName: "Solbjerg" } }).withCaseworker(lea).build(database.db);
    const fjordby = await aParticipant({ person: { firstName: "Frede", lastName: "Fjord" }, participant: { municipalityKey: "fjordby" } })
      .withCaseworker(lea)
      .build(database.db);
    // Waits that began on each of the last 12 days, on both sides of midnight in Copenhagen in winter
    // (22:55 and 23:05 UTC), and one that was answered.
    for (const participant of [solbjerg, fjordby]) {
      for (let day = 0; day <= 12; day++) {
        const date = new Date(Date.now() - day * DAY).toISOString().slice(0, 10);
        for (const at of [new Date(`${date}T22:55:00Z`), new Date(`${date}T23:05:00Z`)].filter((at) => at.getTime() < Date.now())) {
          await aConversation(participant, { subject: `Fra ${at.toISOString()}`, at });
        }
      }
      const answered = await aConversation(participant, { subject: "Besvaret", at: ago(20 * DAY) });
      await writeMessage(caseworkerAuthor(lea, participant), answered, { body: "Svar.", submissionId: crypto.randomUUID() }, ago(19 * DAY));
    }
    const now = new Date();
    const whole = await listInbox([solbjerg.participantId, fjordby.participantId], {
      answerWorkdays: (id) => (id === fjordby.participantId ? 3 : 2),
    });
    const waiting = whole.filter((item) => item.state === "awaiting");
    const states = waiting.map((item) => dueState(item.answerDueOn, now));
    const inbox = unwrap(await run(inboxLoader, get("/sagsbehandler/beskeder", await cookieFor(lea.demoKey)))).data as InboxData & {
      total: number;
      waiting: number;
      late: number;
      dueToday: number;
      answerWorkdays: number | null;
    };
    expect(inbox).toMatchObject({
      total: whole.length,
      waiting: waiting.length,
      late: states.filter((state) => state === "late").length,
      dueToday: states.filter((state) => state === "today").length,
      // Two municipalities, two answer times: each row says its own.
      answerWorkdays: null,
    });
    expect(inbox.late).toBeGreaterThan(0);
    expect(inbox.rows.map((row) => row.id)).toEqual(whole.slice(0, 50).map((item) => item.id));
  });

  it("places every conversation where the whole list would (its order is worked out in the database)", async () => {
    const lis = await aCaseworker({ person: { firstName: "Lis", lastName: "Lund" } }).build(database.db);
    const asta = await aParticipant({ person: { firstName: "Asta", lastName: "Andersen" } })
      .withCaseworker(lis)
      .withAppointment({ title: "Samtale", startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 5 * DAY + HOUR) })
      .build(database.db);
    const bent = await aParticipant({ person: { firstName: "Bent", lastName: "Bach" } }).withCaseworker(lis).build(database.db);
    const lisFor = (participant: BuiltParticipant) => caseworkerAuthor(lis, participant);
    const unanswered = await aConversation(asta, { subject: "Ikke besvaret", at: ago(10 * DAY) });
    // Answered, then two more messages: waiting since the first of them.
    const twice = await aConversation(asta, { subject: "To gange", at: ago(8 * DAY) });
    await writeMessage(lisFor(asta), twice, { body: "Svar.", submissionId: crypto.randomUUID() }, ago(7 * DAY));
    await participantWrites(asta, twice, "Tak, men ...", ago(3 * DAY));
    await participantWrites(asta, twice, "Og så ...", ago(2 * DAY));
    const handled = await aConversation(bent, { subject: "Håndteret", at: ago(6 * DAY) });
    await markHandled(lisFor(bent), handled, ago(5 * DAY));
    const reopened = await aConversation(bent, { subject: "Åbnet igen", at: ago(4 * DAY) });
    await markHandled(lisFor(bent), reopened, ago(3 * DAY));
    await participantWrites(bent, reopened, "Der er sket noget nyt.", ago(HOUR));
    // Marked handled as of a moment before her last message (a request that began before it):
    // still waiting, since that message.
    const overtaken = await aConversation(bent, { subject: "Overhalet", at: ago(5 * DAY) });
    await participantWrites(bent, overtaken, "En ting mere.", ago(DAY));
    await markHandled(lisFor(bent), overtaken, ago(2 * DAY));
    // A new time proposed and answered: waiting since her answer.
    const moved = await aConversation(asta, { topic: "absence", subject: "Kan ikke komme", appointmentId: asta.appointmentIds[0], at: ago(2 * DAY) });
    const { fields } = dayAhead(30);
    expect(statusOf(await act(moved, { intent: "propose", ...fields, startTime: "9.30", endTime: "10:15" }, await cookieFor(lis.demoKey)))).toBe(302);
    const [proposal] = await database.db.select().from(appointmentProposals).where(eq(appointmentProposals.conversationId, moved));
    await participantAnswers(asta, moved, proposal!.id, true, new Date(Date.now() + 1000));

    const ids = [asta.participantId, bent.participantId];
    const whole = await listInbox(ids, { answerWorkdays: () => 2 });
    // Her inbox's page, placed in the database (caseworker_portal.inbox_page): the same items in the same order.
    const page = await inboxPageOf(lis.personId, 1);
    expect(page.rows.map(({ participantName: _name, participantFirstName: _firstName, ...item }) => item)).toEqual(whole);
    expect(page.rows.map((row) => row.participantName)).toEqual(["Asta Andersen", "Asta Andersen", "Bent Bach", "Bent Bach", "Asta Andersen", "Bent Bach"]);
    expect(whole.map((item) => item.id)).toEqual([unanswered, twice, overtaken, reopened, moved, handled]);
    expect(whole[1]!.waitingSince!.getTime()).toBeLessThan(Date.now() - 2.5 * DAY);
    expect(whole[2]!.waitingSince!.getTime()).toBeGreaterThan(Date.now() - 1.5 * DAY);
    // Each conversation's own page says where it stands as the inbox does (worked out from the
    // conversation it has read, not from all of the participant's): only now read by her.
    for (const participant of [asta, bent]) {
      for (const expected of await conversationsFor(participant.participantId)) {
        expect((await openConversation(lis.personId, expected.id))!.item, expected.subject).toEqual({ ...expected, unread: 0 });
      }
    }
  });

  it("is 404 for a participant and a relative, and sends a signed-out visitor to sign in", async () => {
    const { cookies } = await people();
    expect(statusOf(await run(inboxLoader, get("/sagsbehandler/beskeder", cookies.mette)))).toBe(404);
    expect(statusOf(await run(inboxLoader, get("/sagsbehandler/beskeder", cookies.jonas)))).toBe(404);
    const signedOut = await run(inboxLoader, get("/sagsbehandler/beskeder"));
    expect(statusOf(signedOut)).toBe(302);
    expect(locationOf(signedOut)).toBe("/log-ind");
  });
});

describe("one conversation /sagsbehandler/beskeder/:id", () => {
  it("a reply reaches the participant, once however often it is sent, and answers the request", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { topic: "absence", subject: "Kan ikke komme", appointmentId: mette.appointmentIds[0], at: ago(HOUR) });
    const page = await openData(id, cookies.sara);
    expect(page.meeting).toMatchObject({ id: mette.appointmentIds[0], title: "Samtale med Sara" });
    const form = { intent: "reply", body: "Tak for beskeden. Vi finder en ny tid.", submissionId: page.submissionId };
    const sent = await act(id, form, cookies.sara);
    expect(statusOf(sent)).toBe(302);
    expect(locationOf(sent)).toBe(`/sagsbehandler/beskeder/${id}?sendt=svar`);
    expect(statusOf(await act(id, form, cookies.sara))).toBe(302); // sent twice: stored once

    const hers = await getConversation(mette.participantId, id);
    expect(hers!.messages.filter((message) => message.authorRole === "caseworker")).toEqual([
      expect.objectContaining({ authorName: "Sara Nielsen", body: "Tak for beskeden. Vi finder en ny tid.", readAt: null }),
    ]);
    expect(hers!.status).toBe("answered");
    expect((await listConversations(mette.participantId))[0]).toMatchObject({ id, unread: 1, status: "answered" });
    expect((await inboxOf(cookies.sara)).rows.find((row) => row.id === id)!.state).toBe("answered");
  });

  it("refuses an empty or too long reply, says why, keeps what she typed and stores nothing", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { at: ago(HOUR) });
    const page = await openData(id, cookies.sara);
    const empty = unwrap(await act(id, { intent: "reply", body: "   ", submissionId: page.submissionId }, cookies.sara));
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ intent: "reply", result: { error: { body: ["conversation.errors.bodyRequired"] } } });
    const long = "å".repeat(2001);
    const tooLong = unwrap(await act(id, { intent: "reply", body: long, submissionId: page.submissionId }, cookies.sara));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data).toMatchObject({ result: { error: { body: ["conversation.errors.bodyTooLong"] }, initialValue: { body: long } } });
    expect(await database.db.$count(messages, and(eq(messages.conversationId, id), eq(messages.authorRole, "caseworker")))).toBe(0);

    // The page says it in words, with the error summary and "Fejl:" in the title, keeping the text.
    const text = renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...page, now: new Date(), notice: null }, tooLong.data);
    expect(text).toContain("Der er et problem");
    expect(text).toContain("Dit svar kan højst være 2000 tegn. Gør det kortere");
    expect(text).toContain("Fejl: Et spørgsmål");
    expect(text).toContain(long);
  });

  it("gives receipts both ways: her opening marks the participant's words read, and the participant's opening marks hers", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { body: "Hvornår er mødet?", at: ago(HOUR) });
    const before = await getConversation(mette.participantId, id);
    expect(before!.messages[0]!.readAt).toBeNull();
    expect(before!.status).toBeNull(); // a plain message has no request status

    const first = await openData(id, cookies.sara);
    expect(first.newMessageIds).toEqual([before!.messages[0]!.id]);
    const read = await getConversation(mette.participantId, id);
    expect(read!.messages[0]!.readAt).not.toBeNull();
    // Opening again: nothing new.
    expect((await openData(id, cookies.sara)).newMessageIds).toEqual([]);

    await act(id, { intent: "reply", body: "På torsdag kl. 10.", submissionId: first.submissionId }, cookies.sara);
    const notYet = await openData(id, cookies.sara);
    expect(notYet.conversation.messages.at(-1)).toMatchObject({ authorRole: "caseworker", readAt: null });
    expect(renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...notYet, now: new Date(), notice: "sent" })).toContain(
      "Ikke læst endnu",
    );

    // Mette opens it on her side (the lead's /beskeder/:id): Sara's reply is read.
    await run(participantConversationLoader, get(`/beskeder/${id}`, cookies.mette), { id });
    const after = await openData(id, cookies.sara);
    const reply = after.conversation.messages.at(-1)!;
    expect(reply.readAt).not.toBeNull();
    const da = renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...after, now: new Date(), notice: null });
    expect(da).toMatch(new RegExp(`Læst af Mette \\S+ den \\d+\\. \\S+ kl\\. ${formatTime(reply.readAt!, "da").replace(".", "\\.")}`));
    const en = renderText("en", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...after, now: new Date(), notice: null });
    expect(en).toMatch(/Read by Mette \S+ \d+ \S+ at \d\d:\d\d/);
  });

  it("marked handled it leaves the waiting list; a new message from the participant's side brings it back", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { at: ago(DAY) });
    const handled = await act(id, { intent: "handled" }, cookies.sara);
    expect(locationOf(handled)).toBe(`/sagsbehandler/beskeder/${id}?sendt=haandteret`);
    expect((await inboxOf(cookies.sara)).rows.find((row) => row.id === id)!.state).toBe("handled");
    const page = await openData(id, cookies.sara);
    expect(page.item!.state).toBe("handled");
    expect(renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...page, now: new Date(), notice: "handled" })).not.toContain(
      "Markér som håndteret",
    );

    await participantWrites(mette, id, "Jeg har et spørgsmål mere.", new Date());
    // Back among those waiting, with her new message unread.
    expect((await inboxOf(cookies.sara)).rows[0]).toMatchObject({ id, state: "awaiting", unread: 1 });
  });

  it("proposes a new time for the meeting, in Copenhagen time; the participant's answer shows here and reopens it", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { topic: "absence", subject: "Kan ikke komme", appointmentId: mette.appointmentIds[0], at: ago(DAY) });
    const { day, fields } = dayAhead(30);
    const proposed = await act(id, { intent: "propose", ...fields, startTime: "9.30", endTime: "10:15" }, cookies.sara);
    expect(statusOf(proposed)).toBe(302);
    expect(locationOf(proposed)).toBe(`/sagsbehandler/beskeder/${id}?sendt=ny-tid`);
    const [proposal] = await database.db.select().from(appointmentProposals).where(eq(appointmentProposals.conversationId, id));
    expect(proposal).toMatchObject({ status: "proposed", appointmentId: mette.appointmentIds[0] });
    expect(copenhagenDay(proposal!.startsAt)).toBe(day);
    expect(formatTime(proposal!.startsAt, "da")).toBe("09.30");
    expect(formatTime(proposal!.endsAt, "da")).toBe("10.15");
    // A proposed time answers her: no longer waiting, and she sees it as "ny tid foreslået".
    expect((await inboxOf(cookies.sara)).rows[0]).toMatchObject({ id, state: "new_time_proposed" });
    expect((await getConversation(mette.participantId, id))!.status).toBe("new_time_proposed");
    const page = await openData(id, cookies.sara);
    expect(renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...page, now: new Date(), notice: "proposed" })).toContain(
      "Venter på svar fra Mette",
    );

    expect((await participantAnswers(mette, id, proposal!.id, false)).status).toBe("declined");
    const declined = await openData(id, cookies.sara);
    expect(declined.item!.state).toBe("awaiting");
    expect(renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...declined, now: new Date(), notice: null })).toMatch(
      /Mette sagde nej \S+ den/,
    );
  });

  it("refuses a new time in the past, an end before the start and missing fields, and keeps what she typed", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { appointmentId: mette.appointmentIds[0], at: ago(DAY) });
    const past = unwrap(await act(id, { intent: "propose", ...dayAhead(-2).fields, startTime: "10", endTime: "11" }, cookies.sara));
    expect(past).toMatchObject({ status: 400, data: { result: { error: { date: ["conversation.errors.dateInPast"] } } } });
    const backwards = unwrap(await act(id, { intent: "propose", ...dayAhead(3).fields, startTime: "11.00", endTime: "10.00" }, cookies.sara));
    expect(backwards).toMatchObject({ status: 400, data: { result: { error: { endTime: ["conversation.errors.endBeforeStart"] } } } });
    const missing = unwrap(await act(id, { intent: "propose", "date.day": "31", "date.month": "2", "date.year": "2027", startTime: "25.00" }, cookies.sara));
    expect(missing).toMatchObject({
      status: 400,
      data: {
        result: {
          error: { date: ["conversation.errors.dateInvalid"], startTime: ["conversation.errors.timeInvalid"], endTime: ["conversation.errors.endRequired"] },
          initialValue: { date: { day: "31", month: "2", year: "2027" }, startTime: "25.00" },
        },
      },
    });
    expect(await database.db.$count(appointmentProposals, eq(appointmentProposals.conversationId, id))).toBe(0);
    const page = await openData(id, cookies.sara);
    const text = renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...page, now: new Date(), notice: null }, missing.data);
    expect(text).toContain("Skriv en rigtig dato");
    expect(text).toContain("Skriv tiden som timer og minutter, for eksempel 10.00");
  });

  it("offers no new time for a conversation that is not about a meeting, and refuses one posted anyway", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { at: ago(DAY) });
    const page = await openData(id, cookies.sara);
    expect(renderText("da", `/sagsbehandler/beskeder/${id}`, CaseworkerConversationRoute, { ...page, now: new Date(), notice: null })).not.toContain(
      "Foreslå en ny tid",
    );
    const refused = unwrap(await act(id, { intent: "propose", ...dayAhead(3).fields, startTime: "10", endTime: "11" }, cookies.sara));
    expect(refused).toMatchObject({ status: 400, data: { result: { error: { "": ["conversation.errors.noMeeting"] } } } });
    expect(await database.db.$count(appointmentProposals, eq(appointmentProposals.conversationId, id))).toBe(0);
  });

  it("each opening writes one audit row without free text, shown in her access log as 'Din sagsbehandler'", async () => {
    const { mette, ali, cookies } = await people();
    const id = await aConversation(mette, { subject: "Hemmeligt emne", body: "Noget privat", at: ago(HOUR) });
    await open(id, cookies.sara);
    const rows = await viewedRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ participantId: mette.participantId, details: { page: "conversation", conversationId: id } });
    expect(JSON.stringify(rows[0]!.details)).not.toMatch(/Hemmeligt|privat/);

    const log = unwrap(await run(logLoader, get("/paaroerende/log", cookies.mette))).data as {
      entries: { action: string; actorName: string | null; byCaseworker: boolean; details: { page?: string } }[];
    };
    const reads = log.entries.filter((entry) => entry.action === "caseworker.conversation_viewed");
    expect(reads).toEqual([expect.objectContaining({ byCaseworker: true, actorName: null, details: expect.objectContaining({ page: "conversation" }) })]);
    expect(JSON.stringify(log)).not.toMatch(/Sara|Nielsen/);
    expect(renderText("da", "/paaroerende/log", RelativesLogRoute, log)).toMatch(/Din sagsbehandler\s*: Læste en af dine samtaler i Beskeder/);
    expect(renderText("en", "/paaroerende/log", RelativesLogRoute, log)).toMatch(/Your caseworker\s*: Read one of your conversations in Messages/);

    // The inbox lists her subject: one read for her, none for Ali, who has written nothing.
    await inboxOf(cookies.sara);
    const inboxReads = (await viewedRows()).filter((row) => (row.details as { page?: string }).page === "inbox");
    expect(inboxReads.filter((row) => row.participantId === mette.participantId)).toHaveLength(1);
    expect(inboxReads.filter((row) => row.participantId === ali.participantId)).toHaveLength(0);
    const logAfter = unwrap(await run(logLoader, get("/paaroerende/log", cookies.mette))).data;
    expect(renderText("da", "/paaroerende/log", RelativesLogRoute, logAfter)).toMatch(/Din sagsbehandler\s*: Så emnerne på dine beskeder/);
  });
});

describe("everyone else gets 404, and their posts change nothing", () => {
  it("another caseworker: the page, a reply, 'handled' and a new time are all 404 and write nothing", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { appointmentId: mette.appointmentIds[0], at: ago(HOUR) });
    const auditBefore = await database.db.$count(auditEvents, eq(auditEvents.participantId, mette.participantId));
    expect(statusOf(await open(id, cookies.bo))).toBe(404);
    expect(statusOf(await act(id, { intent: "reply", body: "Fra Bo", submissionId: crypto.randomUUID() }, cookies.bo))).toBe(404);
    expect(statusOf(await act(id, { intent: "handled" }, cookies.bo))).toBe(404);
    expect(statusOf(await act(id, { intent: "propose", ...dayAhead(3).fields, startTime: "10", endTime: "11" }, cookies.bo))).toBe(404);

    expect(await database.db.$count(messages, eq(messages.conversationId, id))).toBe(1);
    const [row] = await database.db.select().from(conversations).where(eq(conversations.id, id));
    expect(row!.handledAt).toBeNull();
    expect(await database.db.$count(appointmentProposals, eq(appointmentProposals.conversationId, id))).toBe(0);
    // Not "seen", and her message is still unread.
    expect(await database.db.$count(auditEvents, eq(auditEvents.participantId, mette.participantId))).toBe(auditBefore);
    expect((await getConversation(mette.participantId, id))!.messages[0]!.readAt).toBeNull();
  });

  it("the participant herself, her relative and a signed-out visitor get 404 for the page and its actions", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { at: ago(HOUR) });
    for (const cookie of [cookies.mette, cookies.jonas, undefined]) {
      expect(statusOf(await open(id, cookie as string))).toBe(404);
      expect(statusOf(await act(id, { intent: "reply", body: "Hej", submissionId: crypto.randomUUID() }, cookie as string))).toBe(404);
      expect(statusOf(await act(id, { intent: "handled" }, cookie as string))).toBe(404);
    }
    expect(await database.db.$count(messages, eq(messages.conversationId, id))).toBe(1);
    expect(await viewedRows(id)).toHaveLength(0);
  });

  it("an unknown id and a malformed id are 404, never a database error", async () => {
    const { cookies } = await people();
    for (const id of [crypto.randomUUID(), "abc", "1' or '1'='1", "00000000-0000-0000-0000-00000000000g"]) {
      expect(statusOf(await open(id, cookies.sara))).toBe(404);
      expect(statusOf(await act(id, { intent: "handled" }, cookies.sara))).toBe(404);
    }
  });

  it("an unknown intent is a bad request", async () => {
    const { mette, cookies } = await people();
    const id = await aConversation(mette, { at: ago(HOUR) });
    expect(statusOf(await act(id, { intent: "delete" }, cookies.sara))).toBe(400);
    expect(await database.db.$count(messages, eq(messages.conversationId, id))).toBe(1);
  });
});
