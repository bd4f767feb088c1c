import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signInThroughForm, test } from "./support/fixtures";

// From db/seed-data.ts: Mette's goal in her own words, and the titles of her meetings ahead.
const METTE_OWN_GOAL = "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren og føler, jeg bidrager.";
const METTE_MEETINGS = /Samtale med Sara|Smerteskolen|Med Lars ud til genbrugsbutikken/;
const ALI_OWN_GOAL = "I want to get back to work as an electrician";

test("Mette signs in, reads her overview, switches to English and back, and signs out", async ({ page }) => {
  await test.step("the sign-in page", async () => {
    await page.goto("/log-ind");
    await expect(page).toHaveTitle("Log ind – Min Vej");
    await expect(page.getByRole("group", { name: "Hvem vil du logge ind som?" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "sign-in");
  });

  await test.step("sign in as Mette and see her overview", async () => {
    await signInThroughForm(page, "mette");
    await expect(mainHeading(page)).toHaveText("Hej Mette");
    await expect(page).toHaveTitle("Overblik – Min Vej");

    const nextMeeting = page.getByRole("region", { name: "Dit næste møde" });
    await expect(nextMeeting).toContainText(METTE_MEETINGS);
    await expect(nextMeeting).toContainText("Hvornår");
    // The meeting shown is one that has not ended: it started at most a few hours ago.
    const startsAt = Date.parse((await nextMeeting.locator("time").first().getAttribute("datetime")) ?? "");
    expect(startsAt).toBeGreaterThan(Date.now() - 4 * 60 * 60 * 1000);

    await expect(page.getByRole("region", { name: "Dit mål" })).toContainText(METTE_OWN_GOAL);
    await expect(page.getByRole("region", { name: "Dit næste skridt" })).not.toBeEmpty();
    const caseworker = page.getByRole("region", { name: "Din sagsbehandler" });
    await expect(caseworker).toContainText("Sara Nielsen");
    await expect(caseworker.locator('a[href^="tel:"]')).toBeVisible();

    // Only her own things: nothing of Ali's.
    await expect(page.getByRole("main")).not.toContainText(ALI_OWN_GOAL);
    await expect(page.getByRole("main")).not.toContainText("Telefonsamtale med Sara");
    await expectNoAxeViolationsAtAllWidths(page, "overview (Mette)");
  });

  await test.step("the skip link is the first Tab stop and moves focus to the content", async () => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Gå til indholdet" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  await test.step("switch to English", async () => {
    await expect(page.getByRole("button", { name: "Dansk" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "English" }).click();
    await expect(mainHeading(page)).toHaveText("Hello Mette");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Overview – Min Vej");
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "Dansk" })).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByRole("region", { name: "Your next meeting" })).toContainText(METTE_MEETINGS);
    // Her own words are hers: they are not translated.
    await expect(page.getByRole("region", { name: "Your goal" })).toContainText(METTE_OWN_GOAL);
    await expectNoAxeViolationsAtAllWidths(page, "overview (Mette), English");
  });

  await test.step("the language choice is remembered on other pages", async () => {
    await page.getByRole("link", { name: "Help and contact" }).click();
    await expect(mainHeading(page)).toHaveText("Help and contact");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoAxeViolationsAtAllWidths(page, "help (signed in), English");
  });

  await test.step("back to Danish", async () => {
    await page.getByRole("button", { name: "Dansk" }).click();
    await expect(mainHeading(page)).toHaveText("Hjælp og kontakt");
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
    await page.goto("/");
    await expect(mainHeading(page)).toHaveText("Hej Mette");
    await expect(page.getByRole("button", { name: "Dansk" })).toHaveAttribute("aria-pressed", "true");
  });

  await test.step("sign out", async () => {
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await expect(page.getByRole("status")).toHaveText("Du er nu logget ud. Tak for i dag.");
    await expect(page.getByRole("button", { name: "Log ud", exact: true })).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "signed out");
  });

  await test.step("the session is really over", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind$/);
    await expect(page.getByRole("main")).not.toContainText(METTE_OWN_GOAL);
  });
});
