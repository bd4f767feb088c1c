import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * "Sådan får du besked" (/indstillinger, issue 18) in the browser: reached from the overview,
 * axe on each state (as saved, a refused save, saved) at 1280 and 320 px, in Danish and English.
 * Saving, conflicts, validation and the relative's copy are proven in
 * tests/integration/notifications/settings.test.ts; without JavaScript in no-js.spec.ts.
 * Saves here choose SMS only, so no other journey finds a reminder in a demo mailbox.
 */
test("notification settings: from the overview, every state clean in Danish and English", async ({ page }) => {
  await signIn(page, "mette");
  await page.getByRole("link", { name: "Sådan får du besked" }).click();
  await expect(mainHeading(page)).toHaveText("Sådan får du besked");
  await expect(page.getByText("En besked fra Min Vej siger aldrig, hvad en besked eller et møde handler om.")).toBeVisible();
  // The monthly "Sådan går det" reminder follows these channels; its day is chosen there (issue 22).
  await expect(page.getByText("Påmindelsen om »Sådan går det« kommer på den dag, du selv vælger.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Vælg dagen, eller slå den fra" })).toHaveAttribute("href", "/saadan-gaar-det/paamindelse");
  await expectNoAxeViolationsAtAllWidths(page, "notification settings (Mette)");

  await page.getByRole("checkbox", { name: "På SMS" }).check();
  await page.getByRole("textbox", { name: "Dit mobilnummer" }).fill("12");
  await page.getByRole("button", { name: "Gem dine valg" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Der er et problem" });
  await expect(summary.getByRole("link", { name: "Skriv dit mobilnummer med 8 cifre, fx 12 34 56 78." })).toBeVisible();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expectNoAxeViolationsAtAllWidths(page, "notification settings: number refused (Mette)");

  await page.getByRole("textbox", { name: "Dit mobilnummer" }).fill("11 22 33 01");
  await page.getByRole("checkbox", { name: "1 time før" }).check();
  await page.getByRole("button", { name: "Gem dine valg" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dine valg er gemt." })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "1 time før" })).toBeChecked();
  await expectNoAxeViolationsAtAllWidths(page, "notification settings: saved (Mette)");

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("How you are told");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoAxeViolationsAtAllWidths(page, "notification settings, English (Mette)");
  await page.getByRole("button", { name: "Dansk", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
});
