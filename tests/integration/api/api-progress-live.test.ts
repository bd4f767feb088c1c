import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, type BuiltParticipant } from "../../../db/builders";
import { useDatabase, type DatabaseHandle } from "../../../db/client";
import { energyDiaryEntries, progressAnswerSets, progressSigns } from "../../../db/schema";
import { expectProblem, fetchAnswer, mintApiToken, startApiServer, type ApiServer } from "../../support/api-server";
import { signInLive } from "../../support/live-server";

// Issue 22 through the API: a case system reads "Sådan går det" as the coordinating caseworker
// does in the portal: only the months she shared and her signs while she shares them, never a
// month she kept to herself, never her energy diary, never another municipality's participant.
// Against the production build, on PGlite and on Postgres as portal_app under row-level security.

const MARK = `P${Date.now().toString(36).toUpperCase()}`;
const SHARED_NOTE = `${MARK} Jeg sover bedre, når jeg går en tur`;
const PRIVATE_NOTE = `${MARK}-PRIVAT: kun til mig`;
const DIARY_NOTE = `${MARK}-DAGBOG: en hård dag`;

let api: ApiServer;
let mette: BuiltParticipant; // Solbjerg: one month shared, one not, signs shared, a diary
let ali: BuiltParticipant; // Solbjerg: signs saved, not shared
let nanna: BuiltParticipant; // Fjordby: a shared month

async function buildPeople(handle: DatabaseHandle) {
  useDatabase(handle);
  try {
    const database = handle.db;
    const sara = await aCaseworker().build(database);
    mette = await aParticipant({ person: { firstName: "Mette" } }).withCaseworker(sara).build(database);
    ali = await aParticipant({ person: { firstName: "Ali" }, participant: { municipalityKey: "solbjerg" } }).withCaseworker(sara).build(database);
    nanna = await aParticipant({ person: { firstName: "Nanna" }, participant: { municipalityKey: "fjordby", programme: "kontaktforloeb" } }).build(database);
    const sharedAt = new Date("2026-11-20T10:00:00Z");
    await database.insert(progressAnswerSets).values([
      { participantId: mette.participantId, month: "2026-10-01", energy: "hard", sleep: "mixed", sleepNote: SHARED_NOTE, workBelief: "fairly_good", whatHelps: `${MARK} At gå en tur`, sharedAt },
      { participantId: mette.participantId, month: "2026-11-01", energy: "very_hard", energyNote: PRIVATE_NOTE },
      { participantId: nanna.participantId, month: "2026-11-01", energy: "good", energyNote: `${MARK} Fjordby`, sharedAt },
    ]);
    await database.insert(progressSigns).values([
      { participantId: mette.participantId, warningSigns: [`${MARK} Jeg trækker mig`, "Jeg sover for længe"], strategies: ["Ringe til min søster"], sharedAt },
      { participantId: ali.participantId, warningSigns: [`${MARK}-ALI: privat tegn`], strategies: [] },
    ]);
    await database.insert(energyDiaryEntries).values({ participantId: mette.participantId, day: "2026-11-19", energy: "little", note: DIARY_NOTE });
  } finally {
    useDatabase(undefined);
  }
}

beforeAll(async () => {
  api = await startApiServer({
    databasePrefix: "minvej_api_progress",
    clients: [
      { clientId: "solbjerg-system", name: "Sagssystem, Solbjerg", municipality: "solbjerg", scopes: ["participants:read"] },
      { clientId: "fjordby-system", name: "Sagssystem, Fjordby", municipality: "fjordby", scopes: ["participants:read"] },
      { clientId: "solbjerg-events", name: "Hændelser, Solbjerg", municipality: "solbjerg", scopes: ["events:read"] },
    ],
    buildPeople,
  });
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

async function progressOf(who: BuiltParticipant, client = "solbjerg-system") {
  const token = await mintApiToken(api.keys.privateKey, { client });
  return fetchAnswer(`${api.server.origin}/api/v1/participants/${who.participantId}/progress`, { headers: { Authorization: `Bearer ${token}` } });
}

describe("GET /participants/{id}/progress", () => {
  it("answers the month she shared, each factor in words with her own words, and her signs while shared", async () => {
    const answer = await progressOf(mette);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({
      participantId: mette.participantId,
      answerSets: [
        {
          answerSetId: expect.any(String),
          month: "2026-10-01",
          energy: { level: "hard", note: null },
          sleep: { level: "mixed", note: SHARED_NOTE },
          company: { level: null, note: null },
          outdoors: { level: null, note: null },
          workBelief: { level: "fairly_good", note: null },
          whatHelps: `${MARK} At gå en tur`,
          somethingElse: null,
          updatedAt: expect.any(String),
          sharedAt: "2026-11-20T10:00:00.000Z",
        },
      ],
      signs: { warningSigns: [`${MARK} Jeg trækker mig`, "Jeg sover for længe"], strategies: ["Ringe til min søster"], updatedAt: expect.any(String), sharedAt: "2026-11-20T10:00:00.000Z" },
    });
    // What she kept to herself is nowhere in the answer.
    expect(answer.text).not.toContain(PRIVATE_NOTE);
    expect(answer.text).not.toContain(DIARY_NOTE);
  });

  it("answers nothing for a person who shares nothing: no months, no signs", async () => {
    const answer = await progressOf(ali);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ participantId: ali.participantId, answerSets: [], signs: null });
    expect(answer.text).not.toContain(`${MARK}-ALI`);
  });

  it("another municipality's participant is the same 404 as an unknown id; a client without participants:read is 403", async () => {
    const fromFjordby = await progressOf(mette, "fjordby-system");
    expectProblem(api.server.origin, fromFjordby, 404, "not-found");
    const nannaFromSolbjerg = await progressOf(nanna);
    expectProblem(api.server.origin, nannaFromSolbjerg, 404, "not-found");
    expect(nannaFromSolbjerg.text).not.toContain(`${MARK} Fjordby`);
    const unknown = await progressOf({ ...mette, participantId: "00000000-0000-4000-8000-000000000000" });
    expect({ ...unknown.body, correlationId: undefined }).toEqual({ ...fromFjordby.body, correlationId: undefined });
    expectProblem(api.server.origin, await progressOf(mette, "solbjerg-events"), 403, "insufficient-scope");
    // Fjordby's own client reads Nanna's.
    const nannas = await progressOf(nanna, "fjordby-system");
    expect(nannas.status).toBe(200);
    expect((nannas.body.answerSets as unknown[]).length).toBe(1);
  });

  it("each read is one line in her log, saying what was read; refusals leave none", async () => {
    const cookie = await signInLive(api.server, mette.demoKey);
    const page = await fetchAnswer(`${api.server.origin}/paaroerende/log`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const lines = [...page.text.matchAll(/<li class="relatives-log__entry">(.*?)<\/li>/g)]
      .map((match) => match[1]!.replace(/<[^>]*>/g, "").replace(/^kl\. \d\d\.\d\d /, ""))
      .filter((line) => line.includes("sagssystem"));
    // One 200 in the first test; the 404 from Fjordby and the 403 left nothing.
    expect(lines).toEqual(["Kommunens sagssystem (Solbjerg Kommune): Hentede det, du deler fra »Sådan går det«"]);
  });
});
