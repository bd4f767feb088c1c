import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, insertNotificationSettings, type BuiltCaseworker } from "../../../db/builders";
import { conversations, mailOutbox } from "../../../db/schema";
import { deliverDueMail } from "~/features/jobs/index.server";
import { action as caseworkerAction } from "~/features/caseworker/routes/caseworker-conversation";
import { action as participantAction } from "~/features/messages/routes/conversation";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, post, routeArgs, settle } from "../../support/requests";
import { startSmtpServer, useMailSettings, type TestSmtpServer } from "../../support/smtp";

// Issue 18: when the caseworker answers (or proposes a new time) through her page, the participant
// is told as she chose, through a real SMTP server, without a word of what was written; when the
// participant writes, nobody gets a mail (the caseworker reads her inbox).

let database: TestDatabase;
let smtp: TestSmtpServer;
let mailSettings: ReturnType<typeof useMailSettings>;
let sara: BuiltCaseworker;
let saraCookie: string;

const SECRET_SUBJECT = "Min gæld hos inkasso";
const SECRET_WORDS = "psykiatrisk skadestue";

beforeAll(async () => {
  smtp = await startSmtpServer();
  mailSettings = useMailSettings({ smtpUrl: smtp.url, prefix: "minvej-reply-notice" });
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  saraCookie = await cookieFor(sara.demoKey);
});
afterAll(async () => {
  await database?.dispose();
  await smtp?.close();
  mailSettings?.restore();
});
beforeEach(async () => {
  smtp.reset();
  await database.db.delete(mailOutbox);
});

async function metteWithConversation(byEmail: boolean) {
  const mette = await aParticipant({ person: { firstName: "Mette", email: "mette.reply@example.org" } })
    .withCaseworker(sara)
    .withAppointment({ title: "Samtale på psykiatrisk skadestue", startsAt: new Date(Date.now() + 3 * 86_400_000), endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000) })
    .build(database.db);
  // Quiet hours that never cover the test's moment: from 03.00 to 03.01.
  await insertNotificationSettings(database.db, mette.personId, { byEmail, email: "mette.reply@example.org", quietFrom: "03:00", quietUntil: "03:01" });
  const [conversation] = await database.db
    .insert(conversations)
    .values({ participantId: mette.participantId, topic: "appointment", subject: SECRET_SUBJECT, appointmentId: mette.appointmentIds[0]! })
    .returning({ id: conversations.id });
  return { ...mette, cookie: await cookieFor(mette.demoKey), conversationId: conversation!.id };
}

const saraPosts = async (conversationId: string, form: Record<string, string>) =>
  settle(async () =>
    caseworkerAction(await routeArgs(post(`/sagsbehandler/beskeder/${conversationId}`, form, saraCookie), { conversationId })),
  );

describe("a caseworker's reply tells the participant, and says nothing of it", () => {
  it("Sara's reply through her page queues one notice, which leaves through SMTP with no word of the conversation", async () => {
    const mette = await metteWithConversation(true);
    const reply = await saraPosts(mette.conversationId, { intent: "reply", body: `Vi ses på ${SECRET_WORDS}.`, submissionId: crypto.randomUUID() });
    expect((reply as Response).status).toBe(302);
    // A second reply before she has read the first: still one notice.
    await saraPosts(mette.conversationId, { intent: "reply", body: "Og husk medicinlisten.", submissionId: crypto.randomUUID() });
    expect(await deliverDueMail()).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["mette.reply@example.org"]);
    expect(mail.raw).toContain("Du har en ny besked i Min Vej");
    for (const secret of [SECRET_SUBJECT, SECRET_WORDS, "medicinlisten", "Sara", "skadestue"]) expect(mail.raw).not.toContain(secret);
  });

  it("a proposed new time tells her too", async () => {
    const mette = await metteWithConversation(true);
    const day = new Date(Date.now() + 10 * 86_400_000);
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "numeric", day: "numeric" }).formatToParts(day);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    const proposed = await saraPosts(mette.conversationId, {
      intent: "propose",
      "date.day": part("day"),
      "date.month": part("month"),
      "date.year": part("year"),
      startTime: "10.00",
      endTime: "11.00",
    });
    expect((proposed as Response).status, JSON.stringify((proposed as { data?: unknown }).data ?? null)).toBe(302);
    expect(await deliverDueMail()).toMatchObject({ sent: 1 });
    expect(smtp.received[0]!.raw).toContain("Du har en ny besked i Min Vej");
  });

  it("without e-mail chosen, nothing is queued; and the participant's own message mails nobody", async () => {
    const mette = await metteWithConversation(false);
    await saraPosts(mette.conversationId, { intent: "reply", body: "Hej", submissionId: crypto.randomUUID() });
    await settle(async () =>
      participantAction(
        await routeArgs(post(`/beskeder/${mette.conversationId}`, { intent: "send", body: "Tak", submissionId: crypto.randomUUID() }, mette.cookie), {
          id: mette.conversationId,
        }),
      ),
    );
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.participantId, mette.participantId))).toHaveLength(0);
    expect(await deliverDueMail()).toMatchObject({ sent: 0 });
  });
});
