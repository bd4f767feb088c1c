import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aParticipant, aPerson, insertNotificationSettings } from "../../../db/builders";
import { mailOutbox, notificationSettings, progressAnswerSets, progressSettings, relativeGrants } from "../../../db/schema";
import { deliverDueMail, type DeliveryReport } from "~/features/jobs/index.server";
import { queueDueReminders } from "~/features/notifications/index.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { startFakeSmsGateway, type FakeSmsGateway } from "../../support/sms-gateway";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";

// Issue 22, "Sådan går det": the monthly reminder is sent (migration 0032). On the day she chose
// (from 10.00 Danish time until the day ends), if she has not answered for the month, once a month,
// by the channels of her notification settings, in her language, never in her quiet hours, through
// the same outbox, worker, real SMTP server and fake SMS gateway as the meeting reminders. The clock
// is the test's.

let database: TestDatabase;
let smtp: TestSmtpServer;
let sms: FakeSmsGateway;
let mailSettings: ReturnType<typeof useMailSettings>;
const previousSms = process.env.SMS_GATEWAY_URL;

beforeAll(async () => {
  smtp = await startSmtpServer();
  sms = await startFakeSmsGateway();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, prefix: "minvej-checkin" });
  process.env.SMS_GATEWAY_URL = sms.url;
  database = await createTestDatabase({ seed: false });
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
  // Nobody from an earlier test wants anything any more, and the outbox is empty.
  await database.db.delete(notificationSettings);
  await database.db.delete(progressSettings);
  await database.db.delete(mailOutbox);
});

/** A moment in Danish winter time, UTC+1 (summer time starts 30 March 2031). */
const at = (local: string) => new Date(`${local.replace(" ", "T")}:00+01:00`);

/** One pass of the worker at `now`: the reminders that are due, then the outbox. */
async function pass(now: Date): Promise<DeliveryReport & { queued: number; tooLate: number }> {
  const reminders = await queueDueReminders(now);
  const report = await deliverDueMail({ now: () => now });
  return { ...report, queued: reminders.queued, tooLate: reminders.tooLate };
}

/** Quoted-printable soft breaks and escapes, as a reader sees them (the subject stays encoded). */
function mailText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (match) => Buffer.from(match.replace(/=/g, ""), "hex").toString("utf8"));
}

/** The Subject header as a reader sees it: unfolded, its encoded words (RFC 2047, Q) decoded and joined. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?Q\?([^?]*)\?=/gi, (_match, text: string) =>
      Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))), "latin1").toString("utf8"),
    )
    .trim();
}

const DA = "Det er tid til »Sådan går det« i Min Vej. Du bestemmer selv, om du vil svare: http://localhost:3000/saadan-gaar-det";
const EN = "It is time for “How it is going” in Min Vej. You decide whether you want to answer: http://localhost:3000/saadan-gaar-det";

let counter = 0;
/**
 * A participant who chose `reminderDay` (long before, 1 January 2031) and the given notification
 * settings (e-mail and SMS unless told otherwise).
 */
async function participant(
  reminderDay: number | null,
  settings: Parameters<typeof insertNotificationSettings>[2] | null = {},
  person: { preferredLanguage?: "da" | "en" } = {},
) {
  counter += 1;
  const email = `tjek${counter}@example.org`;
  const phone = `+45223344${String(counter).padStart(2, "0")}`;
  const built = await aParticipant({ person: { firstName: "Mette", ...person } }).build(database.db);
  if (settings) await insertNotificationSettings(database.db, built.personId, { byEmail: true, email, bySms: true, phone, ...settings });
  if (reminderDay !== null) {
    await database.db.insert(progressSettings).values({ participantId: built.participantId, reminderDay, updatedAt: at("2031-01-01 12:00") });
  }
  return { ...built, email, phone };
}

async function answer(participantId: string, month: string) {
  await database.db.insert(progressAnswerSets).values({ participantId, month, energy: "mixed", energyNote: "Hemmeligordet Trætgrøn" });
}

describe("the monthly reminder of Sådan går det", () => {
  it("comes on her day at 10.00 by e-mail and SMS, not the day before, not earlier that day, and once a month", async () => {
    const mette = await participant(12);
    expect(await pass(at("2031-03-11 10:00"))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(at("2031-03-12 09:59"))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(at("2031-03-12 10:00"))).toMatchObject({ queued: 2, sent: 2, failed: 0 });
    expect(sms.received).toEqual([expect.objectContaining({ to: mette.phone, text: DA })]);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[mette.email]]);
    const mail = mailText(smtp.received[0]!.raw);
    expect(subjectOf(smtp.received[0]!.raw)).toBe("Tid til »Sådan går det«");
    expect(mail).toContain(DA);
    // Where she changes it: the day she chose, not only the channels.
    expect(mail).toContain("Du får denne besked, fordi du har valgt en dag til »Sådan går det«. Du kan ændre det her: http://localhost:3000/saadan-gaar-det/paamindelse");
    // Later passes that day, and the days after, find nothing new: once a month.
    for (const later of ["2031-03-12 10:30", "2031-03-12 20:00", "2031-03-13 10:00", "2031-03-28 10:00"]) {
      expect(await pass(at(later))).toMatchObject({ queued: 0, sent: 0 });
    }
    expect(sms.received).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    const keys = (await database.db.select({ key: mailOutbox.idempotencyKey }).from(mailOutbox)).map((row) => row.key).sort();
    expect(keys).toEqual(["email", "sms"].map((channel) => `progress:${mette.participantId}:2031-03:${mette.personId}:${channel}`));
    // Next month she has still not answered: one more, on her day.
    expect(await pass(at("2031-04-11 10:00"))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(at("2031-04-12 10:00"))).toMatchObject({ queued: 2, sent: 2 });
    expect(sms.received).toHaveLength(2);
  });

  it("does not come when she has answered for the month; answered after it was queued (in her quiet hours), it is dropped", async () => {
    const answered = await participant(5);
    await answer(answered.participantId, "2031-03-01");
    expect(await pass(at("2031-03-05 10:00"))).toMatchObject({ queued: 0, sent: 0 });
    // Last month's answers do not count for this month.
    const lastMonth = await participant(6);
    await answer(lastMonth.participantId, "2031-02-01");
    expect(await pass(at("2031-03-06 10:00"))).toMatchObject({ queued: 2, sent: 2 });
    expect(sms.received.map((message) => message.to)).toEqual([lastMonth.phone]);

    // Quiet until 12.00: queued at 10.00 to leave at 12.00; she answers at 11.00.
    const quiet = await participant(7, { quietFrom: "21:00", quietUntil: "12:00" });
    expect(await pass(at("2031-03-07 10:00"))).toMatchObject({ queued: 2, sent: 0 });
    const waiting = await database.db.select().from(mailOutbox).where(eq(mailOutbox.participantId, quiet.participantId));
    expect(waiting.map((row) => row.runAfter.getTime())).toEqual([at("2031-03-07 12:00").getTime(), at("2031-03-07 12:00").getTime()]);
    await answer(quiet.participantId, "2031-03-01");
    expect(await pass(at("2031-03-07 12:00"))).toMatchObject({ sent: 0, dropped: 2 });
    expect(sms.received.map((message) => message.to)).toEqual([lastMonth.phone]);
  });

  it("waits for her quiet hours to end, and is not sent when they last until her day is over", async () => {
    const waits = await participant(8, { quietFrom: "22:00", quietUntil: "13:00" });
    expect(await pass(at("2031-03-08 10:00"))).toMatchObject({ queued: 2, sent: 0 });
    expect(await pass(at("2031-03-08 12:59"))).toMatchObject({ sent: 0 });
    expect(await pass(at("2031-03-08 13:00"))).toMatchObject({ sent: 2 });
    expect(sms.received).toEqual([expect.objectContaining({ to: waits.phone, text: DA })]);
    // Quiet from 10.00 until the next morning: the day is over before she may be told.
    await participant(9, { quietFrom: "10:00", quietUntil: "08:00" });
    expect(await pass(at("2031-03-09 10:00"))).toMatchObject({ queued: 0, sent: 0, tooLate: 1 });
    expect(await pass(at("2031-03-09 23:00"))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(at("2031-03-10 08:00"))).toMatchObject({ queued: 0, sent: 0 });
    expect(sms.received).toHaveLength(1);
  });

  it("goes only by the channels she chose; none without channels, without a day, or to a relative", async () => {
    const smsOnly = await participant(14, { byEmail: false, email: null });
    const emailOnly = await participant(14, { bySms: false });
    await participant(14, { byEmail: false, bySms: false });
    await participant(14, null);
    await participant(null);
    // A relative who gets copies of her meeting reminders gets no copy of this one.
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    await database.db.insert(relativeGrants).values({
      participantId: smsOnly.participantId,
      relativePersonId: jonas.personId,
      invitedName: "Jonas",
      invitedEmail: "jonas@example.org",
      relation: "Bror",
      scopes: ["appointments", "messages", "plan"],
      validUntil: "2031-12-31",
      status: "active",
      reminderCopy: true,
    });
    await insertNotificationSettings(database.db, jonas.personId, { byEmail: true, email: "jonas@example.org", bySms: true, phone: "+4599887766" });
    expect(await pass(at("2031-03-14 10:00"))).toMatchObject({ queued: 2, sent: 2 });
    expect(sms.received.map((message) => message.to)).toEqual([smsOnly.phone]);
    expect(smtp.received.map((mail) => mail.to)).toEqual([[emailOnly.email]]);
    const rows = await database.db.select({ kind: mailOutbox.kind, participantId: mailOutbox.participantId }).from(mailOutbox);
    expect(rows.every((row) => row.kind === "progress_checkin")).toBe(true);
  });

  it("is in her language", async () => {
    const ali = await participant(15, { byEmail: false, email: null }, { preferredLanguage: "en" });
    expect(await pass(at("2031-03-15 10:00"))).toMatchObject({ sent: 1 });
    expect(sms.received).toEqual([expect.objectContaining({ to: ali.phone, text: EN })]);
  });

  it("counts a day chosen before its 10.00; chosen later that day, it starts next month; 'Ingen påmindelse' drops one waiting", async () => {
    const late = await participant(null);
    await database.db.insert(progressSettings).values({ participantId: late.participantId, reminderDay: 16, updatedAt: at("2031-03-16 11:00") });
    expect(await pass(at("2031-03-16 12:00"))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(at("2031-04-16 10:00"))).toMatchObject({ queued: 2, sent: 2 });

    const stops = await participant(17, { quietFrom: "22:00", quietUntil: "11:00" });
    expect(await pass(at("2031-03-17 10:00"))).toMatchObject({ queued: 2, sent: 0 });
    await database.db.delete(progressSettings).where(eq(progressSettings.participantId, stops.participantId));
    expect(await pass(at("2031-03-17 11:00"))).toMatchObject({ sent: 0, dropped: 2 });

    // Moved to a later day after it was queued: not before the new day (and not twice that month).
    const moves = await participant(18, { quietFrom: "22:00", quietUntil: "11:00" });
    expect(await pass(at("2031-03-18 10:00"))).toMatchObject({ queued: 2, sent: 0 });
    await database.db.update(progressSettings).set({ reminderDay: 25, updatedAt: at("2031-03-18 10:30") }).where(eq(progressSettings.participantId, moves.participantId));
    expect(await pass(at("2031-03-18 11:00"))).toMatchObject({ sent: 0, dropped: 2 });
    expect(sms.received.map((message) => message.to)).toEqual([late.phone]);
  });
});
