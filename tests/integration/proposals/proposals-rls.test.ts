import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, setupRoles, useDatabase, withRequestTransaction, type DatabaseHandle } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { action as newAction } from "~/features/proposals/routes/proposal-new";
import { loader as listLoader } from "~/features/proposals/routes/proposals";
import { action as decideAction, loader as decideLoader } from "~/features/proposals/routes/caseworker-proposal";
import { loader as overviewLoader } from "~/features/caseworker/routes/caseworker";
import { loader as planLoader } from "~/features/plan/routes/plan";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, routeArgs, settle } from "../../support/requests";
import { unwrap } from "../../support/routes";

// "Forslag til min plan" as production runs it: as portal_app, one transaction per request, under
// row-level security (migrations 0035, 0037). Roles only exist on a real Postgres server, so this
// file is skipped on PGlite.

describe.skipIf(!serverUrl)("proposals as portal_app (real Postgres)", () => {
  let database: TestDatabase;
  let owner: postgres.Sql;
  let app: postgres.Sql;
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
    app = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });
  afterEach(() => useDatabase(database));
  afterAll(async () => {
    useDatabase(database);
    await app?.end();
    await appHandle?.close();
    await owner?.end();
    await database?.dispose();
    if (previousDemo === undefined) delete process.env.DEMO_LOGIN;
    else process.env.DEMO_LOGIN = previousDemo;
  });

  /** One HTTP request: one transaction, as server.js runs it. */
  const request = <T,>(work: () => Promise<T>) => withRequestTransaction(() => settle(work));
  /** Raw SQL as portal_app acting for one person. */
  const as = <T,>(personId: string, work: (tx: postgres.TransactionSql) => Promise<T>) =>
    app.begin(async (tx) => {
      await tx`select set_config('minvej.person_id', ${personId}, true)`;
      return work(tx);
    }) as Promise<T>;

  it("she proposes, Sara sees and accepts it into a new plan version; Bo, her relative and another participant see and change nothing", async () => {
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
    const bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const mette = await aParticipant({ person: { firstName: "Mette" } })
      .withCaseworker(sara)
      .withPlan({ employmentGoal: "Butik", version: 2, ownGoal: "Mit eget mål", subGoals: [{ title: "Op om morgenen", participantComment: "Det går", sortOrder: 1 }] })
      .withRelative(jonas, { scopes: ["plan"] })
      .build(database.db);
    const ali = await aParticipant({ person: { firstName: "Ali" } }).withCaseworker(bo).withPlan({ employmentGoal: "Lager" }).build(database.db);
    useDatabase(appHandle);
    const cookie = async (key: string) => (await request(() => cookieFor(key))) as string;
    const [metteCookie, saraCookie, boCookie] = [await cookie(mette.demoKey), await cookie(sara.demoKey), await cookie(bo.demoKey)];

    const sent = await request(async () => newAction(await routeArgs(post("/min-plan/forslag/ny", { kind: "sub_goal", title: "Gå en tur", why: "Energi" }, metteCookie))));
    expect((sent as Response).status).toBe(302);
    const mine = unwrap(await request(async () => listLoader(await routeArgs(get("/min-plan/forslag", metteCookie))))).data as { proposals: { id: string; status: string }[] };
    expect(mine.proposals.map((p) => p.status)).toEqual(["waiting"]);
    const proposalId = mine.proposals[0]!.id;

    // Row-level security: Mette, Sara and nobody else.
    const count = (personId: string) => as(personId, async (tx) => (await tx`select count(*)::int as n from portal.plan_proposals`)[0]!.n as number);
    expect(await count(mette.personId)).toBe(1);
    expect(await count(sara.personId)).toBe(1);
    expect(await count(bo.personId)).toBe(0);
    expect(await count(jonas.personId)).toBe(0);
    expect(await count(ali.personId)).toBe(0);
    const boUpdate = await as(bo.personId, async (tx) => (await tx`update portal.plan_proposals set status = 'declined', decline_reason = 'x' returning id`).length);
    expect(boUpdate).toBe(0);
    await expect(as(ali.personId, (tx) => tx`insert into portal.plan_proposals (participant_id, kind, title) values (${mette.participantId}, 'sub_goal', 'Alis')`)).rejects.toMatchObject({
      code: "42501",
    });
    // The caseworker views: Sara's copy has it, Bo's has not.
    const viewCount = (personId: string) => as(personId, async (tx) => (await tx`select count(*)::int as n from caseworker_portal.plan_proposals`)[0]!.n as number);
    expect(await viewCount(sara.personId)).toBe(1);
    expect(await viewCount(bo.personId)).toBe(0);

    const overview = unwrap(await request(async () => overviewLoader(await routeArgs(get("/sagsbehandler", saraCookie))))).data as { proposals: Record<string, number> };
    expect(overview.proposals).toEqual({ [mette.participantId]: 1 });
    const path = `/sagsbehandler/${mette.participantId}/forslag/${proposalId}`;
    const params = { participantId: mette.participantId, proposalId };
    expect((await request(async () => decideLoader(await routeArgs(get(path, boCookie), params)))) as Response).toMatchObject({ status: 404 });
    expect(
      (await request(async () => decideAction(await routeArgs(post(path, { intent: "decline", reason: "Nej", version: "1" }, boCookie), params)))) as Response,
    ).toMatchObject({ status: 404 });

    const decided = await request(async () => decideAction(await routeArgs(post(path, { intent: "accept", planTitle: "Gå en tur hver dag", planDetail: "Energi", version: "1" }, saraCookie), params)));
    expect((decided as Response).status).toBe(302);
    const plan = unwrap(await request(async () => planLoader(await routeArgs(get("/min-plan", metteCookie))))).data as {
      page: { view: { version: number; ownGoal: { text: string }; subGoals: { title: string; proposalId?: string | null; participantComment: string | null }[] } };
    };
    expect(plan.page.view.version).toBe(3);
    expect(plan.page.view.ownGoal.text).toBe("Mit eget mål");
    expect(plan.page.view.subGoals.map((goal) => [goal.title, goal.proposalId ?? null, goal.participantComment])).toEqual([
      ["Op om morgenen", null, "Det går"],
      ["Gå en tur hver dag", proposalId, null],
    ]);

    // The decision is an event by the caseworker; her proposal one by her.
    const events = await owner`select kind, actor_role from caseworker.events where participant_id = ${mette.participantId} and kind like 'proposal.%' order by id`;
    expect(events.map((event) => [event.kind, event.actor_role])).toEqual([
      ["proposal.created", "participant"],
      ["proposal.decided", "caseworker"],
    ]);

    // Sara may add to the plan, never delete from it, nor change Mette's own words.
    const goalIds = await owner`select id from portal.sub_goals where plan_id = ${mette.planId!}`;
    const deleted = await as(sara.personId, async (tx) => (await tx`delete from portal.sub_goals where plan_id = ${mette.planId!} returning id`).length);
    expect(deleted).toBe(0);
    await expect(as(sara.personId, (tx) => tx`update portal.plans set own_goal = 'Saras ord' where id = ${mette.planId!}`)).rejects.toMatchObject({ code: "42501" });
    await expect(as(sara.personId, (tx) => tx`update portal.sub_goals set participant_comment = 'Saras ord' where plan_id = ${mette.planId!}`)).rejects.toMatchObject({ code: "42501" });
    expect(await owner`select id from portal.sub_goals where plan_id = ${mette.planId!}`).toHaveLength(goalIds.length);
    // Bo cannot write Mette's plan at all.
    expect(await as(bo.personId, async (tx) => (await tx`update portal.plans set employment_goal = 'x' where id = ${mette.planId!} returning id`).length)).toBe(0);
  });
});
