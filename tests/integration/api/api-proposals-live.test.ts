import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltParticipant } from "../../../db/builders";
import { useDatabase, type DatabaseHandle } from "../../../db/client";
import { planProposals } from "../../../db/schema";
import { expectProblem as expectProblemAt, fetchAnswer, mintApiToken, startApiServer, type ApiAnswer, type ApiServer } from "../../support/api-server";

// Issue 22, "Forslag til min plan" through the API: the running production build (`node
// server.js`), on Postgres as portal_app under row-level security (TEST_DATABASE_URL) or on PGlite.
// The case system lists a participant's proposals and answers one (accept, change, decline) with
// the same token, scopes, Idempotency-Key and If-Match as the other writes; the answer is an event.

const ALL = ["participants:read", "events:read", "plans:write"];
const CLIENTS = [
  { clientId: "solbjerg-writer", name: "Sagssystem, Solbjerg", municipality: "solbjerg", scopes: ALL },
  { clientId: "solbjerg-reader", name: "Læser, Solbjerg", municipality: "solbjerg", scopes: ["participants:read", "events:read"] },
  { clientId: "fjordby-writer", name: "Sagssystem, Fjordby", municipality: "fjordby", scopes: ALL },
];

let api: ApiServer;
let mette: BuiltParticipant;
let nanna: BuiltParticipant;
const ids: Record<"walk" | "course" | "yoga" | "nanna", string> = { walk: "", course: "", yoga: "", nanna: "" };

async function buildPeople(handle: DatabaseHandle) {
  useDatabase(handle);
  try {
    const database = handle.db;
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database);
    mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" }, participant: { municipalityKey: "solbjerg" } })
      .withCaseworker(sara)
      .withPlan({ employmentGoal: "Job i en butik", version: 2, subGoals: [{ title: "Op om morgenen", sortOrder: 1 }] })
      .build(database);
    nanna = await aParticipant({ person: { firstName: "Nanna", lastName: "Holm" }, participant: { municipalityKey: "fjordby" } })
      .withPlan({ employmentGoal: "Fjordby-mål" })
      .build(database);
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const rows = await database
      .insert(planProposals)
      .values([
        { participantId: mette.participantId, authorPersonId: mette.personId, kind: "sub_goal", title: "Gå en tur", why: "Energi", createdAt: at(30) },
        { participantId: mette.participantId, authorPersonId: mette.personId, kind: "activity", title: "Kursus", howMuch: "To dage", createdAt: at(20) },
        { participantId: mette.participantId, authorPersonId: mette.personId, kind: "activity", title: "Yoga", createdAt: at(10) },
        { participantId: nanna.participantId, authorPersonId: nanna.personId, kind: "sub_goal", title: "Fjordby-forslag", createdAt: at(5) },
      ])
      .returning({ id: planProposals.id });
    [ids.walk, ids.course, ids.yoga, ids.nanna] = rows.map((row) => row.id) as [string, string, string, string];
  } finally {
    useDatabase(undefined);
  }
}

beforeAll(async () => {
  api = await startApiServer({ databasePrefix: "minvej_h1_api", clients: CLIENTS, buildPeople });
}, 120_000);
afterAll(async () => {
  await api?.stop();
});

async function call(method: string, address: string, options: { client?: string; body?: unknown; key?: string | null; ifMatch?: string } = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await mintApiToken(api.keys.privateKey, { client: options.client ?? "solbjerg-writer" })}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && options.key !== null) headers["Idempotency-Key"] = options.key ?? randomUUID();
  if (options.ifMatch !== undefined) headers["If-Match"] = options.ifMatch;
  return fetchAnswer(`${api.server.origin}${address}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}
const expectProblem = (answer: ApiAnswer, status: number, type: string, detail?: RegExp) => expectProblemAt(api.server.origin, answer, status, type, detail);
const listOf = (participantId: string) => `/api/v1/participants/${participantId}/proposals`;
const decisionOf = (participantId: string, proposalId: string) => `/api/v1/participants/${participantId}/proposals/${proposalId}/decision`;
type Proposal = { proposalId: string; status: string; version: number; title: string; planTitle: string | null; planVersion: number | null; declineReason: string | null };

describe("GET /participants/{id}/proposals", () => {
  it("lists her proposals, newest first, for a reader too; another municipality's participant is 404", async () => {
    const answer = await call("GET", listOf(mette.participantId), { client: "solbjerg-reader" });
    expect(answer.status).toBe(200);
    const body = answer.body as { participantId: string; proposals: Proposal[] };
    expect(body.proposals.map((p) => [p.title, p.status, p.version])).toEqual([
      ["Yoga", "waiting", 1],
      ["Kursus", "waiting", 1],
      ["Gå en tur", "waiting", 1],
    ]);
    expectProblem(await call("GET", listOf(nanna.participantId)), 404, "not-found");
    expectProblem(await call("GET", listOf(mette.participantId), { client: "fjordby-writer" }), 404, "not-found");
  });
});

describe("POST /participants/{id}/proposals/{proposalId}/decision", () => {
  it("refuses what is not allowed and writes nothing", async () => {
    const path = decisionOf(mette.participantId, ids.walk);
    expectProblem(await call("POST", path, { body: { decision: "accept" }, ifMatch: '"1"', client: "solbjerg-reader" }), 403, "insufficient-scope");
    expectProblem(await call("POST", path, { body: { decision: "accept" }, ifMatch: '"1"', client: "fjordby-writer" }), 404, "not-found");
    expectProblem(await call("POST", decisionOf(nanna.participantId, ids.nanna), { body: { decision: "accept" }, ifMatch: '"1"' }), 404, "not-found");
    expectProblem(await call("POST", decisionOf(mette.participantId, ids.nanna), { body: { decision: "accept" }, ifMatch: '"1"' }), 404, "not-found");
    expectProblem(await call("POST", path, { body: { decision: "accept" }, ifMatch: '"1"', key: null }), 400, "invalid-request", /Idempotency-Key/);
    expectProblem(await call("POST", path, { body: { decision: "accept" } }), 428, "precondition-required");
    expectProblem(await call("POST", path, { body: { decision: "accept" }, ifMatch: '"7"' }), 412, "precondition-failed");
    expectProblem(await call("POST", path, { body: { decision: "decline" }, ifMatch: '"1"' }), 422, "invalid-body", /reason/);
    expectProblem(await call("POST", path, { body: { decision: "decline", reason: "   " }, ifMatch: '"1"' }), 422, "invalid-body", /reason/);
    expectProblem(await call("POST", path, { body: { decision: "accept", ownGoal: "x" }, ifMatch: '"1"' }), 422, "invalid-body");
    const list = (await call("GET", listOf(mette.participantId))).body as { proposals: Proposal[] };
    expect(list.proposals.every((p) => p.status === "waiting")).toBe(true);
    const plan = await call("GET", `/api/v1/participants/${mette.participantId}/plan`);
    expect(plan.headers.get("etag")).toBe('"2"');
  });

  it("accepts, changes and declines; each accepted one is a new plan version; a second decision is 409; a retry replays", async () => {
    const key = randomUUID();
    const accepted = await call("POST", decisionOf(mette.participantId, ids.walk), { body: { decision: "accept" }, ifMatch: '"1"', key });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("etag")).toBe('"2"');
    expect(accepted.body).toMatchObject({ proposalId: ids.walk, status: "accepted", planTitle: "Gå en tur", planDetail: "Energi", planVersion: 3, decidedByName: "Din sagsbehandler" });
    const replay = await call("POST", decisionOf(mette.participantId, ids.walk), { body: { decision: "accept" }, ifMatch: '"1"', key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");

    const changed = await call("POST", decisionOf(mette.participantId, ids.course), {
      body: { decision: "change", title: "Kursus i kundeservice", detail: "Lære at tale med kunder" },
      ifMatch: '"1"',
    });
    expect(changed.body).toMatchObject({ status: "changed", title: "Kursus", planTitle: "Kursus i kundeservice", planVersion: 4 });

    const declined = await call("POST", decisionOf(mette.participantId, ids.yoga), { body: { decision: "decline", reason: "Vi tager det op til samtalen." }, ifMatch: '"1"' });
    expect(declined.body).toMatchObject({ status: "declined", declineReason: "Vi tager det op til samtalen.", planVersion: null });

    expectProblem(await call("POST", decisionOf(mette.participantId, ids.yoga), { body: { decision: "accept" }, ifMatch: '"2"' }), 409, "conflict");

    const plan = (await call("GET", `/api/v1/participants/${mette.participantId}/plan`)).body as {
      version: number;
      subGoals: { title: string }[];
      activities: { title: string; purpose: string }[];
    };
    expect(plan.version).toBe(4);
    expect(plan.subGoals.map((goal) => goal.title)).toEqual(["Op om morgenen", "Gå en tur"]);
    expect(plan.activities).toEqual([expect.objectContaining({ title: "Kursus i kundeservice", purpose: "Lære at tale med kunder" })]);

    // The decisions are events of the case system; Fjordby's feed has none of them. The feed shows
    // settled events only: on a shared Postgres cluster another open transaction delays settling.
    let events: { kind: string; actorRole: string; participantId: string }[] = [];
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      events = ((await call("GET", "/api/v1/events?limit=500", { client: "solbjerg-reader" })).body as { events: typeof events }).events;
      if (events.filter((event) => event.kind === "proposal.decided").length === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(events.filter((event) => event.kind === "proposal.decided").map((event) => [event.actorRole, event.participantId])).toEqual([
      ["case_system", mette.participantId],
      ["case_system", mette.participantId],
      ["case_system", mette.participantId],
    ]);
    const fjordby = ((await call("GET", "/api/v1/events?limit=500", { client: "fjordby-writer" })).body as { events: typeof events }).events;
    expect(fjordby.some((event) => event.participantId === mette.participantId)).toBe(false);
  });
});
