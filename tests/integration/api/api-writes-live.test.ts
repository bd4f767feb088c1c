import { writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { exportJWK, type CryptoKey } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, insertNotificationSettings, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { rowsOf, useDatabase, type DatabaseHandle } from "../../../db/client";
import { persons } from "../../../db/schema";
import { recordAbsenceNotice, listUpcomingAppointments } from "~/features/appointments/index.server";
import { getConversation, openAbsenceConversation } from "~/features/messages/index.server";
import { getPlanView } from "~/features/plan/index.server";
import { serverUrl } from "../../support/db";
import { API_AUDIENCE, API_ISSUER, expectProblem as expectProblemAt, fetchAnswer, mintApiToken, startApiServer, type ApiAnswer, type ApiServer } from "../../support/api-server";
import { runToExit, signInLive, type LiveServer } from "../../support/live-server";

// Issue 20, the writes: a case system writes through the running production build (`node
// server.js`) with client-credentials tokens the test mints from its own key. On Postgres the portal
// runs as portal_app under row-level security (migration 0030 lets the API write only its own
// municipality's rows); on PGlite the same requests run on the embedded database. Every "no" is
// refused and leaves nothing written; every "yes" is what the participant then sees in the app.

const MARK = `W${Date.now().toString(36).toUpperCase()}`;
const ALL_WRITES = ["participants:read", "events:read", "plans:write", "appointments:write", "messages:write", "participants:write"];
const CLIENTS = [
  { clientId: "solbjerg-writer", name: "Sagssystem, Solbjerg", municipality: "solbjerg", scopes: ALL_WRITES },
  { clientId: "solbjerg-reader", name: "Læser, Solbjerg", municipality: "solbjerg", scopes: ["participants:read", "events:read"] },
  { clientId: "fjordby-writer", name: "Sagssystem, Fjordby", municipality: "fjordby", scopes: ALL_WRITES },
];

let keys: { privateKey: CryptoKey; publicKey: CryptoKey };
let keyFile: string;
let api: ApiServer;
let server: LiveServer;
let sara: BuiltCaseworker;
let mette: BuiltParticipant; // Solbjerg, no plan yet
let ole: BuiltParticipant; // Solbjerg, a plan (version 1) with a sub-goal holding his own comment, a meeting he cannot come to
let nanna: BuiltParticipant; // Fjordby
let oleNoticeId: string;
let oleAbsenceConversationId: string;

async function buildPeople(handle: DatabaseHandle) {
  useDatabase(handle);
  try {
    const database = handle.db;
    sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database);
    mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } }).withCaseworker(sara).build(database);
    ole = await aParticipant({ person: { firstName: "Ole", lastName: "Jensen" }, participant: { municipalityKey: "solbjerg" } })
      .withCaseworker(sara)
      .withPlan({
        employmentGoal: `${MARK} Job på et lager`,
        subGoals: [
          { title: `${MARK} Møde op til tiden`, status: "in_progress", participantComment: "Det går bedre nu", participantStatus: "in_progress" },
          { title: `${MARK} Lære truckkørsel`, status: "not_started" },
        ],
      })
      .withAppointment({ title: `${MARK} Samtale om lageret`, startsAt: new Date(Date.now() + 5 * 86_400_000) })
      .build(database);
    await insertNotificationSettings(database, ole.personId, { byEmail: true, email: `ole.${MARK.toLowerCase()}@example.org` });
    nanna = await aParticipant({ person: { firstName: "Nanna", lastName: "Holm" }, participant: { municipalityKey: "fjordby", programme: "kontaktforloeb" } })
      .withPlan({ employmentGoal: `${MARK} Fjordby-mål` })
      .build(database);
    const actor = { personId: ole.personId, participantId: ole.participantId };
    const notice = await recordAbsenceNotice(actor, ole.appointmentIds[0]!, { reason: `${MARK} Jeg er syg`, wish: "Næste uge" });
    if (notice.status !== "recorded") throw new Error("no notice");
    oleNoticeId = notice.noticeId;
    const opened = await openAbsenceConversation(
      { ...actor, role: "participant", name: "Ole Jensen" },
      { noticeId: notice.noticeId, appointmentId: ole.appointmentIds[0]!, title: `${MARK} Samtale om lageret`, reason: `${MARK} Jeg er syg`, wish: "Næste uge" },
    );
    oleAbsenceConversationId = opened.conversationId;
  } finally {
    useDatabase(undefined);
  }
}

beforeAll(async () => {
  api = await startApiServer({ databasePrefix: "minvej_api2", clients: CLIENTS, buildPeople });
  server = api.server;
  keys = api.keys;
  // The example client's key file (never committed: made here, deleted with the folder).
  keyFile = path.join(api.folder, "example-key.json");
  writeFileSync(keyFile, JSON.stringify({ issuer: API_ISSUER, audience: API_AUDIENCE, clientId: "solbjerg-writer", kid: "k1", privateJwk: await exportJWK(keys.privateKey) }));
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function token(client = "solbjerg-writer", scope?: string) {
  return mintApiToken(keys.privateKey, { client, scope });
}

async function call(
  method: string,
  address: string,
  options: { token?: string | null; body?: unknown; key?: string | null; ifMatch?: string; cookie?: string } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  const bearer = options.token === undefined ? await token() : options.token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && options.key !== null) headers["Idempotency-Key"] = options.key ?? randomUUID();
  if (options.ifMatch !== undefined) headers["If-Match"] = options.ifMatch;
  const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  return fetchAnswer(`${server.origin}${address}`, { method, headers, body });
}

function expectProblem(answer: ApiAnswer, status: number, type: string, detail?: RegExp) {
  expectProblemAt(server.origin, answer, status, type, detail);
}

const planOf = (id: string) => `/api/v1/participants/${id}/plan`;
const meetingsOf = (id: string) => `/api/v1/participants/${id}/appointments`;

function aPlan(goal: string, extra: Record<string, unknown> = {}) {
  return {
    employmentGoal: goal,
    nextStep: `${MARK} Vi ses til samtalen`,
    subGoals: [{ title: `${MARK} Prøve en praktik`, status: "in_progress", dueOn: "2027-03-01" }],
    activities: [{ kind: "virksomhedspraktik", title: `${MARK} Praktik i Netto`, purpose: "At prøve butiksarbejde i dit eget tempo.", hoursPerWeek: 12.5, status: "being_arranged" }],
    agreements: [{ text: `${MARK} Du fortæller, hvilke dage der passer dig`, ownerText: "Du" }],
    updatedByName: "Sara Nielsen, Solbjerg Kommune",
    ...extra,
  };
}

function aMeeting(title: string, extra: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  return {
    kind: "samtale",
    title,
    purpose: "Vi taler om praktikken.",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    placeName: "Borgerservice, Solbjerg",
    address: "Torvet 1, 9999 Solbjerg",
    bringItems: ["Din kalender", "Dit sygesikringskort"],
    supportPersonAllowed: true,
    attendees: [{ name: "Sara Nielsen", roleText: "Din koordinerende sagsbehandler" }],
    ...extra,
  };
}

/** What the participant sees, signed in: the page's text. */
const cookies: Record<string, string> = {};
async function pageOf(who: BuiltParticipant, address: string): Promise<string> {
  const cookie = (cookies[who.demoKey] ??= await signInLive(server, who.demoKey));
  const page = await call("GET", address, { token: null, cookie });
  expect(page.status, address).toBe(200);
  return page.text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
}

/** The case system's audit rows (Postgres, as the owner). */
async function auditActions(participantId: string): Promise<string[]> {
  if (!api.owner) return [];
  const rows = rowsOf<{ action: string }>(
    await api.owner.db.execute(sql`select action from portal.audit_events where participant_id = ${participantId} and action like 'case_system.%' and action <> 'case_system.viewed' order by id`),
  );
  return rows.map((row) => row.action);
}

describe("every no: refused, and nothing written", () => {
  it("without a token (403 before the app: no bearer, no origin), with a bad one 401; a client without the write scope, or a token narrowed to another, 403", async () => {
    expectProblem(await call("PUT", planOf(mette.participantId), { token: null, body: aPlan("x") }), 403, "forbidden-origin");
    expectProblem(await call("PUT", planOf(mette.participantId), { token: "not-a-jwt", body: aPlan("x") }), 401, "invalid-token");
    expectProblem(await call("PUT", planOf(mette.participantId), { token: await token("solbjerg-reader"), body: aPlan("x") }), 403, "insufficient-scope", /plans:write/);
    const narrowed = await token("solbjerg-writer", "plans:write");
    expectProblem(await call("POST", meetingsOf(mette.participantId), { token: narrowed, body: aMeeting("x") }), 403, "insufficient-scope", /appointments:write/);
    expectProblem(
      await call("POST", `/api/v1/participants/${mette.participantId}/conversations`, { token: narrowed, body: { subject: "x", body: "y" } }),
      403,
      "insufficient-scope",
      /messages:write/,
    );
    expectProblem(await call("POST", "/api/v1/participants", { token: await token("solbjerg-reader"), body: {} }), 403, "insufficient-scope", /participants:write/);
    expect((await call("GET", planOf(mette.participantId))).status).toBe(404); // still no plan
  });

  it("another municipality's participant is 404, exactly like an unknown id, for every write; nothing of hers changes", async () => {
    const fjordby = await token("fjordby-writer");
    const unknown = "00000000-0000-4000-8000-000000000000";
    const strip = (answer: ApiAnswer) => ({ ...answer.body, correlationId: undefined });
    const writes: [string, (id: string) => string, unknown][] = [
      ["PUT", planOf, aPlan(`${MARK} Fjordby skriver`)],
      ["POST", meetingsOf, aMeeting(`${MARK} Fjordby booker`)],
      ["POST", (id) => `/api/v1/participants/${id}/conversations`, { subject: "Hej", body: `${MARK} Fjordby skriver` }],
      ["POST", (id) => `/api/v1/participants/${id}/absence-requests/${oleNoticeId}/answer`, { body: `${MARK} Fjordby svarer` }],
      ["POST", (id) => `/api/v1/participants/${id}/appointments/${ole.appointmentIds[0]}/cancel`, {}],
    ];
    for (const [method, address, body] of writes) {
      const elsewhere = await call(method, address(ole.participantId), { token: fjordby, body, ifMatch: '"0"' });
      const missing = await call(method, address(unknown), { token: fjordby, body, ifMatch: '"0"' });
      expectProblem(elsewhere, 404, "not-found");
      expect(strip(elsewhere)).toEqual(strip(missing));
    }
    // And the other way round: Solbjerg never reaches Nanna's plan.
    expectProblem(await call("PUT", planOf(nanna.participantId), { body: aPlan("x"), ifMatch: '"1"' }), 404, "not-found");
    const plan = await call("GET", planOf(ole.participantId));
    expect(plan.body).toMatchObject({ version: 1, employmentGoal: `${MARK} Job på et lager` });
    expect(await auditActions(ole.participantId)).toEqual([]);
  });

  it("a body naming one of the participant's own fields is 422 and says it is hers; unknown fields too", async () => {
    const hers: [string, string, unknown, RegExp][] = [
      ["PUT", planOf(mette.participantId), aPlan("x", { ownGoal: "Jeg vil være frisør" }), /ownGoal: the participant's own/],
      ["PUT", planOf(mette.participantId), aPlan("x", { subGoals: [{ title: "x", status: "reached", participantComment: "Jeg klarede det" }] }), /subGoals\.0\.participantComment: the participant's own/],
      ["PUT", planOf(mette.participantId), aPlan("x", { subGoals: [{ title: "x", status: "reached", participantStatus: "reached" }] }), /participantStatus: the participant's own/],
      ["POST", meetingsOf(mette.participantId), aMeeting("x", { participantQuestions: "Hvor lang tid?" }), /participantQuestions: the participant's own/],
      ["POST", meetingsOf(mette.participantId), aMeeting("x", { notes: "min note" }), /notes: the participant's own/],
      ["PUT", planOf(mette.participantId), aPlan("x", { colour: "blue" }), /colour: not a field/],
    ];
    for (const [method, address, body, detail] of hers) expectProblem(await call(method, address, { body }), 422, "invalid-body", detail);
    expectProblem(await call("POST", meetingsOf(mette.participantId), { body: aMeeting("x", { endsAt: "2020-01-01T00:00:00Z" }) }), 422, "invalid-body", /endsAt/);
    expectProblem(await call("PUT", planOf(mette.participantId), { body: "{not json" }), 400, "invalid-request", /not JSON/);
    expect((await call("GET", planOf(mette.participantId))).status).toBe(404);
    expect((await call("GET", meetingsOf(mette.participantId))).body.appointments).toEqual([]);
  });

  it("a write without an Idempotency-Key is 400", async () => {
    expectProblem(await call("PUT", planOf(mette.participantId), { body: aPlan("x"), key: null }), 400, "invalid-request", /Idempotency-Key/);
  });
});

describe("the plan: created, then changed at the version read; stale 412, missing If-Match 428", () => {
  let etag: string;

  it("creates Mette's plan (201, ETag, Location) and she sees it on Min Plan", async () => {
    const created = await call("PUT", planOf(mette.participantId), { body: aPlan(`${MARK} Job i en butik`) });
    expect(created.status, created.text).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    expect(created.headers.get("location")).toBe(`${server.origin}${planOf(mette.participantId)}`);
    expect(created.body).toMatchObject({
      version: 1,
      employmentGoal: `${MARK} Job i en butik`,
      subGoals: [{ title: `${MARK} Prøve en praktik`, status: "in_progress", dueOn: "2027-03-01" }],
      activities: [{ title: `${MARK} Praktik i Netto`, hoursPerWeek: 12.5 }],
      contacts: [{ professionalId: sara.professionalId, role: "koordinerende_sagsbehandler", isPrimary: true }],
    });
    etag = created.headers.get("etag")!;
    const page = await pageOf(mette, "/min-plan");
    expect(page).toContain(`${MARK} Job i en butik`);
    expect(page).toContain(`${MARK} Praktik i Netto`);
    expect(page).toContain("Sara Nielsen, Solbjerg Kommune");
  });

  it("an update without If-Match is 428, with a stale one 412 (each with the current ETag); nothing changes", async () => {
    const missing = await call("PUT", planOf(mette.participantId), { body: aPlan(`${MARK} Uden version`) });
    expectProblem(missing, 428, "precondition-required");
    expect(missing.headers.get("etag")).toBe(etag);
    const stale = await call("PUT", planOf(mette.participantId), { body: aPlan(`${MARK} Gammel version`), ifMatch: '"7"' });
    expectProblem(stale, 412, "precondition-failed", /version 1/);
    expect(stale.headers.get("etag")).toBe(etag);
    expectProblem(await call("PUT", planOf(mette.participantId), { body: aPlan(`${MARK} Svag`), ifMatch: 'W/"1"' }), 412, "precondition-failed");
    expect((await call("GET", planOf(mette.participantId))).body).toMatchObject({ version: 1, employmentGoal: `${MARK} Job i en butik` });
  });

  it("changes it at the version read: version 2, items kept by id; the same plan again keeps the version", async () => {
    const read = await call("GET", planOf(mette.participantId));
    expect(read.headers.get("etag")).toBe(etag);
    const plan = read.body as { subGoals: { id: string; title: string }[]; activities: { id: string }[] };
    const body = aPlan(`${MARK} Job i en butik, 20 timer`, {
      subGoals: [{ id: plan.subGoals[0]!.id, title: plan.subGoals[0]!.title, status: "reached" }, { title: `${MARK} Nyt delmål`, status: "not_started" }],
      activities: [],
      changeSummary: "Delmålet er nået.",
    });
    const updated = await call("PUT", planOf(mette.participantId), { body, ifMatch: etag });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    expect(updated.body).toMatchObject({ version: 2, subGoals: [{ id: plan.subGoals[0]!.id, status: "reached" }, { title: `${MARK} Nyt delmål` }], activities: [] });
    // The same plan again (every item with its id): nothing changes, the version stays.
    const written = updated.body as { subGoals: Record<string, unknown>[]; agreements: Record<string, unknown>[] };
    const same = aPlan(`${MARK} Job i en butik, 20 timer`, {
      subGoals: written.subGoals,
      activities: [],
      agreements: written.agreements,
      changeSummary: "Delmålet er nået.",
    });
    const again = await call("PUT", planOf(mette.participantId), { body: same, ifMatch: '"2"' });
    expect(again.status, again.text).toBe(200);
    expect(again.body.version).toBe(2);
    expect(again.body.updatedAt).toBe(updated.body.updatedAt);
    // What she sees: the new goal, the versions page names the change.
    expect(await pageOf(mette, "/min-plan")).toContain(`${MARK} Job i en butik, 20 timer`);
    expect(await pageOf(mette, "/min-plan/tidligere-versioner")).toContain("Delmålet er nået.");
    if (api.owner) {
      useDatabase(api.owner);
      try {
        const view = await getPlanView({ participantId: mette.participantId, personId: mette.personId });
        expect(view).toMatchObject({ version: 2, employmentGoal: `${MARK} Job i en butik, 20 timer`, updatedByName: "Sara Nielsen, Solbjerg Kommune" });
        expect(view!.subGoals.map((goal) => [goal.title, goal.status])).toEqual([
          [`${MARK} Prøve en praktik`, "reached"],
          [`${MARK} Nyt delmål`, "not_started"],
        ]);
      } finally {
        useDatabase(undefined);
      }
      expect(await auditActions(mette.participantId)).toEqual(["case_system.plan_created", "case_system.plan_updated"]);
    }
  });

  it("Ole's sub-goal that holds his own comment cannot be removed (409), and an id that is not the plan's is 422; his words stay", async () => {
    const read = await call("GET", planOf(ole.participantId));
    const plan = read.body as { subGoals: { id: string; title: string; status: string }[] };
    const [his, other] = plan.subGoals;
    const without = await call("PUT", planOf(ole.participantId), {
      body: aPlan(`${MARK} Job på et lager`, { subGoals: [{ id: other!.id, title: other!.title, status: "in_progress" }] }),
      ifMatch: read.headers.get("etag")!,
    });
    expectProblem(without, 409, "conflict", new RegExp(his!.id));
    const foreign = await call("PUT", planOf(ole.participantId), {
      body: aPlan(`${MARK} Job på et lager`, { subGoals: [{ id: randomUUID(), title: "x", status: "in_progress" }] }),
      ifMatch: read.headers.get("etag")!,
    });
    expectProblem(foreign, 422, "invalid-body", /subGoals\.0\.id: not an item of this plan/);
    const kept = await call("PUT", planOf(ole.participantId), {
      body: aPlan(`${MARK} Job på et lager`, { subGoals: plan.subGoals.map((goal) => ({ id: goal.id, title: goal.title, status: "reached" })) }),
      ifMatch: read.headers.get("etag")!,
    });
    expect(kept.status, kept.text).toBe(200);
    expect(await pageOf(ole, "/min-plan")).toContain("Det går bedre nu");
  });

  it("the contacts, when given, become exactly these, with a known professional by id and a new one by name", async () => {
    const read = await call("GET", planOf(mette.participantId));
    const body = {
      ...aPlan(`${MARK} Job i en butik, 20 timer`),
      contacts: [
        { professionalId: sara.professionalId, role: "koordinerende_sagsbehandler", isPrimary: true },
        { name: `${MARK} Karim Mentor`, organisation: "Mentorhuset", phone: "12345678", role: "mentor" },
      ],
    };
    const written = await call("PUT", planOf(mette.participantId), { body, ifMatch: read.headers.get("etag")! });
    expect(written.status, written.text).toBe(200);
    expect((written.body.contacts as { name: string; role: string }[]).map((contact) => [contact.name, contact.role]).sort()).toEqual(
      [["Sara Nielsen", "koordinerende_sagsbehandler"], [`${MARK} Karim Mentor`, "mentor"]].sort(),
    );
    expect(await pageOf(mette, "/min-plan")).toContain(`${MARK} Karim Mentor`);
    expectProblem(
      await call("PUT", planOf(mette.participantId), { body: { ...body, contacts: [{ professionalId: randomUUID(), role: "koordinerende_sagsbehandler" }] }, ifMatch: written.headers.get("etag")! }),
      422,
      "invalid-body",
      /professionalId/,
    );
  });
});

describe("Idempotency-Key: the same request once, another request with the key 422", () => {
  it("a retry with the same key and body answers the first response again and writes nothing; another body with the key is 422", async () => {
    const key = randomUUID();
    const body = aMeeting(`${MARK} Samme møde to gange`);
    const first = await call("POST", meetingsOf(mette.participantId), { body, key });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await call("POST", meetingsOf(mette.participantId), { body: JSON.stringify(JSON.parse(JSON.stringify(body))), key });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    const other = await call("POST", meetingsOf(mette.participantId), { body: aMeeting(`${MARK} Et andet møde`), key });
    expectProblem(other, 422, "idempotency-key-reused");
    // Another client may use the same key: keys are per client.
    const meetings = (await call("GET", meetingsOf(mette.participantId))).body.appointments as { title: string }[];
    expect(meetings.filter((meeting) => meeting.title === `${MARK} Samme møde to gange`)).toHaveLength(1);
    expect(meetings.some((meeting) => meeting.title === `${MARK} Et andet møde`)).toBe(false);
  });

  it("two requests with the same key at once write once", async () => {
    const key = randomUUID();
    const body = aMeeting(`${MARK} Samtidigt`);
    const answers = await Promise.all([1, 2, 3].map(() => call("POST", meetingsOf(mette.participantId), { body, key })));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.appointmentId)).size).toBe(1);
    const meetings = (await call("GET", meetingsOf(mette.participantId))).body.appointments as { title: string }[];
    expect(meetings.filter((meeting) => meeting.title === `${MARK} Samtidigt`)).toHaveLength(1);
  });

  it("a refused write does not use up its key", async () => {
    const key = randomUUID();
    expectProblem(await call("PUT", planOf(mette.participantId), { body: aPlan("x"), key, ifMatch: '"99"' }), 412, "precondition-failed");
    const read = await call("GET", planOf(mette.participantId));
    const retried = await call("PUT", planOf(mette.participantId), { body: aPlan(`${MARK} Efter et afslag`), key, ifMatch: read.headers.get("etag")! });
    expect(retried.status, retried.text).toBe(200);
  });
});

describe("meetings: booked, moved and cancelled at the version read; she sees each", () => {
  it("books, moves (a stale version 412, none 428) and cancels a meeting; a cancelled one cannot move (409)", async () => {
    const booked = await call("POST", meetingsOf(mette.participantId), { body: aMeeting(`${MARK} Samtale om praktik`) });
    expect(booked.status, booked.text).toBe(201);
    const id = booked.body.appointmentId as string;
    expect(booked.body).toMatchObject({ status: "planned", supportPersonAllowed: true, bringItems: ["Din kalender", "Dit sygesikringskort"], attendees: [{ name: "Sara Nielsen" }] });
    expect(booked.headers.get("location")).toBe(`${server.origin}${meetingsOf(mette.participantId)}/${id}`);
    const etag = booked.headers.get("etag")!;
    expect(await pageOf(mette, "/moeder")).toContain(`${MARK} Samtale om praktik`);
    expect(await pageOf(mette, `/moeder/${id}`)).toContain("Dit sygesikringskort");

    const later = new Date(Date.parse(booked.body.startsAt as string) + 86_400_000);
    const move = { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 3_600_000).toISOString(), placeName: "Jobhuset" };
    const noVersion = await call("POST", `${meetingsOf(mette.participantId)}/${id}/move`, { body: move });
    expectProblem(noVersion, 428, "precondition-required");
    expect(noVersion.headers.get("etag")).toBe(etag);
    expectProblem(await call("POST", `${meetingsOf(mette.participantId)}/${id}/move`, { body: move, ifMatch: '"42"' }), 412, "precondition-failed");
    const moved = await call("POST", `${meetingsOf(mette.participantId)}/${id}/move`, { body: move, ifMatch: etag });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ status: "moved", startsAt: later.toISOString(), placeName: "Jobhuset", address: "Torvet 1, 9999 Solbjerg" });
    expect(moved.headers.get("etag")).not.toBe(etag);
    expect(await pageOf(mette, `/moeder/${id}`)).toContain("Jobhuset");
    if (api.owner) {
      useDatabase(api.owner);
      try {
        const upcoming = await listUpcomingAppointments(mette.participantId);
        expect(upcoming.find((meeting) => meeting.id === id)).toMatchObject({ status: "moved" });
      } finally {
        useDatabase(undefined);
      }
    }
    // The old version no longer cancels it.
    expectProblem(await call("POST", `${meetingsOf(mette.participantId)}/${id}/cancel`, { ifMatch: etag }), 412, "precondition-failed");
    const cancelled = await call("POST", `${meetingsOf(mette.participantId)}/${id}/cancel`, { ifMatch: moved.headers.get("etag")! });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    expectProblem(await call("POST", `${meetingsOf(mette.participantId)}/${id}/move`, { body: move, ifMatch: cancelled.headers.get("etag")! }), 409, "conflict", /cancelled/);
    const read = await call("GET", `${meetingsOf(mette.participantId)}/${id}`);
    expect(read.body).toMatchObject({ status: "cancelled" });
    expect(read.headers.get("etag")).toBe(cancelled.headers.get("etag"));
  });
});

describe("messages as »Din sagsbehandler«", () => {
  it("answers Ole's »cannot come« in the conversation it opened; he sees it, signed as Din sagsbehandler", async () => {
    const answered = await call("POST", `/api/v1/participants/${ole.participantId}/absence-requests/${oleNoticeId}/answer`, {
      body: { body: `${MARK} Det er i orden. Vi finder en ny tid.` },
    });
    expect(answered.status, answered.text).toBe(201);
    expect(answered.body).toMatchObject({ conversationId: oleAbsenceConversationId, startedConversation: false, authorName: "Din sagsbehandler" });
    const page = await pageOf(ole, `/beskeder/${oleAbsenceConversationId}`);
    expect(page).toContain(`${MARK} Det er i orden. Vi finder en ny tid.`);
    expect(page).toContain("Din sagsbehandler");
    expect(page).toContain(`${MARK} Jeg er syg`);
    if (api.owner) {
      useDatabase(api.owner);
      try {
        const conversation = await getConversation(ole.participantId, oleAbsenceConversationId);
        expect(conversation!.messages.at(-1)).toMatchObject({ authorRole: "caseworker", authorName: "Din sagsbehandler", body: `${MARK} Det er i orden. Vi finder en ny tid.` });
      } finally {
        useDatabase(undefined);
      }
      // He is told as he chose: one notice queued in the same transaction.
      const notices = rowsOf<{ n: number }>(
        await api.owner.db.execute(sql`select count(*)::int as n from portal.mail_outbox where kind = 'message_notice' and participant_id = ${ole.participantId}`),
      );
      expect(notices[0]!.n).toBe(1);
    }
    expectProblem(await call("POST", `/api/v1/participants/${ole.participantId}/absence-requests/${randomUUID()}/answer`, { body: { body: "x" } }), 404, "not-found");
  });

  it("starts a conversation and writes in it; an unknown conversation is 404", async () => {
    const started = await call("POST", `/api/v1/participants/${mette.participantId}/conversations`, { body: { subject: `${MARK} Din praktik`, body: `${MARK} Hej Mette. Praktikken er klar.` } });
    expect(started.status, started.text).toBe(201);
    const conversationId = started.body.conversationId as string;
    const reply = await call("POST", `/api/v1/participants/${mette.participantId}/conversations/${conversationId}/messages`, { body: { body: `${MARK} Du starter mandag.` } });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body).toMatchObject({ conversationId, startedConversation: false });
    const page = await pageOf(mette, `/beskeder/${conversationId}`);
    expect(page).toContain(`${MARK} Hej Mette. Praktikken er klar.`);
    expect(page).toContain(`${MARK} Du starter mandag.`);
    expect(reply.body.authorName).toBe("Din sagsbehandler");
    expectProblem(
      await call("POST", `/api/v1/participants/${ole.participantId}/conversations/${conversationId}/messages`, { body: { body: "forkert borger" } }),
      404,
      "not-found",
    );
  });
});

describe("registering a participant", () => {
  const cpr = `0203${String(70 + (Date.now() % 20)).padStart(2, "0")}${String(Date.now() % 10_000).padStart(4, "0")}`;
  const birthDate = `19${cpr.slice(4, 6)}-03-02`;

  it("registers her in the client's municipality with her coordinating caseworker; the CPR number is stored, never returned", async () => {
    const registered = await call("POST", "/api/v1/participants", {
      body: { firstName: "Lise", lastName: `${MARK} Berg`, birthDate, cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`, programme: "kontaktforloeb", startedOn: "2026-12-01", coordinatingCaseworker: { professionalId: sara.professionalId, since: "2026-12-01" } },
    });
    expect(registered.status, registered.text).toBe(201);
    expect(registered.body).toMatchObject({
      firstName: "Lise",
      programme: "kontaktforloeb",
      status: "active",
      municipality: { id: "solbjerg", name: "Solbjerg Kommune" },
      coordinatingCaseworker: { professionalId: sara.professionalId, name: "Sara Nielsen", since: "2026-12-01" },
    });
    expect(registered.text).not.toContain(cpr);
    expect(registered.text).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
    const id = registered.body.id as string;
    expect(registered.headers.get("location")).toBe(`${server.origin}/api/v1/participants/${id}`);
    expect((await call("GET", `/api/v1/participants/${id}`)).body.firstName).toBe("Lise");
    expectProblem(await call("GET", `/api/v1/participants/${id}`, { token: await token("fjordby-writer") }), 404, "not-found");
    if (api.owner) {
      const [row] = await api.owner.db.select({ cpr: persons.cpr, birthDate: persons.birthDate }).from(persons).where(eq(persons.firstName, "Lise"));
      expect(row).toEqual({ cpr, birthDate });
      expect(await auditActions(id)).toEqual(["case_system.participant_registered"]);
    }
    // The same CPR number again: 409, without saying whose.
    const twice = await call("POST", "/api/v1/participants", {
      body: { firstName: "Anden", lastName: "Person", birthDate, cpr, programme: "kontaktforloeb", coordinatingCaseworker: { name: "Ny Sagsbehandler" } },
    });
    expectProblem(twice, 409, "conflict", /already registered/);
    expect(twice.text).not.toContain("Lise");
  });

  it("refuses a CPR number that is not the birth date, a new ressourceforløb, an unknown caseworker id", async () => {
    const base = { firstName: "Ny", lastName: "Borger", birthDate: "1980-05-04", cpr: "0405801234", programme: "kontaktforloeb", coordinatingCaseworker: { name: "Ny Sagsbehandler" } };
    expectProblem(await call("POST", "/api/v1/participants", { body: { ...base, cpr: "0101801234" } }), 422, "invalid-body", /birth date/);
    expectProblem(await call("POST", "/api/v1/participants", { body: { ...base, programme: "ressourceforloeb", startedOn: "2026-12-01" } }), 422, "invalid-body", /ressourceforloeb/);
    expectProblem(await call("POST", "/api/v1/participants", { body: { ...base, coordinatingCaseworker: { professionalId: randomUUID() } } }), 422, "invalid-body", /professionalId/);
  });
});

describe("the writes are events, and the example client", () => {
  it("each write is one event with actorRole case_system and the client, never a person's words", async () => {
    const expectedKinds = [
      "case_system.plan_created",
      "case_system.plan_updated",
      "case_system.appointment_created",
      "case_system.appointment_moved",
      "case_system.appointment_cancelled",
      "case_system.message_sent",
      "case_system.participant_registered",
    ];
    const deadline = Date.now() + 20_000;
    let events: { kind: string; participantId: string; actorRole: string; details: Record<string, unknown> }[] = [];
    for (;;) {
      events = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await call("GET", `/api/v1/events?limit=500${cursor ? `&after=${cursor}` : ""}`);
        events.push(...(page.body.events as typeof events));
        if (!page.body.hasMore) break;
        cursor = page.body.nextCursor as string;
      }
      // The feed shows a transaction's events once no older transaction on the cluster is still open
      // (other test files run beside this one): wait until every write's event has come.
      const kinds = new Set(events.map((event) => event.kind));
      if (expectedKinds.every((kind) => kinds.has(kind)) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const mine = events.filter((event) => event.actorRole === "case_system");
    expect(new Set(mine.map((event) => event.kind))).toEqual(new Set(expectedKinds));
    expect(mine.every((event) => event.details.client === "solbjerg-writer" && event.details.municipality === "solbjerg")).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(`${MARK} Det er i orden`);
    // Fjordby sees none of Solbjerg's.
    const fjordby = await call("GET", "/api/v1/events?limit=500", { token: await token("fjordby-writer") });
    expect((fjordby.body.events as { participantId: string }[]).every((event) => event.participantId === nanna.participantId)).toBe(true);
  });

  it("scripts/api-example.ts writes a plan and a meeting, then follows the events until it sees its meeting", async () => {
    const run = await runToExit(
      process.execPath,
      ["--import", "tsx", "scripts/api-example.ts", "--base", server.origin, "--key", keyFile, "--participant", mette.participantId, "--follow", "30", "--until", "case_system.appointment_created"],
      { env: { PATH: process.env.PATH ?? "" }, timeoutMs: 60_000 },
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/plan version \d+ \(updated\), ETag "\d+"/);
    expect(run.output).toMatch(/meeting [0-9a-f-]{36} booked/);
    expect(run.output).toMatch(new RegExp(`event \\d+ case_system.appointment_created by case_system for ${mette.participantId}`));
    expect(await pageOf(mette, "/moeder")).toContain("Samtale om din praktik");
    expect(await pageOf(mette, "/min-plan")).toContain("Et job i en butik, 15 timer om ugen");
  });
});

describe.skipIf(!serverUrl)("the database's own lock on the writes (Postgres, as portal_app)", () => {
  it("another municipality's rows cannot be written, the participant's own fields never, and only the API's function registers anyone", async () => {
    const app = postgres(api.pg!.appUrl, { max: 1, onnotice: () => {} });
    const as = async <T>(municipality: string | null, work: (tx: postgres.TransactionSql) => Promise<T>) =>
      app.begin(async (tx) => {
        await tx`select set_config('minvej.api_default_municipality', 'solbjerg', true), set_config('minvej.api_client', 'solbjerg-writer', true)`;
        if (municipality) await tx`select set_config('minvej.api_municipality', ${municipality}, true)`;
        return work(tx);
      });
    const refused = async (work: () => Promise<unknown>) => {
      try {
        await work();
        return "";
      } catch (error) {
        return String((error as { code?: string }).code);
      }
    };
    try {
      // Fjordby's client sees nothing of Ole's and changes nothing of his.
      expect(await as("fjordby", (tx) => tx`update portal.plans set employment_goal = 'x' where participant_id = ${ole.participantId} returning id`)).toHaveLength(0);
      expect(await as("fjordby", (tx) => tx`update portal.appointments set status = 'cancelled' where participant_id = ${ole.participantId} returning id`)).toHaveLength(0);
      expect(
        await refused(() =>
          as("fjordby", (tx) => tx`insert into portal.messages (conversation_id, author_role, author_name, body) values (${oleAbsenceConversationId}, 'caseworker', 'Din sagsbehandler', 'x')`),
        ),
      ).toBe("42501");
      // Solbjerg's client may write as »Din sagsbehandler« in his conversation, never as him.
      expect(
        await refused(() =>
          as("solbjerg", (tx) => tx`insert into portal.messages (conversation_id, author_role, author_name, body) values (${oleAbsenceConversationId}, 'participant', 'Ole Jensen', 'x')`),
        ),
      ).toBe("42501");
      // His own goal and his marks are his, whatever the API's code would do.
      expect(await refused(() => as("solbjerg", (tx) => tx`update portal.plans set own_goal = 'skrevet af systemet' where participant_id = ${ole.participantId}`))).toBe("42501");
      expect(
        await refused(() =>
          as("solbjerg", (tx) => tx`update portal.sub_goals s set participant_comment = 'x' from portal.plans p where p.id = s.plan_id and p.participant_id = ${ole.participantId}`),
        ),
      ).toBe("42501");
      // Without a verified client's municipality: no registration, and no idempotency key of another client.
      expect(
        await refused(() => as(null, (tx) => tx`select portal.register_case_system_participant('A', 'B', '0101901234', '1990-01-01', 'kontaktforloeb', 'active', null, null, 'Solbjerg Kommune')`)),
      ).toBe("42501");
      expect(await as("solbjerg", (tx) => tx`select count(*)::int as n from portal.api_idempotency_keys where client_id <> 'solbjerg-writer'`)).toEqual([{ n: 0 }]);
      expect(await as("fjordby", (tx) => tx`select count(*)::int as n from portal.api_webhook_deliveries`)).toEqual([{ n: 0 }]);
      // persons.cpr stays unreadable for the portal's role.
      expect(await refused(() => as("solbjerg", (tx) => tx`select cpr from portal.persons limit 1`))).toBe("42501");
    } finally {
      await app.end();
    }
  });
});

if (!serverUrl) console.log("api-writes-live.test: row-level security, the audit rows and the app's own functions need Postgres (TEST_DATABASE_URL); on PGlite the writes are checked through the API and the participant's pages.");
