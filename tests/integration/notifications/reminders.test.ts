import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aParticipant, aPerson, insertNotificationSettings, type BuiltParticipant } from "../../../db/builders";
import { appointments, mailOutbox, notificationSettings } from "../../../db/schema";
import { deliverDueMail, mailOutboxCounts, MAX_ATTEMPTS, type DeliveryReport } from "~/features/jobs/index.server";
import { JobWorker } from "~/features/jobs/worker.server";
import { queueDueReminders } from "~/features/notifications/index.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { captureLog } from "../../support/log-capture";
import { startFakeSmsGateway, type FakeSmsGateway } from "../../support/sms-gateway";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";

// Issue 18, "Notifications and reminders": reminders leave through the outbox and the job
// worker, through a real SMTP server and a local fake SMS gateway, once, at the right time:
// never in quiet hours, not for a moved or cancelled meeting, not twice after a restart or with
// two workers, and a gateway that keeps failing ends in the dead letter the operator sees.
// The clock is the test's: each pass is run "at" a moment (the worker is given the same clock).

let database: TestDatabase;
let smtp: TestSmtpServer;
let sms: FakeSmsGateway;
let mailSettings: ReturnType<typeof useMailSettings>;
const previousSms = { url: process.env.SMS_GATEWAY_URL, token: process.env.SMS_GATEWAY_TOKEN };
const TOKEN = "sms-gateway-test-token-0123456789";

beforeAll(async () => {
  smtp = await startSmtpServer();
  sms = await startFakeSmsGateway();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, prefix: "minvej-reminders" });
  process.env.SMS_GATEWAY_URL = sms.url;
  process.env.SMS_GATEWAY_TOKEN = TOKEN;
  database = await createTestDatabase({ seed: false });
});

afterAll(async () => {
  await database?.dispose();
  await smtp?.close();
  await sms?.close();
  mailSettings?.restore();
  for (const [key, value] of [
    ["SMS_GATEWAY_URL", previousSms.url],
    ["SMS_GATEWAY_TOKEN", previousSms.token],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(async () => {
  smtp.reset();
  sms.reset();
  // Nobody from an earlier test wants anything any more, and the outbox is empty.
  await database.db.delete(notificationSettings);
  await database.db.delete(mailOutbox);
});

/** A moment in Danish winter time, UTC+1 ("2031-03-11 10:00"; summer time starts 30 March 2031: tests that check the words use March). */
const at = (local: string) => new Date(`${local.replace(" ", "T")}:00+01:00`);
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

/** One pass of the worker at `now`: the reminders that are due, then the outbox. */
async function pass(now: Date): Promise<DeliveryReport & { queued: number }> {
  const reminders = await queueDueReminders(now);
  const report = await deliverDueMail({ now: () => now });
  return { ...report, queued: reminders.queued };
}

let counter = 0;
/** A participant who wants e-mail and SMS, with one meeting; quiet hours and reminders as given. */
async function participantWithMeeting(
  startsAt: Date,
  settings: { quietFrom?: string; quietUntil?: string; meetingReminderMinutes?: number[] } = {},
): Promise<BuiltParticipant & { email: string; phone: string }> {
  counter += 1;
  const email = `deltager${counter}@example.org`;
  const phone = `+45112233${String(counter).padStart(2, "0")}`;
  const built = await aParticipant({ person: { firstName: "Rikke", email, phone } })
    .withAppointment({ startsAt, title: "Samtale", purpose: "Status" })
    .withNotificationSettings({ byEmail: true, email, bySms: true, phone, ...settings })
    .build(database.db);
  return { ...built, email, phone };
}

function mailText(raw: string): string {
  // Quoted-printable soft breaks and escapes, and the UTF-8 subject, as a reader sees them.
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (match) => Buffer.from(match.replace(/=/g, ""), "hex").toString("utf8"));
}

describe("meeting reminders", () => {
  it("go out once, 1 day and 2 hours before, by e-mail through SMTP and by SMS through the gateway", async () => {
    const meeting = at("2031-03-12 10:00");
    const rikke = await participantWithMeeting(meeting);

    // A minute before the day-before reminder: nothing.
    expect(await pass(minutes(meeting, -1440 - 1))).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(sms.received).toHaveLength(0);

    // The moment it is due: one e-mail and one SMS.
    expect(await pass(minutes(meeting, -1440))).toMatchObject({ queued: 2, sent: 2, retried: 0, failed: 0 });
    expect(smtp.received.map((mail) => mail.to)).toEqual([[rikke.email]]);
    expect(mailText(smtp.received[0]!.raw)).toContain("Husk dit møde i morgen kl. 10.00. Se mere i Min Vej: http://localhost:3000/moeder");
    expect(sms.received).toEqual([
      expect.objectContaining({ to: rikke.phone, text: "Husk dit møde i morgen kl. 10.00. Se mere i Min Vej: http://localhost:3000/moeder" }),
    ]);
    // The documented interface: a bearer token, and the same reference as the Idempotency-Key.
    expect(sms.received[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sms.received[0]!.idempotencyKey).toBe(sms.received[0]!.reference);
    expect(sms.received[0]!.reference).toMatch(/^[0-9a-f]{32}$/);

    // Later passes the same day find it again (due_reminders looks 6 hours back), and queue nothing.
    for (const later of [5, 60, 300]) expect(await pass(minutes(meeting, -1440 + later))).toMatchObject({ queued: 0, sent: 0 });

    // Two hours before: the second reminder, in words for the day itself.
    expect(await pass(minutes(meeting, -120))).toMatchObject({ queued: 2, sent: 2 });
    expect(sms.received[1]!.text).toBe("Husk dit møde i dag kl. 10.00. Se mere i Min Vej: http://localhost:3000/moeder");
    expect(await pass(minutes(meeting, -60))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(minutes(meeting, 5))).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received).toHaveLength(2);
    expect(sms.received).toHaveLength(2);

    // In the outbox: four rows, each sent once, their content wiped.
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.map((row) => row.idempotencyKey).sort()).toEqual(
      [1440, 120].flatMap((m) => ["email", "sms"].map((channel) => `meeting:${rikke.appointmentIds[0]}:${meeting.getTime() / 1000}:${m}:${rikke.personId}:${channel}`)).sort(),
    );
    expect(rows.every((row) => row.sentAt && row.payload === null && row.attempts === 1 && row.participantId === rikke.participantId)).toBe(true);
  });

  it("follow the person's choice: only the chosen channel and times; in English for an English speaker", async () => {
    const meeting = at("2031-03-14 13:30");
    const built = await aParticipant({ person: { firstName: "Ali", preferredLanguage: "en" } })
      .withAppointment({ startsAt: meeting })
      .withNotificationSettings({ bySms: true, phone: "+4511223399", meetingReminderMinutes: [4320] })
      .build(database.db);
    expect(await pass(minutes(meeting, -1440))).toMatchObject({ queued: 0, sent: 0 });
    expect(await pass(minutes(meeting, -4320))).toMatchObject({ queued: 1, sent: 1 });
    expect(smtp.received).toHaveLength(0);
    expect(sms.received).toEqual([
      expect.objectContaining({ to: "+4511223399", text: "Remember your meeting Friday 14 March at 13:30. See more in Min Vej: http://localhost:3000/moeder" }),
    ]);
    expect(built.participantId).toBeTruthy();
  });
});

describe("quiet hours", () => {
  it("nothing is sent in them: a reminder due at 07.00 waits until 08.00, then goes once", async () => {
    const meeting = at("2031-03-18 09:00");
    await participantWithMeeting(meeting, { meetingReminderMinutes: [120] });
    expect(await pass(at("2031-03-18 07:00"))).toMatchObject({ queued: 2, sent: 0 });
    expect(await pass(at("2031-03-18 07:59"))).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(sms.received).toHaveLength(0);
    const waiting = await database.db.select().from(mailOutbox);
    expect(waiting.map((row) => row.runAfter.toISOString())).toEqual([at("2031-03-18 08:00").toISOString(), at("2031-03-18 08:00").toISOString()]);
    expect(await pass(at("2031-03-18 08:00"))).toMatchObject({ queued: 0, sent: 2 });
    expect(sms.received.map((message) => message.text)).toEqual(["Husk dit møde i dag kl. 09.00. Se mere i Min Vej: http://localhost:3000/moeder"]);
    expect(await pass(at("2031-03-18 08:30"))).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("are quiet hours as they are when it leaves: changed after it was queued, it waits again (and counts no attempt)", async () => {
    const meeting = at("2031-03-19 14:00");
    const rikke = await participantWithMeeting(meeting, { meetingReminderMinutes: [120], quietFrom: "22:00", quietUntil: "06:00" });
    // Queued at 12.00 (not quiet then); before it leaves, Rikke makes 11 to 13 quiet.
    expect(await queueDueReminders(at("2031-03-19 12:00"))).toMatchObject({ queued: 2 });
    await database.db.update(notificationSettings).set({ quietFrom: "11:00", quietUntil: "13:00" }).where(eq(notificationSettings.personId, rikke.personId));
    expect(await deliverDueMail({ now: () => at("2031-03-19 12:00") })).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 2 });
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.every((row) => row.runAfter.getTime() === at("2031-03-19 13:00").getTime() && row.attempts === 0)).toBe(true);
    expect(await pass(at("2031-03-19 13:00"))).toMatchObject({ sent: 2 });
    expect(smtp.received).toHaveLength(1);
    expect(sms.received).toHaveLength(1);
  });

  it("a reminder whose quiet hours last until the meeting has started is never sent", async () => {
    const meeting = at("2031-03-20 08:30");
    await participantWithMeeting(meeting, { meetingReminderMinutes: [120], quietFrom: "21:00", quietUntil: "09:00" });
    expect(await pass(at("2031-03-20 06:30"))).toMatchObject({ queued: 0, sent: 0 });
    for (const moment of ["07:00", "08:00", "09:00", "10:00"]) expect(await pass(at(`2031-03-20 ${moment}`))).toMatchObject({ queued: 0, sent: 0 });
    expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
    expect(sms.received).toHaveLength(0);
  });
});

describe("a meeting that changes", () => {
  it("moved: the reminder queued for the old time is dropped, the new time gets its own reminder", async () => {
    const meeting = at("2031-03-26 10:00");
    // Quiet from 9 to 11: the day-before reminder (due at 10.00) waits until 11.00.
    const rikke = await participantWithMeeting(meeting, { meetingReminderMinutes: [1440], quietFrom: "09:00", quietUntil: "11:00" });
    expect(await pass(at("2031-03-25 10:00"))).toMatchObject({ queued: 2, sent: 0 });
    // The jobcentre moves the meeting to Thursday (the database raises its sequence).
    const moved = at("2031-03-27 10:00");
    await database.db
      .update(appointments)
      .set({ startsAt: moved, endsAt: minutes(moved, 60), status: "moved" })
      .where(eq(appointments.id, rikke.appointmentIds[0]!));
    expect(await pass(at("2031-03-25 11:00"))).toMatchObject({ sent: 0, dropped: 2 });
    expect(smtp.received).toHaveLength(0);
    expect(sms.received).toHaveLength(0);
    // The old rows stay dropped: never sent, never given up, their content gone.
    const old = await database.db.select().from(mailOutbox);
    expect(old.every((row) => row.droppedAt && !row.sentAt && !row.failedAt && row.payload === null)).toBe(true);
    // The day before the new time: a fresh reminder (its key names the new start), after the quiet hours.
    expect(await pass(at("2031-03-26 10:00"))).toMatchObject({ queued: 2, sent: 0 });
    expect(await pass(at("2031-03-26 11:00"))).toMatchObject({ sent: 2 });
    expect(sms.received.map((message) => message.text)).toEqual(["Husk dit møde i morgen kl. 10.00. Se mere i Min Vej: http://localhost:3000/moeder"]);
    const keys = (await database.db.select({ key: mailOutbox.idempotencyKey, sentAt: mailOutbox.sentAt }).from(mailOutbox)).filter((row) => row.sentAt);
    expect(keys.map((row) => row.key).sort()).toEqual(
      ["email", "sms"].map((channel) => `meeting:${rikke.appointmentIds[0]}:${moved.getTime() / 1000}:1440:${rikke.personId}:${channel}`),
    );
  });

  it("what to bring changes after the reminder went out: the same reminder does not go again", async () => {
    const meeting = at("2031-03-26 15:00");
    const rikke = await participantWithMeeting(meeting, { meetingReminderMinutes: [1440], quietFrom: "22:00", quietUntil: "07:00" });
    expect(await pass(at("2031-03-25 15:00"))).toMatchObject({ queued: 2, sent: 2 });
    // The jobcentre adds something to bring (the calendar's sequence rises); the meeting's time stays.
    await database.db.update(appointments).set({ bringItems: ["Din medicinliste"] }).where(eq(appointments.id, rikke.appointmentIds[0]!));
    expect(await pass(at("2031-03-25 15:30"))).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(sms.received).toHaveLength(1);
  });

  it("cancelled: the reminder waiting is dropped, and no other one comes", async () => {
    const meeting = at("2031-03-26 15:00");
    const rikke = await participantWithMeeting(meeting, { quietFrom: "12:00", quietUntil: "14:00" });
    expect(await pass(at("2031-03-25 15:00"))).toMatchObject({ queued: 2, sent: 2 });
    // The two-hour reminder (13.00) waits for the quiet hours to end at 14.00; the meeting is cancelled at 13.30.
    expect(await pass(at("2031-03-26 13:00"))).toMatchObject({ queued: 2, sent: 0 });
    await database.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, rikke.appointmentIds[0]!));
    expect(await pass(at("2031-03-26 14:00"))).toMatchObject({ queued: 0, sent: 0, dropped: 2 });
    expect(await pass(at("2031-03-26 14:30"))).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(sms.received).toHaveLength(1);
  });

  it("cancelled before any reminder: none at all", async () => {
    const meeting = at("2031-03-28 10:00");
    const rikke = await participantWithMeeting(meeting);
    await database.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, rikke.appointmentIds[0]!));
    for (const before of [1440, 120, 60]) expect(await pass(minutes(meeting, -before))).toMatchObject({ queued: 0, sent: 0 });
    expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
  });
});

describe("a relative's copy", () => {
  it("goes to a relative with the appointments scope who asked for it, by her own settings; not to one without the scope", async () => {
    const meeting = at("2031-03-21 10:00");
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const other = await aPerson({ firstName: "Lone" }).build(database.db);
    await participantWithMeeting(meeting, { meetingReminderMinutes: [120] }).then(async (rikke) => {
      const { relativeGrants } = await import("../../../db/schema");
      await database.db.insert(relativeGrants).values([
        { participantId: rikke.participantId, relativePersonId: jonas.personId, invitedName: "Jonas", invitedEmail: "j@example.org", relation: "Bror", scopes: ["appointments"], validUntil: "2031-12-31", status: "active", reminderCopy: true },
        // Asked for a copy once, but the participant shares only her plan: no copy.
        { participantId: rikke.participantId, relativePersonId: other.personId, invitedName: "Lone", invitedEmail: "l@example.org", relation: "Ven", scopes: ["plan"], validUntil: "2031-12-31", status: "active", reminderCopy: true },
      ]);
    });
    await insertNotificationSettings(database.db, jonas.personId, { bySms: true, phone: "+4511220001", meetingReminderMinutes: [60] });
    await insertNotificationSettings(database.db, other.personId, { bySms: true, phone: "+4511220002", meetingReminderMinutes: [60, 120] });
    expect(await pass(minutes(meeting, -120))).toMatchObject({ sent: 2 });
    expect(await pass(minutes(meeting, -60))).toMatchObject({ sent: 1 });
    const toJonas = sms.received.filter((message) => message.to === "+4511220001");
    expect(toJonas.map((message) => message.text)).toEqual([
      "Husk mødet i dag kl. 10.00. Du har bedt om en kopi af påmindelsen. Se mere i Min Vej: http://localhost:3000/hjaelper",
    ]);
    expect(sms.received.filter((message) => message.to === "+4511220002")).toHaveLength(0);
  });
});

describe("the worker", () => {
  async function waitFor(check: () => boolean | Promise<boolean>, ms = 15_000) {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const settleFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  afterEach(() => void 0);

  it("across a restart sends nothing twice: queued before the restart, sent once after it; found again after it, not queued again", async () => {
    const meeting = at("2031-04-15 10:00");
    await participantWithMeeting(meeting, { meetingReminderMinutes: [1440, 120] });
    const dayBefore = minutes(meeting, -1440);
    // The first worker queues and sends the day-before reminder, and stops.
    const first = new JobWorker({ pollMs: 20, remindersEveryMs: 0, now: () => dayBefore });
    first.start();
    await waitFor(() => smtp.received.length === 1 && sms.received.length === 1);
    await first.stop();
    // A restart an hour later (the reminder is still within due_reminders' 6 hours): nothing new.
    const second = new JobWorker({ pollMs: 20, remindersEveryMs: 0, now: () => minutes(dayBefore, 60) });
    second.start();
    await settleFor(400);
    await second.stop();
    expect(smtp.received).toHaveLength(1);
    expect(sms.received).toHaveLength(1);
    // The two-hour reminder is queued, and the worker "crashes" before sending it (no delivery).
    expect(await queueDueReminders(minutes(meeting, -120))).toMatchObject({ queued: 2 });
    const third = new JobWorker({ pollMs: 20, remindersEveryMs: 0, now: () => minutes(meeting, -119) });
    third.start();
    await waitFor(() => smtp.received.length === 2 && sms.received.length === 2);
    await settleFor(300);
    await third.stop();
    expect(smtp.received).toHaveLength(2);
    expect(sms.received).toHaveLength(2);
  });

  it.skipIf(!serverUrl)("two workers at once on Postgres: every reminder goes exactly once", async () => {
    const meeting = at("2031-04-22 10:00");
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await participantWithMeeting(meeting, { meetingReminderMinutes: [1440] }));
    const now = () => minutes(meeting, -1440);
    // Two workers, each its own loop of passes in its own transactions on the pool's connections:
    // the reminders are found by both, queued once (the key), claimed once (SKIP LOCKED).
    const workers = [1, 2].map(() => new JobWorker({ pollMs: 10, remindersEveryMs: 0, now }));
    for (const worker of workers) worker.start();
    await waitFor(() => smtp.received.length >= people.length && sms.received.length >= people.length);
    await settleFor(500);
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(people.map((person) => person.email).sort());
    expect(sms.received.map((message) => message.to).sort()).toEqual(people.map((person) => person.phone).sort());
    const rows = await database.db.select().from(mailOutbox);
    expect(rows).toHaveLength(people.length * 2);
    expect(rows.every((row) => row.sentAt && row.attempts === 1)).toBe(true);
  });
});

describe("a gateway that keeps failing", () => {
  it("is retried with backoff (30 s, 2, 8, 32 min), then given up: the dead letter, counted in the metrics and logged without personal data", async () => {
    const meeting = at("2031-05-06 10:00");
    const rikke = await participantWithMeeting(meeting, { meetingReminderMinutes: [1440] });
    await database.db.update(notificationSettings).set({ byEmail: false }).where(eq(notificationSettings.personId, rikke.personId));
    sms.answerNext(...Array.from({ length: MAX_ATTEMPTS }, () => "fail" as const));
    let now = minutes(meeting, -1440);
    const waits: number[] = [];
    const lines = await captureLog(async () => {
      expect(await pass(now)).toMatchObject({ queued: 1, retried: 1 });
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        const [row] = await database.db.select().from(mailOutbox);
        expect(row!.lastError).toBe("SMS_503");
        waits.push((row!.runAfter.getTime() - now.getTime()) / 1000);
        // Not due yet a second before: nothing is tried.
        expect(await deliverDueMail({ now: () => new Date(row!.runAfter.getTime() - 1000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
        now = row!.runAfter;
        expect(await deliverDueMail({ now: () => now })).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retried: 1, failed: 0 } : { sent: 0, retried: 0, failed: 1 });
      }
    });
    expect(waits).toEqual([30, 120, 480, 1920]);
    const [row] = await database.db.select().from(mailOutbox);
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: "SMS_503", payload: null, sentAt: null });
    expect(row!.failedAt).not.toBeNull();
    expect(sms.requests).toBe(MAX_ATTEMPTS);
    expect(sms.received).toHaveLength(0);
    // Nothing more is tried, however long the worker runs.
    expect(await pass(minutes(meeting, -60))).toMatchObject({ sent: 0, retried: 0, failed: 0, queued: 0 });

    // The operator sees it: counted by channel and state, and one log line without personal data.
    const counts = await mailOutboxCounts();
    expect(counts.givenUp).toBe(1);
    expect(counts.byChannel).toContainEqual({ channel: "sms", state: "given_up", count: 1 });
    expect(counts.byChannel).toContainEqual({ channel: "email", state: "given_up", count: 0 });
    const givenUp = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === "outbox_given_up");
    expect(givenUp).toEqual([expect.objectContaining({ outboxId: row!.id, kind: "meeting_reminder", channel: "sms", attempts: MAX_ATTEMPTS, code: "SMS_503" })]);
    const all = lines.join("\n");
    for (const secret of [rikke.phone, rikke.phone.slice(3), rikke.personId, rikke.appointmentIds[0]!, "Husk", "Rikke"]) expect(all).not.toContain(secret);
  });
});

describe("the outbox's states", () => {
  it("are counted by channel: queued, retrying, sent, dropped", async () => {
    const meeting = at("2031-05-13 10:00");
    const rikke = await participantWithMeeting(meeting, { meetingReminderMinutes: [1440, 120] });
    await pass(minutes(meeting, -1440));
    sms.answerNext("fail");
    await queueDueReminders(minutes(meeting, -120));
    await database.db.execute(sql`update portal.mail_outbox set run_after = ${minutes(meeting, -120).toISOString()}::timestamptz where channel = 'email' and sent_at is null`);
    await database.db.update(notificationSettings).set({ byEmail: false }).where(eq(notificationSettings.personId, rikke.personId));
    await deliverDueMail({ now: () => minutes(meeting, -120) });
    const counts = await mailOutboxCounts();
    const count = (channel: string, state: string) => counts.byChannel.find((row) => row.channel === channel && row.state === state)?.count;
    expect([count("email", "sent"), count("email", "dropped"), count("sms", "sent"), count("sms", "retrying"), count("sms", "queued")]).toEqual([1, 1, 1, 1, 0]);
    expect(counts.pending).toBe(1);
  });
});
