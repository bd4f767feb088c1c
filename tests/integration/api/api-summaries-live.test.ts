import { randomUUID } from "node:crypto";
import type { CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltParticipant } from "../../../db/builders";
import { useDatabase, type DatabaseHandle } from "../../../db/client";
import { expectProblem as expectProblemAt, fetchAnswer, mintApiToken, startApiServer, type ApiAnswer, type ApiServer } from "../../support/api-server";

// Issue 22, "Referat efter samtalen" through the API: a case system publishes and corrects the
// summary of a held meeting (Idempotency-Key, If-Match/ETag, 201 then 200, 428, 412), reads it
// (one line in her log), and each publication is an event summary.published / summary.corrected
// with actorRole case_system. Another municipality's client gets 404; a client without
// appointments:write 403; a meeting not yet held 409. Runs the production build on Postgres as
// portal_app (with TEST_DATABASE_URL) or on PGlite.

const MARK = `S${Date.now().toString(36).toUpperCase()}`;
const DAY = 86_400_000;
const CLIENTS = [
  { clientId: "solbjerg-writer", name: "Sagssystem, Solbjerg", municipality: "solbjerg", scopes: ["participants:read", "events:read", "appointments:write"] },
  { clientId: "solbjerg-reader", name: "Læser, Solbjerg", municipality: "solbjerg", scopes: ["participants:read", "events:read"] },
  { clientId: "fjordby-writer", name: "Sagssystem, Fjordby", municipality: "fjordby", scopes: ["participants:read", "events:read", "appointments:write"] },
];

let api: ApiServer;
let keys: { privateKey: CryptoKey };
let mette: BuiltParticipant; // Solbjerg: a plan, a held meeting, a coming one
let nanna: BuiltParticipant; // Fjordby: a held meeting
let subGoalId: string;

async function buildPeople(handle: DatabaseHandle) {
  useDatabase(handle);
  try {
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(handle.db);
    mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" }, participant: { municipalityKey: "solbjerg" } })
      .withCaseworker(sara)
      .withPlan({ subGoals: [{ title: `${MARK} Prøve en praktik` }] })
      .withAppointment({ title: `${MARK} Samtale`, startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 3 * DAY + 3_600_000), status: "held" })
      .withAppointment({ title: `${MARK} Næste samtale`, startsAt: new Date(Date.now() + 3 * DAY), endsAt: new Date(Date.now() + 3 * DAY + 3_600_000) })
      .build(handle.db);
    nanna = await aParticipant({ person: { firstName: "Nanna", lastName: "Holm" }, participant: { municipalityKey: "fjordby", programme: "kontaktforloeb" } })
      .withAppointment({ title: `${MARK} Fjordby-samtale`, startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - 2 * DAY + 3_600_000) })
      .build(handle.db);
    const rows = (await handle.db.execute(`select s.id from portal.sub_goals s join portal.plans p on p.id = s.plan_id where p.participant_id = '${mette.participantId}'` as never)) as unknown;
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: string }[];
    subGoalId = list[0]!.id;
  } finally {
    useDatabase(undefined);
  }
}

beforeAll(async () => {
  api = await startApiServer({ databasePrefix: "minvej_api_summaries", clients: CLIENTS, buildPeople });
  keys = api.keys;
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function call(method: string, address: string, options: { client?: string; body?: unknown; key?: string; ifMatch?: string } = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await mintApiToken(keys.privateKey, { client: options.client ?? "solbjerg-writer" })}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["Idempotency-Key"] = options.key ?? randomUUID();
  if (options.ifMatch !== undefined) headers["If-Match"] = options.ifMatch;
  return fetchAnswer(`${api.server.origin}${address}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

const expectProblem = (answer: ApiAnswer, status: number, type: string, detail?: RegExp) => expectProblemAt(api.server.origin, answer, status, type, detail);
const summaryOf = (participant: BuiltParticipant, index = 0) =>
  `/api/v1/participants/${participant.participantId}/appointments/${participant.appointmentIds[index]}/summary`;

describe("the summary of a held meeting through the API", () => {
  it("publishes (201), refuses a correction without If-Match (428) or at an old version (412), corrects (200), replays a repeated key, and reads it", async () => {
    expectProblem(await call("GET", summaryOf(mette)), 404, "not-found", /No summary/);
    expectProblem(await call("POST", summaryOf(mette), { body: { points: [] } }), 422, "invalid-body");
    expectProblem(await call("POST", summaryOf(mette, 1), { body: { points: [{ text: "For tidligt" }] } }), 409, "conflict", /not been held/);
    const body = { points: [{ text: `${MARK} Du starter i praktik mandag.`, subGoalIds: [subGoalId] }, { text: `${MARK} Vi ses om en måned.` }] };
    const key = randomUUID();
    const first = await call("POST", summaryOf(mette), { body, key });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get("etag")).toBe('"1"');
    expect(first.headers.get("location")).toBe(`${api.server.origin}${summaryOf(mette)}`);
    expect(first.body).toMatchObject({
      participantId: mette.participantId,
      appointmentId: mette.appointmentIds[0],
      version: 1,
      points: [
        { number: 1, text: `${MARK} Du starter i praktik mandag.`, subGoalIds: [subGoalId], activityIds: [] },
        { number: 2, text: `${MARK} Vi ses om en måned.`, subGoalIds: [], activityIds: [] },
      ],
      versions: [{ version: 1, publishedByName: "Din sagsbehandler", source: "case_system", correctionNote: null }],
      rememberedDifferently: [],
    });
    const replay = await call("POST", summaryOf(mette), { body, key });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);

    expectProblem(await call("POST", summaryOf(mette), { body }), 428, "precondition-required");
    const corrected = await call("POST", summaryOf(mette), { body: { ...body, correctionNote: "Dagen var forkert." }, ifMatch: '"1"' });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.headers.get("etag")).toBe('"2"');
    expectProblem(await call("POST", summaryOf(mette), { body, ifMatch: '"1"' }), 412, "precondition-failed");
    // Another participant's sub-goal (or a made-up id) is no link of hers.
    expectProblem(await call("POST", summaryOf(mette), { body: { points: [{ text: "x", activityIds: [randomUUID()] }] }, ifMatch: '"2"' }), 422, "invalid-body");

    const read = await call("GET", summaryOf(mette), { client: "solbjerg-reader" });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"2"');
    expect((read.body.versions as { version: number; correctionNote: string | null }[]).map((version) => [version.version, version.correctionNote])).toEqual([
      [2, "Dagen var forkert."],
      [1, null],
    ]);
  });

  it("each publication is an event with actorRole case_system; another municipality's client gets 404, a reader 403", async () => {
    const deadline = Date.now() + 20_000;
    let kinds: string[] = [];
    for (;;) {
      const page = await call("GET", "/api/v1/events?limit=500");
      const events = page.body.events as { kind: string; actorRole: string; participantId: string; details: Record<string, unknown> }[];
      const mine = events.filter((event) => event.kind.startsWith("summary.") && event.participantId === mette.participantId);
      kinds = mine.map((event) => `${event.kind}:${event.actorRole}:${String(event.details.client)}`);
      if (kinds.length >= 2 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(kinds).toEqual(["summary.published:case_system:solbjerg-writer", "summary.corrected:case_system:solbjerg-writer"]);

    expectProblem(await call("GET", summaryOf(mette), { client: "fjordby-writer" }), 404, "not-found");
    expectProblem(await call("POST", summaryOf(mette), { client: "fjordby-writer", body: { points: [{ text: "Fjordby" }] }, ifMatch: '"2"' }), 404, "not-found");
    expectProblem(await call("POST", summaryOf(nanna), { body: { points: [{ text: "Solbjerg om Fjordby" }] } }), 404, "not-found");
    expectProblem(await call("POST", summaryOf(mette), { client: "solbjerg-reader", body: { points: [{ text: "Læser" }] }, ifMatch: '"2"' }), 403, "insufficient-scope");
    // Fjordby's own client publishes for its own participant.
    expect((await call("POST", summaryOf(nanna), { client: "fjordby-writer", body: { points: [{ text: `${MARK} Fjordby-aftale` }] } })).status).toBe(201);
  });
});
