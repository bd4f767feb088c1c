import { randomUUID } from "node:crypto";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, test } from "./support/fixtures";

test("signed out, the overview sends you to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/log-ind$/);
  await expect(mainHeading(page)).toHaveText("Log ind");
  await expect(page.getByRole("button", { name: "Log ud", exact: true })).toHaveCount(0);
});

test("help and contact can be read signed out", async ({ page }) => {
  const response = await page.goto("/hjaelp");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/hjaelp$/);
  await expect(mainHeading(page)).toHaveText("Hjælp og kontakt");
  await expect(page).toHaveTitle("Hjælp og kontakt – Min Vej");
  await expect(page.getByRole("main")).toContainText("ring 112");
  await expect(page.getByRole("main")).toContainText("70 201 201");
  await expectNoAxeViolationsAtAllWidths(page, "help (signed out)");
});

test("the accessibility statement can be read signed out", async ({ page }) => {
  const response = await page.goto("/tilgaengelighed");
  expect(response?.status()).toBe(200);
  await expect(mainHeading(page)).toHaveText("Tilgængelighed");
  await expect(page).toHaveTitle("Tilgængelighed – Min Vej");
  await expect(page.getByRole("heading", { name: "Fortæl os om problemer" })).toBeVisible();
  await expectNoAxeViolationsAtAllWidths(page, "accessibility statement (signed out)");
});

test("an unknown address shows a calm 404 page", async ({ page }) => {
  const response = await page.goto(`/findes-ikke-${randomUUID().slice(0, 8)}`);
  expect(response?.status()).toBe(404);
  await expect(mainHeading(page)).toHaveText("Siden findes ikke");
  await expect(page).toHaveTitle("Siden findes ikke – Min Vej");
  await expect(page.getByRole("link", { name: "Gå til forsiden" })).toBeVisible();
  await expectNoAxeViolationsAtAllWidths(page, "404");
});

test("a page carries only its own words, and the browser fetches no translations (decision 0026)", async ({ request }) => {
  const html = await (await request.get("/log-ind")).text();
  // Words of other pages (here: withdrawing a relative's access) are not in the sign-in page.
  expect(html).not.toContain("Tilbagekald adgangen");
  expect(html).not.toContain("/i18n/");
  expect((await request.get("/i18n/da.000000000000.json")).status()).toBe(404);
});
