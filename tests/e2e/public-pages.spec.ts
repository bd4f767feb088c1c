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

test("the words come from one cached file per language, not inside every page, and only the page's namespaces", async ({ request }) => {
  const html = await (await request.get("/log-ind")).text();
  // Words of other pages (here: withdrawing a relative's access) are not in the sign-in page.
  expect(html).not.toContain("Tilbagekald adgangen");
  const href = /<link id="translations"[^>]* href="(\/i18n\/da\.[0-9a-f]{12}\.json)\?ns=account,common"/.exec(html)?.[1];
  expect(href).toBeTruthy();

  const file = await request.get(`${href!}?ns=account,common`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("application/json");
  expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const bundle = (await file.json()) as Record<string, unknown>;
  expect(Object.keys(bundle).sort()).toEqual(["account", "common"]);

  // Without `ns`, every namespace (a route that declares none, or another language's first load).
  const all = (await (await request.get(href!)).json()) as Record<string, unknown>;
  expect(JSON.stringify(all.relatives)).toContain("Tilbagekald adgangen");

  // An address from an older release gets today's words, not to be kept; nonsense is 404.
  const older = await request.get("/i18n/da.000000000000.json");
  expect(older.status()).toBe(200);
  expect(older.headers()["cache-control"]).toBe("no-cache");
  expect((await request.get("/i18n/xx.000000000000.json")).status()).toBe(404);
  expect((await request.get("/i18n/da.json")).status()).toBe(404);
});
