import { randomUUID } from "node:crypto";
import { listConversations } from "~/features/messages/index.server";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, ownGoalVersions, planResponses, plans, subGoalUpdates, subGoals } from "../../../db/schema";
import { OWN_GOAL_MAX, QUESTION_MAX, SUB_GOAL_COMMENT_MAX } from "~/features/plan/schema";
import { action as planAction, loader as planLoader } from "~/features/plan/routes/plan";
import { action as ownGoalAction, loader as ownGoalLoader } from "~/features/plan/routes/plan-own-goal";
import { action as questionAction, loader as questionLoader } from "~/features/plan/routes/plan-question";
import { action as subGoalAction, loader as subGoalLoader } from "~/features/plan/routes/plan-sub-goal";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";
import { aPlanLikeAlis, aPlanLikeMettes, subGoalIds, type PlanPerson } from "./plan-people";

let database: TestDatabase;
// Every test gets its own two participants (db/builders.ts): a plan like Mette's, one like Ali's.
let mette: PlanPerson;
let ali: PlanPerson;
let metteCookie: string;
let aliCookie: string;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
beforeEach(async () => {
  mette = await aPlanLikeMettes(database);
  ali = await aPlanLikeAlis(database);
  metteCookie = mette.cookie;
  aliCookie = ali.cookie;
});
afterAll(() => database.dispose());

const planOf = async (planId: string) => (await database.db.select().from(plans).where(eq(plans.id, planId)))[0]!;
/** This test's audit rows for an action (about this participant), newest first. */
const auditFor = async (action: string, participantId = mette.participantId) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.participantId, participantId)))
    .orderBy(desc(auditEvents.id));

async function ownGoalForm(cookie: string) {
  const result = await run(ownGoalLoader, get("/min-plan/eget-maal", cookie));
  if (result instanceof Response) throw new Error(`expected the form, got ${result.status}`);
  return result;
}

function saveOwnGoal(cookie: string, form: Record<string, string>) {
  return run(ownGoalAction, post("/min-plan/eget-maal", form, cookie));
}

describe("the participant's own goal", () => {
  it("is saved in the participant's own column, with history and an audit row, never touching the jobcentre's fields", async () => {
    const before = await planOf(mette.planId);
    const form = await ownGoalForm(metteCookie);
    expect(form.ownGoal).toBe(before.ownGoal);
    expect(form.version).toBe(before.ownGoalVersion);

    const text = "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren og føler, jeg bidrager.\nOg arbejde med tøj.";
    const response = (await saveOwnGoal(metteCookie, { intent: "save", ownGoal: text, version: String(form.version) })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/min-plan?gemt=eget-maal#eget-maal");

    const after = await planOf(mette.planId);
    expect(after.ownGoal).toBe(text);
    expect(after.ownGoalVersion).toBe(before.ownGoalVersion + 1);
    // The jobcentre's plan is untouched: same version, same "opdateret".
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.updatedByName).toBe(before.updatedByName);
    expect(after.employmentGoal).toBe(before.employmentGoal);

    // History: the text from before the portal kept history, then the new one by Mette.
    const history = await database.db
      .select()
      .from(ownGoalVersions)
      .where(eq(ownGoalVersions.planId, mette.planId))
      .orderBy(ownGoalVersions.version);
    expect(history.map((row) => [row.version, row.text, row.authorPersonId])).toEqual([
      [before.ownGoalVersion, before.ownGoal, null],
      [after.ownGoalVersion, text, mette.personId],
    ]);
    const [audit] = await auditFor("plan.own_goal_changed");
    expect(audit).toMatchObject({ actorPersonId: mette.personId, participantId: mette.participantId, requestId: "test-request" });
    // Audit details never hold what the person wrote.
    expect(JSON.stringify(audit!.details)).not.toContain("tøj");

    // The page shows who wrote it, and the earlier text under "Tidligere udgaver".
    const page = await ownGoalForm(metteCookie);
    expect(page.earlier.map((entry) => entry.text)).toEqual([before.ownGoal]);
    const plan = (await run(planLoader, get("/min-plan", metteCookie))) as Exclude<Awaited<ReturnType<typeof planLoader>>, Response>;
    expect(plan.page!.view.ownGoal).toMatchObject({ text, author: { kind: "you" } });
  });

  it("a stale form (changed in another tab) gets 409 with both texts, and nothing is lost", async () => {
    const loadedInTabA = await ownGoalForm(metteCookie);
    const fromTabB = "Mål skrevet i den anden fane.";
    expect(
      ((await saveOwnGoal(metteCookie, { ownGoal: fromTabB, version: String(loadedInTabA.version) })) as Response).status,
    ).toBe(302);

    const mine = "Mål skrevet i den første fane, som var åben længe.";
    const conflict = unwrap(await saveOwnGoal(metteCookie, { ownGoal: mine, version: String(loadedInTabA.version) }));
    expect(conflict.status).toBe(409);
    const body = conflict.data as { conflict: { mine: string; saved: string; savedVersion: number; savedBy: { kind: string } } };
    expect(body.conflict.mine).toBe(mine);
    expect(body.conflict.saved).toBe(fromTabB);
    expect(body.conflict.savedVersion).toBe(loadedInTabA.version + 1);
    expect(body.conflict.savedBy).toEqual({ kind: "you" });
    expect((await planOf(mette.planId)).ownGoal).toBe(fromTabB);

    // "Gem min tekst": posted with the saved version, it goes through.
    const kept = (await saveOwnGoal(metteCookie, {
      intent: "save",
      ownGoal: mine,
      version: String(body.conflict.savedVersion),
    })) as Response;
    expect(kept.status).toBe(302);
    expect((await planOf(mette.planId)).ownGoal).toBe(mine);
  });

  it("\"Behold den gemte tekst\" changes nothing", async () => {
    const before = await planOf(mette.planId);
    const response = (await saveOwnGoal(metteCookie, {
      intent: "keep-saved",
      ownGoal: "Skal ikke gemmes",
      version: String(before.ownGoalVersion - 1),
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/min-plan#eget-maal");
    expect(await planOf(mette.planId)).toEqual(before);
  });

  it("a double submit stores one version", async () => {
    const form = await ownGoalForm(metteCookie);
    const values = { ownGoal: "Et mål, sendt to gange.", version: String(form.version) };
    const [first, second] = (await Promise.all([saveOwnGoal(metteCookie, values), saveOwnGoal(metteCookie, values)])) as Response[];
    expect([first!.status, second!.status]).toEqual([302, 302]);
    const rows = await database.db
      .select()
      .from(ownGoalVersions)
      .where(and(eq(ownGoalVersions.planId, mette.planId), eq(ownGoalVersions.text, values.ownGoal)));
    expect(rows).toHaveLength(1);
    expect((await planOf(mette.planId)).ownGoalVersion).toBe(form.version + 1);
  });

  it("empty and over-long texts are refused with a message that says what to do; the limit counts a line break once", async () => {
    const form = await ownGoalForm(metteCookie);
    const before = await planOf(mette.planId);
    const empty = unwrap(await saveOwnGoal(metteCookie, { ownGoal: "   \r\n  ", version: String(form.version) }));
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.data)).toContain("ownGoal.errors.required");

    const tooLong = unwrap(await saveOwnGoal(metteCookie, { ownGoal: "a".repeat(OWN_GOAL_MAX + 1), version: String(form.version) }));
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.data)).toContain("ownGoal.errors.tooLong");
    expect(await planOf(mette.planId)).toEqual(before);

    // Exactly at the limit, with CRLF line breaks as browsers send them: accepted, stored with \n.
    const atLimit = `${"a".repeat(OWN_GOAL_MAX - 11)}\r\n${"b".repeat(10)}`;
    const saved = (await saveOwnGoal(metteCookie, { ownGoal: atLimit, version: String(form.version) })) as Response;
    expect(saved.status).toBe(302);
    expect((await planOf(mette.planId)).ownGoal).toHaveLength(OWN_GOAL_MAX);
  });

  it("HTML and script are kept as the text the person typed", async () => {
    const form = await ownGoalForm(metteCookie);
    const text = `<script>alert("hej")</script> <b>fed</b> & "citat"`;
    await saveOwnGoal(metteCookie, { ownGoal: text, version: String(form.version) });
    expect((await planOf(mette.planId)).ownGoal).toBe(text);
  });

  it("each participant writes only their own goal: the plan comes from the session, never from the form", async () => {
    const aliBefore = await planOf(ali.planId);
    const metteBefore = await planOf(mette.planId);
    const response = (await saveOwnGoal(aliCookie, {
      ownGoal: "Ali's goal",
      version: String(aliBefore.ownGoalVersion),
      planId: mette.planId,
      participantId: mette.participantId,
    })) as Response;
    expect(response.status).toBe(302);
    expect((await planOf(ali.planId)).ownGoal).toBe("Ali's goal");
    expect(await planOf(mette.planId)).toEqual(metteBefore);
  });
});

describe("marking a sub-goal", () => {
  it("stores the participant's own mark and comment beside the jobcentre's status, never over it", async () => {
    const [, energy] = await subGoalIds(database, mette.planId);
    const page = (await run(subGoalLoader, get(`/min-plan/delmaal/${energy!.id}`, metteCookie), { subGoalId: energy!.id })) as Exclude<
      Awaited<ReturnType<typeof subGoalLoader>>,
      Response
    >;
    expect(page.goal.title).toBe("Lære at styre min energi med hjælp fra smerteskolen");
    expect(page.submissionId).toMatch(/^[0-9a-f-]{36}$/);

    const response = (await run(
      subGoalAction,
      post(`/min-plan/delmaal/${energy!.id}`, { status: "paused", comment: "Det var svært i denne uge.", submissionId: page.submissionId }, metteCookie),
      { subGoalId: energy!.id },
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/min-plan?gemt=delmaal&delmaal=${energy!.id}#delmaal-${energy!.id}`);

    const [goal] = await database.db.select().from(subGoals).where(eq(subGoals.id, energy!.id));
    expect(goal).toMatchObject({ status: "in_progress", participantStatus: "paused", participantComment: "Det var svært i denne uge." });
    expect(goal!.participantUpdatedAt).toBeInstanceOf(Date);
    const updates = await database.db.select().from(subGoalUpdates).where(eq(subGoalUpdates.subGoalId, energy!.id));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ authorPersonId: mette.personId, status: "paused", comment: "Det var svært i denne uge." });
    const [audit] = await auditFor("plan.sub_goal_marked");
    expect(audit!.details).toEqual({ subGoalId: energy!.id, status: "paused", withComment: true });

    // The history shows on the sub-goal's page.
    const again = (await run(subGoalLoader, get(`/min-plan/delmaal/${energy!.id}`, metteCookie), { subGoalId: energy!.id })) as Exclude<
      Awaited<ReturnType<typeof subGoalLoader>>,
      Response
    >;
    expect(again.goal.updates.map((update) => update.comment)).toEqual(["Det var svært i denne uge."]);
    expect(again.goal.updates[0]!.byYou).toBe(true);
  });

  it("a double submit (same form sent twice) stores one mark", async () => {
    const [morning] = await subGoalIds(database, mette.planId);
    const submissionId = randomUUID();
    const send = () =>
      run(
        subGoalAction,
        post(`/min-plan/delmaal/${morning!.id}`, { status: "reached", comment: "Det gik godt", submissionId }, metteCookie),
        { subGoalId: morning!.id },
      );
    expect(((await send()) as Response).status).toBe(302);
    expect(((await send()) as Response).status).toBe(302);
    const updates = await database.db.select().from(subGoalUpdates).where(eq(subGoalUpdates.subGoalId, morning!.id));
    expect(updates).toHaveLength(1);
  });

  it("no status, an unknown status, or an over-long comment is refused", async () => {
    const [, , internship] = await subGoalIds(database, mette.planId);
    for (const [form, key] of [
      [{ comment: "Hej" }, "subGoal.errors.statusRequired"],
      [{ status: "failed" }, "subGoal.errors.statusRequired"],
      [{ status: "in_progress", comment: "x".repeat(SUB_GOAL_COMMENT_MAX + 1) }, "subGoal.errors.commentTooLong"],
    ] as const) {
      const result = unwrap(
        await run(subGoalAction, post(`/min-plan/delmaal/${internship!.id}`, form, metteCookie), { subGoalId: internship!.id }),
      );
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.data)).toContain(key);
    }
    const updates = await database.db.select().from(subGoalUpdates).where(eq(subGoalUpdates.subGoalId, internship!.id));
    expect(updates).toHaveLength(0);
  });

  it("someone else's sub-goal, a made-up id, or a malformed one is 404 for reading and writing", async () => {
    const [aliGoal] = await subGoalIds(database, ali.planId);
    for (const id of [aliGoal!.id, randomUUID(), "not-a-uuid", "1 or 1=1"]) {
      const read = (await run(subGoalLoader, get(`/min-plan/delmaal/${id}`, metteCookie), { subGoalId: id })) as Response;
      expect(read.status, id).toBe(404);
      const write = (await run(subGoalAction, post(`/min-plan/delmaal/${id}`, { status: "reached" }, metteCookie), {
        subGoalId: id,
      })) as Response;
      expect(write.status, id).toBe(404);
    }
    const [goal] = await database.db.select().from(subGoals).where(eq(subGoals.id, aliGoal!.id));
    expect(goal!.participantStatus).toBeNull();
  });
});

describe("a person's words are never lost (issue 14, point 2)", () => {
  type SubGoalPage = Exclude<Awaited<ReturnType<typeof subGoalLoader>>, Response>;
  const openSubGoal = async (id: string, cookie = metteCookie) =>
    (await run(subGoalLoader, get(`/min-plan/delmaal/${id}`, cookie), { subGoalId: id })) as SubGoalPage;
  /** Sends the form as the page fills it in, with only the status changed (what a person does). */
  const sendPrefilled = async (id: string, page: SubGoalPage, status: string, cookie = metteCookie) =>
    (await run(
      subGoalAction,
      post(`/min-plan/delmaal/${id}`, { status, comment: page.defaults.comment, submissionId: page.submissionId }, cookie),
      { subGoalId: id },
    )) as Response;

  it("changing only the status keeps the comment, in the plan and for the caseworker, and the history shows both marks with dates", async () => {
    const [, , internship] = await subGoalIds(database, mette.planId);
    const comment = "Det var svært i denne uge, men jeg har talt med Peter.";
    const first = await openSubGoal(internship!.id);
    expect(first.defaults).toEqual({ status: null, comment: "" });
    const marked = (await run(
      subGoalAction,
      post(`/min-plan/delmaal/${internship!.id}`, { status: "in_progress", comment, submissionId: first.submissionId }, metteCookie),
      { subGoalId: internship!.id },
    )) as Response;
    expect(marked.status).toBe(302);

    // The form comes back filled in with the latest mark: status and comment.
    const second = await openSubGoal(internship!.id);
    expect(second.defaults).toEqual({ status: "in_progress", comment });
    expect((await sendPrefilled(internship!.id, second, "reached")).status).toBe(302);

    const [goal] = await database.db.select().from(subGoals).where(eq(subGoals.id, internship!.id));
    expect(goal).toMatchObject({ participantStatus: "reached", participantComment: comment, status: "not_started" });
    // What the caseworker's briefing reads (caseworker.sub_goals.participant_comment) is this column.
    const plan = (await run(planLoader, get("/min-plan", metteCookie))) as Exclude<Awaited<ReturnType<typeof planLoader>>, Response>;
    expect(plan.page!.view.subGoals.find((g) => g.id === internship!.id)).toMatchObject({
      participantStatus: "reached",
      participantComment: comment,
    });
    expect(plan.page!.markCounts[internship!.id]).toBe(2);

    // Every mark is kept with its date, newest first.
    const third = await openSubGoal(internship!.id);
    expect(third.goal.updates.map((update) => [update.status, update.comment])).toEqual([
      ["reached", comment],
      ["in_progress", comment],
    ]);
    for (const update of third.goal.updates) expect(update.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a mark written before the portal kept history is kept in the history when a new one replaces it", async () => {
    const [aliGoal] = await subGoalIds(database, ali.planId);
    const earlierAt = new Date("2026-01-15T09:30:00Z");
    await database.db
      .update(subGoals)
      .set({ participantStatus: "in_progress", participantComment: "Skrevet før historikken.", participantUpdatedAt: earlierAt })
      .where(eq(subGoals.id, aliGoal!.id));
    const before = await openSubGoal(aliGoal!.id, aliCookie);
    expect(before.goal.updates.map((update) => [update.status, update.comment, update.createdAt])).toEqual([
      ["in_progress", "Skrevet før historikken.", earlierAt],
    ]);
    expect((await run(
      subGoalAction,
      post(`/min-plan/delmaal/${aliGoal!.id}`, { status: "paused", comment: "", submissionId: before.submissionId }, aliCookie),
      { subGoalId: aliGoal!.id },
    )) as Response).toHaveProperty("status", 302);
    const after = await openSubGoal(aliGoal!.id, aliCookie);
    expect(after.goal.updates.map((update) => [update.status, update.comment, update.createdAt.getTime() === earlierAt.getTime()])).toEqual([
      ["paused", null, false],
      ["in_progress", "Skrevet før historikken.", true],
    ]);
  });

  it("the own goal form starts from the saved text (the same rule for every form that edits something)", async () => {
    const form = await ownGoalForm(aliCookie);
    const plan = await planOf(ali.planId);
    expect(plan.ownGoal).toBeTruthy();
    expect(form).toMatchObject({ ownGoal: plan.ownGoal, version: plan.ownGoalVersion });
  });
});

describe("\"Jeg har læst planen\"", () => {
  it("records one confirmation for the version, however often it is sent", async () => {
    const send = () => run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "3" }, metteCookie));
    const results = (await Promise.all([send(), send()])) as Response[];
    expect(results.map((response) => response.status)).toEqual([302, 302]);
    expect(results[0]!.headers.get("Location")).toBe("/min-plan?gemt=laest#laest");
    expect((await send()) instanceof Response).toBe(true);
    const rows = await database.db
      .select()
      .from(planResponses)
      .where(and(eq(planResponses.planId, mette.planId), eq(planResponses.kind, "read")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ planVersion: 3, authorPersonId: mette.personId });
    expect(await auditFor("plan.read_confirmed")).toHaveLength(1);

    const page = (await run(planLoader, get("/min-plan", metteCookie))) as Exclude<Awaited<ReturnType<typeof planLoader>>, Response>;
    expect(page.page!.view.lastRead?.planVersion).toBe(3);
    expect(page.saved).toBeNull();
  });

  it("after the jobcentre saves a new version, the page asks to read it again; the older confirmation stays", async () => {
    // Mette has confirmed version 3.
    await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "3" }, metteCookie));
    await database.db.update(plans).set({ version: 4, updatedAt: new Date() }).where(eq(plans.id, mette.planId));
    try {
      const page = (await run(planLoader, get("/min-plan", metteCookie))) as Exclude<Awaited<ReturnType<typeof planLoader>>, Response>;
      expect(page.page!.view.version).toBe(4);
      expect(page.page!.view.lastRead?.planVersion).toBe(3);
      // A form loaded before the change confirms what the person actually read: version 3, already recorded.
      await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "3" }, metteCookie));
      await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "4" }, metteCookie));
      const rows = await database.db
        .select({ planVersion: planResponses.planVersion })
        .from(planResponses)
        .where(and(eq(planResponses.planId, mette.planId), eq(planResponses.kind, "read")));
      expect(rows.map((row) => row.planVersion).sort()).toEqual([3, 4]);
    } finally {
      await database.db.update(plans).set({ version: 3 }).where(eq(plans.id, mette.planId));
    }
  });

  it("a version that does not exist (or a missing intent) is refused", async () => {
    const forms: Record<string, string>[] = [
      { intent: "confirm-read", planVersion: "9" },
      { intent: "confirm-read", planVersion: "0" },
      { intent: "confirm-read", planVersion: "tre" },
      { planVersion: "1" },
    ];
    for (const form of forms) {
      expect(unwrap(await run(planAction, post("/min-plan", form, aliCookie))).status).toBe(400);
    }
    const rows = await database.db.select().from(planResponses).where(eq(planResponses.planId, ali.planId));
    expect(rows).toHaveLength(0);
  });

  it("the confirmation goes to the signed-in participant's own plan", async () => {
    await run(planAction, post("/min-plan", { intent: "confirm-read", planVersion: "1", planId: mette.planId }, aliCookie));
    const aliRows = await database.db.select().from(planResponses).where(eq(planResponses.planId, ali.planId));
    expect(aliRows.map((row) => [row.kind, row.planVersion])).toEqual([["read", 1]]);
    const metteRows = await database.db
      .select()
      .from(planResponses)
      .where(and(eq(planResponses.planId, mette.planId), eq(planResponses.planVersion, 1)));
    expect(metteRows).toHaveLength(0);
  });
});

describe("\"Jeg er ikke enig / Jeg har spørgsmål\"", () => {
  it("stores the comment with the version and a timestamp, once per form", async () => {
    const form = (await run(questionLoader, get("/min-plan/spoergsmaal", metteCookie))) as Exclude<
      Awaited<ReturnType<typeof questionLoader>>,
      Response
    >;
    expect(form.planVersion).toBe(3);
    const values = {
      comment: "Jeg er ikke enig i 8 timer. <img src=x onerror=alert(1)>",
      planVersion: String(form.planVersion),
      submissionId: form.submissionId,
    };
    const send = () => run(questionAction, post("/min-plan/spoergsmaal", values, metteCookie));
    expect(((await send()) as Response).headers.get("Location")).toBe("/min-plan?gemt=spoergsmaal#laest");
    expect(((await send()) as Response).status).toBe(302);
    // It is a conversation too (issue 18): sent twice, one conversation with the question.
    const opened = await listConversations(mette.participantId);
    expect(opened).toEqual([expect.objectContaining({ topic: "disagreement", subject: "Min Plan, version 3", status: "received" })]);
    const rows = await database.db
      .select()
      .from(planResponses)
      .where(and(eq(planResponses.planId, mette.planId), eq(planResponses.kind, "question")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ planVersion: 3, comment: values.comment, authorPersonId: mette.personId });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
    const [audit] = await auditFor("plan.question_sent");
    expect(JSON.stringify(audit!.details)).not.toContain("enig");

    const page = (await run(planLoader, get("/min-plan?gemt=spoergsmaal", metteCookie))) as Exclude<
      Awaited<ReturnType<typeof planLoader>>,
      Response
    >;
    expect(page.saved).toBe("spoergsmaal");
    expect(page.page!.view.questions.map((question) => question.comment)).toEqual([values.comment]);
  });

  it("an empty or over-long message is refused; a version from the future is refused", async () => {
    for (const [form, key] of [
      [{ comment: "  ", planVersion: "1" }, "question.errors.required"],
      [{ comment: "x".repeat(QUESTION_MAX + 1), planVersion: "1" }, "question.errors.tooLong"],
      [{ comment: "Hej", planVersion: "5" }, "question.errors.version"],
    ] as const) {
      const result = unwrap(await run(questionAction, post("/min-plan/spoergsmaal", form, aliCookie)));
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.data)).toContain(key);
    }
    const rows = await database.db
      .select()
      .from(planResponses)
      .where(and(eq(planResponses.planId, ali.planId), eq(planResponses.kind, "question")));
    expect(rows).toHaveLength(0);
  });
});
