import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf, setupRoles, useDatabase, withRequestTransaction, type DatabaseHandle } from "../../../db/client";
import { aCaseworker, aParticipant, aPerson, type BuiltCaseworker, type BuiltParticipant, type BuiltPerson } from "../../../db/builders";
import { auditEvents, conversations, meetingSummaryPoints, messages, subGoals, activities } from "../../../db/schema";
import { action as writeAction, loader as writeLoader } from "~/features/caseworker/routes/caseworker-summary";
import { loader as listLoader } from "~/features/caseworker/routes/caseworker-summaries";
import { loader as inboxLoader } from "~/features/caseworker/routes/caseworker-inbox";
import { loader as meetingLoader } from "~/features/appointments/routes/appointment";
import { action as rememberAction, loader as rememberLoader } from "~/features/summaries/routes/remember";
import { loader as sharedMeetingLoader } from "~/features/relatives/routes/relatives-shared-appointment";
import { action as sharedRememberAction, loader as sharedRememberLoader } from "~/features/relatives/routes/relatives-shared-remember";
import { exportSummariesFor } from "~/features/summaries/index.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

/**
 * Issue 22, "Referat efter samtalen": the coordinating caseworker writes "Det aftalte vi" after a
 * held meeting (draft, publish, correct); the participant reads it on the meeting's page and answers
 * a point with "Jeg husker det anderledes", which opens or continues one conversation; the "no"
 * cases answer 404 as everywhere else. Each test builds its own people.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database?.dispose());

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

interface People {
  sara: BuiltCaseworker;
  bo: BuiltCaseworker;
  mette: BuiltParticipant;
  ulla: BuiltParticipant;
  reader: BuiltPerson;
  writer: BuiltPerson;
  outsider: BuiltPerson;
  meeting: string;
  upcoming: string;
  subGoalId: string;
  activityId: string;
  cookies: Record<"sara" | "bo" | "mette" | "ulla" | "reader" | "writer" | "outsider", string>;
}

/**
 * Sara coordinates Mette (a held conversation, a coming one, a plan with a sub-goal and an
 * activity); Bo coordinates Ulla. Mette's relatives: Rita reads meetings (no messages), Willy reads
 * meetings and may write messages, Otto sees only her plan.
 */
async function people(): Promise<People> {
  const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  const bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
  const reader = await aPerson({ firstName: "Rita", lastName: "Læser" }).build(database.db);
  const writer = await aPerson({ firstName: "Willy", lastName: "Skriver" }).build(database.db);
  const outsider = await aPerson({ firstName: "Otto", lastName: "Plan" }).build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(sara)
    .withPlan({ subGoals: [{ title: "Komme ud af døren tre gange om ugen" }], activities: [{ kind: "virksomhedspraktik", title: "Praktik i Byens Bageri", purpose: "Prøve faste opgaver" }] })
    .withAppointment({ kind: "samtale", title: "Samtale med Sara", startsAt: ago(2), endsAt: new Date(ago(2).getTime() + 3_600_000), status: "held" })
    .withAppointment({ kind: "samtale", title: "Næste samtale", startsAt: new Date(Date.now() + 7 * DAY), endsAt: new Date(Date.now() + 7 * DAY + 3_600_000) })
    .withRelative(reader, { scopes: ["appointments"] })
    .withRelative(writer, { scopes: ["appointments", "messages", "plan"], mayWriteMessages: true })
    .withRelative(outsider, { scopes: ["plan"] })
    .build(database.db);
  const ulla = await aParticipant({ person: { firstName: "Ulla", lastName: "Udenfor" } }).withCaseworker(bo).build(database.db);
  const [goal] = await database.db.select({ id: subGoals.id }).from(subGoals).where(eq(subGoals.planId, mette.planId!));
  const [activity] = await database.db.select({ id: activities.id }).from(activities).where(eq(activities.planId, mette.planId!));
  return {
    sara,
    bo,
    mette,
    ulla,
    reader,
    writer,
    outsider,
    meeting: mette.appointmentIds[0]!,
    upcoming: mette.appointmentIds[1]!,
    subGoalId: goal!.id,
    activityId: activity!.id,
    cookies: {
      sara: await cookieFor(sara.demoKey),
      bo: await cookieFor(bo.demoKey),
      mette: await cookieFor(mette.demoKey),
      ulla: await cookieFor(ulla.demoKey),
      reader: await cookieFor(reader.demoKey),
      writer: await cookieFor(writer.demoKey),
      outsider: await cookieFor(outsider.demoKey),
    },
  };
}

/** The change feed behind caseworker.events (and the API's events): kind and actor role, in order. */
async function summaryEvents(participantId: string) {
  const rows = rowsOf<{ kind: string; actor_role: string }>(
    await database.db.execute(sql`select kind, actor_role from portal.caseworker_outbox where participant_id = ${participantId} and kind like 'summary.%' order by id`),
  );
  return rows.map((row) => [row.kind, row.actor_role]);
}

const writePath = (p: People, appointmentId = p.meeting) => `/sagsbehandler/${p.mette.participantId}/referater/${appointmentId}`;
const writeParams = (p: People, appointmentId = p.meeting) => ({ participantId: p.mette.participantId, appointmentId });
const statusOf = (result: unknown) => unwrap(result).status;
const locationOf = (result: unknown) => (result as Response).headers.get("Location");

type WriteData = {
  published: { version: number; points: { id: string; text: string; links: { id: string }[] }[]; recollections: unknown[] } | null;
  versions: { version: number; correctionNote: string | null }[];
  draft: { points: { text: string }[]; version: number } | null;
  planItems: { id: string }[];
};
type MeetingData = {
  summary: {
    version: number;
    correctedAt: Date | null;
    points: { id: string; position: number; text: string; links: { kind: string; id: string; title: string }[] }[];
    recollections: { pointId: string; conversationId: string | null; authorPersonId: string | null; body: string }[];
  } | null;
};

async function sara(p: People, form: Record<string, string>, cookie = p.cookies.sara, appointmentId = p.meeting) {
  return run(writeAction, post(writePath(p, appointmentId), form, cookie), writeParams(p, appointmentId));
}
async function saraSees(p: People) {
  return unwrap(await run(writeLoader, get(writePath(p), p.cookies.sara), writeParams(p))).data as WriteData;
}
async function metteSees(p: People, cookie = p.cookies.mette) {
  return unwrap(await run(meetingLoader, get(`/moeder/${p.meeting}`, cookie), { id: p.meeting })).data as MeetingData;
}
const twoPoints = (p: People) => ({
  rows: "3",
  draftVersion: "",
  publishedVersion: "0",
  "point-1": "Du starter i praktik i Byens Bageri mandag.",
  "links-1": `activity:${p.activityId}`,
  "point-2": "Du går en tur tre gange om ugen.",
  "point-3": "",
});

async function publish(p: People) {
  const form = new URLSearchParams({ ...twoPoints(p), intent: "publish" });
  form.append("links-2", `subGoal:${p.subGoalId}`);
  const request = new Request(`http://localhost:3000${writePath(p)}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: p.cookies.sara },
    body: form,
  });
  return run(writeAction, request, writeParams(p));
}

describe("writing and publishing (/sagsbehandler/:participantId/referater/:appointmentId)", () => {
  it("keeps a draft hers alone, publishes version 1 with its links, and corrects it as version 2 (version 1 kept)", async () => {
    const p = await people();
    // The list: the held meeting, not the coming one.
    const list = unwrap(await run(listLoader, get(`/sagsbehandler/${p.mette.participantId}/referater`, p.cookies.sara), { participantId: p.mette.participantId }))
      .data as { meetings: { id: string; summary: unknown }[] };
    expect(list.meetings.map((meeting) => meeting.id)).toEqual([p.meeting]);
    expect(list.meetings[0]!.summary).toBeNull();
    expect(statusOf(await run(writeLoader, get(writePath(p, p.upcoming), p.cookies.sara), writeParams(p, p.upcoming)))).toBe(404);

    const saved = await sara(p, { ...twoPoints(p), intent: "draft" });
    expect(locationOf(saved)).toBe(`${writePath(p)}?gemt=kladde`);
    const withDraft = await saraSees(p);
    expect(withDraft.draft?.points.map((point) => point.text)).toEqual(["Du starter i praktik i Byens Bageri mandag.", "Du går en tur tre gange om ugen."]);
    expect(withDraft.published).toBeNull();
    // A draft is never hers to see, nor a relative's.
    expect((await metteSees(p)).summary).toBeNull();
    const rita = unwrap(await run(sharedMeetingLoader, get(`/hjaelper/${p.mette.participantId}/moeder/${p.meeting}`, p.cookies.reader), { participantId: p.mette.participantId, id: p.meeting })).data as { summary: unknown };
    expect(rita.summary).toBeNull();
    // A second save from a form loaded before the first is refused, with her text kept.
    const stale = await sara(p, { ...twoPoints(p), "point-1": "Andet vindue", intent: "draft" });
    expect(statusOf(stale)).toBe(409);
    expect((unwrap(stale).data as { rows: { text: string }[] }).rows[0]!.text).toBe("Andet vindue");

    expect(locationOf(await publish(p))).toBe(`${writePath(p)}?gemt=offentliggjort`);
    const seen = await metteSees(p);
    expect(seen.summary?.version).toBe(1);
    expect(seen.summary?.correctedAt).toBeNull();
    expect(seen.summary?.points.map((point) => [point.position, point.text, point.links.map((link) => link.title)])).toEqual([
      [1, "Du starter i praktik i Byens Bageri mandag.", ["Praktik i Byens Bageri"]],
      [2, "Du går en tur tre gange om ugen.", ["Komme ud af døren tre gange om ugen"]],
    ]);
    expect((await saraSees(p)).draft).toBeNull();
    // She is told: a message from Sara in the conversation about the summary (which queues
    // "Du har en ny besked" as she chose, reply-notice.test.ts), and again for the correction below.
    const told = await database.db
      .select({ body: messages.body, authorName: messages.authorName, topic: conversations.topic })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.participantId, p.mette.participantId));
    expect(told).toEqual([{ body: expect.stringContaining("er klar"), authorName: "Sara Nielsen", topic: "summary" }]);
    // One event, summary.published, as the caseworker's.
    expect(await summaryEvents(p.mette.participantId)).toEqual([["summary.published", "caseworker"]]);

    // A correction: a new version, the first kept as it was.
    const before = seen.summary!.points;
    const corrected = await sara(p, {
      rows: "2",
      draftVersion: "",
      publishedVersion: "1",
      "point-1": "Du starter i praktik i Byens Bageri tirsdag.",
      "point-2": "Du går en tur tre gange om ugen.",
      correctionNote: "Dagen var forkert.",
      intent: "publish",
    });
    expect(locationOf(corrected)).toBe(`${writePath(p)}?gemt=rettet`);
    const after = await metteSees(p);
    expect(after.summary?.version).toBe(2);
    expect(after.summary?.correctedAt).not.toBeNull();
    expect(after.summary?.points[0]!.text).toBe("Du starter i praktik i Byens Bageri tirsdag.");
    const kept = await database.db.select().from(meetingSummaryPoints).where(and(eq(meetingSummaryPoints.version, 1), eq(meetingSummaryPoints.participantId, p.mette.participantId)));
    expect(kept.map((point) => point.text).sort()).toEqual(before.map((point) => point.text).sort());
    expect((await saraSees(p)).versions.map((version) => [version.version, version.correctionNote])).toEqual([
      [2, "Dagen var forkert."],
      [1, null],
    ]);
    expect(await summaryEvents(p.mette.participantId)).toEqual([
      ["summary.published", "caseworker"],
      ["summary.corrected", "caseworker"],
    ]);
    const notices = await database.db
      .select({ body: messages.body })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.participantId, p.mette.participantId));
    expect(notices.map((notice) => notice.body)).toEqual([expect.stringContaining("er klar"), expect.stringContaining("Det blev rettet: Dagen var forkert.")]);
    // A form loaded before the correction cannot publish over it.
    expect(statusOf(await sara(p, { ...twoPoints(p), publishedVersion: "1", intent: "publish" }))).toBe(409);
  });

  it("refuses an empty summary, a too long point and links without a point, keeping what she typed", async () => {
    const p = await people();
    const empty = await sara(p, { rows: "3", draftVersion: "", publishedVersion: "0", "point-1": " ", intent: "publish" });
    expect(statusOf(empty)).toBe(400);
    expect((unwrap(empty).data as { errors: { key: string }[] }).errors.map((error) => error.key)).toEqual(["write.errors.noPoints"]);
    const long = await sara(p, { rows: "3", draftVersion: "", publishedVersion: "0", "point-1": "x".repeat(601), intent: "publish" });
    expect((unwrap(long).data as { errors: { fieldId: string; key: string }[] }).errors).toEqual([{ fieldId: "point-1", key: "write.errors.pointTooLong" }]);
    const linksOnly = await sara(p, { rows: "3", draftVersion: "", publishedVersion: "0", "point-1": "Et punkt", "links-2": `subGoal:${p.subGoalId}`, intent: "publish" });
    expect((unwrap(linksOnly).data as { errors: { fieldId: string }[] }).errors.map((error) => error.fieldId)).toEqual(["point-2"]);
    // Another participant's sub-goal is no link of Mette's plan.
    const ullasPlan = await aParticipant().withCaseworker(p.sara).withPlan({ subGoals: [{ title: "Et andet delmål" }] }).build(database.db);
    const [foreign] = await database.db.select({ id: subGoals.id }).from(subGoals).where(eq(subGoals.planId, ullasPlan.planId!));
    const wrongLink = await sara(p, { rows: "3", draftVersion: "", publishedVersion: "0", "point-1": "Et punkt", "links-1": `subGoal:${foreign!.id}`, intent: "publish" });
    expect(statusOf(wrongLink)).toBe(400);
    expect((await metteSees(p)).summary).toBeNull();
  });

  it("answers 404 to a caseworker who does not coordinate her, for the list, the page and every action", async () => {
    const p = await people();
    await publish(p);
    expect(statusOf(await run(listLoader, get(`/sagsbehandler/${p.mette.participantId}/referater`, p.cookies.bo), { participantId: p.mette.participantId }))).toBe(404);
    expect(statusOf(await run(writeLoader, get(writePath(p), p.cookies.bo), writeParams(p)))).toBe(404);
    for (const intent of ["draft", "publish", "add"]) {
      expect(statusOf(await sara(p, { ...twoPoints(p), publishedVersion: "1", intent }, p.cookies.bo)), intent).toBe(404);
    }
    // The participant and a relative are no caseworkers either.
    expect(statusOf(await run(writeLoader, get(writePath(p), p.cookies.mette), writeParams(p)))).toBe(404);
    expect(statusOf(await sara(p, { ...twoPoints(p), intent: "publish" }, p.cookies.writer))).toBe(404);
    expect((await saraSees(p)).versions).toHaveLength(1);
  });
});

describe("Jeg husker det anderledes (/moeder/:id/referat/:pointId)", () => {
  const rememberPath = (p: People, pointId: string) => `/moeder/${p.meeting}/referat/${pointId}`;

  it("opens one conversation with the point quoted, continues it for the next point, and the point says she wrote it", async () => {
    const p = await people();
    await publish(p);
    const [first, second] = (await metteSees(p)).summary!.points;
    const page = unwrap(await run(rememberLoader, get(rememberPath(p, first!.id), p.cookies.mette), { id: p.meeting, pointId: first!.id })).data as {
      point: { text: string };
      submissionId: string;
    };
    expect(page.point.text).toBe(first!.text);
    // Nothing written: the form again, with an error.
    const empty = await run(rememberAction, post(rememberPath(p, first!.id), { body: "  ", submissionId: page.submissionId }, p.cookies.mette), { id: p.meeting, pointId: first!.id });
    expect(unwrap(empty)).toEqual({ status: 400, data: { error: "remember.errors.bodyMissing", body: "" } });

    const sent = await run(rememberAction, post(rememberPath(p, first!.id), { body: "Vi sagde tirsdag, ikke mandag.", submissionId: page.submissionId }, p.cookies.mette), {
      id: p.meeting,
      pointId: first!.id,
    });
    expect(locationOf(sent)).toBe(`/moeder/${p.meeting}?husket=1#punkt-1`);
    // A double submit stores one.
    await run(rememberAction, post(rememberPath(p, first!.id), { body: "Vi sagde tirsdag, ikke mandag.", submissionId: page.submissionId }, p.cookies.mette), { id: p.meeting, pointId: first!.id });
    // One conversation about the summary: Sara's notice that it is ready, then Mette's note.
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.participantId, p.mette.participantId));
    expect(conversation).toMatchObject({ topic: "summary", appointmentId: p.meeting, subject: "Referat: Samtale med Sara" });
    const written = await database.db.select().from(messages).where(eq(messages.conversationId, conversation!.id)).orderBy(messages.createdAt);
    expect(written.map((message) => message.authorRole)).toEqual(["caseworker", "participant"]);
    expect(written[0]!.body).toContain("Referatet af vores møde »Samtale med Sara« er klar.");
    expect(written[1]!.body).toContain(`»${first!.text}«`);
    expect(written[1]!.body).toContain("Vi sagde tirsdag, ikke mandag.");

    const seen = await metteSees(p);
    expect(seen.summary!.recollections).toMatchObject([{ pointId: first!.id, conversationId: conversation!.id, authorPersonId: p.mette.personId }]);

    // The second point continues the same conversation.
    await run(rememberAction, post(rememberPath(p, second!.id), { body: "Jeg sagde to gange.", submissionId: crypto.randomUUID() }, p.cookies.mette), { id: p.meeting, pointId: second!.id });
    expect(await database.db.select().from(conversations).where(eq(conversations.participantId, p.mette.participantId))).toHaveLength(1);
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, conversation!.id))).toHaveLength(3);

    // Sara sees it in her inbox as its own kind, waiting for her.
    const inbox = unwrap(await run(inboxLoader, get("/sagsbehandler/beskeder", p.cookies.sara))).data as { rows: { id: string; topic: string; state: string }[] };
    expect(inbox.rows.find((row) => row.id === conversation!.id)).toMatchObject({ topic: "summary", state: "awaiting" });
    // And on her summary page, at the point, with the conversation.
    expect((await saraSees(p)).published!.recollections).toHaveLength(2);

    // After a correction the note stays with the point it was about (same place).
    await sara(p, { rows: "2", draftVersion: "", publishedVersion: "1", "point-1": "Du starter tirsdag.", "point-2": "Du går en tur to gange om ugen.", intent: "publish" });
    const afterCorrection = await metteSees(p);
    const lineage = (pointId: string) => afterCorrection.summary!.points.find((point) => point.id === pointId);
    expect(afterCorrection.summary!.points.map((point) => point.text)).toEqual(["Du starter tirsdag.", "Du går en tur to gange om ugen."]);
    expect(lineage(first!.id)).toBeUndefined();
    // An old version's point can no longer be answered.
    expect(statusOf(await run(rememberLoader, get(rememberPath(p, first!.id), p.cookies.mette), { id: p.meeting, pointId: first!.id }))).toBe(404);

    // Mine data: the summary she received, both versions, and her notes in her words.
    const exported = await exportSummariesFor(p.mette.participantId);
    expect(exported).toHaveLength(1);
    expect(exported[0]!.meeting.title).toBe("Samtale med Sara");
    expect(exported[0]!.versions.map((version) => version.points.map((point) => point.text))).toEqual([
      ["Du starter i praktik i Byens Bageri mandag.", "Du går en tur tre gange om ugen."],
      ["Du starter tirsdag.", "Du går en tur to gange om ugen."],
    ]);
    expect(exported[0]!.versions[0]!.points[0]!.planItems).toEqual(["Praktik i Byens Bageri"]);
    expect(exported[0]!.rememberedDifferently.map((note) => [note.pointNumber, note.version, note.text])).toEqual([
      [1, 1, "Vi sagde tirsdag, ikke mandag."],
      [2, 1, "Jeg sagde to gange."],
    ]);
    // Another participant's export holds none of it.
    expect(await exportSummariesFor(p.ulla.participantId)).toEqual([]);
  });

  it("answers 404 to another participant and to a relative without the right, and lets a relative with the write right write as herself", async () => {
    const p = await people();
    await publish(p);
    const [point] = (await metteSees(p)).summary!.points;
    // Ulla: Mette's meeting is not hers.
    expect(statusOf(await run(rememberLoader, get(rememberPath(p, point!.id), p.cookies.ulla), { id: p.meeting, pointId: point!.id }))).toBe(404);
    expect(
      statusOf(await run(rememberAction, post(rememberPath(p, point!.id), { body: "Ulla her", submissionId: crypto.randomUUID() }, p.cookies.ulla), { id: p.meeting, pointId: point!.id })),
    ).toBe(404);
    expect(statusOf(await run(meetingLoader, get(`/moeder/${p.meeting}`, p.cookies.ulla), { id: p.meeting }))).toBe(404);

    const shared = (cookie: string) => run(sharedMeetingLoader, get(`/hjaelper/${p.mette.participantId}/moeder/${p.meeting}`, cookie), { participantId: p.mette.participantId, id: p.meeting });
    const sharedRemember = `/hjaelper/${p.mette.participantId}/moeder/${p.meeting}/referat/${point!.id}`;
    const rememberParams = { participantId: p.mette.participantId, id: p.meeting, pointId: point!.id };
    // Otto sees only her plan: no meetings, no summary.
    expect(statusOf(await shared(p.cookies.outsider))).toBe(404);
    // Rita reads meetings: the summary, read-only, and no way to answer.
    const rita = unwrap(await shared(p.cookies.reader)).data as { summary: { view: { points: unknown[] }; mayRemember: boolean } };
    expect(rita.summary.view.points).toHaveLength(2);
    expect(rita.summary.mayRemember).toBe(false);
    expect(statusOf(await run(sharedRememberLoader, get(sharedRemember, p.cookies.reader), rememberParams))).toBe(404);
    expect(statusOf(await run(sharedRememberAction, post(sharedRemember, { body: "Rita husker", submissionId: crypto.randomUUID() }, p.cookies.reader), rememberParams))).toBe(404);
    // Willy may write messages: he answers, as himself.
    const willy = unwrap(await shared(p.cookies.writer)).data as { summary: { mayRemember: boolean } };
    expect(willy.summary.mayRemember).toBe(true);
    const sent = await run(sharedRememberAction, post(sharedRemember, { body: "Jeg var med: det var tirsdag.", submissionId: crypto.randomUUID() }, p.cookies.writer), rememberParams);
    expect(locationOf(sent)).toBe(`/hjaelper/${p.mette.participantId}/moeder/${p.meeting}?husket=1#punkt-1`);
    const [conversation] = await database.db.select().from(conversations).where(eq(conversations.participantId, p.mette.participantId));
    const written = await database.db.select().from(messages).where(eq(messages.conversationId, conversation!.id)).orderBy(messages.createdAt);
    expect(written.at(-1)).toMatchObject({ authorRole: "relative", authorName: "Willy Skriver" });
    // Mette sees that Willy wrote, on her own page.
    expect((await metteSees(p)).summary!.recollections).toMatchObject([{ authorPersonId: p.writer.personId }]);
    // Rita (no messages scope) is not shown what Willy wrote.
    expect((unwrap(await shared(p.cookies.reader)).data as { summary: { view: { recollections: unknown[] } } }).summary.view.recollections).toEqual([]);
    const audits = await database.db.select().from(auditEvents).where(and(eq(auditEvents.participantId, p.mette.participantId), eq(auditEvents.action, "summary.remembered_differently")));
    expect(audits.map((row) => row.actorPersonId)).toEqual([p.writer.personId]);
  });
});

describe.skipIf(!serverUrl)("row-level security as portal_app (real Postgres)", () => {
  let owner: postgres.Sql;
  let app: postgres.Sql;
  let appHandle: DatabaseHandle;

  beforeAll(async () => {
    const [{ name }] = (await database.db.execute("select current_database() as name" as never)) as unknown as [{ name: string }];
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const ownerUrl = url.toString();
    owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await setupRoles(owner);
    url.username = "portal_app";
    url.password = "";
    app = postgres(url.toString(), { max: 1, onnotice: () => {} });
    appHandle = await openDatabase({ url: url.toString(), ownerUrl });
  });
  afterEach(() => useDatabase(database));
  afterAll(async () => {
    useDatabase(database);
    await appHandle?.close();
    await app?.end();
    await owner?.end();
  });

  const count = (personId: string | null, table: string, participantId: string) =>
    app.begin(async (tx) => {
      if (personId !== null) await tx`select set_config('minvej.person_id', ${personId}, true)`;
      return (await tx.unsafe(`select count(*)::int as n from ${table} where participant_id = '${participantId}'`))[0]!.n as number;
    }) as Promise<number>;

  it("shows a draft to her coordinating caseworker only, the published summary to her and a relative with the meetings scope, nothing to anyone else", async () => {
    const p = await people();
    // Sara's pages as production runs them: one transaction per request, as portal_app.
    useDatabase(appHandle);
    const request = <T,>(work: () => Promise<T>) => withRequestTransaction(() => settle(work));
    expect(locationOf(await request(() => sara(p, { ...twoPoints(p), intent: "draft" })))).toContain("gemt=kladde");
    const pid = p.mette.participantId;
    expect(await count(p.sara.personId, "portal.meeting_summary_drafts", pid)).toBe(1);
    for (const who of [p.mette, p.writer, p.reader, p.bo]) expect(await count(who.personId, "portal.meeting_summary_drafts", pid)).toBe(0);
    // Before publishing, the summary row itself is hers to see only once there is a version.
    expect(await count(p.mette.personId, "portal.meeting_summaries", pid)).toBe(0);

    expect(locationOf(await request(() => publish(p)))).toContain("gemt=offentliggjort");
    expect(locationOf(await request(() => sara(p, { ...twoPoints(p), publishedVersion: "1", intent: "publish" })))).toContain("gemt=rettet");
    for (const table of ["portal.meeting_summaries", "portal.meeting_summary_versions", "portal.meeting_summary_points"]) {
      const expected = table.endsWith("points") ? 4 : table.endsWith("versions") ? 2 : 1;
      expect(await count(p.sara.personId, table, pid), `${table}: Sara`).toBe(expected);
      expect(await count(p.mette.personId, table, pid), `${table}: Mette`).toBe(expected);
      expect(await count(p.reader.personId, table, pid), `${table}: Rita (meetings)`).toBe(expected);
      expect(await count(p.outsider.personId, table, pid), `${table}: Otto (plan only)`).toBe(0);
      expect(await count(p.bo.personId, table, pid), `${table}: Bo`).toBe(0);
      expect(await count(p.ulla.personId, table, pid), `${table}: Ulla`).toBe(0);
      expect(await count(null, table, pid), `${table}: nobody`).toBe(0);
    }
    // A published version is never rewritten: portal_app has no policy to update one (her caseworker
    // changes nothing), and the owner is refused by the trigger.
    const rewritten = await app.begin(async (tx) => {
      await tx`select set_config('minvej.person_id', ${p.sara.personId}, true)`;
      return (await tx`update portal.meeting_summary_points set text = 'Noget andet' where participant_id = ${pid} returning id`).length;
    });
    expect(rewritten).toBe(0);
    await expect(owner`update portal.meeting_summary_points set text = 'Noget andet' where participant_id = ${pid}`).rejects.toThrow(/never rewritten/);
    await expect(owner`update portal.meeting_summary_versions set published_by_name = 'X' where participant_id = ${pid}`).rejects.toThrow(/never rewritten/);
    // Nobody but her coordinating caseworker publishes.
    await expect(
      app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${p.mette.personId}, true)`;
        await tx`insert into portal.meeting_summaries (participant_id, appointment_id) values (${pid}, ${p.upcoming})`;
      }),
    ).rejects.toThrow(/row-level security/);

    // "Husker det anderledes" as Mette, through her page; Rita (no write right) cannot insert one.
    const [point] = ((await request(() => metteSees(p))) as MeetingData).summary!.points;
    const sent = await request(() =>
      run(rememberAction, post(`/moeder/${p.meeting}/referat/${point!.id}`, { body: "Jeg husker tirsdag.", submissionId: crypto.randomUUID() }, p.cookies.mette), { id: p.meeting, pointId: point!.id }),
    );
    expect(locationOf(sent)).toContain("husket=1");
    expect(await count(p.sara.personId, "portal.summary_recollections", pid)).toBe(1);
    expect(await count(p.reader.personId, "portal.summary_recollections", pid)).toBe(0);
    expect(await count(p.bo.personId, "portal.summary_recollections", pid)).toBe(0);
    await expect(
      app.begin(async (tx) => {
        await tx`select set_config('minvej.person_id', ${p.reader.personId}, true)`;
        await tx.unsafe(
          `insert into portal.summary_recollections (participant_id, summary_id, point_id, lineage_id, author_role, author_name, body)
           select participant_id, summary_id, id, lineage_id, 'relative', 'Rita', 'x' from portal.meeting_summary_points where id = '${point!.id}'`,
        );
      }),
    ).rejects.toThrow(/row-level security/);
    // Bo's request for the page is 404 as portal_app too.
    expect(statusOf(await request(() => run(writeLoader, get(writePath(p), p.cookies.bo), writeParams(p))))).toBe(404);
  });
});
