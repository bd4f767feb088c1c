import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, participants, persons } from "../../db/schema";
import { cwNetworkPeople } from "~/features/caseworker/views.server";
import { getSharedNetwork } from "~/features/network/queries.server";
import NetworkPage, * as main from "~/routes/network";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { cookieFor, get, post, settle } from "../support/requests";

/**
 * Issue 14, point 6: third parties on the network map. Before sharing, the page says the people
 * on the map are named to the municipality and lists them; the judgement ("hjælper mig" /
 * "holder mig tilbage") goes along only with its own unticked box, or its own button while
 * shared. Checked through the action and in the caseworker view (`caseworker.network_people`).
 */

let database: TestDatabase;
let mette: string;
let metteId: string;

const args = (request: Request) => ({ request, params: {}, context: { requestId: "test" } }) as never;
const share = async (form: Record<string, string>) => {
  const result = await settle(() => main.action(args(post("/netvaerk", form, mette))));
  return result instanceof Response ? result.headers.get("Location") : result;
};
const caseworkerRows = () => database.db.select().from(cwNetworkPeople).where(eq(cwNetworkPeople.participantId, metteId));

/** The page as the server renders it, with the real translations. */
async function renderPage(language: "da" | "en") {
  const loaderData = await main.loader(args(get("/netvaerk", mette)));
  const Stub = createRoutesStub([{ id: "network", path: "/netvaerk", Component: NetworkPage as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  const html = renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/netvaerk"], hydrationData: { loaderData: { network: loaderData } } })),
  );
  const start = html.indexOf('aria-labelledby="deling"');
  expect(start).toBeGreaterThan(0);
  return html.slice(start).replace(/<!-- -->/g, "");
}

beforeAll(async () => {
  database = await createTestDatabase();
  mette = await cookieFor("mette");
  const [row] = await database.db
    .select({ id: participants.id })
    .from(participants)
    .innerJoin(persons, eq(persons.id, participants.personId))
    .where(eq(persons.demoKey, "mette"));
  metteId = row!.id;
});
afterAll(() => database.dispose());

describe("sharing the network map names other people to the municipality", () => {
  it("before sharing, the page says so, lists who is named, and the judgement box is not ticked", async () => {
    const html = await renderPage("da");
    expect(html).toMatch(/<h2 id="deling"[^>]*>Del med din sagsbehandler<\/h2>/);
    expect(html).toContain("Når du deler, nævner du personerne på dit kort for kommunen.");
    expect(html).toContain("Jonas Hansen");
    expect(html).toContain("Personerne får ikke selv besked.");
    const box = html.match(/<input[^>]*name="includeStance"[^>]*>/)?.[0];
    expect(box).toBeDefined();
    expect(box).not.toMatch(/checked/);
    expect(html).toContain("Det er din egen vurdering, og den er privat.");
    const english = await renderPage("en");
    expect(english).toContain("When you share, you name the people on your map to the municipality.");
  });

  it("sharing without the judgement box: the caseworker reads names and relations, never the judgement", async () => {
    expect(await caseworkerRows()).toEqual([]);
    expect(await share({ intent: "share" })).toBe("/netvaerk?gemt=delt#deling");
    const rows = await caseworkerRows();
    expect(rows.find((row) => row.name === "Jonas Hansen")).toMatchObject({ stance: null, stanceShared: false });
    expect(rows.find((row) => row.name === "Thomas")).toMatchObject({ stance: null });
    expect(rows.every((row) => row.stance === null)).toBe(true);
    expect((await getSharedNetwork(metteId))!.people.every((person) => person.stance === null)).toBe(true);
  });

  it("while shared, the page says who is named, and the judgement is still not shared", async () => {
    const html = await renderPage("da");
    expect(html).toContain("Din sagsbehandler i kommunen kan se personerne på dit kort");
    expect(html).toContain("Din sagsbehandler kan ikke se din vurdering af personerne.");
    expect(html).toContain('value="share-stance"');
  });

  it('"Del også min vurdering" is its own choice: the judgement is shared, the shared time kept', async () => {
    const before = (await getSharedNetwork(metteId))!.sharedAt;
    expect(await share({ intent: "share-stance" })).toBe("/netvaerk?gemt=vurdering-delt#deling");
    const rows = await caseworkerRows();
    expect(rows.find((row) => row.name === "Thomas")).toMatchObject({ stance: "holds_back", stanceShared: true });
    expect((await getSharedNetwork(metteId))!.sharedAt).toEqual(before);
  });

  it('"Stop med at dele min vurdering" hides the judgement and keeps the names shared', async () => {
    expect(await share({ intent: "stop-stance" })).toBe("/netvaerk?gemt=vurdering-stoppet#deling");
    const rows = await caseworkerRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.stance === null && row.stanceShared === false)).toBe(true);
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.participantId, metteId))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["network.shared", "network.stance_shared", "network.stance_sharing_stopped"]));
  });

  it("the judgement is never shared on its own: not while the map is not shared", async () => {
    expect(await share({ intent: "stop-sharing" })).toBe("/netvaerk?gemt=stoppet#deling");
    expect(await share({ intent: "share-stance" })).toBe("/netvaerk?gemt=uaendret#deling");
    expect(await caseworkerRows()).toEqual([]);
    expect(await getSharedNetwork(metteId)).toBeNull();
  });

  it("sharing with the judgement box ticked shares the judgement too", async () => {
    expect(await share({ intent: "share", includeStance: "on" })).toBe("/netvaerk?gemt=delt#deling");
    const rows = await caseworkerRows();
    expect(rows.find((row) => row.name === "Thomas")).toMatchObject({ stance: "holds_back", stanceShared: true });
    expect(await share({ intent: "stop-sharing" })).toBe("/netvaerk?gemt=stoppet#deling");
  });
});
