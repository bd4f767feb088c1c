import { eq } from "drizzle-orm";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aCaseworker, aParticipant, aPerson } from "../../../db/builders";
import { relativeGrants } from "../../../db/schema";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { copenhagenDay } from "~/lib/dates";
import RelativesPage, { loader as listLoader } from "~/features/relatives/routes/relatives";
import { ErrorBoundary as SharedErrorBoundary, loader as layoutLoader } from "~/features/relatives/routes/relatives-shared";
import { loader as appointmentsLoader } from "~/features/relatives/routes/relatives-shared-appointments";
import { loader as cvLoader } from "~/features/relatives/routes/relatives-shared-cv";
import { action as endAction, loader as endLoader } from "~/features/relatives/routes/relatives-shared-end";
import { loader as homeLoader } from "~/features/relatives/routes/relatives-shared-home";
import { loader as networkLoader } from "~/features/relatives/routes/relatives-shared-network";
import { loader as planLoader } from "~/features/relatives/routes/relatives-shared-plan";
import { loader as preparationLoader } from "~/features/relatives/routes/relatives-shared-preparation";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get, post } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

// Issue 14, point 7: a relative whose access has ended gets a calm page that says so, and when,
// instead of a bare 404, on every one of the shared pages; it reveals only the participant's first
// name, why and the day. The participant's own list does not say "Du har ikke inviteret nogen
// endnu" above the ended grants.

let database: TestDatabase;
const cookies: Record<string, string> = {};
let metteParticipantId: string;
let jonasPersonId: string;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());
/**
 * Each test has its own people (db/builders.ts), no demo seed: Mette, a participant with a plan
 * and no grants; Jonas Hansen, her brother, who is not a participant; Ali, another participant.
 */
beforeEach(async () => {
  const caseworker = await aCaseworker().build(database.db);
  const mette = await aParticipant({ person: { firstName: "Mette", lastName: "Hansen" } })
    .withCaseworker(caseworker)
    .withPlan()
    .build(database.db);
  const jonas = await aPerson({ firstName: "Jonas", lastName: "Hansen" }).build(database.db);
  const ali = await aParticipant({ person: { firstName: "Ali", lastName: "Hassan" } }).withCaseworker(caseworker).withPlan().build(database.db);
  metteParticipantId = mette.participantId;
  jonasPersonId = jonas.personId;
  for (const [key, person] of [["mette", mette], ["jonas", jonas], ["ali", ali]] as const) cookies[key] = await cookieFor(person.demoKey);
});

const daysFromToday = (days: number) => copenhagenDay(new Date(Date.now() + days * 86_400_000));

async function grantForJonas(values: Partial<typeof relativeGrants.$inferInsert>) {
  const [grant] = await database.db
    .insert(relativeGrants)
    .values({
      participantId: metteParticipantId,
      relativePersonId: jonasPersonId,
      invitedName: "Jonas Hansen",
      invitedEmail: "jonas@example.org",
      relation: "Bror",
      scopes: ["plan", "appointments", "preparation", "cv", "network"],
      validUntil: daysFromToday(30),
      status: "active",
      acceptedAt: new Date(Date.now() - 20 * 86_400_000),
      ...values,
    })
    .returning();
  return grant!;
}

const shared = (suffix = "") => `/hjaelper/${metteParticipantId}${suffix}`;
const params = () => ({ participantId: metteParticipantId });

/** Every page a relative may open for the participant, as jonas. */
async function everySharedPage() {
  const jonas = cookies.jonas!;
  return {
    layout: await run(layoutLoader, get(shared(), jonas), params()),
    home: await run(homeLoader, get(shared(), jonas), params()),
    plan: await run(planLoader, get(shared("/min-plan"), jonas), params()),
    appointments: await run(appointmentsLoader, get(shared("/moeder"), jonas), params()),
    preparation: await run(preparationLoader, get(shared("/forberedelse"), jonas), params()),
    cv: await run(cvLoader, get(shared("/cv"), jonas), params()),
    network: await run(networkLoader, get(shared("/netvaerk"), jonas), params()),
    stop: await run(endLoader, get(shared("/stop"), jonas), params()),
    stopPost: await run(endAction, post(shared("/stop"), { confirm: "yes" }, jonas), params()),
  };
}

async function expectEnded(result: unknown, expected: { reason: string; day: string }) {
  expect(result).toBeInstanceOf(Response);
  const response = result as Response;
  expect(response.status).toBe(403);
  const body = (await response.clone().json()) as { endedAccess: Record<string, unknown> };
  // Her first name, why and the day: nothing else of hers.
  expect(body).toEqual({ endedAccess: { firstName: "Mette", reason: expected.reason, day: expected.day } });
}

/** The shared frame's error boundary as the server renders it, with the real translations. */
function renderBoundary(error: unknown, language: "da" | "en") {
  const Boundary = () => createElement(SharedErrorBoundary as ComponentType<{ error: unknown }>, { error });
  const Stub = createRoutesStub([{ id: "shared", path: "/hjaelper/x", Component: Boundary }]);
  const i18n = createI18n(language, resources[language] as never);
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/hjaelper/x"] })))
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'");
}

async function boundaryFor(result: unknown, language: "da" | "en") {
  const response = result as Response;
  const data = await response.clone().json();
  return renderBoundary({ status: response.status, statusText: "Forbidden", internal: false, data }, language);
}

describe("a relative whose access has ended", () => {
  it("withdrawn by mette: every shared page says so, calmly, with the day, in Danish and English", async () => {
    await grantForJonas({ status: "withdrawn", endedAt: new Date("2026-12-03T10:00:00Z") });
    const pages = await everySharedPage();
    for (const result of Object.values(pages)) await expectEnded(result, { reason: "withdrawn", day: "2026-12-03" });

    const da = await boundaryFor(pages.plan, "da");
    expect(da).toContain("Din adgang er lukket");
    expect(da).toContain("Mette har lukket for din adgang den 3. december 2026.");
    expect(da).toContain("Du kan ikke længere se Mettes sider.");
    expect(da).toContain("Vil du se dem igen, så spørg Mette.");
    expect(da).not.toContain("Siden findes ikke");
    const en = await boundaryFor(pages.plan, "en");
    expect(en).toContain("Mette closed your access on 3 December 2026.");
    expect(en).toContain("ask Mette");
  });

  it("expired: the pages say until which day it lasted", async () => {
    const lastDay = daysFromToday(-2);
    await grantForJonas({ validUntil: lastDay });
    const pages = await everySharedPage();
    for (const result of Object.values(pages)) await expectEnded(result, { reason: "expired", day: lastDay });
    const da = await boundaryFor(pages.home, "da");
    expect(da).toMatch(/Din adgang til Mettes sider gjaldt til og med den \d{1,2}\. [a-zæøå]+ \d{4}\./);
    const en = await boundaryFor(pages.home, "en");
    expect(en).toMatch(/Your access to Mette's pages lasted until and including \d{1,2} [A-Z][a-z]+ \d{4}\./);
  });

  it("ended by the relative: the page says they closed it themselves", async () => {
    await grantForJonas({ status: "ended_by_relative", endedAt: new Date("2026-11-30T23:30:00Z") });
    // 23:30 UTC is 1 December in Copenhagen.
    await expectEnded((await everySharedPage()).cv, { reason: "endedByRelative", day: "2026-12-01" });
  });

  it("a new, active grant after an ended one opens the pages again", async () => {
    await grantForJonas({ status: "withdrawn", endedAt: new Date(Date.now() - 5 * 86_400_000), acceptedAt: new Date(Date.now() - 9 * 86_400_000) });
    await grantForJonas({ acceptedAt: new Date(Date.now() - 86_400_000) });
    expect(unwrap(await run(planLoader, get(shared("/min-plan"), cookies.jonas), params())).status).toBe(200);
  });

  it("anyone who never held an accepted grant still gets the bare 404", async () => {
    // Declined the invitation: never accepted, never saw anything.
    await grantForJonas({ status: "ended_by_relative", endedAt: new Date(), acceptedAt: null });
    for (const result of Object.values(await everySharedPage())) expect((result as Response).status).toBe(404);
    // Ali never had a grant for mette.
    const ali = await run(planLoader, get(shared("/min-plan"), cookies.ali), params());
    expect((ali as Response).status).toBe(404);
    // Mette's own id on a relative URL stays 404, even with ended grants.
    await grantForJonas({ status: "withdrawn", endedAt: new Date() });
    expect(((await run(layoutLoader, get(shared(), cookies.mette), params())) as Response).status).toBe(404);
    // A grant that is active but does not include the page: 404, not "ended".
    await database.db.delete(relativeGrants).where(eq(relativeGrants.participantId, metteParticipantId));
    await grantForJonas({ scopes: ["plan"] });
    expect(((await run(cvLoader, get(shared("/cv"), cookies.jonas), params())) as Response).status).toBe(404);
  });
});

describe("mette's list when nobody has access any more", () => {
  async function renderList(language: "da" | "en") {
    const loaderData = unwrap(await run(listLoader, get("/paaroerende", cookies.mette))).data;
    const Stub = createRoutesStub([{ id: "list", path: "/paaroerende", Component: RelativesPage as never, loader: () => loaderData }]);
    const i18n = createI18n(language, resources[language] as never);
    return renderToString(
      createElement(I18nextProvider, { i18n }, createElement(Stub, { initialEntries: ["/paaroerende"], hydrationData: { loaderData: { list: loaderData } } })),
    ).replace(/<!-- -->/g, "");
  }

  it("says that nobody can see her information, not that she never invited anyone", async () => {
    await grantForJonas({ status: "withdrawn", endedAt: new Date() });
    const da = await renderList("da");
    expect(da).toContain("Ingen kan se dine oplysninger lige nu.");
    expect(da).not.toContain("Du har ikke inviteret nogen endnu");
    expect(da).toContain("Jonas Hansen");
    const en = await renderList("en");
    expect(en).toContain("Nobody can see your information right now.");
    expect(en).not.toContain("You have not invited anyone yet");
  });

  it("still says she has not invited anyone when that is true", async () => {
    expect(await renderList("da")).toContain("Du har ikke inviteret nogen endnu.");
  });
});
