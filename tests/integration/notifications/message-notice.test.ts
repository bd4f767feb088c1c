import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, insertNotificationSettings, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { conversations, mailOutbox, messages, notificationSettings, relativeGrants } from "../../../db/schema";
import { deliverDueMail } from "~/features/jobs/index.server";
import { queueMessageNotice } from "~/features/notifications/index.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { startFakeSmsGateway, type FakeSmsGateway } from "../../support/sms-gateway";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";

// Issue 18, point 4: "Du har en ny besked i Min Vej", queued by the request that writes a
// message (the messages area calls queueMessageNotice when a caseworker writes): by the
// recipient's channels, after their quiet hours, one notice per conversation until they have
// read it, and never at the cost of the message itself.

let database: TestDatabase;
let smtp: TestSmtpServer;
let sms: FakeSmsGateway;
let mailSettings: ReturnType<typeof useMailSettings>;
let sara: BuiltCaseworker;
const previousSms = process.env.SMS_GATEWAY_URL;

beforeAll(async () => {
  smtp = await startSmtpServer();
  sms = await startFakeSmsGateway();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, prefix: "minvej-notice" });
  process.env.SMS_GATEWAY_URL = sms.url;
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara" } }).build(database.db);
});

afterAll(async () => {
  await database?.dispose();
  await smtp?.close();
  await sms?.close();
  mailSettings?.restore();
  if (previousSms === undefined) delete process.env.SMS_GATEWAY_URL;
  else process.env.SMS_GATEWAY_URL = previousSms;
});

beforeEach(async () => {
  smtp.reset();
  sms.reset();
  await database.db.delete(mailOutbox);
});

const at = (local: string) => new Date(`${local.replace(" ", "T")}:00+01:00`);

async function participant(settings: Parameters<typeof insertNotificationSettings>[2] | null = {}) {
  const built = await aParticipant({ person: { firstName: "Mette", email: "mette.notice@example.org", phone: "+4511223344" } })
    .withCaseworker(sara)
    .build(database.db);
  if (settings) await insertNotificationSettings(database.db, built.personId, { byEmail: true, email: "mette.notice@example.org", ...settings });
  const [conversation] = await database.db
    .insert(conversations)
    .values({ participantId: built.participantId, topic: "general", subject: "Om min praktik" })
    .returning({ id: conversations.id });
  return { ...built, conversationId: conversation!.id };
}

/** Sara writes a message, and the same transaction queues the notice (as the messages area does). */
async function saraWrites(to: BuiltParticipant & { conversationId: string }, now: Date, body = "Hej Mette") {
  return database.db.transaction(async (tx) => {
    const [message] = await tx
      .insert(messages)
      .values({ conversationId: to.conversationId, authorPersonId: sara.personId, authorRole: "caseworker", authorName: "Sara", body, createdAt: now })
      .returning({ id: messages.id });
    const notice = await queueMessageNotice(tx, { participantId: to.participantId, recipientPersonId: to.personId, conversationId: to.conversationId, now });
    return { messageId: message!.id, ...notice };
  });
}

describe("queueMessageNotice", () => {
  it("queues 'Du har en ny besked i Min Vej' by the chosen channels, and the worker sends it", async () => {
    const mette = await participant({ bySms: true, phone: "+4511223344" });
    const now = at("2031-03-11 10:00");
    expect((await saraWrites(mette, now)).queued).toEqual(["email", "sms"]);
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.map((row) => [row.kind, row.channel, row.participantId, row.runAfter.toISOString()])).toEqual([
      ["message_notice", "email", mette.participantId, now.toISOString()],
      ["message_notice", "sms", mette.participantId, now.toISOString()],
    ]);
    expect(rows[0]!.payload).toMatchObject({
      to: "mette.notice@example.org",
      subject: "Du har en ny besked i Min Vej",
      text: expect.stringContaining("Du har en ny besked i Min Vej. Log ind for at læse den: http://localhost:3000/beskeder"),
    });
    expect(await deliverDueMail({ now: () => now })).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([["mette.notice@example.org"]]);
    expect(sms.received.map((message) => message.text)).toEqual(["Du har en ny besked i Min Vej. Log ind for at læse den: http://localhost:3000/beskeder"]);
  });

  it("a burst of replies gives one notice; a reply after she has read the conversation gives a new one", async () => {
    const mette = await participant();
    const now = at("2031-03-11 11:00");
    const first = await saraWrites(mette, now, "Første svar");
    expect(first.queued).toEqual(["email"]);
    for (let i = 1; i <= 9; i++) expect((await saraWrites(mette, new Date(now.getTime() + i * 60_000), `Svar ${i}`)).queued).toEqual([]);
    expect(await database.db.select().from(mailOutbox)).toHaveLength(1);
    expect((await database.db.select().from(mailOutbox))[0]!.idempotencyKey).toBe(`message:${mette.conversationId}:${mette.personId}:email:${first.messageId}`);
    await deliverDueMail({ now: () => now });
    // Mette reads the conversation; Sara writes again: a new notice.
    await database.db.update(messages).set({ readAt: new Date(now.getTime() + 20 * 60_000) }).where(eq(messages.conversationId, mette.conversationId));
    const later = await saraWrites(mette, new Date(now.getTime() + 30 * 60_000), "Et nyt svar");
    expect(later.queued).toEqual(["email"]);
    expect(await deliverDueMail({ now: () => new Date(now.getTime() + 30 * 60_000) })).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(2);
  });

  it("waits for the end of her quiet hours, and is dropped if she reads the message before then", async () => {
    const mette = await participant({ quietFrom: "21:00", quietUntil: "08:00" });
    const evening = at("2031-03-11 22:15");
    const written = await saraWrites(mette, evening);
    const [row] = await database.db.select().from(mailOutbox);
    expect(row!.runAfter.toISOString()).toBe(at("2031-03-12 08:00").toISOString());
    expect(await deliverDueMail({ now: () => at("2031-03-12 07:59") })).toEqual({ sent: 0, retried: 0, failed: 0 });
    // She looked in Min Vej at 06.30 and read it: the notice is no longer needed.
    await database.db.update(messages).set({ readAt: at("2031-03-12 06:30") }).where(eq(messages.id, written.messageId));
    expect(await deliverDueMail({ now: () => at("2031-03-12 08:00") })).toEqual({ sent: 0, retried: 0, failed: 0, dropped: 1 });
    expect(smtp.received).toHaveLength(0);
  });

  it("sends nothing to someone who turned new-message notices off, chose no channel, or has no settings", async () => {
    const off = await participant({ newMessages: false });
    const none = await participant({ byEmail: false, email: null });
    const noSettings = await participant(null);
    for (const who of [off, none, noSettings]) expect((await saraWrites(who, at("2031-03-11 12:00"))).queued).toEqual([]);
    expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it("sends nothing if she turns notices off before it leaves, and goes to the address she has then", async () => {
    const mette = await participant({ quietFrom: "21:00", quietUntil: "08:00" });
    const other = await participant({ quietFrom: "21:00", quietUntil: "08:00" });
    await saraWrites(mette, at("2031-03-11 23:00"));
    await saraWrites(other, at("2031-03-11 23:00"));
    await database.db.update(notificationSettings).set({ newMessages: false }).where(eq(notificationSettings.personId, mette.personId));
    await database.db.update(notificationSettings).set({ email: "ny.adresse@example.org" }).where(eq(notificationSettings.personId, other.personId));
    expect(await deliverDueMail({ now: () => at("2031-03-12 08:00") })).toEqual({ sent: 1, retried: 0, failed: 0, dropped: 1 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([["ny.adresse@example.org"]]);
  });

  it("a relative's notice leads to her own pages; a relative without the messages scope, or a stranger, gets none", async () => {
    const mette = await participant();
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const per = await aPerson({ firstName: "Per" }).build(database.db);
    const stranger = await aPerson({ firstName: "Fremmed" }).build(database.db);
    const grant = { participantId: mette.participantId, invitedEmail: "x@example.org", relation: "Bror", validUntil: "2099-12-31", status: "active" as const };
    await database.db.insert(relativeGrants).values([
      { ...grant, relativePersonId: jonas.personId, invitedName: "Jonas", scopes: ["messages"] },
      { ...grant, relativePersonId: per.personId, invitedName: "Per", scopes: ["appointments"] },
    ]);
    for (const who of [jonas, per, stranger]) await insertNotificationSettings(database.db, who.personId, { byEmail: true, email: `${who.demoKey}@example.org` });
    const notify = (recipientPersonId: string) =>
      database.db.transaction((tx) => queueMessageNotice(tx, { participantId: mette.participantId, recipientPersonId, conversationId: mette.conversationId, now: at("2031-03-11 12:00") }));
    await database.db.insert(messages).values({ conversationId: mette.conversationId, authorPersonId: sara.personId, authorRole: "caseworker", authorName: "Sara", body: "Hej" });
    expect((await notify(jonas.personId)).queued).toEqual(["email"]);
    expect((await notify(per.personId)).queued).toEqual([]);
    expect((await notify(stranger.personId)).queued).toEqual([]);
    const [row] = await database.db.select().from(mailOutbox);
    expect(row!.payload!.text).toContain("Log ind for at læse den: http://localhost:3000/hjaelper");
    // Another participant's conversation id with Mette's participant id: nothing.
    const ali = await participant();
    const crossed = await database.db.transaction((tx) =>
      queueMessageNotice(tx, { participantId: mette.participantId, recipientPersonId: mette.personId, conversationId: ali.conversationId }),
    );
    expect(crossed.queued).toEqual([]);
  });

  it("never costs the caller's transaction: a notice queued already, or nonsense ids, leave the message written", async () => {
    const mette = await participant();
    const now = at("2031-03-11 13:00");
    const result = await database.db.transaction(async (tx) => {
      const [message] = await tx
        .insert(messages)
        .values({ conversationId: mette.conversationId, authorPersonId: sara.personId, authorRole: "caseworker", authorName: "Sara", body: "Hej" })
        .returning({ id: messages.id });
      const input = { participantId: mette.participantId, recipientPersonId: mette.personId, conversationId: mette.conversationId, now };
      const first = await queueMessageNotice(tx, input);
      const again = await queueMessageNotice(tx, input);
      const nonsense = await queueMessageNotice(tx, { ...input, conversationId: "not-a-uuid" });
      // The transaction still works after all three.
      await tx.execute(sql`select 1`);
      return { messageId: message!.id, first: first.queued, again: again.queued, nonsense: nonsense.queued };
    });
    expect(result).toMatchObject({ first: ["email"], again: [], nonsense: [] });
    expect(await database.db.select().from(messages).where(eq(messages.id, result.messageId))).toHaveLength(1);
    expect(await database.db.select().from(mailOutbox)).toHaveLength(1);
  });
});
