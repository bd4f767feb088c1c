import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { professionals } from "../../../db/schema";
import { seedDemoData } from "../../../db/seed-data";
import { DISCLOSED_AREAS, NEVER_DISCLOSED, type DisclosureMoment } from "~/features/caseworker/disclosure";
import { pageView } from "~/features/content/pages.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import CaseworkerOverviewPage from "~/features/caseworker/routes/caseworker";
import StandalonePage from "~/features/content/routes/content-standalone";
import { createTestDatabase, type TestDatabase } from "../../support/db";

/**
 * "Say only what is true" (issue 14, point 4): the privacy page and the caseworker page tell
 * people what the jobcentre can read, from the list in app/features/caseworker/disclosure.ts.
 * This test holds that list to the real `caseworker` views: every column of every view is in
 * exactly one area, and every column the list names exists. A new column in a view, or a column
 * moved between views, fails here until the list (and so the pages) say so too.
 */

let database: TestDatabase;

// No demo seed: the views' columns need no rows. Only the last describe, about the demo's own
// contact details, seeds the demo people.
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(async () => {
  await database.dispose();
});

async function viewColumns(schema: string): Promise<string[]> {
  const rows = (await database.db.execute(sql`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name
    WHERE c.table_schema = ${schema}
    ORDER BY c.table_name, c.ordinal_position
  `)) as unknown as { rows?: { table_name: string; column_name: string }[] } | { table_name: string; column_name: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return list.map((row) => `${row.table_name}.${row.column_name}`);
}

const listed = DISCLOSED_AREAS.flatMap((area) =>
  Object.entries(area.columns).flatMap(([view, columns]) => columns.map((column) => `${view}.${column}`)),
);

describe("what the privacy page says the jobcentre can read, against the caseworker views", () => {
  it("names every column of every caseworker view, and nothing that is not there", async () => {
    const real = await viewColumns("caseworker");
    expect(real.length).toBeGreaterThan(100);
    expect([...listed].sort()).toEqual([...real].sort());
  });

  it("puts each column in one area only", () => {
    const seen = new Set<string>();
    const twice = listed.filter((column) => (seen.has(column) ? true : (seen.add(column), false)));
    expect(twice).toEqual([]);
  });

  it("the portal's caseworker pages read the same columns (caseworker_portal copies every view it uses whole)", async () => {
    const real = new Set(await viewColumns("caseworker"));
    for (const column of await viewColumns("caseworker_portal")) expect(real).toContain(column);
  });

  it("shared parts are only in views that show a row after sharing, the participant's own words only in their own areas", () => {
    // The views that filter on a share (0005, 0007, 0028): nothing in them may be described as readable before sharing.
    const sharedOnly = ["shared_preparation", "shared_preparation_comments", "cv", "cv_entries", "work_wishes", "network_people", "progress_answers", "progress_signs"];
    for (const area of DISCLOSED_AREAS) {
      for (const view of Object.keys(area.columns)) {
        if (sharedOnly.includes(view)) expect(`${area.key}: ${area.moment}`).toBe(`${area.key}: shared`);
        else expect(`${area.key}: ${area.moment}`).not.toBe(`${area.key}: shared`);
      }
    }
    // The participant's words that reach the caseworker as soon as they are saved (the examples).
    const saved = new Set(
      DISCLOSED_AREAS.filter((area) => area.moment === "saved").flatMap((area) =>
        Object.entries(area.columns).flatMap(([view, columns]) => columns.map((column) => `${view}.${column}`)),
      ),
    );
    for (const column of ["appointments.participant_notes", "appointments.participant_questions", "sub_goals.participant_comment", "plans.own_goal", "absence_requests.reason"]) {
      expect(saved).toContain(column);
    }
  });

  it("has words for every area, in Danish and English, for the participant and for the caseworker", () => {
    for (const language of ["da", "en"]) {
      const disclosure = JSON.parse(readFileSync(`locales/${language}/caseworker.json`, "utf8")).disclosure;
      for (const reader of ["participant", "caseworker"]) {
        for (const area of DISCLOSED_AREAS) expect(disclosure[reader].areas[area.key], `${language} ${reader} ${area.key}`).toEqual(expect.any(String));
        for (const moment of ["saved", "shared", "jobcentre", "never"]) expect(disclosure[reader].groups[moment], `${language} ${reader} ${moment}`).toEqual(expect.any(String));
        for (const key of NEVER_DISCLOSED) expect(disclosure[reader].never[key], `${language} ${reader} never.${key}`).toEqual(expect.any(String));
      }
    }
  });
});

type Language = "da" | "en";

function render(language: Language, path: string, Component: unknown, loaderData: unknown): string {
  const Stub = createRoutesStub([{ id: "page", path, Component: Component as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: loaderData } } })),
  )
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
}

const words = (language: Language) =>
  (resources[language].caseworker as { disclosure: Record<string, { groups: Record<string, string>; areas: Record<string, string>; never: Record<string, string> }> })
    .disclosure;

/** Each group heading followed by exactly its areas, from the list, in the page's HTML. */
function expectListsIn(html: string, language: Language, reader: "participant" | "caseworker") {
  const text = words(language)[reader]!;
  let from = 0;
  for (const moment of ["saved", "shared", "jobcentre"] as DisclosureMoment[]) {
    const at = html.indexOf(`>${text.groups[moment]}</h3>`, from);
    expect(at, `${language} ${reader}: heading ${moment}`).toBeGreaterThan(from - 1);
    const next = html.indexOf("</ul>", at);
    const items = [...html.slice(at, next).matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]);
    expect(items, `${language} ${reader}: ${moment}`).toEqual(DISCLOSED_AREAS.filter((area) => area.moment === moment).map((area) => text.areas[area.key]));
    from = next;
  }
  const never = html.indexOf(`>${text.groups.never}</h3>`, from);
  expect(never).toBeGreaterThan(0);
  const items = [...html.slice(never, html.indexOf("</ul>", never)).matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]);
  expect(items).toEqual(NEVER_DISCLOSED.map((key) => text.never[key]));
}

describe("the pages render that list", () => {
  for (const language of ["da", "en"] as const) {
    it(`/privatliv lists, under "Hvem kan læse det?", what the caseworker can read and from when (${language})`, () => {
      const page = pageView(language, "privatliv")!;
      const html = render(language, "/privatliv", StandalonePage, { page });
      expect(html).not.toContain("[[hvem-kan-laese]]");
      const section = html.slice(html.indexOf('id="hvem-kan-laese-det"'));
      expectListsIn(section, language, "participant");
      // The old promises are gone: the log covers what is seen in Min Vej (the case system's reads
      // through the API included, issue 20), and withdrawing does not make the municipality forget.
      expect(html).not.toMatch(/Den viser, hvis nogen har set noget|It shows if someone has seen something/);
      expect(html).toMatch(language === "da" ? /kan stå i din sag/ : /may stay in your case/);
      expect(html).toMatch(language === "da" ? /også, når kommunens sagssystem henter dine oplysninger fra Min Vej/ : /also shows when the municipality's case system fetches your information from Min Vej/);
    });

    it(`/sagsbehandler says what the caseworker sees as soon as it is saved, not "only what they chose to share" (${language})`, () => {
      const html = render(language, "/sagsbehandler", CaseworkerOverviewPage, { participants: [] });
      expect(html).not.toMatch(/kun det, de selv har valgt at dele|only see what they have chosen to share/);
      expectListsIn(html, language, "caseworker");
    });
  }
});

describe("the demo contact details promise only what exists", () => {
  // About the demo itself: its seeded professionals.
  beforeAll(() => seedDemoData(database.db));

  it("no professional's 'Du kan ringe' text offers a message channel Min Vej does not have", async () => {
    const texts = await database.db.select({ name: professionals.name, text: professionals.reachableText }).from(professionals);
    expect(texts.length).toBeGreaterThan(0);
    for (const row of texts) expect(`${row.name}: ${row.text}`).not.toMatch(/besked|message/i);
  });
});
