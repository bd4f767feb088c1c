import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { conversations, messages } from "../../../db/schema";
import { awaitingSummary, listInbox, markHandled, proposeNewTime, writeMessage, type Author } from "~/features/messages/index.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { aConversation, participantAnswers, participantWrites } from "./messages-support";

// /sagsbehandler's count of conversations waiting for the caseworker, and the order of her inbox, read
// what each conversation keeps (`awaits_caseworker` and `waiting_since`, triggers of migrations 0043
// and 0048); listInbox works the same state out from the messages and proposals themselves. They must
// agree after every kind of change.

let database: TestDatabase;
let sara: BuiltCaseworker;
let mette: BuiltParticipant;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const meeting = { title: "Samtale", startsAt: new Date(Date.UTC(2026, 11, 20, 9)), endsAt: new Date(Date.UTC(2026, 11, 20, 10)) };
  mette = await aParticipant({ person: { firstName: "Mette", lastName: "Holm" } }).withCaseworker(sara).withAppointment(meeting).build(database.db);
});

afterAll(() => database.dispose());

const day = (n: number) => new Date(Date.UTC(2026, 10, 2 + n, 9));
const saraFor = (participant: BuiltParticipant): Author => ({ personId: sara.personId, participantId: participant.participantId, role: "caseworker", name: "Sara Nielsen" });
const saraWrites = (participant: BuiltParticipant, conversationId: string, at: Date) =>
  writeMessage(saraFor(participant), conversationId, { body: "Tak, jeg vender tilbage.", submissionId: crypto.randomUUID() }, at);

/** The conversation's state (and since when it waits) as the inbox says it and as the list counts it; they must be the same. */
async function stateOf(participant: BuiltParticipant, conversationId: string): Promise<boolean> {
  const item = (await listInbox([participant.participantId], { answerWorkdays: () => 3 })).find((row) => row.id === conversationId)!;
  const [kept] = await database.db
    .select({ awaits: conversations.awaitsCaseworker, waitingSince: conversations.waitingSince })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  const inbox = item.state === "awaiting";
  expect(kept!.awaits, `kept state of a conversation the inbox calls "${item.state}"`).toBe(inbox);
  if (inbox) expect(kept!.waitingSince?.toISOString(), "kept waiting since").toBe(item.waitingSince?.toISOString());
  const all = (await listInbox([participant.participantId], { answerWorkdays: () => 3 })).filter((row) => row.state === "awaiting").length;
  expect((await awaitingSummary([participant.participantId])).total).toBe(all);
  return inbox;
}

describe("the kept 'waiting for the caseworker' agrees with the inbox", () => {
  it("after her message, Sara's answer, handled, a proposed time, its answer and a removed message", async () => {
    const id = await aConversation(mette, { topic: "absence", subject: "Kan ikke komme", appointmentId: mette.appointmentIds[0], at: day(0) });
    expect(await stateOf(mette, id)).toBe(true); // started: waits for Sara

    await saraWrites(mette, id, day(1));
    expect(await stateOf(mette, id)).toBe(false); // a caseworker message answers it

    await participantWrites(mette, id, "Og en ting mere.", day(2));
    expect(await stateOf(mette, id)).toBe(true); // a participant message opens it again

    await markHandled(saraFor(mette), id, day(3));
    expect(await stateOf(mette, id)).toBe(false); // handled_at set

    await participantWrites(mette, id, "Hej igen.", day(4));
    await markHandled(saraFor(mette), id, day(4));
    expect(await stateOf(mette, id)).toBe(false); // handled in the same millisecond as her message

    await participantWrites(mette, id, "Er der nyt?", day(5));
    expect(await stateOf(mette, id)).toBe(true);

    const hour = 3_600_000;
    await participantWrites(mette, id, "Hallo?", new Date(day(5).getTime() + 2 * hour));
    await markHandled(saraFor(mette), id, new Date(day(5).getTime() + hour));
    expect(await stateOf(mette, id)).toBe(true); // handled as of between her two messages: waits since the second

    const first = await proposeNewTime(saraFor(mette), id, { startsAt: day(20), endsAt: day(20.05) }, day(6));
    expect(await stateOf(mette, id)).toBe(false); // a proposed time is her answer
    const second = await proposeNewTime(saraFor(mette), id, { startsAt: day(21), endsAt: day(21.05) }, day(7));
    expect(await stateOf(mette, id)).toBe(false); // the first withdrawn (answered_at set): not her side's answer
    if (first.status !== "proposed" || second.status !== "proposed") throw new Error("no proposal");

    await participantAnswers(mette, id, second.proposalId, false, day(8));
    expect(await stateOf(mette, id)).toBe(true); // a proposal answered waits for Sara

    await saraWrites(mette, id, day(8));
    expect(await stateOf(mette, id)).toBe(false); // Sara in the same millisecond as the answer

    // A message removed (as erasing data does): the conversation is worked out again without it.
    await database.db.delete(messages).where(and(eq(messages.conversationId, id), eq(messages.authorRole, "caseworker"), eq(messages.createdAt, day(8))));
    expect(await stateOf(mette, id)).toBe(true);
  });

  it("counts a conversation nobody wrote in since it started, and none for a participant without any waiting", async () => {
    const bent = await aParticipant({ person: { firstName: "Bent", lastName: "Holm" } }).withCaseworker(sara).build(database.db);
    const carl = await aParticipant({ person: { firstName: "Carl", lastName: "Holm" } }).withCaseworker(sara).build(database.db);
    expect(await awaitingSummary([bent.participantId, carl.participantId])).toEqual({ total: 0, byParticipant: {} });
    const waiting = await aConversation(bent, { at: day(0) });
    const answered = await aConversation(carl, { at: day(0) });
    await saraWrites(carl, answered, day(1));
    expect(await stateOf(bent, waiting)).toBe(true);
    expect(await stateOf(carl, answered)).toBe(false);
    expect(await awaitingSummary([bent.participantId, carl.participantId], [carl.participantId])).toEqual({ total: 1, byParticipant: {} });
    expect(await awaitingSummary([bent.participantId, carl.participantId], [bent.participantId])).toEqual({ total: 1, byParticipant: { [bent.participantId]: 1 } });
  });
});

describe.skipIf(!serverUrl)("two writers in one conversation at the same time (real Postgres)", () => {
  it("keeps what both wrote: the one that waited reads the other's committed message", async () => {
    const id = await aConversation(mette, { at: day(0) });
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const first = postgres(url.toString(), { max: 1, onnotice: () => {} });
    const second = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const insert = (tx: postgres.TransactionSql, role: "participant" | "caseworker", at: Date) =>
        tx`insert into portal.messages (conversation_id, author_role, author_name, body, created_at) values (${id}, ${role}, 'Test', 'Hej', ${at})`;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const firstWrote = new Promise<void>((resolve) => (started = resolve));
      // Sara answers (later time) and has not committed when Mette's older message comes in.
      const saraTx = first.begin(async (tx) => {
        await insert(tx, "caseworker", day(2));
        started();
        await held;
      });
      await firstWrote;
      const metteTx = second.begin((tx) => insert(tx, "participant", day(1)));
      await new Promise((resolve) => setTimeout(resolve, 200)); // Mette's trigger now waits for Sara's lock
      release();
      await Promise.all([saraTx, metteTx]);
      expect(await stateOf(mette, id)).toBe(false);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});
