import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupRoles } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { conversations, messageDrafts, messages, notificationSettings, relativeGrants } from "../../../db/schema";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";

// Issue 18: the conversations, messages, proposals, drafts, notification settings and the
// notifications in the outbox, as the portal's own role (portal_app) sees them. Row-level security
// binds only a real Postgres server's roles; PGlite has one superuser.

describe.skipIf(!serverUrl)("row-level security on messages and notifications (real Postgres)", () => {
  let database: TestDatabase;
  let owner: postgres.Sql;
  let app: postgres.Sql;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    url.username = "portal_app";
    url.password = "";
    app = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all([owner, app].map((connection) => connection?.end()));
    await database?.dispose();
  });

  function asApp<T>(personId: string | null, work: (tx: postgres.TransactionSql) => Promise<T>, extra: Record<string, string> = {}): Promise<T> {
    return app.begin(async (tx) => {
      if (personId) await tx`select set_config('minvej.person_id', ${personId}, true)`;
      for (const [key, value] of Object.entries(extra)) await tx`select set_config(${key}, ${value}, true)`;
      return work(tx);
    }) as Promise<T>;
  }
  const count = (personId: string | null, table: string, where = "true") =>
    asApp(personId, async (tx) => (await tx.unsafe(`select count(*)::int as n from portal.${table} where ${where}`))[0]!.n as number);
  async function codeOf(work: Promise<unknown>) {
    try {
      await work;
      return "ok";
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  /** Sara coordinates Mette; Bo coordinates Ali; Rikke is Mette's relative; Mette has one conversation. */
  async function somePeople() {
    const sara = await aCaseworker({ person: { firstName: "Sara" } }).build(database.db);
    const bo = await aCaseworker({ person: { firstName: "Bo" } }).build(database.db);
    const rikke = await aPerson({ firstName: "Rikke" }).build(database.db);
    // A meeting in 1 hour 50 minutes: her "2 hours before" reminder is due now.
    const soon = Date.now() + 110 * 60_000;
    const mette = await aParticipant({ person: { firstName: "Mette" } })
      .withCaseworker(sara)
      .withAppointment({ startsAt: new Date(soon), endsAt: new Date(soon + 3_600_000) })
      .withRelative(rikke, { scopes: ["messages"] })
      .build(database.db);
    const ali = await aParticipant({ person: { firstName: "Ali" } }).withCaseworker(bo).build(database.db);
    const [conversation] = await database.db
      .insert(conversations)
      .values({ participantId: mette.participantId, topic: "general", subject: "Praktikken" })
      .returning({ id: conversations.id });
    await database.db.insert(messages).values({ conversationId: conversation!.id, authorPersonId: mette.personId, authorRole: "participant", authorName: "Mette", body: "Hej" });
    await database.db.insert(messageDrafts).values({ personId: mette.personId, draftKey: conversation!.id, participantId: mette.participantId, body: "Udkast" });
    await database.db.insert(notificationSettings).values({ personId: mette.personId, byEmail: true, email: "mette@example.org" });
    return { sara, bo, rikke, mette, ali, conversationId: conversation!.id };
  }

  it("shows a conversation to her side and her coordinating caseworker, and to nobody else", async () => {
    const { sara, bo, rikke, mette, ali, conversationId } = await somePeople();
    const mine = `conversation_id = '${conversationId}'`;
    for (const [who, sees] of [
      [mette.personId, 1],
      [rikke.personId, 1],
      [sara.personId, 1],
      [bo.personId, 0],
      [ali.personId, 0],
      [null, 0],
    ] as const) {
      expect(await count(who, "conversations", `id = '${conversationId}'`), `conversations for ${who}`).toBe(sees);
      expect(await count(who, "messages", mine), `messages for ${who}`).toBe(sees);
    }
  });

  it("lets only her side and her caseworker write in it, each in their own name and role", async () => {
    const { sara, bo, mette, ali, conversationId } = await somePeople();
    const write = (who: { personId: string }, role: string, as = who.personId) =>
      asApp(who.personId, (tx) => tx`insert into portal.messages (conversation_id, author_person_id, author_role, author_name, body) values (${conversationId}, ${as}, ${role}, 'x', 'hej')`);
    expect(await codeOf(write(sara, "caseworker"))).toBe("ok");
    expect(await codeOf(write(mette, "participant"))).toBe("ok");
    expect(await codeOf(write(bo, "caseworker"))).toBe("42501");
    expect(await codeOf(write(ali, "participant"))).toBe("42501");
    // Not in another role, nor in another person's name.
    expect(await codeOf(write(mette, "caseworker"))).toBe("42501");
    expect(await codeOf(write(mette, "participant", sara.personId))).toBe("42501");
    // Nor start one in her name.
    const start = (who: { personId: string }) =>
      asApp(who.personId, (tx) => tx`insert into portal.conversations (participant_id, topic, subject) values (${mette.participantId}, 'general', 'x')`);
    expect(await codeOf(start(bo))).toBe("42501");
    expect(await codeOf(start(ali))).toBe("42501");
    // A message is never changed once written; only its receipt is set.
    expect(await codeOf(asApp(mette.personId, (tx) => tx`update portal.messages set body = 'ændret' where conversation_id = ${conversationId}`))).toBe("42501");
    expect(await codeOf(asApp(sara.personId, (tx) => tx`update portal.messages set read_at = now() where conversation_id = ${conversationId} and author_role = 'participant'`))).toBe("ok");
    // Only her caseworker marks it handled, and only she proposes a new time.
    expect(await codeOf(asApp(mette.personId, (tx) => tx`update portal.conversations set handled_at = now(), handled_by_person_id = ${mette.personId} where id = ${conversationId}`))).toBe("42501");
    expect(await codeOf(asApp(sara.personId, (tx) => tx`update portal.conversations set handled_at = now(), handled_by_person_id = ${sara.personId} where id = ${conversationId}`))).toBe("ok");
    const propose = (who: { personId: string }) =>
      asApp(who.personId, (tx) => tx`insert into portal.appointment_proposals (conversation_id, appointment_id, starts_at, ends_at) select ${conversationId}, id, now() + interval '2 days', now() + interval '2 days 1 hour' from portal.appointments limit 1`);
    expect(await codeOf(propose(mette))).toBe("42501");
  });

  it("keeps each message and proposed time with its conversation's participant, whatever the writer sends", async () => {
    const { sara, bo, mette, ali, conversationId } = await somePeople();
    const inMine = `conversation_id = '${conversationId}'`;
    const participantsOf = async (table: string) =>
      (await owner.unsafe(`select distinct participant_id::text as id from portal.${table} where ${inMine}`)).map((row) => row.id as string);
    // Written as if it were Ali's, then moved to Ali's on the way: it stays Mette's, out of Bo's sight.
    expect(
      await codeOf(
        asApp(mette.personId, (tx) => tx`insert into portal.messages (conversation_id, participant_id, author_person_id, author_role, author_name, body) values (${conversationId}, ${ali.participantId}, ${mette.personId}, 'participant', 'Mette', 'hej')`),
      ),
    ).toBe("ok");
    expect(await codeOf(asApp(mette.personId, (tx) => tx`update portal.messages set participant_id = ${ali.participantId} where ${tx.unsafe(inMine)}`))).toBe("ok");
    expect(await codeOf(asApp(sara.personId, (tx) => tx`update portal.messages set participant_id = ${ali.participantId}, read_at = now() where ${tx.unsafe(inMine)}`))).toBe("ok");
    expect(await participantsOf("messages")).toEqual([mette.participantId]);
    expect(await count(bo.personId, "messages", inMine)).toBe(0);
    expect(await count(sara.personId, "messages", inMine)).toBe(2);
    // A proposed time likewise.
    const [meeting] = await owner`select id from portal.appointments where participant_id = ${mette.participantId} limit 1`;
    const propose = asApp(sara.personId, (tx) =>
      tx`insert into portal.appointment_proposals (conversation_id, participant_id, appointment_id, starts_at, ends_at) values (${conversationId}, ${ali.participantId}, ${meeting!.id}, now() + interval '2 days', now() + interval '2 days 1 hour')`,
    );
    expect(await codeOf(propose)).toBe("ok");
    expect(await codeOf(asApp(mette.personId, (tx) => tx`update portal.appointment_proposals set participant_id = ${ali.participantId} where ${tx.unsafe(inMine)}`))).toBe("ok");
    expect(await participantsOf("appointment_proposals")).toEqual([mette.participantId]);
    expect(await count(bo.personId, "appointment_proposals", inMine)).toBe(0);
    expect(await count(mette.personId, "appointment_proposals", inMine)).toBe(1);
  });

  it("lets a relative read only with the messages scope, and write only with 'må også skrive'", async () => {
    const { mette, rikke, conversationId } = await somePeople();
    const planOnly = await aPerson({ firstName: "Per" }).build(database.db);
    const writer = await aPerson({ firstName: "Vera" }).build(database.db);
    await database.db.insert(relativeGrants).values([
      { participantId: mette.participantId, relativePersonId: planOnly.personId, invitedName: "Per", invitedEmail: "per@example.org", relation: "Ven", scopes: ["plan", "appointments"], validUntil: "2099-01-01", status: "active" },
      { participantId: mette.participantId, relativePersonId: writer.personId, invitedName: "Vera", invitedEmail: "vera@example.org", relation: "Mor", scopes: ["messages"], mayWriteMessages: true, validUntil: "2099-01-01", status: "active" },
    ]);
    expect(await count(planOnly.personId, "conversations", `id = '${conversationId}'`)).toBe(0);
    expect(await count(planOnly.personId, "messages", `conversation_id = '${conversationId}'`)).toBe(0);
    const write = (personId: string) =>
      asApp(personId, (tx) => tx`insert into portal.messages (conversation_id, author_person_id, author_role, author_name, body) values (${conversationId}, ${personId}, 'relative', 'x', 'hej')`);
    // Rikke has the messages scope without the right to write (somePeople): she reads, and may not write.
    expect(await count(rikke.personId, "messages", `conversation_id = '${conversationId}'`)).toBe(1);
    expect(await codeOf(write(rikke.personId))).toBe("42501");
    expect(await codeOf(write(planOnly.personId))).toBe("42501");
    expect(await codeOf(write(writer.personId))).toBe("ok");
    // The worker's question for due reminders (everyone's addresses) answers only the worker.
    const due = (who: string | null, extra: Record<string, string> = {}) =>
      asApp(who, async (tx) => (await tx`select * from portal.due_reminders(now()) where participant_id = ${mette.participantId}`).length, extra);
    expect(await due(null, { "minvej.job_worker": "on" })).toBeGreaterThan(0);
    expect(await due(writer.personId)).toBe(0);
    expect(await due(mette.personId)).toBe(0);
  });

  it("keeps drafts and notification settings to their own person", async () => {
    const { sara, rikke, mette } = await somePeople();
    expect(await count(mette.personId, "message_drafts")).toBe(1);
    for (const other of [sara, rikke]) {
      expect(await count(other.personId, "message_drafts", `person_id = '${mette.personId}'`)).toBe(0);
      expect(await count(other.personId, "notification_settings", `person_id = '${mette.personId}'`)).toBe(0);
    }
    expect(await count(mette.personId, "notification_settings")).toBe(1);
    // The job worker reads everyone's settings to address a notification.
    expect(await asApp(null, async (tx) => (await tx`select count(*)::int as n from portal.notification_settings`)[0]!.n as number, { "minvej.job_worker": "on" })).toBeGreaterThan(0);
  });

  it("lets her caseworker queue a notification about her, and not about someone else's participant", async () => {
    const { sara, mette, ali } = await somePeople();
    const queue = (participantId: string, kind = "message_notice") =>
      asApp(sara.personId, (tx) => tx`insert into portal.mail_outbox (idempotency_key, kind, channel, participant_id) values (${crypto.randomUUID()}, ${kind}, 'email', ${participantId})`);
    expect(await codeOf(queue(mette.participantId))).toBe("ok");
    expect(await codeOf(queue(ali.participantId))).toBe("42501");
    // Only a new-message notice: nothing else rides on that right.
    expect(await codeOf(queue(mette.participantId, "meeting_reminder"))).toBe("42501");
    // And nobody but the worker reads the outbox.
    expect(await count(sara.personId, "mail_outbox")).toBe(0);
    expect(await count(mette.personId, "mail_outbox")).toBe(0);
  });

  it("lets the owner's own login past the checks, but not a superuser who has become portal_app (migration 0054)", async () => {
    const { mette, conversationId } = await somePeople();
    /** What the checks that let an owner pass answer, as `sql` (no person set), after `setRole` when given. */
    const answers = (sql: postgres.Sql, setRole?: string) =>
      sql.begin(async (tx) => {
        if (setRole) await tx.unsafe(`set local role ${setRole}`);
        const [row] = await tx`
          select portal.caller_bypasses_row_security() as bypasses,
            portal.conversation_participant_person(${conversationId}::uuid) as person,
            (select count(*)::int from portal.message_notice_recipient(${mette.participantId}::uuid, ${mette.personId}::uuid, ${conversationId}::uuid)) as recipients,
            (select count(*)::int from portal.due_reminders(now()) where participant_id = ${mette.participantId}) as reminders`;
        return row;
      });
    // The owner (a superuser): the embedded database, migrations and seeds.
    expect(await answers(owner)).toEqual({ bypasses: true, person: mette.personId, recipients: 1, reminders: 1 });
    // The same login after SET ROLE portal_app is portal_app: it asked about the login role before.
    expect(await answers(owner, "portal_app")).toEqual({ bypasses: false, person: null, recipients: 0, reminders: 0 });
    expect(await answers(app)).toEqual({ bypasses: false, person: null, recipients: 0, reminders: 0 });
    // And SET ROLE back to the login role (a superuser) passes again.
    const [row] = await owner`select session_user as login`;
    expect(await answers(owner, `"${row!.login as string}"`)).toEqual({ bypasses: true, person: mette.personId, recipients: 1, reminders: 1 });
    // Only her coordinating caseworker marks a conversation handled (keep_conversation_handling): the
    // owner may; the participant's side may not, also through a superuser who has become portal_app.
    const markHandledAs = (setRole: string | null) =>
      codeOf(
        owner.begin(async (tx) => {
          if (setRole) await tx.unsafe(`set local role ${setRole}`);
          await tx`select set_config('minvej.person_id', ${mette.personId}, true)`;
          await tx`update portal.conversations set handled_at = now(), handled_by_person_id = ${mette.personId} where id = ${conversationId}`;
          throw Object.assign(new Error("roll back"), { code: "ok" });
        }),
      );
    expect(await markHandledAs(null)).toBe("ok");
    expect(await markHandledAs("portal_app")).toBe("42501");
  });
});
