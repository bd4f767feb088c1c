import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setupRoles, useDatabase, withRequestTransaction, type DatabaseHandle } from "../../../db/client";
import { aCaseworker, aParticipant } from "../../../db/builders";
import { action as conversationAction, loader as conversationLoader } from "~/features/caseworker/routes/caseworker-conversation";
import { loader as inboxLoader } from "~/features/caseworker/routes/caseworker-inbox";
import { loader as overviewLoader } from "~/features/caseworker/routes/caseworker";
import { copenhagenDay } from "~/lib/dates";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, routeArgs, settle } from "../../support/requests";
import { unwrap } from "../../support/routes";
import { aConversation } from "./messages-support";

// The caseworker's messages as production runs them: as portal_app, one transaction per request,
// under row-level security (conversations, messages and proposals through
// portal.my_coordinated_participants; her audit rows; the receipts). Roles only exist on a real
// Postgres server, so this file is skipped on PGlite.

const DAY = 86_400_000;

describe.skipIf(!serverUrl)("the caseworker's messages as portal_app (real Postgres)", () => {
  let database: TestDatabase;
  let owner: postgres.Sql;
  let appHandle: DatabaseHandle;
  const previousDemo = process.env.DEMO_LOGIN;

  beforeAll(async () => {
    process.env.DEMO_LOGIN = "1";
    database = await createTestDatabase({ seed: false });
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const ownerUrl = url.toString();
    url.username = "portal_app";
    url.password = "";
    owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    appHandle = await openDatabase({ url: url.toString(), ownerUrl });
  });
  afterEach(() => useDatabase(database));
  afterAll(async () => {
    useDatabase(database);
    await appHandle?.close();
    await owner?.end();
    await database?.dispose();
    if (previousDemo === undefined) delete process.env.DEMO_LOGIN;
    else process.env.DEMO_LOGIN = previousDemo;
  });

  /** One HTTP request: one transaction, as server.js runs it. */
  const request = <T,>(work: () => Promise<T>) => withRequestTransaction(() => settle(work));

  it("Sara reads, answers, marks handled and proposes a new time; Bo sees none of it", async () => {
    // Built as the owner; then the portal runs as portal_app.
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
    const bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
    const mette = await aParticipant({ person: { firstName: "Mette" } })
      .withCaseworker(sara)
      .withAppointment({ startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 5 * DAY + 3_600_000) })
      .build(database.db);
    const id = await aConversation(mette, { topic: "absence", subject: "Kan ikke komme", appointmentId: mette.appointmentIds[0], at: new Date(Date.now() - DAY) });
    useDatabase(appHandle);
    const saraCookie = (await request(() => cookieFor(sara.demoKey))) as string;
    const boCookie = (await request(() => cookieFor(bo.demoKey))) as string;
    const path = `/sagsbehandler/beskeder/${id}`;

    const inbox = unwrap(await request(async () => inboxLoader(await routeArgs(get("/sagsbehandler/beskeder", saraCookie))))).data as {
      rows: { id: string; state: string }[];
    };
    expect(inbox.rows).toEqual([expect.objectContaining({ id, state: "awaiting" })]);
    const overview = unwrap(await request(async () => overviewLoader(await routeArgs(get("/sagsbehandler", saraCookie))))).data as {
      awaiting: Record<string, number>;
    };
    expect(overview.awaiting).toEqual({ [mette.participantId]: 1 });

    const page = unwrap(await request(async () => conversationLoader(await routeArgs(get(path, saraCookie), { conversationId: id })))).data as {
      submissionId: string;
      newMessageIds: string[];
    };
    expect(page.newMessageIds).toHaveLength(1);
    const send = (form: Record<string, string>, cookie: string) =>
      request(async () => conversationAction(await routeArgs(post(path, form, cookie), { conversationId: id })));
    expect(((await send({ intent: "reply", body: "Vi finder en ny tid.", submissionId: page.submissionId }, saraCookie)) as Response).status).toBe(302);
    const [year, month, day] = copenhagenDay(new Date(Date.now() + 20 * DAY)).split("-");
    const proposed = await send({ intent: "propose", "date.day": day!, "date.month": month!, "date.year": year!, startTime: "10", endTime: "11" }, saraCookie);
    expect((proposed as Response).status).toBe(302);
    expect(((await send({ intent: "handled" }, saraCookie)) as Response).status).toBe(302);

    const stored = await owner`
      select (select count(*)::int from portal.messages where conversation_id = ${id} and author_role = 'caseworker') as replies,
             (select count(*)::int from portal.messages where conversation_id = ${id} and read_at is not null) as read,
             (select count(*)::int from portal.appointment_proposals where conversation_id = ${id}) as proposals,
             (select handled_at is not null from portal.conversations where id = ${id}) as handled,
             (select count(*)::int from portal.audit_events where participant_id = ${mette.participantId} and action = 'caseworker.conversation_viewed') as views`;
    expect(stored[0]).toEqual({ replies: 1, read: 1, proposals: 1, handled: true, views: 2 });

    // Bo: row-level security hides the conversation too; the page and its actions are 404.
    const boInbox = unwrap(await request(async () => inboxLoader(await routeArgs(get("/sagsbehandler/beskeder", boCookie))))).data as { rows: unknown[] };
    expect(boInbox.rows).toEqual([]);
    const boPage = await request(async () => conversationLoader(await routeArgs(get(path, boCookie), { conversationId: id })));
    expect((boPage as Response).status).toBe(404);
    const boReply = await send({ intent: "reply", body: "Fra Bo", submissionId: crypto.randomUUID() }, boCookie);
    expect((boReply as Response).status).toBe(404);
    const after = await owner`select count(*)::int as n from portal.messages where conversation_id = ${id}`;
    expect(after[0]!.n).toBe(2);
  });
});
