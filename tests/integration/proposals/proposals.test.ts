import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker, type BuiltParticipant, type BuiltPerson } from "../../../db/builders";
import { activities, auditEvents, planProposals, planVersions, plans, subGoals } from "../../../db/schema";
import { action as listAction, loader as listLoader } from "~/features/proposals/routes/proposals";
import { action as newAction, loader as newLoader } from "~/features/proposals/routes/proposal-new";
import { action as decideAction, loader as decideLoader } from "~/features/proposals/routes/caseworker-proposal";
import { loader as briefingLoader } from "~/features/caseworker/routes/caseworker-briefing";
import { loader as overviewLoader } from "~/features/caseworker/routes/caseworker";
import { loader as planLoader } from "~/features/plan/routes/plan";
import { loader as sharedPlanLoader } from "~/features/relatives/routes/relatives-shared-plan";
import { decideProposal } from "~/features/proposals/index.server";
import { exportProposalsFor } from "~/features/proposals/index.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, routeArgs, settle } from "../../support/requests";

/**
 * Issue 22, "Forslag til min plan": she proposes a sub-goal or an activity in her own words, her
 * coordinating caseworker accepts it (as written or changed) or declines it with a reason; an
 * accepted one is a new plan version with the item marked "Foreslået af dig". And every "no".
 */

let database: TestDatabase;
let sara: BuiltCaseworker;
let bo: BuiltCaseworker;
let jonas: BuiltPerson;
let lise: BuiltPerson;
let mette: BuiltParticipant;
let ali: BuiltParticipant;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
  jonas = await aPerson({ firstName: "Jonas" }).build(database.db);
  lise = await aPerson({ firstName: "Lise" }).build(database.db);
  cookies.sara = await cookieFor(sara.demoKey);
  cookies.bo = await cookieFor(bo.demoKey);
  cookies.jonas = await cookieFor(jonas.demoKey);
  cookies.lise = await cookieFor(lise.demoKey);
});
afterAll(async () => {
  await database?.dispose();
});

beforeEach(async () => {
  mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withPlan({ employmentGoal: "Job i en butik", version: 3, subGoals: [{ title: "Komme op om morgenen", sortOrder: 1 }] })
    .withRelative(jonas, { scopes: ["plan"] })
    .withRelative(lise, { scopes: ["appointments"] })
    .build(database.db);
  ali = await aParticipant({ person: { firstName: "Ali", lastName: "Khan" } }).withCaseworker(bo).withPlan({ employmentGoal: "Lager" }).build(database.db);
  cookies.mette = await cookieFor(mette.demoKey);
  cookies.ali = await cookieFor(ali.demoKey);
});

const propose = async (cookie: string, form: Record<string, string>) =>
  settle(async () => newAction(await routeArgs(post("/min-plan/forslag/ny", form, cookie))));

async function proposalsOf(participantId: string) {
  return database.db.select().from(planProposals).where(eq(planProposals.participantId, participantId));
}

async function metteProposes(form: Record<string, string> = {}) {
  const response = (await propose(cookies.mette!, { kind: "sub_goal", title: "Gå en tur hver morgen", why: "Det giver mig energi", whenText: "", howMuch: "20 minutter", ...form })) as Response;
  expect(response.status).toBe(302);
  const [row] = (await proposalsOf(mette.participantId)).sort((a, b) => +b.createdAt - +a.createdAt);
  return row!;
}

const decidePath = (participantId: string, proposalId: string) => `/sagsbehandler/${participantId}/forslag/${proposalId}`;
const decide = async (cookie: string, participantId: string, proposalId: string, form: Record<string, string>) =>
  settle(async () => decideAction(await routeArgs(post(decidePath(participantId, proposalId), form, cookie), { participantId, proposalId })));
const openDecision = async (cookie: string, participantId: string, proposalId: string) =>
  settle(async () => decideLoader(await routeArgs(get(decidePath(participantId, proposalId), cookie), { participantId, proposalId })));

describe("she proposes", () => {
  it("stores her words, redirects to her list, and shows it as waiting", async () => {
    const response = (await propose(cookies.mette!, { kind: "activity", title: "Et kursus i kundeservice", why: "Jeg vil lære at tale med kunder", whenText: "Efter jul", howMuch: "To dage om ugen" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/min-plan/forslag?gemt=sendt");
    const [row] = await proposalsOf(mette.participantId);
    expect(row).toMatchObject({ kind: "activity", title: "Et kursus i kundeservice", why: "Jeg vil lære at tale med kunder", whenText: "Efter jul", howMuch: "To dage om ugen", status: "waiting", authorPersonId: mette.personId });
    const list = (await listLoader(await routeArgs(get("/min-plan/forslag?gemt=sendt", cookies.mette)))) as { proposals: { title: string; status: string }[]; saved: string };
    expect(list.saved).toBe("sendt");
    expect(list.proposals.map((p) => [p.title, p.status])).toEqual([["Et kursus i kundeservice", "waiting"]]);
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.participantId, mette.participantId), eq(auditEvents.action, "proposal.created")));
    expect(audit!.details).toEqual({ proposalId: row!.id, kind: "activity" });
  });

  it("keeps what she typed on an error (no kind, no title) and stores nothing", async () => {
    const response = (await propose(cookies.mette!, { kind: "", title: "  ", why: "Fordi jeg gerne vil" })) as { data: { result: { initialValue: Record<string, string>; error: Record<string, string[]> } }; init: { status: number } };
    expect(response.init.status).toBe(400);
    expect(response.data.result.initialValue.why).toBe("Fordi jeg gerne vil");
    expect(Object.keys(response.data.result.error).sort()).toEqual(["kind", "title"]);
    expect(await proposalsOf(mette.participantId)).toEqual([]);
  });

  it("stores one proposal for a double submit", async () => {
    const form = { kind: "sub_goal", title: "Ringe til en ven", submissionId: crypto.randomUUID() };
    await propose(cookies.mette!, form);
    await propose(cookies.mette!, form);
    expect(await proposalsOf(mette.participantId)).toHaveLength(1);
  });

  it("is hers only: a relative (even with the plan scope) and a caseworker get no form; an owner from a form field is ignored", async () => {
    for (const who of ["jonas", "sara"] as const) {
      const loaded = await settle(async () => newLoader(await routeArgs(get("/min-plan/forslag/ny", cookies[who]))));
      expect((loaded as Response).status, who).toBe(404);
      const posted = await propose(cookies[who]!, { kind: "sub_goal", title: "Noget" });
      expect((posted as Response).status, who).toBe(404);
    }
    // Ali posts with Mette's participant id in the form: it is Ali's proposal.
    await propose(cookies.ali!, { kind: "sub_goal", title: "Alis forslag", participantId: mette.participantId });
    expect(await proposalsOf(mette.participantId)).toEqual([]);
    expect((await proposalsOf(ali.participantId)).map((p) => p.title)).toEqual(["Alis forslag"]);
  });

  it("withdraws one that waits; never another's, never one already decided", async () => {
    const mine = await metteProposes();
    const byAli = (await settle(async () => listAction(await routeArgs(post("/min-plan/forslag", { intent: "withdraw", proposalId: mine.id, version: "1" }, cookies.ali))))) as Response;
    expect(byAli.status).toBe(404);
    expect((await proposalsOf(mette.participantId))[0]!.status).toBe("waiting");
    const done = (await settle(async () => listAction(await routeArgs(post("/min-plan/forslag", { intent: "withdraw", proposalId: mine.id, version: "1" }, cookies.mette))))) as Response;
    expect(done.headers.get("Location")).toBe("/min-plan/forslag?gemt=trukket");
    expect((await proposalsOf(mette.participantId))[0]).toMatchObject({ status: "withdrawn" });

    const decided = await metteProposes({ title: "Noget andet" });
    await decide(cookies.sara!, mette.participantId, decided.id, { intent: "decline", reason: "Vi tager det op til samtalen.", version: "1" });
    const late = (await settle(async () => listAction(await routeArgs(post("/min-plan/forslag", { intent: "withdraw", proposalId: decided.id, version: "1" }, cookies.mette))))) as { init: { status: number } };
    expect(late.init.status).toBe(409);
    expect((await proposalsOf(mette.participantId)).find((p) => p.id === decided.id)!.status).toBe("declined");
  });
});

describe("her coordinating caseworker decides", () => {
  it("sees the count on her list and the proposal in the briefing", async () => {
    const proposal = await metteProposes();
    const overview = (await overviewLoader(await routeArgs(get("/sagsbehandler", cookies.sara)))) as { proposals: Record<string, number> };
    expect(overview.proposals[mette.participantId]).toBe(1);
    const briefing = (await briefingLoader(await routeArgs(get(`/sagsbehandler/${mette.participantId}`, cookies.sara), { participantId: mette.participantId }))) as {
      proposals: { proposalId: string; status: string }[];
    };
    expect(briefing.proposals.map((p) => [p.proposalId, p.status])).toEqual([[proposal.id, "waiting"]]);
  });

  it("accepts as written: a new plan version with the item, 'Foreslået af dig' in Min Plan and 'Foreslået af Mette' for her relative", async () => {
    const proposal = await metteProposes();
    const page = (await openDecision(cookies.sara!, mette.participantId, proposal.id)) as { proposal: { title: string } };
    expect(page.proposal.title).toBe("Gå en tur hver morgen");
    const response = (await decide(cookies.sara!, mette.participantId, proposal.id, {
      intent: "accept",
      planTitle: "Gå en tur hver morgen",
      planDetail: "Det giver mig energi\nHvor meget: 20 minutter",
      version: "1",
    })) as Response;
    expect(response.status).toBe(302);
    const [row] = await proposalsOf(mette.participantId);
    expect(row).toMatchObject({ status: "accepted", decidedByName: "Sara Nielsen", decidedByPersonId: sara.personId, planVersion: 4, planTitle: "Gå en tur hver morgen" });
    const [plan] = await database.db.select().from(plans).where(eq(plans.participantId, mette.participantId));
    expect(plan).toMatchObject({ version: 4, updatedByName: "Sara Nielsen" });
    const goals = await database.db.select().from(subGoals).where(eq(subGoals.planId, plan!.id));
    expect(goals.map((goal) => [goal.title, goal.proposalId])).toEqual([
      ["Komme op om morgenen", null],
      ["Gå en tur hver morgen", proposal.id],
    ]);
    // Versions 3 (frozen) and 4 are snapshotted, so "Nyt siden sidst" and "Tidligere versioner" show the new item.
    const versions = await database.db.select({ version: planVersions.version }).from(planVersions).where(eq(planVersions.planId, plan!.id));
    expect(versions.map((v) => v.version).sort()).toEqual([3, 4]);

    const minPlan = (await planLoader(await routeArgs(get("/min-plan", cookies.mette)))) as { page: { view: { subGoals: { title: string; proposalId?: string | null }[] } } };
    expect(minPlan.page.view.subGoals.find((goal) => goal.title === "Gå en tur hver morgen")!.proposalId).toBe(proposal.id);
    const shared = (await sharedPlanLoader(await routeArgs(get(`/hjaelper/${mette.participantId}/min-plan`, cookies.jonas), { participantId: mette.participantId }))) as {
      plan: { subGoals: { title: string; proposalId?: string | null }[] };
    };
    expect(shared.plan.subGoals.find((goal) => goal.title === "Gå en tur hver morgen")!.proposalId).toBe(proposal.id);

    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.participantId, mette.participantId));
    expect(audits.find((a) => a.action === "proposal.decided")!.details).toEqual({ proposalId: proposal.id, decision: "accepted", planVersion: 4 });
    expect(audits.find((a) => a.action === "caseworker.plan_item_added")).toMatchObject({ actorPersonId: sara.personId });
  });

  it("changes the words then accepts: an activity with the new words, both texts kept", async () => {
    const proposal = await metteProposes({ kind: "activity", title: "Kursus", why: "", howMuch: "" });
    await decide(cookies.sara!, mette.participantId, proposal.id, { intent: "accept", planTitle: "Kursus i kundeservice", planDetail: "Lære at tale med kunder", version: "1" });
    const [row] = await proposalsOf(mette.participantId);
    expect(row).toMatchObject({ status: "changed", title: "Kursus", planTitle: "Kursus i kundeservice", planDetail: "Lære at tale med kunder" });
    const [activity] = await database.db.select().from(activities).where(eq(activities.proposalId, proposal.id));
    expect(activity).toMatchObject({ title: "Kursus i kundeservice", purpose: "Lære at tale med kunder", kind: "other" });
    const mine = (await listLoader(await routeArgs(get("/min-plan/forslag", cookies.mette)))) as { proposals: { status: string; title: string; planTitle: string | null }[] };
    expect(mine.proposals[0]).toMatchObject({ status: "changed", title: "Kursus", planTitle: "Kursus i kundeservice" });
  });

  it("declines with a reason she reads; without a reason nothing is decided and her words stay", async () => {
    const proposal = await metteProposes();
    const empty = (await decide(cookies.sara!, mette.participantId, proposal.id, { intent: "decline", reason: " ", version: "1" })) as { init: { status: number }; data: { result: { error: Record<string, string[]> } } };
    expect(empty.init.status).toBe(400);
    expect(empty.data.result.error.reason).toEqual(["decide.errors.reason"]);
    expect((await proposalsOf(mette.participantId))[0]!.status).toBe("waiting");
    await decide(cookies.sara!, mette.participantId, proposal.id, { intent: "decline", reason: "Lad os tale om det til samtalen.", version: "1" });
    const mine = (await listLoader(await routeArgs(get("/min-plan/forslag", cookies.mette)))) as { proposals: { status: string; declineReason: string | null }[] };
    expect(mine.proposals[0]).toMatchObject({ status: "declined", declineReason: "Lad os tale om det til samtalen." });
    const [plan] = await database.db.select().from(plans).where(eq(plans.participantId, mette.participantId));
    expect(plan!.version).toBe(3);
  });

  it("a second decision on an already decided proposal is a 409 that shows both, and changes nothing", async () => {
    const proposal = await metteProposes();
    await decide(cookies.sara!, mette.participantId, proposal.id, { intent: "decline", reason: "Først dette.", version: "1" });
    const second = (await decide(cookies.sara!, mette.participantId, proposal.id, { intent: "accept", planTitle: "Alligevel", planDetail: "", version: "1" })) as {
      init: { status: number };
      data: { conflict: { now: { status: string; declineReason: string }; yours: { planTitle: string } } };
    };
    expect(second.init.status).toBe(409);
    expect(second.data.conflict).toMatchObject({ now: { status: "declined", declineReason: "Først dette." }, yours: { planTitle: "Alligevel" } });
    const [plan] = await database.db.select().from(plans).where(eq(plans.participantId, mette.participantId));
    expect(plan!.version).toBe(3);
  });

  it("two decisions at once: one wins, the other is stale; one new plan version", async () => {
    const proposal = await metteProposes();
    const by = (name: string) => ({ kind: "caseworker" as const, personId: sara.personId, name, requestId: null });
    const results = await Promise.all([
      decideProposal(by("Sara Nielsen"), mette.participantId, proposal.id, 1, { decision: "accept" }),
      decideProposal(by("Sara Nielsen"), mette.participantId, proposal.id, 1, { decision: "decline", reason: "Nej tak" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["decided", "stale"]);
    const [plan] = await database.db.select().from(plans).where(eq(plans.participantId, mette.participantId));
    expect(plan!.version).toBe((await proposalsOf(mette.participantId))[0]!.status === "accepted" ? 4 : 3);
  });

  it("is 404 for a caseworker who does not coordinate her, her relative, herself, and for another participant's id in the address", async () => {
    const proposal = await metteProposes();
    for (const who of ["bo", "jonas", "mette"] as const) {
      expect(((await openDecision(cookies[who]!, mette.participantId, proposal.id)) as Response).status, who).toBe(404);
      expect(((await decide(cookies[who]!, mette.participantId, proposal.id, { intent: "decline", reason: "x", version: "1" })) as Response).status, who).toBe(404);
    }
    // Bo coordinates Ali: Mette's proposal under Ali's id is still 404.
    expect(((await decide(cookies.bo!, ali.participantId, proposal.id, { intent: "decline", reason: "x", version: "1" })) as Response).status).toBe(404);
    expect(((await openDecision(cookies.sara!, mette.participantId, "not-a-uuid")) as Response).status).toBe(404);
    expect((await proposalsOf(mette.participantId))[0]!.status).toBe("waiting");
  });

  it("a relative without the plan scope sees no plan, so no 'Foreslået af'", async () => {
    const shared = await settle(async () => sharedPlanLoader(await routeArgs(get(`/hjaelper/${mette.participantId}/min-plan`, cookies.lise), { participantId: mette.participantId })));
    expect((shared as Response).status).toBe(404);
  });
});

describe("Mine data", () => {
  it("holds her proposals with the answers", async () => {
    const proposal = await metteProposes();
    await decide(cookies.sara!, mette.participantId, proposal.id, { intent: "decline", reason: "Til samtalen.", version: "1" });
    const exported = await exportProposalsFor(mette.participantId);
    expect(exported).toMatchObject([{ kind: "sub_goal", title: "Gå en tur hver morgen", why: "Det giver mig energi", howMuch: "20 minutter", status: "declined", declineReason: "Til samtalen.", decidedBy: "Sara Nielsen" }]);
  });
});
