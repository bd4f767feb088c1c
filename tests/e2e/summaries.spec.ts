import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * Issue 22, "Referat efter samtalen", with JavaScript: Sara opens her summaries from Mette's
 * briefing and sends a correction of the demo's summary with a new point; Mette reads "Det aftalte
 * vi" on the meeting's page (rettet, links into Min Plan) and answers one point with "Jeg husker det
 * anderledes"; Sara finds it in her inbox as its own kind. axe in Danish and English at 1280 and
 * 320 px. The first publication, drafts and the "no" cases: tests/integration/summaries. Without
 * JavaScript: no-js.spec.ts.
 */

async function useLanguage(page: Page, language: "da" | "en") {
  const button = page.getByRole("button", { name: language === "da" ? "Dansk" : "English", exact: true });
  if ((await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
  }
}

test("Sara corrects the summary, Mette answers a point, Sara sees it in her inbox", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const mette = await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen", baseURL: test.info().project.use.baseURL });
  const mettePage = await mette.newPage();
  try {
    await test.step("Sara: from Mette's briefing to the held meeting's summary", async () => {
      await signIn(page, "sara", "/sagsbehandler");
      await page.getByRole("link", { name: /Mette Hansen/ }).first().click();
      await page.getByRole("link", { name: "Skriv eller ret referater fra holdte møder" }).click();
      await expect(mainHeading(page)).toHaveText("Referater efter samtaler");
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: summaries list (da)");
      await page.getByRole("link", { name: /^Samtale med Sara/ }).click();
      await expect(mainHeading(page)).toHaveText("Referat: Samtale med Sara");
      await expect(page.getByRole("heading", { name: "Det kan Mette se nu" })).toBeVisible();
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: summary, published (da)");
      await useLanguage(page, "en");
      await expect(page.getByRole("heading", { name: "Correct the summary" })).toBeVisible();
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: summary, published (en)");
      await useLanguage(page, "da");
    });

    await test.step("Sara adds a point and sends the correction", async () => {
      await page.getByRole("button", { name: "Tilføj et punkt" }).click();
      await page.getByRole("textbox", { name: "Det aftalte vi, punkt 4 (valgfrit)" }).fill(`Vi ses igen om en måned. (${tag})`);
      await page.getByRole("textbox", { name: "Hvad har du rettet? (valgfrit)" }).fill("Jeg har tilføjet punkt 4.");
      await page.getByRole("button", { name: "Send rettelsen til Mette" }).click();
      await expect(page.getByRole("status")).toHaveText("Rettelsen er sendt. Mette kan se, at referatet er rettet.");
      await expect(page.locator(".tag", { hasText: "Version 2" })).toBeVisible();
    });

    await test.step("Mette reads Det aftalte vi, corrected, with her plan's items", async () => {
      await signIn(mettePage, "mette", "/moeder/tidligere");
      await mettePage.getByRole("link", { name: "Samtale med Sara" }).click();
      const summary = mettePage.getByRole("region", { name: "Det aftalte vi" });
      await expect(summary).toContainText(/Rettet .+\./);
      await expect(summary).toContainText("Det blev rettet: Jeg har tilføjet punkt 4.");
      await expect(summary.getByRole("listitem").filter({ hasText: `Vi ses igen om en måned. (${tag})` })).toHaveCount(1);
      await expect(summary.getByRole("link", { name: "Aktivitet: Virksomhedspraktik i Genbrugsbutikken Anden Chance" })).toBeVisible();
      await expectNoAxeViolationsAtAllWidths(mettePage, "meeting with its summary (Mette, da)");
      await useLanguage(mettePage, "en");
      await expect(mettePage.getByRole("region", { name: "What we agreed" })).toBeVisible();
      await expectNoAxeViolationsAtAllWidths(mettePage, "meeting with its summary (Mette, en)");
      await useLanguage(mettePage, "da");
    });

    await test.step("Mette remembers point 1 differently: refused empty, then sent", async () => {
      await mettePage.getByRole("link", { name: "Jeg husker det anderledes (punkt 1)" }).click();
      await expect(mainHeading(mettePage)).toHaveText("Jeg husker punkt 1 anderledes");
      await expectNoAxeViolationsAtAllWidths(mettePage, "remember differently (Mette, da)");
      await mettePage.getByRole("button", { name: "Send til Sara Nielsen" }).click();
      await expect(mettePage.getByRole("alert").getByRole("link", { name: "Skriv, hvad du husker." })).toBeVisible();
      await expect(mettePage).toHaveTitle("Fejl: Jeg husker punkt 1 anderledes – Min Vej");
      await useLanguage(mettePage, "en");
      await expectNoAxeViolationsAtAllWidths(mettePage, "remember differently, refused (Mette, en)");
      await useLanguage(mettePage, "da");
      await mettePage.getByRole("textbox", { name: "Hvad husker du?" }).fill(`Vi talte om 6 timer om ugen, ikke 8. (${tag})`);
      await mettePage.getByRole("button", { name: "Send til Sara Nielsen" }).click();
      await expect(mettePage.getByRole("status")).toHaveText("Tak. Det, du husker om punkt 1, er sendt til din sagsbehandler.");
      const point = mettePage.locator("#punkt-1");
      await expect(point).toContainText("Du har skrevet, at du husker det anderledes");
      await point.getByRole("link", { name: "Se samtalen" }).click();
      await expect(mettePage.locator("main")).toContainText(`Vi talte om 6 timer om ugen, ikke 8. (${tag})`);
    });

    await test.step("Sara: Husker det anderledes, waiting in her inbox", async () => {
      await page.goto("/sagsbehandler/beskeder");
      const row = page.getByRole("region", { name: /^Venter på dit svar/ }).getByRole("listitem").filter({ hasText: "Referat: Samtale med Sara" });
      await expect(row).toContainText("Mette Hansen");
      await expect(row).toContainText("Husker det anderledes");
      await row.getByRole("link").first().click();
      await expect(page.locator("main")).toContainText(`Vi talte om 6 timer om ugen, ikke 8. (${tag})`);
    });
  } finally {
    await mette.close();
  }
});
