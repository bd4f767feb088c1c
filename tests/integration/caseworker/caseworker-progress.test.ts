import { and, eq, like } from "drizzle-orm";
import postgres from "postgres";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, setupRoles, useDatabase, withRequestTransaction, type DatabaseHandle } from "../../../db/client";
import { aCaseworker, aParticipant, type BuiltCaseworker, type BuiltParticipant } from "../../../db/builders";
import { auditEvents, energyDiaryEntries, progressAnswerSets, progressSigns } from "../../../db/schema";
import CaseworkerBriefingPage, { loader as briefingLoader } from "~/features/caseworker/routes/caseworker-briefing";
import type { SharedProgress } from "~/features/caseworker/shared-progress";
import { accessLogWhat, accessLogWho } from "~/features/relatives";
import { accessLog } from "~/features/relatives/queries.server";
import { action as setAction } from "~/features/progress/routes/progress-set";
import { action as signsAction } from "~/features/progress/routes/progress-signs";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, routeArgs, settle } from "../../support/requests";

/**
 * Issue 22: the caseworker sees what was shared of "Sådan går det". Her briefing
 * (`/sagsbehandler/<participant>`, screen and print) shows the months the participant shared (the
 * words per factor over time, her own words, "Delt den …") and her signs while she shares them,
 * read through `caseworker_portal` (migration 0032); nothing when nothing is shared, nothing more
 * after she stops, and never the energy diary. Opening the page stays one line in her log.
 */

const SECRET = {
  unsharedNote: "Hemmelig novembernote Skrubtudse",
  diary: "Dagbogsord Pindsvineknap",
  sharedNote: "Det var rart at se Birgit.",
  helps: "Faste tider om morgenen.",
  sign: "Jeg aflyser aftaler med venner.",
  strategy: "Jeg ringer til Jonas.",
};

let database: TestDatabase;
let sara: BuiltCaseworker;
let bo: BuiltCaseworker;
let saraCookie: string;
let boCookie: string;
let mette: BuiltParticipant;
let metteCookie: string;
let sharedSetId: string;
let unsharedSetId: string;
const previousDemo = process.env.DEMO_LOGIN;

type Loaded = { briefing: { progress: SharedProgress; participant: { name: string } }; printedAt: Date };

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  sara = await aCaseworker({ person: { firstName: "Sara", lastName: "Nielsen" } }).build(database.db);
  bo = await aCaseworker({ person: { firstName: "Bo", lastName: "Berg" } }).build(database.db);
  saraCookie = await cookieFor(sara.demoKey);
  boCookie = await cookieFor(bo.demoKey);
});
afterAll(async () => {
  await database?.dispose();
  if (previousDemo === undefined) delete process.env.DEMO_LOGIN;
  else process.env.DEMO_LOGIN = previousDemo;
});

beforeEach(async () => {
  mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } }).withCaseworker(sara).build(database.db);
  metteCookie = await cookieFor(mette.demoKey);
  const [october, november] = await database.db
    .insert(progressAnswerSets)
    .values([
      {
        participantId: mette.participantId,
        month: "2026-10-01",
        energy: "mixed",
        sleep: "hard",
        company: "fairly_good",
        companyNote: SECRET.sharedNote,
        outdoors: null,
        workBelief: "mixed",
        whatHelps: SECRET.helps,
      },
      { participantId: mette.participantId, month: "2026-11-01", energy: "very_hard", energyNote: SECRET.unsharedNote, sleep: "good" },
    ])
    .returning({ id: progressAnswerSets.id });
  sharedSetId = october!.id;
  unsharedSetId = november!.id;
  await database.db.insert(progressSigns).values({ participantId: mette.participantId, warningSigns: [SECRET.sign, "Jeg glemmer at spise."], strategies: [SECRET.strategy] });
  await database.db.insert(energyDiaryEntries).values({ participantId: mette.participantId, day: "2026-11-30", energy: "little", note: SECRET.diary });
});

const path = () => `/sagsbehandler/${mette.participantId}`;

async function open(cookie = saraCookie): Promise<Loaded | Response> {
  return settle(async () => briefingLoader(await routeArgs(get(path(), cookie), { participantId: mette.participantId }))) as Promise<Loaded | Response>;
}

function render(loaded: Loaded, language: "da" | "en" = "da"): string {
  const Stub = createRoutesStub([{ id: "page", path: "/sagsbehandler/:participantId", Component: CaseworkerBriefingPage as never, loader: () => loaded }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path()], hydrationData: { loaderData: { page: loaded } } })),
  )
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
}

/** Mette's own switches, as her browser posts them. */
const mettePosts = {
  shareSet: (id: string, intent: "share" | "stop-sharing") =>
    settle(async () => setAction(await routeArgs(post(`/saadan-gaar-det/svar/${id}`, { intent }, metteCookie), { id }))),
  shareSigns: (intent: "share" | "stop-sharing") => settle(async () => signsAction(await routeArgs(post("/saadan-gaar-det/tegn", { intent }, metteCookie)))),
};

const briefingReads = async () =>
  (
    await database.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, mette.participantId), like(auditEvents.action, "caseworker.%")))
  ).map((row) => `${row.action} ${JSON.stringify(row.details)}`);

describe("Sådan går det in the caseworker's briefing", () => {
  it("shows nothing when nothing is shared: no section, none of her words, never the diary", async () => {
    const loaded = (await open()) as Loaded;
    expect(loaded.briefing.progress).toEqual({ months: [], signs: null });
    for (const language of ["da", "en"] as const) {
      const html = render(loaded, language);
      expect(html).not.toContain('id="cw-progress"');
      expect(html).not.toMatch(/Sådan går det|How it is going/);
      for (const secret of Object.values(SECRET)) expect(html).not.toContain(secret);
    }
  });

  it("shows a shared month (words per factor, her own words, 'Delt den …') and shared signs; never an unshared month or the diary", async () => {
    expect(((await mettePosts.shareSet(sharedSetId, "share")) as Response).status).toBe(302);
    expect(((await mettePosts.shareSigns("share")) as Response).status).toBe(302);
    const loaded = (await open()) as Loaded;
    expect(loaded.briefing.progress.months.map((month) => month.month)).toEqual(["2026-10-01"]);
    expect(loaded.briefing.progress.months[0]!.levels).toEqual({ energy: "mixed", sleep: "hard", company: "fairly_good", outdoors: null, workBelief: "mixed" });
    expect(loaded.briefing.progress.signs).toMatchObject({ warningSigns: [SECRET.sign, "Jeg glemmer at spise."], strategies: [SECRET.strategy] });

    const html = render(loaded);
    const screen = html.slice(html.indexOf('<h2 id="cw-progress"'));
    expect(screen).toContain("<h2 id=\"cw-progress\">Sådan går det</h2>");
    expect(screen).toContain("Mette Hansen har selv svaret og valgt at dele det med dig. Svarene er ord, ikke point.");
    // One small table: the month, then each factor's word, in the form's order; a skipped question says so.
    expect(screen).toMatch(/<caption id="cw-progress-caption">Svar måned for måned<\/caption>/);
    const row = /<tr><th scope="row">oktober 2026<\/th>(.*?)<\/tr>/.exec(screen)?.[1] ?? "";
    expect([...row.matchAll(/<td>(.*?)<\/td>/g)].map((match) => match[1])).toEqual(["Både og", "Svært", "Ret godt", "Ikke svaret", "Både og"]);
    expect(screen).toMatch(/Delt den \d{1,2}\. \p{L}+ \d{4}\./u);
    expect(screen).toContain(SECRET.sharedNote);
    expect(screen).toContain("Det, der hjælper mig");
    expect(screen).toContain(SECRET.helps);
    expect(screen).toContain("Tegn og strategier");
    expect(screen).toContain(SECRET.sign);
    expect(screen).toContain(SECRET.strategy);
    // The paper has the same words, in one small table and a line each.
    const paper = html.slice(html.indexOf('class="cw-print-only cw-print"'), html.indexOf("cw-briefing__body"));
    expect(paper).toContain("<h2>Sådan går det</h2>");
    expect(paper).toMatch(/<th scope="col">okt\.? 2026<\/th>/);
    expect(paper).toContain(SECRET.sharedNote);
    expect(paper).toContain(SECRET.sign);
    // Never what she did not share.
    for (const secret of [SECRET.unsharedNote, SECRET.diary]) expect(html).not.toContain(secret);
    expect(html).not.toContain("Meget svært");

    const english = render(loaded, "en");
    expect(english).toContain("<h2 id=\"cw-progress\">How it is going</h2>");
    expect(english).toMatch(/Shared on \d{1,2} \p{L}+ \d{4}\./u);
    expect(english).toContain("Signs that things are getting hard");
  });

  it("when she stops sharing, it is gone from the next opening; a correction to a shared month shows at once", async () => {
    await mettePosts.shareSet(sharedSetId, "share");
    await mettePosts.shareSet(unsharedSetId, "share");
    await mettePosts.shareSigns("share");
    const both = (await open()) as Loaded;
    expect(both.briefing.progress.months.map((month) => month.month)).toEqual(["2026-11-01", "2026-10-01"]);
    expect(render(both)).toContain(SECRET.unsharedNote);

    await mettePosts.shareSet(unsharedSetId, "stop-sharing");
    await mettePosts.shareSigns("stop-sharing");
    const after = (await open()) as Loaded;
    expect(after.briefing.progress.months.map((month) => month.month)).toEqual(["2026-10-01"]);
    expect(after.briefing.progress.signs).toBeNull();
    const html = render(after);
    expect(html).not.toContain(SECRET.unsharedNote);
    expect(html).not.toContain(SECRET.sign);
    expect(html).not.toContain("Tegn og strategier");

    // A correction to the month she still shares is what the caseworker reads, and the page says it changed.
    await database.db
      .update(progressAnswerSets)
      .set({ companyNote: "Rettet: det var rart at se Birgit og Lars.", updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(progressAnswerSets.id, sharedSetId));
    const corrected = render((await open()) as Loaded);
    expect(corrected).toContain("Rettet: det var rart at se Birgit og Lars.");
    expect(corrected).toMatch(/Rettet efter deling den \d{1,2}\. \p{L}+ \d{4}\./u);

    await mettePosts.shareSet(sharedSetId, "stop-sharing");
    const none = (await open()) as Loaded;
    expect(none.briefing.progress).toEqual({ months: [], signs: null });
    expect(render(none)).not.toContain('id="cw-progress"');
  });

  it("each opening is one line in her log, the same as before; another caseworker gets 404 and reads nothing", async () => {
    await mettePosts.shareSet(sharedSetId, "share");
    await mettePosts.shareSigns("share");
    await open();
    expect(await briefingReads()).toEqual(['caseworker.briefing_viewed {"page":"briefing"}']);
    await open();
    expect(await briefingReads()).toHaveLength(2);
    // Her log: "Din sagsbehandler: Så dine oplysninger i Min Vej (overblikket)", never a name or what was read.
    const log = await accessLog(mette.participantId, mette.personId);
    const reads = log.filter((entry) => entry.byCaseworker);
    expect(reads).toHaveLength(2);
    const t = createI18n("da", resources.da as never).getFixedT("da", "relatives") as unknown as (key: string, options?: Record<string, unknown>) => string;
    expect(reads.map((entry) => `${accessLogWho(entry, t)}: ${accessLogWhat(entry, t)}`)).toEqual(
      Array(2).fill("Din sagsbehandler: Så dine oplysninger i Min Vej (overblikket)"),
    );

    expect(((await open(boCookie)) as Response).status).toBe(404);
    expect(((await open(metteCookie)) as Response).status).toBe(404);
    expect(await briefingReads()).toHaveLength(2);
  });
});

describe.skipIf(!serverUrl)("the caseworker_portal copies as portal_app (real Postgres)", () => {
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

  const rows = (personId: string | null, view: string) =>
    app.begin(async (tx) => {
      if (personId !== null) await tx`select set_config('minvej.person_id', ${personId}, true)`;
      return (await tx.unsafe(`select count(*)::int as n from ${view} where participant_id = '${mette.participantId}'`))[0]!.n as number;
    }) as Promise<number>;

  it("show her shared rows to her coordinating caseworker only; the caseworker views themselves stay closed", async () => {
    await owner`update portal.progress_answer_sets set shared_at = now() where id = ${sharedSetId}`;
    await owner`update portal.progress_signs set shared_at = now() where participant_id = ${mette.participantId}`;
    for (const view of ["caseworker_portal.progress_answers", "caseworker_portal.progress_signs"]) {
      expect(await rows(sara.personId, view), `${view}: Sara`).toBe(1);
      expect(await rows(bo.personId, view), `${view}: Bo`).toBe(0);
      expect(await rows(mette.personId, view), `${view}: Mette herself`).toBe(0);
      expect(await rows(null, view), `${view}: nobody`).toBe(0);
    }
    await expect(rows(sara.personId, "caseworker.progress_answers")).rejects.toThrow(/permission denied/);
    await expect(rows(sara.personId, "caseworker.progress_signs")).rejects.toThrow(/permission denied/);

    // The page itself, as production runs it: one transaction per request, as portal_app.
    useDatabase(appHandle);
    const request = <T,>(work: () => Promise<T>) => withRequestTransaction(() => settle(work));
    const seen = (await request(() => open(saraCookie))) as Loaded;
    expect(seen.briefing.progress.months.map((month) => month.id)).toEqual([sharedSetId]);
    expect(seen.briefing.progress.signs?.warningSigns).toContain(SECRET.sign);
    expect(JSON.stringify(seen)).not.toContain(SECRET.diary);
    expect(((await request(() => open(boCookie))) as Response).status).toBe(404);
  });
});
