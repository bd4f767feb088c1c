import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { auditEvents, networkPeople, shareSettings } from "../../../db/schema";
import { METTE_NETWORK } from "../../../db/seed-data";
import { DISCLOSED_AREAS } from "~/features/caseworker/disclosure";
import { cwNetworkPeople } from "~/features/caseworker/views.server";
import { getSharedNetwork } from "~/features/network/queries.server";
import NetworkPage, * as main from "~/features/network/routes/network";
import NetworkSharePage, * as sharePage from "~/features/network/routes/network-share";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post, settle, routeArgs } from "../../support/requests";

/**
 * Issue 14, points 1, 6 and 12: sharing the network map. /netvaerk keeps a short status and a
 * link; /netvaerk/del shows exactly what the caseworker reads in `caseworker.network_people`,
 * person by person, says the people are named to the municipality, and asks separately
 * (unticked) about the judgement ("hjælper mig" / "holder mig tilbage"). Checked through the
 * actions and against the caseworker view itself.
 */

let database: TestDatabase;
let mette: string;
let ali: string;
let jonas: string;
let sara: string;
let metteId: string;
let aliId: string;

const args = (request: Request) => routeArgs(request);
const share = async (form: Record<string, string>, cookie = mette) => {
  const result = await settle(async () => sharePage.action(await args(post("/netvaerk/del", form, cookie))));
  return result instanceof Response ? result.headers.get("Location") : result;
};
const caseworkerRows = (participantId = metteId) =>
  database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, participantId));
const statusOf = (result: unknown) => (result instanceof Response ? result.status : 200);
/** Everything a participant's action could change: the share switch and the audit trail. */
const written = async () => ({
  settings: await database.db.select().from(shareSettings),
  audit: (await database.db.select().from(auditEvents)).length,
});

/** A page as the server renders it, with the real translations. */
async function render(
  path: string,
  page: { loader: (args: never) => Promise<unknown>; Component: unknown },
  language: "da" | "en",
) {
  const loaderData = await page.loader(await args(get(path, mette)));
  const Stub = createRoutesStub([{ id: "page", path: path.split("?")[0], Component: page.Component as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: loaderData } } })),
  ).replace(/<!-- -->/g, "");
}
const renderNetwork = (language: "da" | "en" = "da") => render("/netvaerk", { loader: main.loader, Component: NetworkPage }, language);
const renderShare = (language: "da" | "en" = "da", path = "/netvaerk/del") =>
  render(path, { loader: sharePage.loader, Component: NetworkSharePage }, language);

/** The share section of /netvaerk. */
function shareSection(html: string) {
  const start = html.indexOf('aria-labelledby="deling"');
  expect(start).toBeGreaterThan(0);
  return html.slice(start);
}

/** "Det kan din sagsbehandler læse": one card per person, as label/value pairs. */
function reviewCards(html: string) {
  const start = html.indexOf('id="review-heading"');
  const end = html.indexOf('id="stance-heading"');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const review = html.slice(start, end);
  const strip = (text: string) => text.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").trim();
  const cards = review.split('data-testid="shared-person"').slice(1);
  return {
    text: strip(review),
    people: cards.map((card) => ({
      name: strip(card.match(/<h3[^>]*>(.*?)<\/h3>/)![1]!),
      rows: [...card.matchAll(/<dt>(.*?)<\/dt><dd[^>]*>(.*?)<\/dd>/g)].map((match) => [strip(match[1]!), strip(match[2]!)]),
    })),
  };
}

/** What the page must say about one row of `caseworker.network_people`, in the page's own words. */
type ViewRow = Pick<
  typeof cwNetworkPeople.$inferSelect,
  "name" | "relation" | "sector" | "closeness" | "stance" | "helpKinds" | "contactFrequency" | "wantedAtMeeting"
>;
function expectedCard(row: ViewRow, language: "da" | "en") {
  const t = createI18n(language, resources[language] as never).getFixedT(language, "network");
  const rows: [string, string][] = [];
  if (row.relation) rows.push([t("list.relation"), row.relation]);
  rows.push([t("list.sector"), t(`sectors.${row.sector}`)]);
  rows.push([t("list.closeness"), t(`closeness.${row.closeness}`)]);
  if (row.stance) rows.push([t("list.stance"), t(`stances.${row.stance}`)]);
  if (row.helpKinds.length) rows.push([t("list.helpKinds"), row.helpKinds.map((kind) => t(`helpKinds.${kind}`)).join(", ")]);
  if (row.contactFrequency) rows.push([t("list.contactFrequency"), row.contactFrequency]);
  rows.push([t("list.wantedAtMeeting"), row.wantedAtMeeting ? t("yes") : t("no")]);
  return { name: row.name, rows };
}

// The people are built here (db/builders.ts); nothing depends on the demo seed. Each test gets its
// own participant with four people from the demo's map: Jonas (close family, a note), Thomas (holds
// her back, no help kinds), Birgit (no note) and Lars (a professional, wanted at the meeting).
const NETWORK = METTE_NETWORK.filter((person) => ["Jonas Hansen", "Thomas", "Birgit", "Lars"].includes(person.name));

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
  const [relative, caseworker, other] = await Promise.all([
    aPerson({ firstName: "Jonas" }).build(database.db),
    aCaseworker().build(database.db),
    aParticipant({ person: { firstName: "Ali" } }).build(database.db),
  ]);
  [jonas, sara, ali] = await Promise.all([cookieFor(relative.demoKey), cookieFor(caseworker.demoKey), cookieFor(other.demoKey)]);
  aliId = other.participantId;
});
afterAll(() => database.dispose());

beforeEach(async () => {
  const built = await aParticipant({ person: { firstName: "Mette" } }).withNetwork(NETWORK).build(database.db);
  mette = await cookieFor(built.demoKey);
  metteId = built.participantId;
});

describe("/netvaerk: a short status and a link, no share form", () => {
  it("the share section says it is not shared and links to /netvaerk/del; no form, no box, no button", async () => {
    const html = await renderNetwork();
    expect(html).toContain('href="#deling"');
    const section = shareSection(html);
    expect(section).toMatch(/<h2 id="deling"[^>]*>Del med din sagsbehandler<\/h2>/);
    expect(section).toContain("Dit netværk er ikke delt. Din sagsbehandler kan ikke se det.");
    expect(section).toMatch(/<a[^>]*href="\/netvaerk\/del"[^>]*>Se, hvad du deler<\/a>/);
    expect(section).not.toContain("<form");
    expect(section).not.toContain("includeStance");
    expect(section).not.toContain("<button");
    expect(html).not.toContain('name="intent"');
    expect(shareSection(await renderNetwork("en"))).toMatch(/<a[^>]*href="\/netvaerk\/del"[^>]*>See what you share<\/a>/);
  });

  it("a form posted to /netvaerk from a page opened before shares nothing and leads to /netvaerk/del", async () => {
    const before = await written();
    const result = await settle(async () => main.action(await args(post("/netvaerk", { intent: "share", includeStance: "on" }, mette))));
    expect(statusOf(result)).toBe(303);
    expect((result as Response).headers.get("Location")).toBe("/netvaerk/del");
    expect(await written()).toEqual(before);
    expect(await caseworkerRows()).toEqual([]);
  });
});

describe("/netvaerk/del before sharing", () => {
  it("the view's columns are the ones this page was written for (a new column must be shown here too)", () => {
    const network = DISCLOSED_AREAS.find((area) => area.key === "network")!;
    expect(network.columns).toEqual({
      network_people: [
        "network_person_id",
        "participant_id",
        "name",
        "relation",
        "sector",
        "closeness",
        "help_kinds",
        "stance",
        "contact_frequency",
        "wanted_at_meeting",
        "updated_at",
        "shared_at",
        "stance_shared",
      ],
    });
  });

  it("shows each person with exactly what the caseworker will read, never the note, no judgement in the review", async () => {
    const html = await renderShare();
    expect(html).toContain("Del dit netværk med din sagsbehandler");
    expect(html).toContain("Intet bliver delt, før du trykker på knappen nederst.");
    expect(html).toContain("Når du deler, nævner du personerne på dit kort for kommunen.");
    expect(html).toContain("Personerne får ikke selv besked.");
    const { text, people } = reviewCards(html);
    const seeded = await database.db.select().from(networkPeople).where(eq(networkPeople.participantId, metteId));
    expect(people.map((person) => person.name).sort()).toEqual(seeded.map((person) => person.name).sort());
    // What the view would give without the judgement: the same rows with stance null.
    for (const person of seeded) {
      const card = people.find((shown) => shown.name === person.name)!;
      expect(card).toEqual(expectedCard({ ...person, stance: null }, "da"));
      if (person.note) expect(html).not.toContain(person.note);
    }
    expect(text).not.toContain("Holder mig tilbage");
    expect(text).toContain("Dine egne noter om personerne deler du ikke.");
  });

  it("the judgement is a separate choice: said before, in its own unticked box", async () => {
    const html = await renderShare();
    const choice = html.slice(html.indexOf('id="stance-heading"'));
    expect(choice).toContain("Thomas: ");
    expect(choice).toContain("Holder mig tilbage");
    const box = choice.match(/<input[^>]*name="includeStance"[^>]*>/)?.[0];
    expect(box).toBeDefined();
    expect(box).not.toMatch(/checked/);
    expect(choice).toContain("Det er din egen vurdering, og den er privat.");
    // The page's one primary button is the share button; "Ikke nu" goes back without sharing.
    expect(html.match(/class="button"/g)).toHaveLength(1);
    expect(html).toMatch(/<button[^>]*value="share" class="button"[^>]*>Del med min sagsbehandler<\/button>/);
    expect(html).not.toContain('value="stop-sharing"');
    const english = await renderShare("en");
    expect(english).toContain("When you share, you name the people on your map to the municipality.");
    expect(english).toContain("Share with my caseworker");
  });

  it("GET writes nothing (the page, /netvaerk, and a notice in the address)", async () => {
    const before = await written();
    await sharePage.loader(await args(get("/netvaerk/del", mette)));
    await sharePage.loader(await args(get("/netvaerk/del?gemt=delt", mette)));
    await main.loader(await args(get("/netvaerk", mette)));
    expect(await written()).toEqual(before);
    expect(await caseworkerRows()).toEqual([]);
  });
});

describe("who may use /netvaerk/del", () => {
  it("signed out: sign in first; nothing is written", async () => {
    const before = await written();
    const runs: (() => Promise<unknown>)[] = [
      async () => sharePage.loader(await args(get("/netvaerk/del"))),
      async () => sharePage.action(await args(post("/netvaerk/del", { intent: "share" }))),
    ];
    for (const run of runs) {
      const result = await settle(run);
      expect(statusOf(result)).toBe(302);
      expect((result as Response).headers.get("Location")).toBe("/log-ind");
    }
    expect(await written()).toEqual(before);
  });

  it("a relative (Jonas) and a caseworker (Sara) get 404 on the page and its action; nothing is written", async () => {
    const before = await written();
    for (const cookie of [jonas, sara]) {
      expect(statusOf(await settle(async () => sharePage.loader(await args(get("/netvaerk/del", cookie)))))).toBe(404);
      for (const intent of ["share", "share-stance", "stop-sharing"]) {
        expect(statusOf(await settle(async () => sharePage.action(await args(post("/netvaerk/del", { intent, includeStance: "on" }, cookie)))))).toBe(404);
      }
      expect(statusOf(await settle(async () => main.action(await args(post("/netvaerk", { intent: "share" }, cookie)))))).toBe(404);
    }
    expect(await written()).toEqual(before);
    expect(await caseworkerRows()).toEqual([]);
  });

  it("another participant (Ali) only ever switches Ali's own network", async () => {
    expect(await share({ intent: "share", includeStance: "on" }, ali)).toBe("/netvaerk/del?gemt=delt");
    expect(await getSharedNetwork(metteId)).toBeNull();
    expect(await caseworkerRows()).toEqual([]);
    expect((await getSharedNetwork(aliId))!.stanceShared).toBe(true);
    expect(await share({ intent: "stop-sharing" }, ali)).toBe("/netvaerk/del?gemt=stoppet");
    expect(await getSharedNetwork(aliId)).toBeNull();
  });

  it("an unknown intent is refused and changes nothing", async () => {
    const before = await written();
    const result = await settle(async () => sharePage.action(await args(post("/netvaerk/del", { intent: "share-with-everyone" }, mette))));
    expect((result as { init?: { status?: number } }).init?.status).toBe(400);
    expect(await written()).toEqual(before);
  });
});

describe("sharing, the judgement, and stopping (through /netvaerk/del)", () => {
  it("sharing without the judgement box: the caseworker reads names and relations, never the judgement", async () => {
    expect(await share({ intent: "share" })).toBe("/netvaerk/del?gemt=delt");
    const rows = await caseworkerRows();
    expect(rows.find((row) => row.name === "Jonas Hansen")).toMatchObject({ stance: null, stanceShared: false });
    expect(rows.every((row) => row.stance === null)).toBe(true);
    expect((await getSharedNetwork(metteId))!.people.every((person) => person.stance === null)).toBe(true);
  });

  it("while shared, the review is the caseworker view, row by row; the judgement still only offered", async () => {
    expect(await share({ intent: "share" })).toBe("/netvaerk/del?gemt=delt");
    const html = await renderShare("da", "/netvaerk/del?gemt=delt");
    expect(html).toContain("Din sagsbehandler kan nu se dit netværk.");
    expect(html).toContain("Delt med din sagsbehandler siden");
    expect(html).toContain("Du har nævnt personerne på dit kort for kommunen.");
    const { people } = reviewCards(html);
    const rows = await caseworkerRows();
    expect(people).toHaveLength(rows.length);
    for (const row of rows) expect(people.find((person) => person.name === row.name)).toEqual(expectedCard(row, "da"));
    expect(html).toContain("Din sagsbehandler kan ikke se din vurdering af personerne.");
    expect(html).toContain('value="share-stance"');
    expect(html).toContain('value="stop-sharing"');
    expect(html).not.toContain('name="includeStance"');
    // Nothing left to share: no primary button, the stop actions are secondary.
    expect(html).not.toMatch(/class="button"/);
    // /netvaerk says so and offers the way to stop.
    const section = shareSection(await renderNetwork());
    expect(section).toContain("Delt med din sagsbehandler siden");
    expect(section).toContain("Din sagsbehandler kan ikke se din vurdering af personerne.");
    expect(section).toMatch(/<a[^>]*href="\/netvaerk\/del"[^>]*>Se, hvad du deler, eller stop med at dele<\/a>/);
  });

  it('"Del også min vurdering" is its own choice: the judgement is shared, the shared time kept, and shown in the review', async () => {
    expect(await share({ intent: "share" })).toBe("/netvaerk/del?gemt=delt");
    const before = (await getSharedNetwork(metteId))!.sharedAt;
    expect(await share({ intent: "share-stance" })).toBe("/netvaerk/del?gemt=vurdering-delt");
    const rows = await caseworkerRows();
    expect(rows.find((row) => row.name === "Thomas")).toMatchObject({ stance: "holds_back", stanceShared: true });
    expect((await getSharedNetwork(metteId))!.sharedAt).toEqual(before);
    for (const language of ["da", "en"] as const) {
      const { people } = reviewCards(await renderShare(language));
      for (const row of rows) expect(people.find((person) => person.name === row.name)).toEqual(expectedCard(row, language));
    }
    expect(await renderShare()).toContain('value="stop-stance"');
    expect(shareSection(await renderNetwork())).toContain("Din sagsbehandler kan også se din vurdering");
  });

  it('"Stop med at dele min vurdering" hides the judgement and keeps the names shared', async () => {
    expect(await share({ intent: "share" })).toBe("/netvaerk/del?gemt=delt");
    expect(await share({ intent: "share-stance" })).toBe("/netvaerk/del?gemt=vurdering-delt");
    expect(await share({ intent: "stop-stance" })).toBe("/netvaerk/del?gemt=vurdering-stoppet");
    const rows = await caseworkerRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.stance === null && row.stanceShared === false)).toBe(true);
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.participantId, metteId))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["network.shared", "network.stance_shared", "network.stance_sharing_stopped"]));
  });

  it("the judgement is never shared on its own: not while the map is not shared", async () => {
    expect(await share({ intent: "share" })).toBe("/netvaerk/del?gemt=delt");
    expect(await share({ intent: "stop-sharing" })).toBe("/netvaerk/del?gemt=stoppet");
    expect(await share({ intent: "share-stance" })).toBe("/netvaerk/del?gemt=uaendret");
    expect(await caseworkerRows()).toEqual([]);
    expect(await getSharedNetwork(metteId)).toBeNull();
  });

  it("sharing with the judgement box ticked shares the judgement too", async () => {
    expect(await share({ intent: "share", includeStance: "on" })).toBe("/netvaerk/del?gemt=delt");
    const rows = await caseworkerRows();
    expect(rows.find((row) => row.name === "Thomas")).toMatchObject({ stance: "holds_back", stanceShared: true });
    expect(await share({ intent: "stop-sharing" })).toBe("/netvaerk/del?gemt=stoppet");
  });
});
