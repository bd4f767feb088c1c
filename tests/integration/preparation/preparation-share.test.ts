import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createRoutesStub } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aParticipant } from "../../../db/builders";
import { preparationShares } from "../../../db/schema";
import { getSharedPreparation } from "~/features/preparation/queries.server";
import CheckPage, { action as checkAction, loader as checkLoader } from "~/features/preparation/routes/preparation-check";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";
import { createTestDatabase, type TestDatabase } from "../../support/db";
import { cookieFor, get } from "../../support/requests";
import { run, unwrap } from "../../support/routes";

/**
 * Issue 14, point 1: nothing is shared by default. "Tjek og del" starts with every box unticked
 * (also "Det, der er svært" and parts still "I gang"), a post with the ticked parts only shows what
 * the caseworker would read, and only "Del med min sagsbehandler" on that review shares.
 */

// Each test makes the participant it needs (db/builders.ts); nothing here depends on the demo seed.
let database: TestDatabase;

const HEALTH = "Ondt i ryggen, og jeg sover dårligt.";

interface Choice {
  key: string;
  status: string;
  version: number;
  checked: boolean;
}
interface Review {
  step: "review";
  parts: { key: string; status: string; version: number; answers: Record<string, string> }[];
}
interface Participant {
  cookie: string;
  participantId: string;
}

/**
 * A participant who has read about the meeting, finished "Uddannelse og arbejde", started "Mine
 * ressourcer" and saved "Det, der er svært" for later (health details, still "I gang"); nothing shared.
 */
async function aParticipantPreparing(): Promise<Participant> {
  const built = await aParticipant()
    .withAppointment({ kind: "rehabiliteringsteam", title: "Møde med rehabiliteringsteamet" })
    .withPreparation([
      { part: "about_meeting", status: "done", version: 1 },
      { part: "education_work", status: "done", version: 2, answers: { education: "", work: "Genbrugsbutik om lørdagen", goodAt: "Orden" } },
      { part: "resources", status: "in_progress", version: 1, answers: { energy: "Gåture om morgenen.", interests: "", worksWell: "" } },
      { part: "challenges", status: "in_progress", version: 1, answers: { health: HEALTH } },
    ])
    .build(database.db);
  return { cookie: await cookieFor(built.demoKey), participantId: built.participantId };
}

const check = (person: Participant, form: Record<string, string> | URLSearchParams) =>
  run(
    checkAction,
    new Request("http://localhost:3000/forberedelse/tjek-og-del", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Cookie: person.cookie },
      body: new URLSearchParams(form),
    }),
  );

async function choices(person: Participant): Promise<Choice[]> {
  const page = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", person.cookie))).data as { choices: Choice[] };
  return page.choices;
}
const versionOf = async (person: Participant, key: string) => (await choices(person)).find((choice) => choice.key === key)!.version;
const sharedKeys = async (person: Participant) => (await getSharedPreparation(person.participantId)).map((part) => part.key);
const shareRows = async (person: Participant) =>
  database.db.select().from(preparationShares).where(eq(preparationShares.participantId, person.participantId));

/** The page as the server renders it (no JavaScript), with the real translations. */
async function renderCheckPage(person: Participant) {
  const loaderData = unwrap(await run(checkLoader, get("/forberedelse/tjek-og-del", person.cookie))).data;
  const Stub = createRoutesStub([{ id: "check", path: "/forberedelse/tjek-og-del", Component: CheckPage as never, loader: () => loaderData }]);
  const i18n = createI18n("da", resources.da as never);
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(Stub, { initialEntries: ["/forberedelse/tjek-og-del"], hydrationData: { loaderData: { check: loaderData } } }),
    ),
  ).replace(/<!-- -->/g, "");
}

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.dispose());

describe("Tjek og del: nothing is shared by default", () => {
  it("offers every started part, including health and parts still in progress, with no box ticked", async () => {
    const person = await aParticipantPreparing();
    const offered = await choices(person);
    expect(offered.map((choice) => choice.key).sort()).toEqual(["challenges", "education_work", "resources"]);
    expect(offered.find((choice) => choice.key === "challenges")).toMatchObject({ status: "in_progress", checked: false });
    expect(offered.find((choice) => choice.key === "resources")).toMatchObject({ status: "in_progress", checked: false });
    expect(offered.every((choice) => choice.checked === false)).toBe(true);
  });

  it("the page as sent: no share box is ticked, and a part in progress says so next to its box", async () => {
    const person = await aParticipantPreparing();
    const html = await renderCheckPage(person);
    const boxes = html.match(/<input[^>]*name="parts"[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(3);
    for (const box of boxes) expect(box).not.toMatch(/checked/);
    const health = html.slice(html.indexOf('id="share-det-der-er-svaert"'), html.indexOf('name="seen.challenges"'));
    expect(health).toContain("I gang: du er ikke færdig med denne del.");
    expect(html).toContain("Se, hvad du deler");
  });

  it("posting with nothing ticked shares nothing and asks the person to tick a part", async () => {
    const person = await aParticipantPreparing();
    const refused = unwrap(await check(person, {}));
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ step: "choose", error: "errors.chooseParts" });
    const onlyVersions = unwrap(await check(person, { intent: "share", "seen.challenges": String(await versionOf(person, "challenges")) }));
    expect(onlyVersions.status).toBe(400);
    expect(await sharedKeys(person)).toEqual([]);
    expect(await shareRows(person)).toEqual([]);
  });

  it("the ticked parts (what the old page shared in one click) only give a review of exactly what would be read", async () => {
    const person = await aParticipantPreparing();
    const form = new URLSearchParams();
    for (const key of ["challenges", "resources"]) {
      form.append("parts", key);
      form.append(`seen.${key}`, String(await versionOf(person, key)));
    }
    const result = unwrap(await check(person, form));
    expect(result.status).toBe(200);
    const review = result.data as Review;
    expect(review.step).toBe("review");
    expect(review.parts.map((part) => part.key)).toEqual(["resources", "challenges"]);
    expect(review.parts.find((part) => part.key === "challenges")).toMatchObject({ status: "in_progress", answers: { health: HEALTH } });
    // Nothing has left the participant's hands yet.
    expect(await sharedKeys(person)).toEqual([]);
    expect(await shareRows(person)).toEqual([]);
  });

  it('"share" without the versions seen in the review is a review too, never a share', async () => {
    const person = await aParticipantPreparing();
    const review = unwrap(await check(person, { intent: "share", parts: "education_work" })).data as Review;
    expect(review.step).toBe("review");
    expect(review.parts.map((part) => part.key)).toEqual(["education_work"]);
    expect(await sharedKeys(person)).toEqual([]);
  });

  it('"Ret mit valg" goes back to the boxes as the person ticked them, and shares nothing', async () => {
    const person = await aParticipantPreparing();
    const back = unwrap(await check(person, { intent: "change", parts: "resources", "seen.resources": String(await versionOf(person, "resources")) }));
    expect(back.data).toEqual({ step: "choose", chosen: ["resources"], error: null });
    expect(await sharedKeys(person)).toEqual([]);
  });

  it("a part changed since the page was read is not reviewed or shared (409)", async () => {
    const person = await aParticipantPreparing();
    const stale = unwrap(await check(person, { intent: "review", parts: "resources", "seen.resources": "99" }));
    expect(stale.status).toBe(409);
    expect(await sharedKeys(person)).toEqual([]);
  });

  it("an unknown intent is refused and shares nothing", async () => {
    const person = await aParticipantPreparing();
    const refused = unwrap(await check(person, { intent: "share-everything", parts: "resources", "seen.resources": String(await versionOf(person, "resources")) }));
    expect(refused.status).toBe(400);
    expect(await sharedKeys(person)).toEqual([]);
  });

  it('"Del med min sagsbehandler" from the review shares exactly the reviewed parts, and not "Det, der er svært"', async () => {
    const person = await aParticipantPreparing();
    const form = new URLSearchParams({ intent: "share" });
    for (const key of ["education_work", "resources"]) {
      form.append("parts", key);
      form.append(`seen.${key}`, String(await versionOf(person, key)));
    }
    const result = await check(person, form);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toBe("/forberedelse/tjek-og-del?delt=2#del");
    expect((await sharedKeys(person)).sort()).toEqual(["education_work", "resources"]);
    expect((await shareRows(person)).map((row) => row.part)).not.toContain("challenges");
    // What is left to choose is unticked again.
    expect(await choices(person)).toEqual([expect.objectContaining({ key: "challenges", checked: false })]);
  });
});
