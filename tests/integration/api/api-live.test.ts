import { request as httpRequest } from "node:http";
import { eq, sql } from "drizzle-orm";
import { generateKeyPair, UnsecuredJWT, type CryptoKey } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltParticipant } from "../../../db/builders";
import { rowsOf, useDatabase, type DatabaseHandle } from "../../../db/client";
import { absenceNotices, appointmentPreparations, persons, planResponses } from "../../../db/schema";
import { shareCv } from "~/features/cv/commands.server";
import { setSharing } from "~/features/network/commands.server";
import { savePart, shareParts } from "~/features/preparation/commands.server";
import { serverUrl } from "../../support/db";
import { API_AUDIENCE, API_ISSUER, expectProblem as expectProblemAt, fetchAnswer, mintApiToken, startApiServer, type ApiAnswer, type ApiServer } from "../../support/api-server";
import { signInLive, type LiveServer } from "../../support/live-server";

// Issue 20, the reads: a case system calls the running production build (`node server.js`) with
// client-credentials access tokens the test mints from its own key pair, against its own JWKS and
// clients file. On Postgres the portal runs as portal_app under row-level security, as production
// does; on PGlite the same requests run on the embedded database. Every refusal is problem+json
// with the request id, and every read that returns a participant's data is one line in that
// participant's log, which the test reads as she does: signed in, on /paaroerende/log.

const MARK = `API${Date.now().toString(36).toUpperCase()}`;
const SHARED_TEXT = `Jeg har arbejdet otte år i Netto (${MARK}-DELT)`;
const DRAFT_TEXT = `${MARK}-UDKAST: dette er ikke delt`;
const HIDDEN_EMAIL = `mette.${MARK.toLowerCase()}@example.net`;
const PRIVATE_NOTE = `${MARK}-PRIVAT: min mor må ikke vide det`;

type Keys = { privateKey: CryptoKey; publicKey: CryptoKey };
let real: Keys;
let impostor: Keys;
let api: ApiServer;
let server: LiveServer;
let mette: BuiltParticipant;
let ali: BuiltParticipant;
let nanna: BuiltParticipant;
let metteCpr: string;

const CLIENTS = [
  { clientId: "solbjerg-system", name: "Sagssystem, Solbjerg", municipality: "solbjerg", scopes: ["participants:read", "events:read"] },
  { clientId: "fjordby-system", name: "Sagssystem, Fjordby", municipality: "fjordby", scopes: ["participants:read", "events:read"] },
  { clientId: "events-only", name: "Hændelser, Solbjerg", municipality: "solbjerg", scopes: ["events:read"] },
  { clientId: "limited-system", name: "Begrænset, Solbjerg", municipality: "solbjerg", scopes: ["participants:read"], rateLimit: "2/1m" },
];

/** Solbjerg's Mette (no municipality stored: the first), who shares things; Ali in Solbjerg by name; Nanna in Fjordby. */
async function buildPeople(handle: DatabaseHandle) {
  const database = handle.db;
  useDatabase(handle);
  try {
    const sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database);
    mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen", email: HIDDEN_EMAIL } })
      .withCaseworker(sara, "2025-11-03")
      .withPlan()
      .withAppointment({ title: "Samtale om praktik" })
      .withCv({ contactVisibility: { email: false, phone: false, address: false }, profile: { summary: `${MARK} Kort om mig` }, entries: [{ kind: "work", title: `${MARK} Butiksassistent`, organisation: "Netto", fromText: "2012", toText: "2020" }] })
      .withNetwork([{ name: `${MARK} Nabo`, relation: "Nabo", sector: "friends", closeness: "middle", note: PRIVATE_NOTE, stance: "holds_back", wantedAtMeeting: true }])
      .build(database);
    ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" }, participant: { municipalityKey: "solbjerg", programme: "jobafklaringsforloeb" } })
      .withCaseworker(sara)
      .build(database);
    nanna = await aParticipant({ person: { firstName: "Nanna", lastName: "Holm" }, participant: { municipalityKey: "fjordby", programme: "kontaktforloeb" } }).build(database);
    const actor = (who: BuiltParticipant) => ({ personId: who.personId, participantId: who.participantId });

    // Her preparation: "challenges" shared, then a newer draft she has not shared.
    const saved = await savePart(actor(mette), "challenges", { version: 0, done: "yes", answers: { work: SHARED_TEXT, social: "", health: "" } });
    if (saved.status !== "saved") throw new Error("could not save the part");
    await shareParts(actor(mette), ["challenges"], { challenges: saved.version });
    await savePart(actor(mette), "challenges", { version: saved.version, done: "yes", answers: { work: DRAFT_TEXT, social: "", health: "" } });
    await shareCv(actor(mette), { accommodations: false });
    await setSharing(actor(mette), true, false);
    const meeting = mette.appointmentIds[0]!;
    await database.insert(appointmentPreparations).values({ appointmentId: meeting, questions: `${MARK} Hvor mange timer?`, notes: `${MARK} Tag dagbogen med` });
    await database.insert(absenceNotices).values({ appointmentId: meeting, reason: `${MARK} Jeg er syg`, wishForNewTime: "Næste uge" });
    await database.insert(planResponses).values({ planId: mette.planId!, planVersion: 1, kind: "question", comment: `${MARK} Jeg er ikke enig i timetallet`, authorPersonId: mette.personId });
    // Nanna in Fjordby shares too: an event Solbjerg must never see.
    const nannas = await savePart(actor(nanna), "wishes", { version: 0, done: "yes", answers: { workWish: `${MARK} Fjordby-ønske` }, tasks: [] });
    if (nannas.status === "saved") await shareParts(actor(nanna), ["wishes"], { wishes: nannas.version });
    const [row] = await database.select({ cpr: persons.cpr }).from(persons).where(eq(persons.id, mette.personId));
    metteCpr = row!.cpr!;
  } finally {
    useDatabase(undefined);
  }
}

beforeAll(async () => {
  [real, impostor] = await Promise.all([generateKeyPair("RS256"), generateKeyPair("RS256")]);
  api = await startApiServer({ databasePrefix: "minvej_api", clients: CLIENTS, buildPeople, keys: real });
  server = api.server;
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

/** An access token as the municipality's identity provider would issue it; each option spoils one thing. */
async function token(options: { client?: string; key?: CryptoKey; kid?: string; issuer?: string; audience?: string; expiresAt?: number; scope?: string } = {}) {
  const { key, client, ...rest } = options;
  return mintApiToken(key ?? real.privateKey, { client: client ?? "solbjerg-system", ...rest });
}

async function call(address: string, init: { token?: string; cookie?: string; method?: string; headers?: Record<string, string>; body?: BodyInit } = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.Cookie = init.cookie;
  return fetchAnswer(`${server.origin}${address}`, { method: init.method ?? "GET", headers, body: init.body });
}

function expectProblem(answer: ApiAnswer, status: number, type: string, detail?: RegExp) {
  expectProblemAt(server.origin, answer, status, type, detail);
}

const participantPaths = (id: string) => ["", "/preparation", "/cv", "/network", "/appointments", "/absence-requests", "/disagreements"].map((tail) => `/api/v1/participants/${id}${tail}`);

/** The case system's lines in a participant's log, as she reads them on /paaroerende/log. */
async function systemLines(who: BuiltParticipant): Promise<string[]> {
  const cookie = (cookies[who.demoKey] ??= await signInLive(server, who.demoKey));
  const page = await call("/paaroerende/log", { cookie });
  expect(page.status).toBe(200);
  return [...page.text.matchAll(/<li class="relatives-log__entry">(.*?)<\/li>/g)]
    .map((match) => match[1]!.replace(/<[^>]*>/g, "").replace(/^kl\. \d\d\.\d\d /, ""))
    .filter((line) => line.includes("sagssystem"));
}
const cookies: Record<string, string> = {};

describe("who may call: every no", () => {
  it("without a token: 401 with WWW-Authenticate: Bearer", async () => {
    const answer = await call("/api/v1/participants");
    expectProblem(answer, 401, "unauthorized", /Authorization: Bearer/);
    expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="Min Vej API"');
  });

  it("with a malformed, expired, wrong-audience, wrong-issuer, other-key or unsigned token: 401 invalid_token, saying which", async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = new UnsecuredJWT({ client_id: "solbjerg-system" }).setIssuer(API_ISSUER).setAudience(API_AUDIENCE).setIssuedAt().setExpirationTime("5m").encode();
    const cases: [string, string, RegExp][] = [
      ["malformed", "not-a-jwt", /malformed/],
      ["expired", await token({ expiresAt: now - 3600 }), /expired/],
      ["wrong audience", await token({ audience: "https://another.test/api" }), /another audience/],
      ["wrong issuer", await token({ issuer: "https://login.elsewhere.test" }), /another issuer/],
      ["another key, same kid", await token({ key: impostor.privateKey }), /not signed by a key/],
      ["another key, unknown kid", await token({ key: impostor.privateKey, kid: "k2" }), /not signed by a key/],
      ["unsigned (alg none)", unsigned, /algorithm|malformed/],
    ];
    for (const [what, bad, detail] of cases) {
      const answer = await call("/api/v1/participants", { token: bad });
      expectProblem(answer, 401, "invalid-token", detail);
      expect(answer.headers.get("www-authenticate"), what).toMatch(/^Bearer realm="Min Vej API", error="invalid_token"/);
    }
  });

  it("a valid token of a client the file does not name: 403 unknown-client", async () => {
    expectProblem(await call("/api/v1/participants", { token: await token({ client: "stranger" }) }), 403, "unknown-client");
  });

  it("without the operation's scope, in the client's file or in the token: 403 insufficient_scope", async () => {
    const eventsOnly = await call("/api/v1/participants", { token: await token({ client: "events-only" }) });
    expectProblem(eventsOnly, 403, "insufficient-scope", /participants:read/);
    expect(eventsOnly.headers.get("www-authenticate")).toBe('Bearer realm="Min Vej API", error="insufficient_scope", scope="participants:read"');
    // The token may narrow its client's scopes, never widen them.
    expectProblem(await call(`/api/v1/participants/${mette.participantId}`, { token: await token({ scope: "events:read" }) }), 403, "insufficient-scope");
    expectProblem(await call("/api/v1/events", { token: await token({ client: "limited-system", scope: "events:read participants:read" }) }), 403, "insufficient-scope");
    expect((await call("/api/v1/events", { token: await token({ scope: "events:read" }) })).status).toBe(200);
  });

  it("another municipality's participant is 404, exactly like an unknown or malformed id, on every read", async () => {
    const fjordby = await token({ client: "fjordby-system" });
    const solbjerg = await token();
    const strip = (answer: ApiAnswer) => ({ ...answer.body, correlationId: undefined });
    const metteAddresses = participantPaths(mette.participantId);
    for (const [index, mine] of participantPaths(nanna.participantId).entries()) {
      const theirs = metteAddresses[index]!;
      const elsewhere = await call(theirs, { token: fjordby });
      const unknown = await call(theirs.replace(mette.participantId, "00000000-0000-4000-8000-000000000000"), { token: fjordby });
      const malformed = await call(theirs.replace(mette.participantId, "not-an-id"), { token: fjordby });
      for (const answer of [elsewhere, unknown, malformed]) expectProblem(answer, 404, "not-found");
      expect(strip(elsewhere)).toEqual(strip(unknown));
      expect(strip(elsewhere)).toEqual(strip(malformed));
      expect(elsewhere.text).not.toContain("Mette");
      // The other way round too, and each client reaches its own.
      expectProblem(await call(mine, { token: solbjerg }), 404, "not-found");
      expect((await call(mine, { token: fjordby })).status).toBe(200);
    }
  });

  it("a session cookie is never accepted instead of a token, not even a caseworker's", async () => {
    const cookie = await signInLive(server, mette.demoKey);
    expect((await call("/paaroerende/log", { cookie })).status).toBe(200);
    expectProblem(await call("/api/v1/participants", { cookie }), 401, "unauthorized");
    expectProblem(await call(`/api/v1/participants/${mette.participantId}`, { cookie }), 401, "unauthorized");
    expectProblem(await call("/api/v1/participants", { cookie, token: "not-a-jwt" }), 401, "invalid-token");
  });

  it("a body over 64 KB is 413, a body that is not JSON 415, another method 405, a post without a token 403: all problem+json", async () => {
    const valid = await token();
    const big = JSON.stringify({ text: "x".repeat(100 * 1024) });
    expectProblem(await call("/api/v1/participants", { token: valid, method: "POST", headers: { "Content-Type": "application/json" }, body: big }), 413, "payload-too-large");
    expectProblem(await call("/api/v1/participants", { token: valid, method: "POST", headers: { "Content-Type": "text/plain" }, body: "hej" }), 415, "unsupported-media-type");
    // The events feed only reads (the writes are another test file's: api-writes-live.test.ts).
    const post = await call("/api/v1/events", { token: valid, method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expectProblem(post, 405, "method-not-allowed");
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    // No bearer token: the portal's cross-site check applies, and refuses a post with no Origin.
    expectProblem(await call("/api/v1/participants", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }), 403, "forbidden-origin");
    expectProblem(await call("/api/v1/no-such-thing", { token: valid }), 404, "not-found");
  });

  it("a bearer token opens nothing outside /api/v1/, however the path is written", async () => {
    const cookie = await signInLive(server, mette.demoKey);
    // Sent as written (fetch would resolve the dots first): the app sees /log-ud, so the usual check applies.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.origin);
      const request = httpRequest(
        { host: url.hostname, port: url.port, method: "POST", path: "/api/v1/%2e%2e/log-ud", headers: { Authorization: "Bearer x.y.z", Cookie: cookie, "Content-Length": 0 } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(403);
    expect((await call("/paaroerende/log", { cookie })).status).toBe(200);
  });

  it("past the client's rate limit: 429 with Retry-After", async () => {
    const limited = await token({ client: "limited-system" });
    expect((await call("/api/v1/participants?limit=1", { token: limited })).status).toBe(200);
    expect((await call("/api/v1/participants?limit=1", { token: limited })).status).toBe(200);
    const third = await call("/api/v1/participants?limit=1", { token: limited });
    expectProblem(third, 429, "too-many-requests");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client of the same municipality is not held back by it.
    expect((await call("/api/v1/participants?limit=1", { token: await token() })).status).toBe(200);
  });
});

describe("what a client reads: exactly what the participant shared", () => {
  it("lists its own municipality's participants a page at a time, never another's", async () => {
    const solbjerg = await token();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(`/api/v1/participants?limit=1${cursor ? `&cursor=${cursor}` : ""}`, { token: solbjerg });
      expect(page.status).toBe(200);
      const items = page.body.items as { id: string }[];
      expect(items.length).toBeLessThanOrEqual(1);
      seen.push(...items.map((item) => item.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual([mette.participantId, ali.participantId].sort());
    const fjordby = await call("/api/v1/participants", { token: await token({ client: "fjordby-system" }) });
    expect((fjordby.body.items as { id: string }[]).map((item) => item.id)).toEqual([nanna.participantId]);
    expectProblem(await call("/api/v1/participants?cursor=made-up", { token: solbjerg }), 400, "invalid-request", /cursor/);
    expectProblem(await call("/api/v1/participants?limit=1000", { token: solbjerg }), 400, "invalid-request", /limit/);
  });

  it("shows one participant's programme, status, dates and caseworker, and never a CPR number", async () => {
    const answer = await call(`/api/v1/participants/${mette.participantId}`, { token: await token() });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.body).toEqual({
      id: mette.participantId,
      firstName: "Mette",
      lastName: "Hansen",
      programme: "ressourceforloeb",
      status: "active",
      startedOn: "2025-09-01",
      expectedEndOn: null,
      municipality: { id: "solbjerg", name: "Solbjerg Kommune" },
      coordinatingCaseworker: { professionalId: expect.any(String), name: "Sara Nielsen", since: "2025-11-03" },
    });
    const everything = (await Promise.all(participantPaths(mette.participantId).map(async (address) => (await call(address, { token: await token() })).text))).join("\n");
    expect(everything).not.toContain(metteCpr);
    expect(everything).not.toContain(metteCpr.slice(0, 6));
  });

  it("shows the preparation part at its shared version, never the newer draft", async () => {
    const answer = await call(`/api/v1/participants/${mette.participantId}/preparation`, { token: await token() });
    expect(answer.status).toBe(200);
    const parts = answer.body.parts as { part: string; sharedVersion: number; answers: Record<string, string>; remarks: unknown[] }[];
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ part: "challenges", answers: { work: SHARED_TEXT }, remarks: [] });
    expect(answer.text).not.toContain(DRAFT_TEXT);
  });

  it("shows the CV as shared, without the contact details she hid; the network without her private note", async () => {
    const cv = await call(`/api/v1/participants/${mette.participantId}/cv`, { token: await token() });
    expect(cv.status).toBe(200);
    expect(cv.body.cv).toMatchObject({ firstName: "Mette", email: null, phone: null, address: null, summary: `${MARK} Kort om mig`, changedSinceShared: false });
    expect((cv.body.entries as { title: string }[]).map((entry) => entry.title)).toEqual([`${MARK} Butiksassistent`]);
    expect(cv.text).not.toContain(HIDDEN_EMAIL);
    const network = await call(`/api/v1/participants/${mette.participantId}/network`, { token: await token() });
    expect(network.body).toMatchObject({ stanceShared: false, people: [{ name: `${MARK} Nabo`, relation: "Nabo", stance: null, wantedAtMeeting: true }] });
    expect(network.text).not.toContain(PRIVATE_NOTE);
    expect(network.text).not.toContain("holds_back");
    // Ali shared nothing: empty, not an error.
    const nothing = await call(`/api/v1/participants/${ali.participantId}/cv`, { token: await token() });
    expect(nothing.body).toEqual({ participantId: ali.participantId, cv: null, entries: [], workWishes: null });
  });

  it("shows her questions and notes for a meeting, her 'cannot come' and her disagreement with the plan", async () => {
    const solbjerg = await token();
    const meetings = await call(`/api/v1/participants/${mette.participantId}/appointments`, { token: solbjerg });
    expect(meetings.body.appointments).toEqual([
      expect.objectContaining({ appointmentId: mette.appointmentIds[0], title: "Samtale om praktik", participantQuestions: `${MARK} Hvor mange timer?`, participantNotes: `${MARK} Tag dagbogen med` }),
    ]);
    const absences = await call(`/api/v1/participants/${mette.participantId}/absence-requests`, { token: solbjerg });
    expect(absences.body.absenceRequests).toEqual([expect.objectContaining({ appointmentId: mette.appointmentIds[0], reason: `${MARK} Jeg er syg`, wishForNewTime: "Næste uge" })]);
    const disagreements = await call(`/api/v1/participants/${mette.participantId}/disagreements`, { token: solbjerg });
    expect(disagreements.body.disagreements).toEqual([expect.objectContaining({ planId: mette.planId, planVersion: 1, comment: `${MARK} Jeg er ikke enig i timetallet`, authorName: "Mette Hansen" })]);
  });

  it("serves the OpenAPI document and its reference page without a token", async () => {
    const document = await call("/api/v1/openapi.json");
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\.1\./);
    expect(document.body.servers).toEqual([{ url: `${server.origin}/api/v1` }]);
    const reference = await call("/api/v1/reference");
    expect(reference.status).toBe(200);
    expect(reference.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(reference.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(reference.text).toContain('id="problem-invalid-token"');
  });
});

describe("the events feed", () => {
  /** Every event after `after`, a page of `limit` at a time; waits for events to settle (a transaction elsewhere on the cluster delays them). */
  async function readAll(client: string, limit: number, wantKinds: string[] = []) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const events: { id: number; participantId: string; kind: string }[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const answer = await call(`/api/v1/events?limit=${limit}${cursor ? `&after=${cursor}` : ""}`, { token: await token({ client }) });
        expect(answer.status, answer.text).toBe(200);
        events.push(...(answer.body.events as typeof events));
        const next = answer.body.nextCursor as string;
        if (!answer.body.hasMore) {
          // An empty page keeps the cursor: a client polls with it and misses nothing.
          const again = await call(`/api/v1/events?after=${next}`, { token: await token({ client }) });
          expect(again.body).toEqual({ events: [], nextCursor: next, hasMore: false });
          break;
        }
        cursor = next;
      }
      const kinds = events.map((event) => event.kind);
      if (wantKinds.every((kind) => kinds.includes(kind)) || Date.now() > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it("gives each municipality its own participants' events, in order, each once, however it pages", async () => {
    const solbjerg = await readAll("solbjerg-system", 500, ["preparation.shared", "cv.shared", "network.shared"]);
    expect(solbjerg.map((event) => event.kind)).toEqual(expect.arrayContaining(["preparation.shared", "cv.shared", "network.shared"]));
    expect(solbjerg.every((event) => event.participantId === mette.participantId || event.participantId === ali.participantId)).toBe(true);
    expect(JSON.stringify(solbjerg)).not.toContain(SHARED_TEXT);
    const oneByOne = await readAll("solbjerg-system", 1);
    expect(oneByOne.map((event) => event.id)).toEqual(solbjerg.map((event) => event.id));
    expect(new Set(oneByOne.map((event) => event.id)).size).toBe(oneByOne.length);

    const fjordby = await readAll("fjordby-system", 500, ["preparation.shared"]);
    expect(fjordby.length).toBeGreaterThan(0);
    expect(fjordby.every((event) => event.participantId === nanna.participantId)).toBe(true);
    expectProblem(await call("/api/v1/events?after=not-ours", { token: await token() }), 400, "invalid-request", /after/);
  });
});

describe("every read is in the participant's log", () => {
  it("one line per participant per request, as 'Kommunens sagssystem (Solbjerg Kommune)', saying what was read; refusals leave none", async () => {
    const [metteBefore, aliBefore, nannaBefore] = [await systemLines(mette), await systemLines(ali), await systemLines(nanna)];
    const solbjerg = await token();
    // Refused: nothing was read.
    await call(`/api/v1/participants/${mette.participantId}/cv`, { token: await token({ client: "fjordby-system" }) });
    await call(`/api/v1/participants/${mette.participantId}/cv`);
    await call(`/api/v1/participants/${mette.participantId}/cv`, { token: await token({ scope: "events:read" }) });
    // Read: the list (Mette and Ali on it), then each of Mette's reads once.
    expect((await call("/api/v1/participants?limit=200", { token: solbjerg })).status).toBe(200);
    for (const address of participantPaths(mette.participantId)) expect((await call(address, { token: solbjerg })).status).toBe(200);
    expect((await call("/api/v1/events?limit=500", { token: solbjerg })).status).toBe(200);

    // Newest first: the lines this test added are the first ones.
    const metteAfter = await systemLines(mette);
    const metteNew = metteAfter.slice(0, metteAfter.length - metteBefore.length);
    const actor = "Kommunens sagssystem (Solbjerg Kommune): ";
    expect(metteNew.sort()).toEqual(
      [
        "Hentede dit navn og dit forløb i en liste",
        "Hentede oplysninger om dit forløb",
        "Hentede det, du deler fra din forberedelse",
        "Hentede dit delte CV og dine jobønsker",
        "Hentede dit delte netværkskort",
        "Hentede dine spørgsmål og noter til dine møder",
        "Hentede dine beskeder om, at du ikke kan komme",
        "Hentede det, du har skrevet om din plan, når du ikke var enig eller havde spørgsmål",
        "Hentede en liste over ændringer i dine oplysninger",
      ]
        .map((what) => `${actor}${what}`)
        .sort(),
    );
    // Ali was on the list (and has no events); Nanna, in Fjordby, was read by nobody.
    expect((await systemLines(ali)).length - aliBefore.length).toBe(1);
    expect(await systemLines(nanna)).toEqual(nannaBefore);
    // Never a person's name: neither the caseworker's nor the client's.
    const page = await call("/paaroerende/log", { cookie: cookies[mette.demoKey] });
    expect(page.text).not.toContain("Sagssystem, Solbjerg");
    expect(page.text).not.toContain("solbjerg-system");
    expect(page.text).toContain("Loggen viser også, når kommunens sagssystem henter dine oplysninger fra Min Vej.");
  });

  it.skipIf(!serverUrl)("on Postgres: each row has no actor, one per participant and request, and never becomes an event", async () => {
    const rows = rowsOf<{ request_id: string; participant_id: string; n: number; actors: number }>(
      await api.owner!.db.execute(sql`
        select request_id, participant_id, count(*)::int as n, count(actor_person_id)::int as actors
        from portal.audit_events where action = 'case_system.viewed' group by request_id, participant_id`),
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((row) => row.n !== 1 || row.actors !== 0)).toEqual([]);
    const events = rowsOf<{ n: number }>(await api.owner!.db.execute(sql`select count(*)::int as n from portal.caseworker_outbox where kind like 'case_system.%'`));
    expect(events[0]!.n).toBe(0);
  });
});

describe.skipIf(!serverUrl)("the database's own lock on the municipality (Postgres, as portal_app)", () => {
  it("caseworker_api shows only the set municipality's participants and events, and nothing while a person is set", async () => {
    const app = postgres(api.pg!.appUrl, { max: 1, onnotice: () => {} });
    try {
      const seen = await app.begin(async (tx) => {
        await tx`select set_config('minvej.api_municipality', 'fjordby', true), set_config('minvej.api_default_municipality', 'solbjerg', true)`;
        const people = await tx<{ participant_id: string }[]>`select participant_id from caseworker_api.participants`;
        const events = await tx<{ participant_id: string }[]>`select distinct participant_id from caseworker_api.events`;
        const parts = await tx<{ participant_id: string }[]>`select participant_id from caseworker_api.shared_preparation`;
        await tx`select set_config('minvej.person_id', ${mette.personId}, true)`;
        const withPerson = await tx<{ n: number }[]>`select count(*)::int as n from caseworker_api.participants`;
        return { people, events, parts, withPerson };
      });
      expect(seen.people.map((row) => row.participant_id)).toEqual([nanna.participantId]);
      expect(seen.events.map((row) => row.participant_id)).toEqual([nanna.participantId]);
      expect(seen.parts.map((row) => row.participant_id)).toEqual([nanna.participantId]);
      expect(seen.withPerson[0]!.n).toBe(0);
      // Solbjerg holds the participants stored without a municipality (Mette).
      const solbjerg = await app.begin(async (tx) => {
        await tx`select set_config('minvej.api_municipality', 'solbjerg', true), set_config('minvej.api_default_municipality', 'solbjerg', true)`;
        return tx<{ participant_id: string }[]>`select participant_id from caseworker_api.participants order by participant_id`;
      });
      expect(solbjerg.map((row) => row.participant_id)).toEqual([mette.participantId, ali.participantId].sort());
      // Without the setting: nothing.
      expect(await app`select count(*)::int as n from caseworker_api.participants`).toEqual([{ n: 0 }]);
    } finally {
      await app.end();
    }
  });
});

if (!serverUrl) console.log("api-live.test: the database's own municipality lock and the audit rows' shape need Postgres (TEST_DATABASE_URL); checked through the API only on PGlite.");
