import { and, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import {
  agreements,
  auditEvents,
  planResponses,
  planVersions,
  planVisits,
  plans,
  subGoals,
} from "../../../db/schema";
import { loader as overviewLoader } from "~/features/overview/routes/overview";
import { action as planAction, loader as planLoader } from "~/features/plan/routes/plan";
import { loader as ownGoalLoader, action as ownGoalAction } from "~/features/plan/routes/plan-own-goal";
import { loader as subGoalLoader, action as subGoalAction } from "~/features/plan/routes/plan-sub-goal";
import { loader as questionLoader, action as questionAction } from "~/features/plan/routes/plan-question";
import { loader as printLoader } from "~/features/plan/routes/plan-print";
import { loader as pdfLoader } from "~/features/plan/routes/plan-pdf";
import { loader as versionsLoader } from "~/features/plan/routes/plan-versions";
import { loader as versionLoader } from "~/features/plan/routes/plan-version";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run } from "../../support/routes";
import { aPlanLikeAlis, aPlanLikeMettes, subGoalIds, type PlanPerson } from "./plan-people";

let database: TestDatabase;
// Every test gets its own two participants (db/builders.ts): a plan like Mette's, one like Ali's.
let mette: PlanPerson;
let ali: PlanPerson;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
beforeEach(async () => {
  mette = await aPlanLikeMettes(database);
  ali = await aPlanLikeAlis(database);
});
afterAll(() => database.dispose());

type PlanData = Exclude<Awaited<ReturnType<typeof planLoader>>, Response>;

async function openPlan(cookie: string): Promise<PlanData> {
  const result = await run(planLoader, get("/min-plan", cookie));
  if (result instanceof Response) throw new Error(`expected the plan, got ${result.status}`);
  return result;
}

async function overviewNews(cookie: string) {
  const result = await run(overviewLoader, get("/", cookie));
  if (result instanceof Response) throw new Error(`expected the overview, got ${result.status}`);
  return result.planNews;
}

describe("who may open Min Plan and its pages", () => {
  const pages = [
    { name: "plan", loader: planLoader, path: "/min-plan", params: {} },
    { name: "own goal", loader: ownGoalLoader, path: "/min-plan/eget-maal", params: {} },
    { name: "question", loader: questionLoader, path: "/min-plan/spoergsmaal", params: {} },
    { name: "print", loader: printLoader, path: "/min-plan/udskriv", params: {} },
    { name: "pdf", loader: pdfLoader, path: "/min-plan/min-plan.pdf", params: {} },
    { name: "versions", loader: versionsLoader, path: "/min-plan/tidligere-versioner", params: {} },
    { name: "version", loader: versionLoader, path: "/min-plan/tidligere-versioner/1", params: { version: "1" } },
  ] as const;

  it("signed out: every page sends you to sign in, and shows nothing", async () => {
    for (const page of pages) {
      const response = (await run(page.loader, get(page.path), page.params)) as Response;
      expect(response, page.name).toBeInstanceOf(Response);
      expect(response.status, page.name).toBe(302);
      expect(response.headers.get("Location"), page.name).toBe("/log-ind");
    }
    const [goal] = await subGoalIds(database, mette.planId);
    const subGoal = (await run(subGoalLoader, get(`/min-plan/delmaal/${goal!.id}`), { subGoalId: goal!.id })) as Response;
    expect(subGoal.headers.get("Location")).toBe("/log-ind");
  });

  it("signed out: no write goes through", async () => {
    const [goal] = await subGoalIds(database, mette.planId);
    const attempts = [
      run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "3" })),
      run(ownGoalAction, post("/min-plan/eget-maal", { ownGoal: "Overtaget", version: "1" })),
      run(subGoalAction, post(`/min-plan/delmaal/${goal!.id}`, { status: "reached" }), { subGoalId: goal!.id }),
      run(questionAction, post("/min-plan/spoergsmaal", { comment: "Hej", planVersion: "3" })),
    ];
    for (const response of (await Promise.all(attempts)) as Response[]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/log-ind");
    }
    const [plan] = await database.db.select().from(plans).where(eq(plans.id, mette.planId));
    expect(plan!.ownGoal).not.toBe("Overtaget");
  });

  it("a relative without a programme (Jonas) and a caseworker (Sara) get 404 on every page", async () => {
    const jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
    const sara = await aCaseworker().build(database.db);
    for (const [person, demoKey] of [["jonas", jonas.demoKey], ["sara", sara.demoKey]] as const) {
      const cookie = await cookieFor(demoKey);
      for (const page of pages) {
        const response = (await run(page.loader, get(page.path, cookie), page.params)) as Response;
        expect(response.status, `${person} ${page.name}`).toBe(404);
      }
      const refused = (await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "3" }, cookie))) as Response;
      expect(refused.status).toBe(404);
    }
  });
});

describe("reading the plan", () => {
  it("Mette sees her goal, own goal, sub-goals, activities, agreements and contacts, and nothing of Ali's", async () => {
    const { page } = await openPlan(await cookieFor(mette.demoKey));
    const view = page!.view;
    expect(view.version).toBe(3);
    expect(view.updatedByName).toBe("Sara Nielsen");
    expect(view.employmentGoal).toContain("Job i en mindre butik");
    expect(view.ownGoal.text).toContain("Jeg vil gerne have en hverdag");
    expect(view.subGoals.map((goal) => goal.title)).toEqual([
      "Komme op og ud af døren tre morgener om ugen",
      "Lære at styre min energi med hjælp fra smerteskolen",
      "Prøve 8 timer om ugen i virksomhedspraktik",
    ]);
    expect(view.subGoals.map((goal) => goal.status)).toEqual(["reached", "in_progress", "not_started"]);
    expect(view.activities.map((activity) => activity.kind)).toEqual(["mentor", "kursus", "virksomhedspraktik"]);
    expect(view.activities[2]!.hoursPerWeek).toBe("8.0");
    expect(view.agreements.map((agreement) => agreement.ownerText)).toEqual(["Du", "Sara", "Lars"]);
    // The coordinating caseworker first, each with how to reach them.
    expect(view.contacts[0]).toMatchObject({ name: "Sara Nielsen", role: "koordinerende_sagsbehandler" });
    expect(view.contacts.map((contact) => contact.role).sort()).toEqual(
      ["forberedende_sagsbehandler", "koordinerende_sagsbehandler", "mentor", "virksomhedskonsulent"].sort(),
    );
    expect(view.contacts.every((contact) => contact.phone && contact.reachableText)).toBe(true);
    expect(view.nextConversation?.title).toBe("Samtale med Sara");
    expect(view.nextConversation!.startsAt.getTime()).toBeGreaterThan(Date.now());
    const text = JSON.stringify(view);
    expect(text).not.toContain("elektriker");
    expect(text).not.toContain("Ali");
  });

  it("Ali sees his own plan only", async () => {
    const { page } = await openPlan(await cookieFor(ali.demoKey));
    expect(page!.view.employmentGoal).toContain("elektriker");
    expect(page!.view.ownGoal.text).toContain("I want to get back to work as an electrician");
    expect(JSON.stringify(page!.view)).not.toContain("Genbrugsbutikken");
    // His first visit: nothing is marked new.
    expect(page!.news).toBeNull();
  });

  it("a participant whose plan is not written yet sees a calm page, and cannot write into it", async () => {
    const nina = await aParticipant({ person: { firstName: "Nina", lastName: "Berg" } }).build(database.db);
    const cookie = await cookieFor(nina.demoKey);
    const { page } = await openPlan(cookie);
    expect(page).toBeNull();
    expect(await overviewNews(cookie)).toEqual({ state: "no-plan" });
    const toPlan = (await run(ownGoalLoader, get("/min-plan/eget-maal", cookie))) as Response;
    expect(toPlan.headers.get("Location")).toBe("/min-plan");
    const refused = (await run(ownGoalAction, post("/min-plan/eget-maal", { ownGoal: "Mit mål", version: "1" }, cookie))) as Response;
    expect(refused.status).toBe(404);
    const pdf = (await run(pdfLoader, get("/min-plan/min-plan.pdf", cookie))) as Response;
    expect(pdf.status).toBe(404);
  });
});

/** Every row the plan's tables hold for one plan, to show that a GET wrote nothing. */
async function planRows(planId: string) {
  const [visits, versions, responses] = await Promise.all([
    database.db.select().from(planVisits).where(eq(planVisits.planId, planId)),
    database.db.select().from(planVersions).where(eq(planVersions.planId, planId)),
    database.db.select().from(planResponses).where(eq(planResponses.planId, planId)),
  ]);
  // Signing in writes its own audit row; the plan's pages must add none of their own.
  const [audit] = await database.db.select({ rows: count() }).from(auditEvents).where(like(auditEvents.action, "plan.%"));
  return { visits, versions: versions.length, responses: responses.length, audit: audit!.rows };
}

const markSeen = (cookie: string, planVersion: number) =>
  run(planAction, post("/min-plan", { intent: "mark-seen", planVersion: String(planVersion) }, cookie)) as Promise<Response>;

describe("\"Nyt siden dit sidste besøg\" stays until the person has read it (issue 14, point 3)", () => {
  it("the marks stay over reloads and new sign-ins, a GET writes nothing, and \"Marker som læst\" takes them away", async () => {
    // As built: Mette last saw version 2; version 3 has no snapshot yet.
    const sessionA = await cookieFor(mette.demoKey);
    const before = await planRows(mette.planId);
    expect(await overviewNews(sessionA)).toEqual({ state: "changed", count: 6 });

    const first = await openPlan(sessionA);
    const news = first.page!.news!;
    expect(news.sinceVersion).toBe(2);
    expect(news.changedByName).toBe("Sara Nielsen");
    expect(news.employmentGoalChanged).toBe(true);
    const summary = news.changes!.map((change) => `${change.area}:${change.kind}`);
    expect(summary).toEqual([
      "employmentGoal:changed",
      "subGoal:added",
      "activity:added",
      "agreement:added",
      "agreement:added",
      "agreement:added",
    ]);
    const internship = first.page!.view.subGoals.find((goal) => goal.title.startsWith("Prøve 8 timer"))!;
    const morning = first.page!.view.subGoals.find((goal) => goal.title.startsWith("Komme op"))!;
    expect(news.newItems).toContain(internship.id);
    expect(news.newItems).not.toContain(morning.id);

    // A reload, the overview, a new sign-in, print, PDF and the version pages: the marks stay, nothing is written.
    const again = await openPlan(sessionA);
    expect(again.page!.news).toEqual(news);
    expect(await overviewNews(sessionA)).toEqual({ state: "changed", count: 6 });
    const sessionB = await cookieFor(mette.demoKey);
    expect((await openPlan(sessionB)).page!.news).toEqual(news);
    await run(printLoader, get("/min-plan/udskriv", sessionB));
    await run(pdfLoader, get("/min-plan/min-plan.pdf", sessionB));
    await run(versionsLoader, get("/min-plan/tidligere-versioner", sessionB));
    await run(versionLoader, get("/min-plan/tidligere-versioner/3", sessionB), { version: "3" });
    expect(await planRows(mette.planId)).toEqual(before);

    // "Marker som læst" (a POST) for the version the page showed: the marks go, in the plan and on the overview.
    const response = await markSeen(sessionB, 3);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/min-plan?gemt=nyt-set#nyt");
    const after = await run(planLoader, get("/min-plan?gemt=nyt-set", sessionA));
    expect((after as PlanData).page!.news).toBeNull();
    expect((after as PlanData).saved).toBe("nyt-set");
    expect(await overviewNews(sessionA)).toEqual({ state: "up-to-date" });
    const [visit] = await database.db.select().from(planVisits).where(eq(planVisits.planId, mette.planId));
    expect(visit!.lastSeenVersion).toBe(3);
    // The version the person saw is frozen now, so the next change can be shown against it.
    const versions = await database.db.select().from(planVersions).where(eq(planVersions.planId, mette.planId));
    expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3]);
  });

  it("\"Jeg har læst planen\" takes the marks away too; an older form never moves \"seen\" backwards", async () => {
    await database.db.update(planVisits).set({ lastSeenVersion: 2 }).where(eq(planVisits.planId, mette.planId));
    const cookie = await cookieFor(mette.demoKey);
    expect((await openPlan(cookie)).page!.news).not.toBeNull();
    const read = (await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "3" }, cookie))) as Response;
    expect(read.status).toBe(302);
    expect((await openPlan(cookie)).page!.news).toBeNull();
    expect(await overviewNews(cookie)).toEqual({ state: "up-to-date" });

    // A page opened long ago posts version 2: the marks stay gone.
    expect((await markSeen(cookie, 2)).status).toBe(302);
    const [visit] = await database.db.select().from(planVisits).where(eq(planVisits.planId, mette.planId));
    expect(visit!.lastSeenVersion).toBe(3);
    // A version that does not exist is refused.
    for (const planVersion of ["0", "9", "tre"]) {
      const refused = await run(planAction, post("/min-plan", { intent: "mark-seen", planVersion }, cookie));
      expect((refused as { init?: { status?: number } }).init?.status ?? (refused as Response).status, planVersion).toBe(400);
    }
  });

  it("a new version from the caseworker is counted and marked: a status change, a new agreement, a removed one", async () => {
    const cookie = await cookieFor(mette.demoKey);
    expect((await markSeen(cookie, 3)).status).toBe(302); // up to date at version 3
    const [energy] = await database.db
      .select()
      .from(subGoals)
      .where(and(eq(subGoals.planId, mette.planId), eq(subGoals.sortOrder, 2)));
    const [oldAgreement] = await database.db
      .select()
      .from(agreements)
      .where(and(eq(agreements.planId, mette.planId), eq(agreements.sortOrder, 3)));

    // The jobcentre's side writes version 4 (without a snapshot: the page compares with the plan as it is now).
    await database.db.transaction(async (tx) => {
      await tx.update(subGoals).set({ status: "reached" }).where(eq(subGoals.id, energy!.id));
      await tx.delete(agreements).where(eq(agreements.id, oldAgreement!.id));
      await tx.insert(agreements).values({ planId: mette.planId, text: "Ringer til Peter om praktikstedet.", ownerText: "Du", sortOrder: 4 });
      await tx.update(plans).set({ version: 4, updatedAt: new Date(), updatedByName: "Sara Nielsen" }).where(eq(plans.id, mette.planId));
    });

    expect(await overviewNews(cookie)).toEqual({ state: "changed", count: 3 });
    const { page } = await openPlan(await cookieFor(mette.demoKey));
    const changes = page!.news!.changes!;
    expect(changes).toContainEqual(
      expect.objectContaining({ area: "subGoal", kind: "changed", id: energy!.id, statusFrom: "in_progress", statusTo: "reached" }),
    );
    expect(changes).toContainEqual(expect.objectContaining({ area: "agreement", kind: "removed", label: oldAgreement!.text }));
    expect(changes).toContainEqual(
      expect.objectContaining({ area: "agreement", kind: "added", label: "Ringer til Peter om praktikstedet." }),
    );
    expect(page!.news!.newItems).toContain(energy!.id);
    expect(page!.news!.employmentGoalChanged).toBe(false);

    // The version history says what changed from 3 to 4, in the same terms (version 4 read from the plan itself).
    const history = (await run(versionsLoader, get("/min-plan/tidligere-versioner", cookie))) as Exclude<
      Awaited<ReturnType<typeof versionsLoader>>,
      Response
    >;
    expect(history.versions.map((version) => version.version)).toEqual([4, 3, 2, 1]);
    expect(history.versions[0]!.changes).toHaveLength(3);
    const current = await database.db
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.planId, mette.planId), eq(planVersions.version, 4)));
    expect(current).toHaveLength(0);
  });

  it("Ali has never said he has read his plan: the overview says it is ready, also after he opens it; after \"Jeg har læst planen\" it is up to date", async () => {
    await database.db.delete(planVisits).where(eq(planVisits.planId, ali.planId));
    const cookie = await cookieFor(ali.demoKey);
    expect(await overviewNews(cookie)).toEqual({ state: "never-seen" });
    expect((await openPlan(cookie)).page!.news).toBeNull();
    expect(await overviewNews(cookie)).toEqual({ state: "never-seen" });
    await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "1" }, cookie));
    expect(await overviewNews(cookie)).toEqual({ state: "up-to-date" });
  });
});

describe("earlier versions", () => {
  it("lists every version newest first, with who saved it and what changed from the one before", async () => {
    const cookie = await cookieFor(ali.demoKey);
    const ali1 = (await run(versionsLoader, get("/min-plan/tidligere-versioner", cookie))) as Exclude<
      Awaited<ReturnType<typeof versionsLoader>>,
      Response
    >;
    expect(ali1.versions.map((version) => version.version)).toEqual([1]);
    expect(ali1.versions[0]!.isFirst).toBe(true);

    const mine = (await run(versionsLoader, get("/min-plan/tidligere-versioner", await cookieFor(mette.demoKey)))) as Exclude<
      Awaited<ReturnType<typeof versionsLoader>>,
      Response
    >;
    const v2 = mine.versions.find((version) => version.version === 2)!;
    expect(v2.changedByName).toBe("Sara Nielsen");
    expect(v2.changeSummary).toContain("Smerteskolen er startet");
    expect(v2.changes).toContainEqual(expect.objectContaining({ area: "ownGoal", kind: "changed" }));
    expect(v2.changes).toContainEqual(
      expect.objectContaining({ area: "subGoal", kind: "changed", statusFrom: "in_progress", statusTo: "reached" }),
    );
    expect(v2.changes).toContainEqual(
      expect.objectContaining({ area: "activity", kind: "changed", label: "Smerteskolen", statusFrom: "planned", statusTo: "active" }),
    );
  });

  it("opens one version as it was saved; a version that does not exist, or belongs to someone else, is 404", async () => {
    const cookie = await cookieFor(mette.demoKey);
    const v1 = (await run(versionLoader, get("/min-plan/tidligere-versioner/1", cookie), { version: "1" })) as Exclude<
      Awaited<ReturnType<typeof versionLoader>>,
      Response
    >;
    expect(v1.version.snapshot.ownGoal).toBe("Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren.");
    // Version 1 was stored before agreements were recorded: "not recorded", not "none".
    expect(v1.version.snapshot.agreements).toBeUndefined();

    for (const version of ["99", "0", "abc", "1e3", "-1"]) {
      const response = (await run(versionLoader, get(`/min-plan/tidligere-versioner/${version}`, cookie), { version })) as Response;
      expect(response.status, version).toBe(404);
    }
    // Mette's plan has version 3; Ali's has only version 1, and his session never reaches hers.
    const aliCookie = await cookieFor(ali.demoKey);
    const refused = (await run(versionLoader, get("/min-plan/tidligere-versioner/3", aliCookie), { version: "3" })) as Response;
    expect(refused.status).toBe(404);
  });
});
