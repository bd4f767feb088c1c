import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker } from "../../../db/builders";
import { appointments, auditEvents, conversations, messageDrafts, messages, plans, subGoals } from "../../../db/schema";
import { listInbox, markHandled, proposeNewTime, writeMessage, type Author } from "~/features/messages/index.server";
import { nextWorkdays } from "~/lib/workdays";
import { loader as listLoader } from "~/features/messages/routes/messages";
import { loader as overviewLoader } from "~/features/overview/routes/overview";
import { action as newAction, loader as newLoader } from "~/features/messages/routes/message-new";
import { action as callbackAction, loader as callbackLoader } from "~/features/messages/routes/message-callback";
import { action as conversationAction, loader as conversationLoader } from "~/features/messages/routes/conversation";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, routeArgs, settle } from "../../support/requests";

// Each test builds its own participant; the caseworker Sara and another participant (Ali) are shared.
let database: TestDatabase;
let sara: BuiltCaseworker;
let saraCookie: string;
let ali: { cookie: string; appointmentId: string; participantId: string };
let mette: { cookie: string; personId: string; participantId: string; appointmentId: string };

const DAY = 86_400_000;
const inDays = (days: number) => ({ startsAt: new Date(Date.now() + days * DAY), endsAt: new Date(Date.now() + days * DAY + 3_600_000) });

type Page = Record<string, unknown>;
const run = async (handler: (args: never) => unknown, request: Request, params: Record<string, string> = {}) =>
  settle(async () => handler(await routeArgs(request, params)));
const dataOf = <T,>(result: unknown) => (result as { data: T }).data;
const statusOf = (result: unknown) =>
  result instanceof Response ? result.status : ((result as { init?: { status?: number } } | null)?.init?.status ?? 200);

function saraAuthor(participantId: string): Author {
  return { personId: sara.personId, participantId, role: "caseworker", name: "Sara Nielsen" };
}

async function newMessage(form: Record<string, string>, cookie = mette.cookie) {
  const page = (await run(newLoader, get("/beskeder/ny", cookie))) as Page;
  return run(newAction, post("/beskeder/ny", { submissionId: page.submissionId as string, intent: "send", ...form }, cookie));
}

const conversationIdFrom = (response: unknown) => /\/beskeder\/([0-9a-f-]{36})/.exec((response as Response).headers.get("Location") ?? "")![1]!;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" }, professional: { name: "Sara Nielsen", phone: "+45 11 22 30 11" } }).build(
    database.db,
  );
  saraCookie = await cookieFor(sara.demoKey);
  const builtAli = await aParticipant({ person: { firstName: "Ali" } })
    .withCaseworker(sara)
    .withAppointment({ title: "Alis samtale", ...inDays(3) })
    .build(database.db);
  ali = { cookie: await cookieFor(builtAli.demoKey), appointmentId: builtAli.appointmentIds[0]!, participantId: builtAli.participantId };
});
afterAll(() => database.dispose());

beforeEach(async () => {
  const built = await aParticipant({ person: { firstName: "Mette", lastName: "Jensen", phone: "+45 22 33 44 55" } })
    .withCaseworker(sara)
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", ...inDays(4) })
    .build(database.db);
  mette = { cookie: await cookieFor(built.demoKey), personId: built.personId, participantId: built.participantId, appointmentId: built.appointmentIds[0]! };
});

describe("Beskeder: the participant writes and reads", () => {
  it("a new message starts a conversation that says it is not read yet, and the list shows it", async () => {
    const response = await newMessage({ subject: "Praktikken", body: "Kan jeg starte kl. 9?" });
    expect(statusOf(response)).toBe(302);
    const id = conversationIdFrom(response);
    expect((response as Response).headers.get("Location")).toBe(`/beskeder/${id}?sendt=1`);

    const page = (await run(conversationLoader, get(`/beskeder/${id}`, mette.cookie), { id })) as {
      conversation: { subject: string; topic: string; messages: { body: string; authorRole: string; readAt: Date | null }[] };
    };
    expect(page.conversation).toMatchObject({ subject: "Praktikken", topic: "general" });
    expect(page.conversation.messages).toEqual([expect.objectContaining({ body: "Kan jeg starte kl. 9?", authorRole: "participant", readAt: null })]);

    const list = (await run(listLoader, get("/beskeder", mette.cookie))) as { conversations: { id: string; unread: number }[]; answerWorkdays: number };
    expect(list.conversations).toEqual([expect.objectContaining({ id, unread: 0 })]);
    expect(list.answerWorkdays).toBe(2);
  });

  it("sent twice with the same one-time id, it is one conversation with one message", async () => {
    const page = (await run(newLoader, get("/beskeder/ny", mette.cookie))) as Page;
    const form = { submissionId: page.submissionId as string, intent: "send", subject: "To gange", body: "Samme besked" };
    const first = await run(newAction, post("/beskeder/ny", form, mette.cookie));
    const second = await run(newAction, post("/beskeder/ny", form, mette.cookie));
    expect(conversationIdFrom(second)).toBe(conversationIdFrom(first));
    const rows = await database.db.select().from(conversations).where(eq(conversations.participantId, mette.participantId));
    expect(rows).toHaveLength(1);
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, rows[0]!.id))).toHaveLength(1);
  });

  it("an empty or too long message is refused and keeps what she typed", async () => {
    const empty = await newMessage({ subject: "", body: "" });
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(empty).errors).toEqual({
      subject: "messages:errors.subjectRequired",
      body: "messages:errors.bodyRequired",
    });
    const long = "a".repeat(2001);
    const tooLong = await newMessage({ subject: "Lang", body: long });
    expect(statusOf(tooLong)).toBe(400);
    expect(dataOf<{ errors: Record<string, string>; values: Record<string, string> }>(tooLong)).toMatchObject({
      errors: { body: "messages:errors.bodyTooLong" },
      values: { subject: "Lang", body: long },
    });
    expect(await database.db.select().from(conversations).where(eq(conversations.participantId, mette.participantId))).toHaveLength(0);
  });

  it("a draft is kept without JavaScript (Gem som kladde), shown again, and gone once sent", async () => {
    const page = (await run(newLoader, get("/beskeder/ny", mette.cookie))) as Page;
    const draft = await run(
      newAction,
      post("/beskeder/ny", { submissionId: page.submissionId as string, intent: "draft", subject: "Halvt", body: "Jeg vil gerne" }, mette.cookie),
    );
    expect((draft as Response).headers.get("Location")).toBe("/beskeder/ny?kladde=gemt");
    const again = (await run(newLoader, get("/beskeder/ny?kladde=gemt", mette.cookie))) as { draft: { subject: string; body: string } };
    expect(again.draft).toMatchObject({ subject: "Halvt", body: "Jeg vil gerne" });

    // With JavaScript the form autosaves: the answer says when, and nothing is sent.
    const autosaved = await run(
      newAction,
      post("/beskeder/ny", { submissionId: page.submissionId as string, intent: "autosave", subject: "Halvt", body: "Jeg vil gerne spørge" }, mette.cookie),
    );
    expect(dataOf<{ draftSavedAt: string }>(autosaved).draftSavedAt).toMatch(/^\d{4}-/);
    expect(await database.db.select().from(conversations).where(eq(conversations.participantId, mette.participantId))).toHaveLength(0);

    await newMessage({ subject: "Halvt", body: "Jeg vil gerne spørge om noget" });
    expect(await database.db.select().from(messageDrafts).where(eq(messageDrafts.personId, mette.personId))).toHaveLength(0);
  });

  it("a message about her meeting is tied to it; someone else's meeting in the address ties nothing", async () => {
    const page = (await run(newLoader, get(`/beskeder/ny?moede=${mette.appointmentId}`, mette.cookie))) as { about: { title: string } | null };
    expect(page.about).toMatchObject({ title: "Samtale med Sara" });
    const tied = await newMessage({ subject: "Om mødet", body: "Må min søster komme med?", appointmentId: mette.appointmentId });
    const [row] = await database.db.select().from(conversations).where(eq(conversations.id, conversationIdFrom(tied)));
    expect(row).toMatchObject({ topic: "appointment", appointmentId: mette.appointmentId });

    const foreign = (await run(newLoader, get(`/beskeder/ny?moede=${ali.appointmentId}`, mette.cookie))) as { about: unknown };
    expect(foreign.about).toBeNull();
    const untied = await newMessage({ subject: "Forsøg", body: "Hej", appointmentId: ali.appointmentId });
    const [plain] = await database.db.select().from(conversations).where(eq(conversations.id, conversationIdFrom(untied)));
    expect(plain).toMatchObject({ topic: "general", appointmentId: null, participantId: mette.participantId });
  });
});

describe("Beskeder: about a sub-goal or a part of the preparation", () => {
  it("ties a message to her own sub-goal or preparation part, and to nothing of anyone else's", async () => {
    const planned = await aParticipant({ person: { firstName: "Mette" } })
      .withCaseworker(sara)
      .withPlan({ subGoals: [{ title: "Gå en tur hver dag" }] })
      .build(database.db);
    const other = await aParticipant({ person: { firstName: "Ali" } }).withCaseworker(sara).withPlan({ subGoals: [{ title: "Alis delmål" }] }).build(database.db);
    const cookie = await cookieFor(planned.demoKey);
    const [mine] = await database.db.select({ id: subGoals.id }).from(subGoals).innerJoin(plans, eq(plans.id, subGoals.planId)).where(eq(plans.participantId, planned.participantId));
    const [theirs] = await database.db.select({ id: subGoals.id }).from(subGoals).innerJoin(plans, eq(plans.id, subGoals.planId)).where(eq(plans.participantId, other.participantId));

    const page = (await run(newLoader, get(`/beskeder/ny?delmaal=${mine!.id}`, cookie))) as { about: unknown; backHref: string };
    expect(page.about).toEqual({ kind: "subGoal", subGoalId: mine!.id, title: "Gå en tur hver dag" });
    expect(page.backHref).toBe(`/min-plan/delmaal/${mine!.id}`);
    expect(((await run(newLoader, get(`/beskeder/ny?delmaal=${theirs!.id}`, cookie))) as { about: unknown }).about).toBeNull();

    const send = async (form: Record<string, string>) =>
      run(newAction, post("/beskeder/ny", { submissionId: crypto.randomUUID(), intent: "send", subject: "Om det", body: "Hej", ...form }, cookie));
    const tied = await send({ subGoalId: mine!.id });
    const foreign = await send({ subGoalId: theirs!.id });
    const prepared = await send({ preparationPart: "mine-oensker" });
    const unknownPart = await send({ preparationPart: "../admin" });
    const rows = await database.db.select().from(conversations).where(eq(conversations.participantId, planned.participantId));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(conversationIdFrom(tied))).toMatchObject({ topic: "plan", subGoalId: mine!.id });
    expect(byId.get(conversationIdFrom(foreign))).toMatchObject({ topic: "general", subGoalId: null });
    expect(byId.get(conversationIdFrom(prepared))).toMatchObject({ topic: "preparation" });
    expect(byId.get(conversationIdFrom(unknownPart))).toMatchObject({ topic: "general" });
  });
});

describe("Beskeder: receipts and answers both ways", () => {
  it("the caseworker's reply shows as new; opening it gives the receipt; her own message shows when Sara read it", async () => {
    const id = conversationIdFrom(await newMessage({ subject: "Spørgsmål", body: "Hej Sara" }));
    // Sara reads (the caseworker side's receipt) and answers.
    await database.db.update(messages).set({ readAt: new Date("2026-12-07T09:12:00Z") }).where(eq(messages.conversationId, id));
    const written = await writeMessage(saraAuthor(mette.participantId), id, { body: "Hej Mette, ja det kan du.", submissionId: crypto.randomUUID() });
    expect(written.status).toBe("sent");

    const list = (await run(listLoader, get("/beskeder", mette.cookie))) as { conversations: { id: string; unread: number }[] };
    expect(list.conversations.find((conversation) => conversation.id === id)?.unread).toBe(1);
    // The overview says so too, until she has opened it.
    expect(((await run(overviewLoader, get("/", mette.cookie))) as { unreadMessages: number }).unreadMessages).toBe(1);

    const page = (await run(conversationLoader, get(`/beskeder/${id}`, mette.cookie), { id })) as {
      conversation: { messages: { authorRole: string; readAt: Date | null }[] };
    };
    expect(page.conversation.messages.map((message) => [message.authorRole, message.readAt !== null])).toEqual([
      ["participant", true],
      ["caseworker", false],
    ]);
    const [reply] = await database.db.select().from(messages).where(and(eq(messages.conversationId, id), eq(messages.authorRole, "caseworker")));
    expect(reply!.readAt).toBeInstanceOf(Date);
    const after = (await run(listLoader, get("/beskeder", mette.cookie))) as { conversations: { id: string; unread: number }[] };
    expect(after.conversations.find((conversation) => conversation.id === id)?.unread).toBe(0);
    expect(((await run(overviewLoader, get("/", mette.cookie))) as { unreadMessages: number }).unreadMessages).toBe(0);
  });

  it("Jeg kan ikke komme: modtaget, then læst, then ny tid foreslået; a yes moves the meeting and a second answer is refused", async () => {
    const { action: absenceAction } = await import("~/features/appointments/routes/appointment-absence");
    const sent = await run(
      absenceAction,
      post(`/moeder/${mette.appointmentId}/kan-ikke-komme`, { reason: "Jeg er syg", wish: "" }, mette.cookie),
      { id: mette.appointmentId },
    );
    const id = conversationIdFrom(sent);
    const statusNow = async () =>
      ((await run(conversationLoader, get(`/beskeder/${id}`, mette.cookie), { id })) as { conversation: { status: string } }).conversation.status;
    expect(await statusNow()).toBe("received");
    await database.db.update(messages).set({ readAt: new Date() }).where(eq(messages.conversationId, id));
    expect(await statusNow()).toBe("read");

    const [before] = await database.db.select().from(appointments).where(eq(appointments.id, mette.appointmentId));
    const newTime = inDays(8);
    const proposed = await proposeNewTime(saraAuthor(mette.participantId), id, newTime);
    expect(proposed.status).toBe("proposed");
    const page = (await run(conversationLoader, get(`/beskeder/${id}`, mette.cookie), { id })) as {
      conversation: { status: string; proposals: { id: string; status: string }[] };
    };
    expect(page.conversation.status).toBe("new_time_proposed");
    const list = (await run(listLoader, get("/beskeder", mette.cookie))) as { conversations: { id: string; status: string }[] };
    expect(list.conversations.find((conversation) => conversation.id === id)?.status).toBe("new_time_proposed");
    const proposalId = page.conversation.proposals[0]!.id;

    const yes = await run(conversationAction, post(`/beskeder/${id}`, { intent: "accept", proposalId }, mette.cookie), { id });
    expect((yes as Response).headers.get("Location")).toBe(`/beskeder/${id}?svar=ja`);
    const [moved] = await database.db.select().from(appointments).where(eq(appointments.id, mette.appointmentId));
    expect(moved).toMatchObject({ status: "moved", startsAt: newTime.startsAt, endsAt: newTime.endsAt });
    expect(moved!.sequence).toBe(before!.sequence + 1);

    const again = await run(conversationAction, post(`/beskeder/${id}`, { intent: "decline", proposalId }, mette.cookie), { id });
    expect(statusOf(again)).toBe(409);
    const audit = await database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.participantId, mette.participantId));
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["messages.new_time_accepted", "appointment.moved_by_agreement"]));
  });

  it("a no to a proposed time leaves the meeting where it was and reopens the conversation for Sara", async () => {
    const id = conversationIdFrom(await newMessage({ subject: "Om mødet", body: "Kan vi flytte det?", appointmentId: mette.appointmentId }));
    await markHandled(saraAuthor(mette.participantId), id);
    const proposed = await proposeNewTime(saraAuthor(mette.participantId), id, inDays(6));
    if (proposed.status !== "proposed") throw new Error(proposed.status);
    const [before] = await database.db.select().from(appointments).where(eq(appointments.id, mette.appointmentId));
    await run(conversationAction, post(`/beskeder/${id}`, { intent: "decline", proposalId: proposed.proposalId }, mette.cookie), { id });
    const [after] = await database.db.select().from(appointments).where(eq(appointments.id, mette.appointmentId));
    expect(after!.startsAt).toEqual(before!.startsAt);
    // Sara marked it handled before; her "no" puts it back among those waiting for an answer, from now.
    const [item] = (await listInbox([mette.participantId], { answerWorkdays: () => 2 })).filter((entry) => entry.id === id);
    expect(item).toMatchObject({ state: "awaiting" });
    expect(item!.waitingSince!.getTime()).toBeGreaterThan(item!.handledAt!.getTime());
  });

  it("a yes is refused when the meeting cannot move (cancelled meanwhile), and nothing is accepted", async () => {
    const id = conversationIdFrom(await newMessage({ subject: "Om mødet", body: "Kan vi flytte det?", appointmentId: mette.appointmentId }));
    const proposed = await proposeNewTime(saraAuthor(mette.participantId), id, inDays(6));
    if (proposed.status !== "proposed") throw new Error(proposed.status);
    await database.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, mette.appointmentId));
    const yes = await run(conversationAction, post(`/beskeder/${id}`, { intent: "accept", proposalId: proposed.proposalId }, mette.cookie), { id });
    expect(statusOf(yes)).toBe(409);
    expect(dataOf<{ refused: string }>(yes).refused).toBe("cannot_move");
    const page = (await run(conversationLoader, get(`/beskeder/${id}`, mette.cookie), { id })) as { conversation: { proposals: { status: string }[] } };
    expect(page.conversation.proposals.map((proposal) => proposal.status)).toEqual(["proposed"]);
    const [meeting] = await database.db.select().from(appointments).where(eq(appointments.id, mette.appointmentId));
    expect(meeting!.status).toBe("cancelled");
  });

  it("a request marked handled without a written answer says 'Klaret', until she writes again", async () => {
    const page = (await run(callbackLoader, get("/beskeder/ring-mig-op", mette.cookie))) as { days: string[]; submissionId: string };
    await run(callbackAction, post("/beskeder/ring-mig-op", { submissionId: page.submissionId, day: page.days[0]!, window: "any", phone: "+45 22 33 44 55", about: "Om kørsel" }, mette.cookie));
    const [row] = await database.db.select().from(conversations).where(eq(conversations.participantId, mette.participantId));
    await markHandled(saraAuthor(mette.participantId), row!.id, new Date(Date.now() + 1000));
    const statusNow = async () =>
      ((await run(listLoader, get("/beskeder", mette.cookie))) as { conversations: { id: string; status: string }[] }).conversations.find((c) => c.id === row!.id)!.status;
    expect(await statusNow()).toBe("handled");
    const again = (await run(conversationLoader, get(`/beskeder/${row!.id}`, mette.cookie), { id: row!.id })) as { conversation: { status: string }; submissionId: string };
    expect(again.conversation.status).toBe("handled");
    await writeMessage(
      { personId: mette.personId, participantId: mette.participantId, role: "participant", name: "Mette Jensen" },
      row!.id,
      { body: "Jeg mangler stadig svar om kørsel.", submissionId: crypto.randomUUID() },
      new Date(Date.now() + 5000),
    );
    expect(await statusNow()).toBe("received");
  });

  it("Ring mig op: a working day she was offered, a part of the day and a number", async () => {
    const page = (await run(callbackLoader, get("/beskeder/ring-mig-op", mette.cookie))) as { days: string[]; phone: string; submissionId: string };
    expect(page.days).toEqual(nextWorkdays(new Date(), 5));
    expect(page.phone).toBe("+45 22 33 44 55");
    const refused = await run(
      callbackAction,
      post("/beskeder/ring-mig-op", { submissionId: page.submissionId, day: "2026-12-26", window: "night", phone: "12" }, mette.cookie),
    );
    expect(dataOf<{ errors: Record<string, string> }>(refused).errors).toMatchObject({
      window: "messages:callback.errors.windowRequired",
      phone: "messages:callback.errors.phoneInvalid",
    });
    const sent = await run(
      callbackAction,
      post("/beskeder/ring-mig-op", { submissionId: page.submissionId, day: page.days[1]!, window: "morning", phone: "+45 22 33 44 55", about: "" }, mette.cookie),
    );
    expect((sent as Response).headers.get("Location")).toBe("/beskeder?sendt=ring-op");
    const [row] = await database.db.select().from(conversations).where(eq(conversations.participantId, mette.participantId));
    expect(row).toMatchObject({ topic: "callback", callbackOn: page.days[1], callbackWindow: "morning", callbackPhone: "+45 22 33 44 55" });
  });
});

describe("Beskeder: who may not", () => {
  it("another participant gets 404 on her conversation, and her reply and answers write nothing", async () => {
    const id = conversationIdFrom(await newMessage({ subject: "Privat", body: "Kun til Sara" }));
    expect(statusOf(await run(conversationLoader, get(`/beskeder/${id}`, ali.cookie), { id }))).toBe(404);
    const reply = await run(conversationAction, post(`/beskeder/${id}`, { intent: "send", body: "Ali her", submissionId: crypto.randomUUID() }, ali.cookie), {
      id,
    });
    expect(statusOf(reply)).toBe(404);
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, id))).toHaveLength(1);
    const list = (await run(listLoader, get("/beskeder", ali.cookie))) as { conversations: { id: string }[] };
    expect(list.conversations.map((conversation) => conversation.id)).not.toContain(id);
  });

  it("a caseworker, a relative and a signed-out visitor do not reach the participant's pages", async () => {
    const relative = await aPerson({ firstName: "Rikke" }).build(database.db);
    const relativeCookie = await cookieFor(relative.demoKey);
    for (const cookie of [saraCookie, relativeCookie]) {
      expect(statusOf(await run(listLoader, get("/beskeder", cookie)))).toBe(404);
      expect(statusOf(await run(newAction, post("/beskeder/ny", { subject: "x", body: "y", submissionId: crypto.randomUUID() }, cookie)))).toBe(404);
    }
    const signedOut = await run(listLoader, get("/beskeder"));
    expect(statusOf(signedOut)).toBe(302);
    expect((signedOut as Response).headers.get("Location")).toMatch(/^\/log-ind/);
  });

  it("an unknown or malformed conversation id is 404", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid"]) {
      expect(statusOf(await run(conversationLoader, get(`/beskeder/${id}`, mette.cookie), { id }))).toBe(404);
    }
  });
});
