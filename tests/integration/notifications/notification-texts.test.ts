import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, insertNotificationSettings } from "../../../db/builders";
import { conversations, mailOutbox, messages, notificationSettings, progressAnswerSets, progressSettings, relativeGrants } from "../../../db/schema";
import { deliverDueMail } from "~/features/jobs/index.server";
import { queueDueReminders, queueMessageNotice } from "~/features/notifications/index.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { startFakeSmsGateway, type FakeSmsGateway } from "../../support/sms-gateway";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";

// Issue 18, point 5: a notification never carries what it is about. Every kind (a meeting
// reminder, a relative's copy, an agreement's deadline, a new message, the monthly "Sådan går
// det"), by e-mail and SMS, in
// Danish and English, as queued and as it reaches the SMTP server and the SMS gateway, is held
// against distinctive words planted in the meeting's title, place, address, purpose and notes,
// the agreement, the conversation's subject, the message, her "Sådan går det" answers, and the
// participant's and caseworker's names.

const SECRETS = {
  participantFirst: "Zorbalina",
  participantLast: "Quixmorsen",
  caseworker: "Vexterholm",
  title: "Xylofonterapi",
  place: "Klinik Vorpalhus",
  address: "Snorkelvej 99",
  directions: "Brug Grimbledøren",
  purpose: "Blåbærsyndromet",
  bring: "Frobnitzattest",
  agreement: "Plumbusaftalen",
  subject: "Quibbleemnet",
  message: "Wuggelord hemmelighed",
  progressNote: "Snurrebassetræthed",
  whatHelps: "Grumpelgåturen",
};

let database: TestDatabase;
let smtp: TestSmtpServer;
let sms: FakeSmsGateway;
let mailSettings: ReturnType<typeof useMailSettings>;
const previousSms = process.env.SMS_GATEWAY_URL;

beforeAll(async () => {
  smtp = await startSmtpServer();
  sms = await startFakeSmsGateway();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, prefix: "minvej-texts" });
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

function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (match) => Buffer.from(match.replace(/=/g, ""), "hex").toString("utf8"))
    .replace(/=\?utf-8\?[QB]\?([^?]*)\?=/gi, (_match, text: string) => text.replace(/_/g, " "));
}

describe.each(["da", "en"] as const)("every notification in %s", (language) => {
  it("says that there is something and when, and where to sign in; never what, where, with whom or whose", async () => {
    // Nobody from the other language's run wants anything any more.
    await database.db.delete(notificationSettings);
    await database.db.delete(mailOutbox);
    const meeting = new Date("2031-03-12T10:00:00+01:00");
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: SECRETS.caseworker } }).build(database.db);
    const relative = await aPerson({ firstName: "Jonas", preferredLanguage: language }).build(database.db);
    const participant = await aParticipant({
      person: { firstName: SECRETS.participantFirst, lastName: SECRETS.participantLast, preferredLanguage: language },
    })
      .withCaseworker(sara)
      .withPlan({ agreements: [{ text: SECRETS.agreement, ownerText: "Du", dueOn: "2031-03-12" }] })
      .withAppointment({
        startsAt: meeting,
        title: SECRETS.title,
        placeName: SECRETS.place,
        address: SECRETS.address,
        directions: SECRETS.directions,
        purpose: SECRETS.purpose,
        bringItems: [SECRETS.bring],
      })
      .withNotificationSettings({ byEmail: true, email: `p-${language}@example.org`, bySms: true, phone: "+4511220011", quietFrom: "23:00", quietUntil: "05:00" })
      .build(database.db);
    await database.db.insert(relativeGrants).values({
      participantId: participant.participantId,
      relativePersonId: relative.personId,
      invitedName: "Jonas",
      invitedEmail: "jonas@example.org",
      relation: "Bror",
      scopes: ["appointments", "messages"],
      validUntil: "2031-12-31",
      status: "active",
      reminderCopy: true,
    });
    await insertNotificationSettings(database.db, relative.personId, { byEmail: true, email: `r-${language}@example.org`, bySms: true, phone: "+4511220022", quietFrom: "23:00", quietUntil: "05:00" });
    // She chose the 11th for "Sådan går det" and answered last month, in her own words.
    await database.db.insert(progressSettings).values({ participantId: participant.participantId, reminderDay: 11, updatedAt: new Date("2031-01-01T12:00:00Z") });
    await database.db.insert(progressAnswerSets).values({
      participantId: participant.participantId,
      month: "2031-02-01",
      energy: "hard",
      energyNote: SECRETS.progressNote,
      whatHelps: SECRETS.whatHelps,
    });
    const [conversation] = await database.db
      .insert(conversations)
      .values({ participantId: participant.participantId, topic: "appointment", subject: SECRETS.subject, appointmentId: participant.appointmentIds[0] })
      .returning({ id: conversations.id });

    const seen: string[] = [];
    const collectQueued = async () => {
      for (const row of await database.db.select().from(mailOutbox)) if (row.payload) seen.push(JSON.stringify(row.payload));
    };
    // The day before (10.00): the meeting reminders (participant and copy), the agreement's reminder,
    // and her "Sådan går det" (the 11th).
    const dayBefore = new Date(meeting.getTime() - 24 * 60 * 60_000);
    await queueDueReminders(dayBefore);
    // A message from the caseworker, and its notice.
    await database.db.transaction(async (tx) => {
      await tx.insert(messages).values({ conversationId: conversation!.id, authorPersonId: sara.personId, authorRole: "caseworker", authorName: `Sara ${SECRETS.caseworker}`, body: SECRETS.message });
      await queueMessageNotice(tx, { participantId: participant.participantId, recipientPersonId: participant.personId, conversationId: conversation!.id, now: dayBefore });
      await queueMessageNotice(tx, { participantId: participant.participantId, recipientPersonId: relative.personId, conversationId: conversation!.id, now: dayBefore });
    });
    await collectQueued();
    const kinds = (await database.db.select({ kind: mailOutbox.kind, channel: mailOutbox.channel }).from(mailOutbox)).map((row) => `${row.kind}/${row.channel}`);
    expect(kinds.sort()).toEqual(
      ["agreement_reminder", "meeting_reminder", "meeting_reminder_copy", "message_notice", "message_notice", "progress_checkin"]
        .flatMap((kind) => [`${kind}/email`, `${kind}/sms`])
        .sort(),
    );
    smtp.reset();
    sms.reset();
    expect(await deliverDueMail({ now: () => dayBefore })).toMatchObject({ sent: 12, failed: 0 });
    seen.push(...smtp.received.map((mail) => decoded(mail.raw)), ...sms.received.map((message) => message.text));
    expect(smtp.received).toHaveLength(6);
    expect(sms.received).toHaveLength(6);

    const all = seen.join("\n");
    for (const [what, secret] of Object.entries(SECRETS)) expect(all.toLowerCase(), what).not.toContain(secret.toLowerCase());
    // What they do say: the time, and where to sign in.
    expect(all).toContain(language === "da" ? "i morgen kl. 10.00" : "tomorrow at 10:00");
    expect(all).toContain("http://localhost:3000/beskeder");
    expect(all).toContain("http://localhost:3000/saadan-gaar-det");
    // A relative's copy does not say whose meeting it is, nor lead to the participant's own pages.
    const toRelative = sms.received.filter((message) => message.to === "+4511220022").map((message) => message.text);
    expect(toRelative).toHaveLength(2);
    for (const text of toRelative) expect(text).toContain("http://localhost:3000/hjaelper");
  });
});
