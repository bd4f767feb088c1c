import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setupRoles, useDatabase, withRequestTransaction, type DatabaseHandle } from "../../db/client";
import { aCaseworker, aParticipant, aPerson } from "../../db/builders";
import { calendarFeeds } from "../../db/schema";
import { createCalendarFeed, revokeCalendarFeed } from "~/features/appointments/commands.server";
import { createInvitation } from "~/features/relatives/commands.server";
import { addMonths } from "~/features/relatives/scopes";
import { readSession } from "~/lib/session.server";
import { listDemoPeople } from "~/lib/auth/providers.server";
import { copenhagenDay } from "~/lib/dates";
import { loader as feedLoader } from "~/features/appointments/routes/appointments-feed";
import { loader as caseworkerLoader } from "~/features/caseworker/routes/caseworker";
import { loader as planLoader } from "~/features/plan/routes/plan";
import { loader as listLoader } from "~/features/relatives/routes/relatives";
import { action as confirmAction } from "~/features/relatives/routes/relatives-confirm";
import { action as invitationAction, loader as invitationLoader } from "~/features/relatives/routes/relatives-invitation";
import { loader as sharedPlanLoader } from "~/features/relatives/routes/relatives-shared-plan";
import { createTestDatabase, serverUrl, type TestDatabase } from "../support/db";
import { cookieFor, get, settle, routeArgs } from "../support/requests";

// Issue 13, point 11: row-level security on the tables migration 0006 left open (people, sessions,
// identities, grants, invitations, calendar feeds, contacts, professionals), the CPR column, and
// the caseworker views taken from the portal's role. Roles only exist on a real Postgres server:
// the embedded PGlite has one superuser, whom row-level security does not bind.

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

let database: TestDatabase;

/** The open tables of issue 13 and the column that says whose row it is. */
const tables = [
  "persons",
  "participants",
  "identities",
  "relative_grants",
  "invitations",
  "auth_sessions",
  "calendar_feeds",
  "participant_contacts",
  "professionals",
];

type Who = { personId: string; participantId: string | null; demoKey: string; name: string };

describe.skipIf(!serverUrl)("row-level security on people, sessions, grants and links (real Postgres)", () => {
  let owner: postgres.Sql;
  let app: postgres.Sql;
  let appUrl: string;
  let ownerUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    const [{ name }] = (await database.db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    ownerUrl = url.toString();
    url.username = "portal_app";
    url.password = "";
    appUrl = url.toString();
    owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    app = postgres(appUrl, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all([owner, app].map((connection) => connection?.end()));
    await database?.dispose();
  });

  /**
   * Each test's own people (db/builders.ts), no demo seed: Sara, the coordinating caseworker of
   * Mette (a plan and a meeting) and of Ali; Jonas, not yet anyone's relative. A live session for
   * each; an invitation (with its grant) from Mette to Jonas, and her calendar feed: something of
   * theirs in every open table. Built as the owner, with the owner's database installed.
   */
  async function somePeople() {
    const sara = await aCaseworker({ person: { firstName: "Sara" } }).build(database.db);
    const mette = await aParticipant({ person: { firstName: "Mette" } }).withCaseworker(sara).withPlan().withAppointment().build(database.db);
    const ali = await aParticipant({ person: { firstName: "Ali" } }).withCaseworker(sara).build(database.db);
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const people: Record<"mette" | "ali" | "jonas" | "sara", Who> = {
      mette,
      ali,
      jonas: { ...jonas, participantId: null },
      sara: { ...sara, participantId: null },
    };
    const sessionTokens: Record<string, string> = {};
    const { sessionCookie } = await import("~/lib/session.server");
    for (const [key, who] of Object.entries(people)) {
      // A live session for everyone (as the owner, as the tests elsewhere do).
      sessionTokens[key] = (await sessionCookie.parse(await cookieFor(who.demoKey))) as string;
    }
    const invited = await createInvitation(
      { personId: mette.personId, participantId: mette.participantId, requestId: null },
      { name: jonas.name, email: `${jonas.demoKey}.rls@example.com`, relation: "Bror", scopes: ["plan"], network: false, mayComment: false, bisidder: [], validUntil: addMonths(copenhagenDay(new Date()), 3) },
    );
    if (invited.status !== "created") throw new Error("no invitation");
    const feedToken = await createCalendarFeed({ personId: mette.personId, participantId: mette.participantId });
    for (const table of tables) {
      const [row] = await owner.unsafe(`select count(*)::int as n from portal.${table}`);
      expect(row!.n, `${table} has rows to hide`).toBeGreaterThan(0);
    }
    return { ...people, sessionTokens, invitationToken: invited.token, feedToken };
  }

  /** What `portal_app` sees, in one transaction with these settings. */
  function asApp<T>(settings: Record<string, string>, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
    return app.begin(async (tx) => {
      for (const [key, value] of Object.entries(settings)) await tx`select set_config(${key}, ${value}, true)`;
      return work(tx);
    }) as Promise<T>;
  }
  const person = (who: { personId: string }) => ({ "minvej.person_id": who.personId });
  const count = (settings: Record<string, string>, table: string, where = "true") =>
    asApp(settings, async (tx) => (await tx.unsafe(`select count(*)::int as n from portal.${table} where ${where}`))[0]!.n as number);

  async function codeOf(work: Promise<unknown>): Promise<string> {
    try {
      await work;
      return "ok";
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  it("shows a portal_app connection with no person set nothing at all, in every table", async () => {
    await somePeople(); // their rows, none of them visible without a person
    for (const table of tables) {
      expect(await count({}, table), `${table}, no setting`).toBe(0);
      expect(await count({ "minvej.person_id": "" }, table), `${table}, empty`).toBe(0);
      expect(await count({ "minvej.person_id": "not-a-person" }, table), `${table}, garbage`).toBe(0);
    }
  });

  it("never lets portal_app read a CPR number, whoever is set, and never write people", async () => {
    const { mette } = await somePeople();
    expect(await codeOf(asApp({}, (tx) => tx`select cpr from portal.persons`))).toBe("42501");
    expect(await codeOf(asApp(person(mette), (tx) => tx`select cpr from portal.persons where id = ${mette.personId}`))).toBe("42501");
    expect(await codeOf(asApp(person(mette), (tx) => tx`select count(*) from portal.persons where cpr is not null`))).toBe("42501");
    expect(await codeOf(asApp(person(mette), (tx) => tx`select * from portal.persons`))).toBe("42501");
    expect(await codeOf(asApp(person(mette), (tx) => tx`update portal.persons set first_name = 'x' where id = ${mette.personId}`))).toBe("42501");
    // Her own name she may read.
    const [own] = await asApp(person(mette), (tx) => tx`select first_name from portal.persons where id = ${mette.personId}`);
    expect(own!.first_name).toBe("Mette");
  });

  it("shows each person their own rows and never another person's", async () => {
    const { mette, ali, jonas, sara } = await somePeople();
    // Mette: among people herself and her own caseworker (no relative bound yet, nobody else);
    // her sessions, identity, feed, grant and invitation.
    expect(await count(person(mette), "persons", `id not in ('${mette.personId}', '${sara.personId}')`)).toBe(0);
    expect(await count(person(mette), "persons")).toBe(2);
    expect(await count(person(mette), "auth_sessions", `person_id <> '${mette.personId}'`)).toBe(0);
    expect(await count(person(mette), "auth_sessions")).toBeGreaterThan(0);
    expect(await count(person(mette), "identities")).toBe(1);
    expect(await count(person(mette), "calendar_feeds")).toBe(1);
    expect(await count(person(mette), "relative_grants")).toBe(1);
    expect(await count(person(mette), "invitations")).toBe(1);
    expect(await count(person(mette), "participants")).toBe(1);
    expect(await count(person(mette), "participant_contacts")).toBeGreaterThan(0);
    expect(await count(person(mette), "participant_contacts", `participant_id <> '${mette.participantId}'`)).toBe(0);
    // Ali, another participant, and Jonas, invited but not bound: none of Mette's rows.
    for (const [key, who] of [["ali", ali], ["jonas", jonas]] as const) {
      expect(await count(person(who), "persons", `id = '${mette.personId}'`), `${key}: Mette`).toBe(0);
      expect(await count(person(who), "participants", `id = '${mette.participantId}'`), `${key}: her participant row`).toBe(0);
      expect(await count(person(who), "auth_sessions", `person_id <> '${who.personId}'`), `${key}: sessions`).toBe(0);
      expect(await count(person(who), "identities", `person_id <> '${who.personId}'`), `${key}: identities`).toBe(0);
      expect(await count(person(who), "relative_grants"), `${key}: grants`).toBe(0);
      expect(await count(person(who), "invitations"), `${key}: invitations`).toBe(0);
      expect(await count(person(who), "calendar_feeds"), `${key}: feeds`).toBe(0);
      expect(await count(person(who), "participant_contacts", `participant_id = '${mette.participantId}'`), `${key}: contacts`).toBe(0);
    }
    // The caseworker sees herself, not the people she works with (she reads the caseworker views).
    expect(await count(person(sara), "persons")).toBe(1);
    expect(await count(person(sara), "participants")).toBe(0);
  });

  it("opens one session by its token's hash and one invitation by its link's hash, nothing more", async () => {
    const { mette, ali, sessionTokens, invitationToken } = await somePeople();
    const session = { "minvej.session_token_hash": sha256(sessionTokens.mette!) };
    expect(await count(session, "auth_sessions")).toBe(1);
    expect(await count(session, "persons")).toBe(0);
    expect(await count({ "minvej.session_token_hash": sha256("guess") }, "auth_sessions")).toBe(0);
    expect(await count({ "minvej.session_token_hash": "%" }, "auth_sessions")).toBe(0);

    const link = { ...person(ali), "minvej.invitation_token_hash": sha256(invitationToken) };
    expect(await count(link, "invitations")).toBe(1);
    expect(await count(link, "relative_grants")).toBe(1);
    // The name of who invited (the page shows it), never her CPR number, sessions or feed.
    expect(await count(link, "persons", `id = '${mette.personId}'`)).toBe(1);
    expect(await count(link, "auth_sessions", `person_id = '${mette.personId}'`)).toBe(0);
    expect(await count(link, "calendar_feeds")).toBe(0);
    expect(await count({ ...person(ali), "minvej.invitation_token_hash": sha256("guess") }, "relative_grants")).toBe(0);
  });

  it("lets the holder of a link answer for themselves, but never grant themselves access", async () => {
    const { ali, jonas, invitationToken } = await somePeople();
    const link = { ...person(jonas), "minvej.invitation_token_hash": sha256(invitationToken) };
    // Making oneself active, or widening what the grant allows, is refused by the database.
    expect(await codeOf(asApp(link, (tx) => tx`update portal.relative_grants set status = 'active', relative_person_id = ${jonas.personId}`))).toBe("42501");
    expect(await codeOf(asApp(link, (tx) => tx`update portal.relative_grants set scopes = '{plan,cv}', relative_person_id = ${jonas.personId}`))).toBe("42501");
    // Binding it to someone else is refused too.
    expect(await codeOf(asApp(link, (tx) => tx`update portal.relative_grants set status = 'awaiting_confirmation', relative_person_id = ${ali.personId}`))).toBe("42501");
    // Waiting for the participant's confirmation is allowed (rolled back here).
    let answered = -1;
    await asApp(link, async (tx) => {
      answered = (await tx`update portal.relative_grants set status = 'awaiting_confirmation', relative_person_id = ${jonas.personId} returning id`).length;
      throw new Error("roll back");
    }).catch(() => {});
    expect(answered).toBe(1);
  });

  it("holds a birth-date binding against the holder of the link: she can neither clear it nor accept as someone born another day", async () => {
    const { jonas, invitationToken } = await somePeople();
    const link = { ...person(jonas), "minvej.invitation_token_hash": sha256(invitationToken) };
    await owner`update portal.relative_grants set bound_birth_date = '1950-01-01' where relative_person_id is null and status = 'invited'`;
    const accept = (clear: boolean) =>
      codeOf(
        asApp(link, (tx) =>
          clear
            ? tx`update portal.relative_grants set status = 'awaiting_confirmation', relative_person_id = ${jonas.personId}, bound_birth_date = null`
            : tx`update portal.relative_grants set status = 'awaiting_confirmation', relative_person_id = ${jonas.personId}`,
        ),
      );
    expect(await accept(true)).toBe("42501");
    expect(await accept(false)).toBe("42501");
    // Born on the bound day, she may (rolled back here).
    const [row] = await owner`select birth_date::text as born from portal.persons where id = ${jonas.personId}`;
    await owner`update portal.relative_grants set bound_birth_date = ${row!.born} where status = 'invited'`;
    let answered = -1;
    await asApp(link, async (tx) => {
      answered = (await tx`update portal.relative_grants set status = 'awaiting_confirmation', relative_person_id = ${jonas.personId} returning id`).length;
      throw new Error("roll back");
    }).catch(() => {});
    expect(answered).toBe(1);
  });

  it("takes the caseworker views from portal_app, and shows the portal's copies only to the coordinating caseworker", async () => {
    const { mette, jonas, sara } = await somePeople();
    const views = await owner`select table_name from information_schema.views where table_schema = 'caseworker' order by table_name`;
    expect(views.length).toBeGreaterThan(10);
    for (const view of views) {
      expect(await codeOf(asApp(person(sara), (tx) => tx.unsafe(`select * from caseworker.${view.table_name} limit 1`))), view.table_name).toBe("42501");
    }
    const copies = await owner`select table_name from information_schema.views where table_schema = 'caseworker_portal' order by table_name`;
    expect(copies.length).toBeGreaterThan(10);
    for (const copy of copies) {
      const name = copy.table_name as string;
      const all = (await owner.unsafe(`select count(*)::int as n from caseworker.${name}`))[0]!.n as number;
      const read = async (settings: Record<string, string>) =>
        asApp(settings, async (tx) => (await tx.unsafe(`select count(*)::int as n from caseworker_portal.${name}`))[0]!.n as number);
      expect(await read({}), `${name}: no person`).toBe(0);
      expect(await read(person(mette)), `${name}: a participant`).toBe(0);
      expect(await read(person(jonas)), `${name}: a relative`).toBe(0);
      const mine = (await owner.unsafe(
        `select count(*)::int as n from caseworker.${name} where participant_id in (select participant_id from caseworker.participants where coordinating_caseworker_person_id = '${sara.personId}')`,
      ))[0]!.n as number;
      expect(await read(person(sara)), `${name}: the caseworker`).toBe(mine);
      expect(mine).toBeLessThanOrEqual(all);
    }
    expect(await codeOf(asApp(person(sara), (tx) => tx`select * from portal.caseworker_outbox`))).toBe("42501");
  });

  describe("the portal still works as portal_app", () => {
    let appHandle: DatabaseHandle;
    const previousDemo = process.env.DEMO_LOGIN;

    beforeAll(async () => {
      process.env.DEMO_LOGIN = "1";
      appHandle = await openDatabase({ url: appUrl, ownerUrl });
    });
    afterEach(() => useDatabase(database));
    afterAll(async () => {
      useDatabase(database);
      await appHandle?.close();
      if (previousDemo === undefined) delete process.env.DEMO_LOGIN;
      else process.env.DEMO_LOGIN = previousDemo;
    });

    /** The test's people, built as the owner; then the portal runs as portal_app. */
    async function somePeopleAsApp() {
      const people = await somePeople();
      useDatabase(appHandle);
      return people;
    }

    /** One HTTP request: one transaction, as server.js runs it. */
    const request = <T>(work: () => Promise<T>) => withRequestTransaction(() => settle(work));
    const signIn = (who: Who) => request(() => cookieFor(who.demoKey)) as Promise<string>;

    it("lists the demo people, signs in, reads the session and shows the plan", async () => {
      const { mette, ali, jonas, sara } = await somePeopleAsApp();
      // Every demo identity in the database, these four among them, though nobody is signed in.
      const people = await request(() => listDemoPeople());
      const everyone = (await owner`select subject from portal.identities where provider = 'demo'`).map((row) => row.subject as string);
      expect((people as { key: string }[]).map((entry) => entry.key).sort()).toEqual(everyone.sort());
      expect(everyone).toEqual(expect.arrayContaining([mette, ali, jonas, sara].map((who) => who.demoKey)));
      const cookie = await signIn(mette);
      const session = await request(() => readSession(get("/min-plan", cookie)));
      expect(session).toMatchObject({ status: "active", personId: mette.personId });
      const plan = await request(async () => planLoader(await routeArgs(get("/min-plan", cookie))));
      expect(plan).not.toBeInstanceOf(Response);
      expect(await request(() => readSession(get("/min-plan", "minvej_session=nonsense-token-that-is-long-enough")))).not.toMatchObject({ status: "active" });
    });

    it("looks an invitation up by its link, signed out and signed in", async () => {
      const { mette, jonas: jonasPerson, invitationToken } = await somePeopleAsApp();
      const signedOut = await request(async () => invitationLoader(await routeArgs(get(`/invitation/${invitationToken}`), { token: invitationToken })));
      expect((signedOut as { data: { view: string } }).data.view).toBe("signIn");
      const jonas = await signIn(jonasPerson);
      const offer = await request(async () =>
        invitationLoader(await routeArgs(get(`/invitation/${invitationToken}`, jonas), { token: invitationToken })),
      );
      expect((offer as { data: { view: string; invitation?: { participantName: string } } }).data).toMatchObject({
        invitation: { participantName: mette.name },
      });
      const unknown = await request(async () =>
        invitationLoader(await routeArgs(get(`/invitation/${"x".repeat(43)}`, jonas), { token: "x".repeat(43) })),
      );
      expect((unknown as { init: { status: number } }).init.status).toBe(404);
    });

    it("answers an invitation as portal_app: refused for a participant, waits for the participant's confirmation, then grants", async () => {
      const people = await somePeopleAsApp();
      const post = (path: string, form: Record<string, string>, cookie: string) =>
        new Request(`http://localhost:3000${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: cookie },
          body: new URLSearchParams(form),
        });
      const [ali, jonas, mette] = await Promise.all([people.ali, people.jonas, people.mette].map(signIn));
      const token = people.invitationToken;
      const participantId = people.mette.participantId!;
      const refusedAnswer = await request(async () => invitationAction(await routeArgs(post(`/invitation/${token}`, { answer: "accept" }, ali!), { token })));
      expect((refusedAnswer as { init: { status: number } }).init.status).toBe(403);
      const accepted = await request(async () => invitationAction(await routeArgs(post(`/invitation/${token}`, { answer: "accept" }, jonas!), { token })));
      expect((accepted as Response).headers.get("Location")).toBe("/hjaelper?afventer=1");
      const grantId = (await owner`select id from portal.relative_grants where relative_person_id = ${people.jonas.personId}`)[0]!.id as string;
      expect((await owner`select status::text from portal.relative_grants where id = ${grantId}`)[0]!.status).toBe("awaiting_confirmation");
      const before = await request(async () => sharedPlanLoader(await routeArgs(get(`/hjaelper/${participantId}/min-plan`, jonas!), { participantId })));
      expect((before as Response).status).toBe(404);
      // Mette reads the real account's name (persons, under row-level security) and confirms.
      const list = await request(async () => listLoader(await routeArgs(get("/paaroerende", mette))));
      expect((list as { grants: { id: string; accountName: string | null }[] }).grants.find((grant) => grant.id === grantId)?.accountName).toBe(people.jonas.name);
      const confirmed = await request(async () => confirmAction(await routeArgs(post(`/paaroerende/${grantId}/bekraeft`, { answer: "confirm" }, mette!), { grantId })));
      expect((confirmed as Response).headers.get("Location")).toContain("besked=bekraeftet");
      const after = await request(async () => sharedPlanLoader(await routeArgs(get(`/hjaelper/${participantId}/min-plan`, jonas!), { participantId })));
      expect(after).not.toBeInstanceOf(Response);
    });

    it("serves the calendar feed by its token, and stops it when revoked", async () => {
      const { mette, feedToken } = await somePeopleAsApp();
      const feed = await request(async () => feedLoader(await routeArgs(get(`/kalender/${feedToken}/moeder.ics`), { token: feedToken })));
      expect(feed).toBeInstanceOf(Response);
      expect((feed as Response).status).toBe(200);
      expect(await (feed as Response).text()).toContain("BEGIN:VCALENDAR");
      await request(async () => {
        const { actAs } = await import("../../db/client");
        await actAs(mette.personId);
        return revokeCalendarFeed({ personId: mette.personId, participantId: mette.participantId! });
      });
      const gone = await request(async () => feedLoader(await routeArgs(get(`/kalender/${feedToken}/moeder.ics`), { token: feedToken })));
      expect((gone as Response).status).toBe(410);
      const [revoked] = await database.db.select({ revokedAt: calendarFeeds.revokedAt }).from(calendarFeeds).where(eq(calendarFeeds.participantId, mette.participantId!));
      expect(revoked!.revokedAt).not.toBeNull();
    });

    it("shows the caseworker her participants, and the caseworker page nobody else", async () => {
      const people = await somePeopleAsApp();
      const sara = await signIn(people.sara);
      const page = await request(async () => caseworkerLoader(await routeArgs(get("/sagsbehandler", sara))));
      const names = (page as { participants: { name: string }[] }).participants.map((entry) => entry.name);
      expect(names).toContain(people.mette.name);
      const mette = await signIn(people.mette);
      const refused = await request(async () => caseworkerLoader(await routeArgs(get("/sagsbehandler", mette))));
      expect((refused as Response).status).toBe(404);
    });
  });
});

if (!serverUrl) {
  console.log("row-level-security.test: roles and row-level security need real Postgres (TEST_DATABASE_URL); skipped on PGlite.");
}
