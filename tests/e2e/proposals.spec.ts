import type { Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * "Forslag til min plan" (issue 22) in the browser: Ali (English) proposes a sub-goal and an
 * activity from Min Plan, Sara answers one with changed words and declines the other with a
 * reason, and Ali sees both answers and "Proposed by you" in his plan. Mette sees the form and its
 * error summary in Danish. axe on each new page state at 1280 and 320 px. The "no" cases, the
 * plan versions and the API are proven in tests/integration/proposals and tests/integration/api.
 * Works whether or not an earlier attempt left proposals behind: each run's titles are its own.
 */

const RUN = Date.now().toString(36).slice(-5);
const WALK = `Walk to the harbour ${RUN}`;
const COURSE = `Forklift course ${RUN}`;

async function propose(page: Page, kind: "A sub-goal" | "An activity" | "Sub-goal" | "Activity", title: string, why: string) {
  await page.goto("/min-plan/forslag/ny");
  await page.getByRole("radio", { name: kind, exact: true }).check();
  await page.getByRole("textbox", { name: "What do you propose?" }).fill(title);
  await page.getByRole("textbox", { name: /^Why would you like it\?/ }).fill(why);
  await page.getByRole("button", { name: "Send the proposal" }).click();
  await expect(page).toHaveURL(/\/min-plan\/forslag\?gemt=sendt$/);
  await expect(page.getByRole("status")).toContainText("Your proposal has been sent to your caseworker.");
}

test("Forslag til min plan: Ali proposes two, Sara takes one in with changed words and declines the other; Ali sees both", async ({ browser, page }) => {
  await test.step("Mette (Danish): the way from Min Plan, the form, and its error summary", async () => {
    await signIn(page, "mette", "/min-plan");
    await page.getByRole("link", { name: "Foreslå et delmål eller en aktivitet" }).click();
    await expect(mainHeading(page)).toHaveText("Foreslå et delmål eller en aktivitet");
    await page.getByRole("textbox", { name: /^Hvorfor vil du gerne det\?/ }).fill("Det giver mig ro.");
    await page.getByRole("button", { name: "Send forslaget" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: "Vælg, om du foreslår et delmål eller en aktivitet" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Skriv, hvad du foreslår" })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await expect(page.getByRole("textbox", { name: /^Hvorfor vil du gerne det\?/ })).toHaveValue("Det giver mig ro.");
    await expectNoAxeViolationsAtAllWidths(page, "proposals: form refused (da)");
  });

  await test.step("Ali (English) proposes a sub-goal and an activity; both wait", async () => {
    await page.context().clearCookies();
    await signIn(page, "ali", "/min-plan");
    await expect(page.getByRole("link", { name: "Propose a sub-goal or an activity" })).toBeVisible();
    await propose(page, "Sub-goal", WALK, "Fresh air helps me sleep.");
    await propose(page, "Activity", COURSE, "I would like to drive a forklift.");
    const walk = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: WALK }) });
    await expect(walk).toContainText("Waiting for an answer from your caseworker");
    await expect(walk.getByRole("button", { name: `Withdraw the proposal: ${WALK}` })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "proposals: list waiting (en)");
  });

  await test.step("Sara sees the count and the proposals, changes the words of one and declines the other (a reason is required)", async () => {
    const sara = await (await browser.newContext()).newPage();
    await signIn(sara, "sara", "/sagsbehandler");
    const card = sara.getByRole("listitem").filter({ has: sara.getByRole("heading", { name: "Ali Hassan", level: 3 }) });
    await expect(card).toContainText(/\d+ forslag til planen venter på dit svar/);
    await card.getByRole("link", { name: /Ali Hassan/ }).click();
    const section = sara.getByRole("region", { name: "Forslag til planen" });
    await section.getByRole("link", { name: `Svar på forslaget: ${WALK}` }).click();
    await expect(mainHeading(sara)).toHaveText("Forslag fra Ali Hassan");
    // A client-side navigation: the page's own style sheet may still be on its way.
    await sara.waitForLoadState("networkidle");
    await expect(sara.getByRole("definition").filter({ hasText: "Fresh air helps me sleep." })).toBeVisible();
    await expect(sara.getByRole("textbox", { name: /^Beskrivelse i planen/ })).toHaveValue("Fresh air helps me sleep.");
    await expectNoAxeViolationsAtAllWidths(sara, "proposals: decide (da)");
    await sara.getByRole("textbox", { name: "Titel i planen" }).fill(`Gå en tur til havnen ${RUN}`);
    await sara.getByRole("button", { name: "Tag med i planen" }).click();
    await expect(sara.getByRole("status")).toContainText("Dit svar er gemt. Ali kan se det i Min Vej.");
    await expect(sara.getByText("Taget med, men ændret")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(sara, "proposals: decided, changed (da)");

    await sara.getByRole("link", { name: "Tilbage til briefingen om Ali Hassan" }).click();
    await sara.getByRole("region", { name: "Forslag til planen" }).getByRole("link", { name: `Svar på forslaget: ${COURSE}` }).click();
    await sara.getByRole("button", { name: "Tag ikke med" }).click();
    await expect(sara.getByRole("alert").getByRole("link", { name: "Skriv, hvorfor du ikke tager forslaget med. Ali kan læse det" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(sara, "proposals: decline refused (da)");
    await sara.getByRole("textbox", { name: "Hvorfor tager du ikke forslaget med?" }).fill("Lad os først finde en praktik. Vi taler om kurset til samtalen.");
    await sara.getByRole("button", { name: "Tag ikke med" }).click();
    await expect(sara.getByText("Ikke taget med", { exact: true })).toBeVisible();
    await sara.context().close();
  });

  await test.step("Ali sees both answers: both texts of the changed one, the reason of the declined one, and 'Proposed by you' in his plan", async () => {
    await page.goto("/min-plan/forslag");
    const walk = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: WALK }) });
    await expect(walk).toContainText("Added, but changed");
    await expect(walk.getByText("What you wrote")).toBeVisible();
    await expect(walk.getByText(`Gå en tur til havnen ${RUN}`)).toBeVisible();
    const course = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: COURSE }) });
    await expect(course).toContainText("Not added");
    await expect(course).toContainText("Lad os først finde en praktik.");
    await expectNoAxeViolationsAtAllWidths(page, "proposals: list answered (en)");
    await walk.getByRole("link", { name: "See your plan" }).click();
    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `Gå en tur til havnen ${RUN}` }) });
    await expect(item).toContainText("Proposed by you");
  });
});
