import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actAs, openDatabase, useDatabase, withRequestTransaction, type DatabaseHandle } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson, insertNotificationSettings } from "../../../db/builders";
import { conversations, mailOutbox, messages, relativeGrants } from "../../../db/schema";
import { deliverDueMail } from "~/features/jobs/index.server";
import { queueDueReminders, queueMessageNotice } from "~/features/notifications/index.server";
import { action } from "~/features/notifications/routes/settings";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, ORIGIN, routeArgs, settle } from "../../support/requests";
import { useMailSettings } from "../../support/smtp";

// Notifications as production runs them: the portal and the worker as `portal_app`, bound by
// row-level security (migrations 0018, 0019). Roles exist only on a real Postgres server.

describe.skipIf(!serverUrl)("notifications under row-level security (real Postgres, as portal_app)", () => {
  let database: TestDatabase;
  let appHandle: DatabaseHandle;
  let app: postgres.Sql;
  let mailSettings: ReturnType<typeof useMailSettings>;
  const previousDemo = process.env.DEMO_LOGIN;

  beforeAll(async () => {
    mailSettings = useMailSettings({ prefix: "minvej-notify-rls" });
    process.env.DEMO_LOGIN = "1";
    database = await createTestDatabase({ seed: false });
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const ownerUrl = url.toString();
    url.username = "portal_app";
    url.password = "";
    appHandle = await openDatabase({ url: url.toString(), ownerUrl });
    app = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    useDatabase(database);
    await app?.end();
    await appHandle?.close();
    await database?.dispose();
    mailSettings?.restore();
    if (previousDemo === undefined) delete process.env.DEMO_LOGIN;
    else process.env.DEMO_LOGIN = previousDemo;
  });

  /** Builds as the owner, then runs `work` as portal_app. */
  async function asPortal<T>(work: () => Promise<T>): Promise<T> {
    useDatabase(appHandle);
    try {
      return await work();
    } finally {
      useDatabase(database);
    }
  }

  it("the worker queues and sends reminders (due_reminders, the outbox, the last check as it leaves)", async () => {
    const meeting = new Date("2032-01-14T10:00:00+01:00");
    const mette = await aParticipant()
      .withAppointment({ startsAt: meeting })
      .withNotificationSettings({ byEmail: true, email: "mette.rls@example.org", bySms: true, phone: "+4511229900", meetingReminderMinutes: [1440] })
      .build(database.db);
    const now = new Date(meeting.getTime() - 24 * 60 * 60_000);
    const report = await asPortal(async () => ({ queued: (await queueDueReminders(now)).queued, ...(await deliverDueMail({ now: () => now })) }));
    expect(report).toMatchObject({ queued: 2, sent: 2, failed: 0 });
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.participantId, mette.participantId));
    expect(rows.every((row) => row.sentAt)).toBe(true);
  });

  it("a caseworker's request queues the notice for her own participant; another caseworker's request cannot", async () => {
    const sara = await aCaseworker().build(database.db);
    const other = await aCaseworker().build(database.db);
    const mette = await aParticipant().withCaseworker(sara).withNotificationSettings({ byEmail: true, email: "mette.notice.rls@example.org" }).build(database.db);
    const [conversation] = await database.db.insert(conversations).values({ participantId: mette.participantId, topic: "general", subject: "Hej" }).returning({ id: conversations.id });
    await database.db.insert(messages).values({ conversationId: conversation!.id, authorPersonId: sara.personId, authorRole: "caseworker", authorName: "Sara", body: "Hej" });
    const input = { participantId: mette.participantId, recipientPersonId: mette.personId, conversationId: conversation!.id };
    const as = (personId: string) =>
      asPortal(() =>
        withRequestTransaction(async () => {
          await actAs(personId);
          const db = (await import("../../../db/client")).db;
          return (await db()).transaction((tx) => queueMessageNotice(tx, input));
        }),
      );
    expect((await as(other.personId)).queued).toEqual([]);
    expect((await as(sara.personId)).queued).toEqual(["email"]);
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.participantId, mette.participantId))).toHaveLength(1);
  });

  it("a person reads and changes only their own settings; the check before sending answers only the worker", async () => {
    const mette = await aPerson().build(database.db);
    const ali = await aPerson().build(database.db);
    await insertNotificationSettings(database.db, ali.personId, { byEmail: true, email: "ali.rls@example.org" });
    const asPerson = <T>(personId: string, work: (tx: postgres.TransactionSql) => Promise<T>) =>
      app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${personId}, true)`;
        return work(tx);
      }) as Promise<T>;
    expect(await asPerson(mette.personId, (tx) => tx`select * from portal.notification_settings where person_id = ${ali.personId}`)).toHaveLength(0);
    const updated = await asPerson(mette.personId, (tx) => tx`update portal.notification_settings set by_email = false where person_id = ${ali.personId}`);
    expect(updated.count).toBe(0);
    await expect(asPerson(mette.personId, (tx) => tx`insert into portal.notification_settings (person_id) values (${ali.personId})`)).rejects.toMatchObject({ code: "42501" });
    expect(await asPerson(ali.personId, (tx) => tx`select * from portal.notification_settings where person_id = ${ali.personId}`)).toHaveLength(1);
    const key = `message:00000000-0000-4000-8000-000000000000:${ali.personId}:email:h2032010110`;
    expect(await asPerson(ali.personId, (tx) => tx`select * from portal.notification_at_send(${key}, 'email', now())`)).toHaveLength(0);
    expect(await asPerson(ali.personId, (tx) => tx`select * from portal.message_notice_recipient(gen_random_uuid(), ${ali.personId}, gen_random_uuid())`)).toHaveLength(0);
  });

  it("a relative saves her copy of meeting reminders through the page; never on a grant without the scope", async () => {
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const mette = await aParticipant().withRelative(jonas, { scopes: ["appointments"] }).build(database.db);
    const ali = await aParticipant().withRelative(jonas, { scopes: ["plan"] }).build(database.db);
    const cookie = await asPortal(() => withRequestTransaction(() => cookieFor(jonas.demoKey)));
    const body = new URLSearchParams([
      ["version", "0"],
      ["byEmail", "yes"],
      ["email", "jonas.rls@example.org"],
      ["meetingReminders", "120"],
      ["newMessages", "yes"],
      ["quietFrom", "21"],
      ["quietUntil", "08"],
      ["copies", mette.participantId],
      ["copies", ali.participantId],
    ]);
    const response = (await asPortal(() =>
      withRequestTransaction(() =>
        settle(async () =>
          action(
            await routeArgs(
              new Request(`${ORIGIN}/indstillinger`, {
                method: "POST",
                headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, Cookie: cookie },
                body,
              }),
            ),
          ),
        ),
      ),
    )) as Response;
    expect(response.status).toBe(302);
    const copies = await database.db.select({ participantId: relativeGrants.participantId, copy: relativeGrants.reminderCopy }).from(relativeGrants).where(eq(relativeGrants.relativePersonId, jonas.personId));
    expect(Object.fromEntries(copies.map((row) => [row.participantId, row.copy]))).toEqual({ [mette.participantId]: true, [ali.participantId]: false });
  });
});
