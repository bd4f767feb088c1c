import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cvEntries, cvProfiles, participants, persons, workWishes } from "../../../db/schema";
import { cwWorkWishes } from "~/features/caseworker/views.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import CvPage, { loader as overviewLoader } from "~/features/cv/routes/cv";
import { loader as pdfLoader } from "~/features/cv/routes/cv-pdf";
import { loader as previewLoader } from "~/features/cv/routes/cv-preview";
import CvSharePage, { action as shareAction, loader as shareLoader } from "~/features/cv/routes/cv-share";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

/**
 * Issue 14 for the CV. Point 1: nothing leaves the participant's hands by default: contact details
 * are on the CV only when ticked, the share page shows exactly what the caseworker will read, and
 * skånehensyn go along only when ticked there. Point 13: the CV document never repeats "Ikke
 * udfyldt". Point 15: the overview's count covers exactly the parts it lists.
 */

let database: TestDatabase;
let ali: { personId: string; participantId: string };
let aliCookie: string;

const ACCOMMODATIONS = "SKAANEHENSYN: ondt i ryggen, ingen tunge løft";

beforeAll(async () => {
  database = await createTestDatabase();
  const [row] = await database.db
    .select({ personId: persons.id, participantId: participants.id })
    .from(persons)
    .innerJoin(participants, eq(participants.personId, persons.id))
    .where(eq(persons.demoKey, "ali"));
  ali = row!;
  aliCookie = await cookieFor("ali");
});
afterAll(() => database.dispose());

/** A page as the server renders it (no JavaScript), with the real translations. */
function render(Component: unknown, path: string, loaderData: unknown, language: "da" | "en" = "da") {
  const Stub = createRoutesStub([{ id: "page", path, Component: Component as never, loader: () => loaderData }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(
    createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: [path], hydrationData: { loaderData: { page: loaderData } } })),
  ).replace(/<!-- -->/g, "");
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, " ");

async function sharePage() {
  return unwrap(await run(shareLoader, get("/cv/del", aliCookie))).data as {
    fingerprint: string;
    shareAccommodations: boolean;
    sharedAt: Date | null;
  };
}
const caseworkerWishes = async () => (await database.db.select().from(cwWorkWishes).where(eq(cwWorkWishes.participantId, ali.participantId)))[0];
const profile = async () => (await database.db.select().from(cvProfiles).where(eq(cvProfiles.participantId, ali.participantId)))[0];

describe("contact details: on the CV only when the person ticks them", () => {
  it("a person who never chose shows only the name; a saved choice is kept", async () => {
    await database.db.update(cvProfiles).set({ contactVisibility: {} }).where(eq(cvProfiles.participantId, ali.participantId));
    const doc = (unwrap(await run(previewLoader, get("/cv/vis", aliCookie))).data as { doc: { contact: Record<string, string | null> } }).doc;
    expect(doc.contact).toEqual({ email: null, phone: null, address: null });
    const overview = unwrap(await run(overviewLoader, get("/cv", aliCookie))).data as { completeness: { cvParts: { key: string; status: unknown }[] } };
    expect(overview.completeness.cvParts[0]).toMatchObject({ key: "contact", done: false, status: { kind: "contact", chosen: false, shown: [] } });

    await database.db.update(cvProfiles).set({ contactVisibility: { email: false, phone: true, address: false } }).where(eq(cvProfiles.participantId, ali.participantId));
    const chosen = (unwrap(await run(previewLoader, get("/cv/vis", aliCookie))).data as { doc: { contact: Record<string, string | null> } }).doc;
    expect(chosen.contact.email).toBeNull();
    expect(chosen.contact.phone).not.toBeNull();
  });
});

describe("sharing the CV with the caseworker: the person sees it first, and opts in to skånehensyn", () => {
  beforeAll(async () => {
    await database.db
      .insert(workWishes)
      .values({ participantId: ali.participantId, fields: ["El-installation"], hoursPerWeek: 10, hoursPerWeekMax: 15, accommodations: ACCOMMODATIONS })
      .onConflictDoUpdate({ target: workWishes.participantId, set: { hoursPerWeek: 10, hoursPerWeekMax: 15, accommodations: ACCOMMODATIONS } });
  });

  it("/cv has no one-click share: it links to the page that shows what is shared", async () => {
    const html = render(CvPage, "/cv", unwrap(await run(overviewLoader, get("/cv", aliCookie))).data);
    expect(html).toContain('href="/cv/del"');
    expect(html).not.toMatch(/<button[^>]*name="intent"[^>]*value="share"/);
  });

  it("the page shows what the caseworker will read, lists empty parts once, and the skånehensyn box starts unticked", async () => {
    const data = await sharePage();
    expect(data.shareAccommodations).toBe(false);
    const html = render(CvSharePage, "/cv/del", data);
    const words = text(html);
    for (const part of ["Ali", "Elektriker", "Solbjerg El-service", "2008 – 2024", "Arabisk", "Modersmål", "El-installation", "10–15 timer", ACCOMMODATIONS]) {
      expect(words, part).toContain(part);
    }
    // Not filled in: said once, as one list.
    expect(words).toMatch(/Disse dele er tomme og kommer ikke med: Kort om mig Frivilligt arbejde og anden erfaring IT Opgaver, jeg gerne vil prøve /);
    expect(words.match(/Ikke udfyldt/g) ?? []).toHaveLength(1);
    const box = /<input[^>]*name="shareAccommodations"[^>]*>/.exec(html)![0];
    expect(box).not.toContain("checked");
    expect(render(CvSharePage, "/cv/del", data, "en")).toContain("Also share my accommodations");
    // Looking writes nothing.
    expect((await profile())!.sharedAt).toBeNull();
  });

  it("shares without the skånehensyn unless ticked; the choice is remembered for the next time", async () => {
    const { fingerprint } = await sharePage();
    expect(await run(shareAction, post("/cv/del", { seen: fingerprint }, aliCookie))).toMatchObject({ status: 302 });
    let wishes = (await caseworkerWishes())!;
    expect(wishes).toMatchObject({ accommodations: null, accommodationsShared: false, hoursPerWeek: 10, hoursPerWeekMax: 15, fields: ["El-installation"] });
    expect(JSON.stringify((await profile())!.sharedSnapshot)).not.toContain("SKAANEHENSYN");
    expect((await sharePage()).shareAccommodations).toBe(false);

    const again = await sharePage();
    await run(shareAction, post("/cv/del", { seen: again.fingerprint, shareAccommodations: "on" }, aliCookie));
    wishes = (await caseworkerWishes())!;
    expect(wishes).toMatchObject({ accommodations: ACCOMMODATIONS, accommodationsShared: true });
    expect((await sharePage()).shareAccommodations).toBe(true);
    const overview = unwrap(await run(overviewLoader, get("/cv", aliCookie))).data as { changedSinceShared: boolean };
    expect(overview.changedSinceShared).toBe(false);
  });

  it("shares nothing when the CV changed after the page was shown", async () => {
    const before = (await profile())!.sharedAt;
    const { fingerprint } = await sharePage();
    await database.db.insert(cvEntries).values({ participantId: ali.participantId, kind: "it_skill", title: "NYT-IT: Excel", sortOrder: 1 });
    const refused = unwrap(await run(shareAction, post("/cv/del", { seen: fingerprint }, aliCookie)));
    expect(refused.status).toBe(409);
    expect((await profile())!.sharedAt).toEqual(before);
    expect(JSON.stringify((await profile())!.sharedSnapshot)).not.toContain("NYT-IT");
    const stale = render(CvSharePage, "/cv/del", await sharePage());
    expect(text(stale)).toContain("NYT-IT: Excel");
  });

  it("reads a snapshot shared before the choice existed as 'shared with skånehensyn', without asking to share again", async () => {
    const current = (await profile())!.sharedSnapshot as { work_wishes: Record<string, unknown> };
    const older = { ...current.work_wishes };
    delete older.hours_per_week_max;
    delete older.accommodations_shared;
    await database.db
      .update(cvProfiles)
      .set({ sharedSnapshot: { ...current, work_wishes: { ...older, hours_per_week: 10 } } })
      .where(eq(cvProfiles.participantId, ali.participantId));
    expect(await caseworkerWishes()).toMatchObject({ accommodationsShared: true, hoursPerWeekMax: null });
    expect((await sharePage()).shareAccommodations).toBe(true);
  });
});

describe("the overview's count and its list agree (point 15)", () => {
  it("counts exactly the parts it lists, in Danish and English", async () => {
    const data = unwrap(await run(overviewLoader, get("/cv", aliCookie))).data as { completeness: { done: number; total: number } };
    for (const language of ["da", "en"] as const) {
      const html = render(CvPage, "/cv", data, language);
      const listed = html.match(/class="cv-part"/g)?.length ?? 0;
      const progress = text(html).match(language === "da" ? /udfyldt (\d+) af de (\d+) dele/ : /filled in (\d+) of the (\d+) parts/);
      expect(progress, language).not.toBeNull();
      expect(Number(progress![2])).toBe(listed);
      expect(Number(progress![1])).toBe(data.completeness.done);
      const empty = (text(html).match(language === "da" ? /Ikke udfyldt endnu|Ikke valgt endnu/g : /Not filled in yet|Not chosen yet/g) ?? []).length;
      expect(Number(progress![1])).toBeLessThanOrEqual(listed - empty);
    }
  });
});

describe("the CV document leaves empty parts out (point 13)", () => {
  it("a nearly empty CV as PDF and preview never says 'Ikke udfyldt' and has no empty headings", async () => {
    await database.db.delete(cvEntries).where(eq(cvEntries.participantId, ali.participantId));
    await database.db.delete(workWishes).where(eq(workWishes.participantId, ali.participantId));
    const response = (await run(pdfLoader, get("/cv/cv.pdf", aliCookie))) as Response;
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const words = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
    expect(words).toContain("Ali");
    expect(words).not.toMatch(/Ikke udfyldt|Not filled/);
    for (const heading of ["Erhvervserfaring", "Uddannelse og kurser", "Kompetencer", "Sprog", "Jobønsker", "Kort om mig"]) {
      expect(words, heading).not.toContain(heading);
    }
    const doc = unwrap(await run(previewLoader, get("/cv/vis", aliCookie))).data;
    expect(JSON.stringify(doc)).not.toMatch(/Ikke udfyldt/);
  });
});
