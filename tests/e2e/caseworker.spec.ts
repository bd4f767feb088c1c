import type { Browser, Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * Sara, the coordinating caseworker, reads her participants' briefing (`/sagsbehandler`,
 * `/sagsbehandler/:participantId`), built only on the `caseworker` views. Read-only: this spec
 * changes nobody's data, so it runs alongside the participants' journeys. Participants,
 * relatives and other caseworkers' participants get 404.
 */

async function useLanguage(page: Page, language: "da" | "en") {
  const button = page.getByRole("button", { name: language === "da" ? "Dansk" : "English", exact: true });
  if ((await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
  }
}

/** After a client-side navigation the page's own stylesheet may still be loading: wait for it. */
async function waitForStyles(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => {
      try {
        return Boolean(link.sheet && link.sheet.cssRules.length > 0);
      } catch {
        return false;
      }
    }),
  );
}

/** A second person in their own browser, with the project's settings (JavaScript on or off). */
async function newContext(browser: Browser, javaScriptEnabled: boolean) {
  return browser.newContext({
    javaScriptEnabled,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    baseURL: test.info().project.use.baseURL,
  });
}

/** Mette's and Ali's briefing addresses, as Sara's list links to them. */
async function briefingPaths(page: Page): Promise<{ mette: string; ali: string }> {
  await page.goto("/sagsbehandler");
  const mette = await page.getByRole("link", { name: "Åbn mødebriefing for Mette Hansen" }).getAttribute("href");
  const ali = await page.getByRole("link", { name: "Åbn mødebriefing for Ali Hassan" }).getAttribute("href");
  return { mette: mette!, ali: ali! };
}

// Each page is scanned by axe at two widths in two languages: slow on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("Sara finds her participants from the overview, in Danish and English", async ({ page }) => {
  await signIn(page, "sara");
  // The overview points her to her participants.
  await page.getByRole("link", { name: "Se dine deltagere og forbered dig til møderne" }).click();
  await expect(page).toHaveURL(/\/sagsbehandler$/);
  await waitForStyles(page);
  await expect(mainHeading(page)).toHaveText("Dine deltagere");
  await expect(page).toHaveTitle("Dine deltagere – Min Vej");
  const cards = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(cards.getByRole("heading", { level: 3 })).toHaveText(["Ali Hassan", "Mette Hansen"]);
  const metteCard = cards.filter({ hasText: "Mette Hansen" });
  await expect(metteCard).toContainText("Ressourceforløb");
  await expect(metteCard).toContainText("Næste møde");
  await expect(metteCard).toContainText("Samtale med Sara");
  await expect(cards.filter({ hasText: "Ali Hassan" })).toContainText("Jobafklaringsforløb");
  // Never a CPR number, and never Mette's own goal on the list.
  await expect(page.getByRole("main")).not.toContainText(/\d{6}-?\d{4}/);
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: list (da)");
  await useLanguage(page, "en");
  await expect(mainHeading(page)).toHaveText("Your participants");
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: list (en)");
  await useLanguage(page, "da");
  await expect(mainHeading(page)).toHaveText("Dine deltagere");
});

test("Sara reads Mette's briefing and prints a short version on one A4 page", async ({ page }) => {
  await signIn(page, "sara", "/sagsbehandler");
  await page.getByRole("link", { name: "Åbn mødebriefing for Mette Hansen" }).click();
  await expect(page).toHaveURL(/\/sagsbehandler\/[0-9a-f-]{36}$/);
  await waitForStyles(page);
  await expect(mainHeading(page)).toHaveText("Mødebriefing: Mette Hansen");
  await expect(page).toHaveTitle("Mødebriefing: Mette Hansen – Min Vej");
  await expect(page.getByText("Mette Hansen kan se, at du har åbnet siden.")).toBeVisible();
  for (const heading of ["Næste møde", "Kan ikke komme", "Planen", "Delt forberedelse", "CV og jobønsker", "Netværk"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const meeting = page.getByRole("region", { name: "Næste møde" });
  await expect(meeting).toContainText("Samtale med Sara");
  await expect(meeting.getByRole("heading", { name: "Hvem kommer" })).toBeVisible();
  await expect(meeting).toContainText("Sara Nielsen");
  await expect(meeting.getByRole("heading", { name: "Spørgsmål og noter til mødet" })).toBeVisible();
  const plan = page.getByRole("region", { name: "Planen" });
  await expect(plan).toContainText("Beskæftigelsesmål");
  await expect(plan).toContainText("Komme op og ud af døren tre morgener om ugen");
  // Sådan går det (issue 22): the month she shared in the demo, in words, with her own words and when she shared it.
  const progress = page.getByRole("region", { name: "Sådan går det" });
  await expect(progress.getByRole("table", { name: "Svar måned for måned" })).toBeVisible();
  await expect(progress.getByRole("table")).toContainText("Ret godt");
  await expect(progress).toContainText("Det var rart at se Birgit.");
  await expect(progress).toContainText(/Delt den \d{1,2}\. \p{L}+ \d{4}\./u);
  // Never the energy diary.
  await expect(page.getByRole("main")).not.toContainText("Ondt i ryggen hele dagen.");
  await expect(page.getByRole("main")).not.toContainText(/\d{6}-?\d{4}/);
  // Without JavaScript there is no button (no-js.spec.ts checks that): the browser's own print.
  await expect(page.getByRole("button", { name: "Udskriv briefingen" })).toBeVisible();
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: briefing (da)");
  await useLanguage(page, "en");
  await expect(mainHeading(page)).toHaveText("Meeting briefing: Mette Hansen");
  await expect(page.getByRole("heading", { level: 2, name: "Shared preparation" })).toBeVisible();
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: briefing (en)");
  await useLanguage(page, "da");

  // The print view: no navigation or buttons, the date it was printed, and one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("link", { name: "Tilbage til dine deltagere" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Udskriv briefingen" })).toBeHidden();
  // Whole or, when much is shared, the short version: one page either way.
  await expect(page.getByText(/^Udskrevet \d+\. \w+ \d{4}\./)).toBeVisible();
  // The short version replaces the long one on paper.
  await expect(page.getByRole("region", { name: "Næste møde" })).toBeHidden();
  await expect(page.locator(".cw-print")).toContainText("Komme op og ud af døren tre morgener om ugen");
  await expect(mainHeading(page)).toBeVisible();
  // page.pdf() prints with print styles unless a media type is forced: clear the emulation first.
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = Number(/\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1]);
  // One A4 page, however much the other journeys in the run have shared of Mette's (the worst
  // case, every field full, is printed in tests/unit/caseworker/caseworker-print.test.ts).
  expect(pages).toBe(1);

  // Back to the list.
  await page.getByRole("link", { name: "Tilbage til dine deltagere" }).click();
  await expect(mainHeading(page)).toHaveText("Dine deltagere");
});

test("Ali's briefing in English: the meeting by phone, and nothing shared yet says so calmly", async ({ page }) => {
  await signIn(page, "sara");
  const { ali } = await briefingPaths(page);
  await useLanguage(page, "en");
  await page.goto(ali);
  await expect(mainHeading(page)).toHaveText("Meeting briefing: Ali Hassan");
  await expect(page.getByRole("region", { name: "Next meeting" })).toContainText("Phone");
  await expect(page.getByRole("region", { name: "Network" })).toContainText(/has not shared their network|Shared/);
  // Ali shares nothing of "How it is going": no section at all.
  await expect(page.getByRole("heading", { name: "How it is going" })).toHaveCount(0);
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: briefing Ali (en)");
  await useLanguage(page, "da");
  await expect(mainHeading(page)).toHaveText("Mødebriefing: Ali Hassan");
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: briefing Ali (da)");
});

test("Mette and Jonas get 404 on both pages; Sara gets 404 for anyone who is not hers", async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, "sara");
  const { mette } = await briefingPaths(page);

  for (const address of ["/sagsbehandler/00000000-0000-4000-8000-000000000000", "/sagsbehandler/ikke-et-id", "/sagsbehandler/%27%20or%201%3D1"]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(mainHeading(page)).toHaveText("Siden findes ikke");
  }
  await expectNoAxeViolationsAtAllWidths(page, "caseworker: not hers (404)");

  for (const person of ["mette", "jonas"] as const) {
    const context = await newContext(browser, javaScriptEnabled);
    const other = await context.newPage();
    await signIn(other, person);
    await expect(other.getByRole("link", { name: /Se dine deltagere/ })).toHaveCount(0);
    for (const address of ["/sagsbehandler", mette]) {
      const response = await other.goto(address);
      expect(response?.status(), `${person} ${address}`).toBe(404);
      await expect(other.getByRole("main")).not.toContainText("Mødebriefing");
    }
    await context.close();
  }

  // Signed out: the list sends you to sign in; a participant's briefing does not exist.
  const context = await newContext(browser, javaScriptEnabled);
  const anonymous = await context.newPage();
  await anonymous.goto("/sagsbehandler");
  await expect(anonymous).toHaveURL(/\/log-ind$/);
  expect((await anonymous.goto(mette))?.status()).toBe(404);
  await context.close();
});

test("Mette's log says that her caseworker opened her briefing, with the time and not the name", async ({ page, browser, javaScriptEnabled }) => {
  await signIn(page, "sara");
  const { mette } = await briefingPaths(page);
  await page.goto(mette);
  await expect(mainHeading(page)).toHaveText("Mødebriefing: Mette Hansen");

  const context = await newContext(browser, javaScriptEnabled);
  try {
    const metteSees = await context.newPage();
    await signIn(metteSees, "mette", "/paaroerende/log");
    await expect(mainHeading(metteSees)).toHaveText("Hvem har set mine oplysninger");
    const row = metteSees.locator(".relatives-log__entry").filter({ hasText: "Din sagsbehandler" }).first();
    await expect(row).toContainText("Så dine oplysninger i Min Vej (overblikket)");
    await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(metteSees.getByRole("main")).not.toContainText("Sara");
    await expectNoAxeViolationsAtAllWidths(metteSees, "access log with the caseworker's reading (da)");
  } finally {
    await context.close();
  }
});
