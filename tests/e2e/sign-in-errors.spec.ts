import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, test } from "./support/fixtures";

test("signing in with nobody chosen says what to do, and then works", async ({ page }) => {
  await page.goto("/log-ind");
  await page.getByRole("button", { name: "Log ind", exact: true }).click();

  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Der er et problem" }) });
  const group = page.getByRole("group", { name: "Hvem vil du logge ind som?" });
  const firstRadio = page.getByRole("radio", { name: "Mette Hansen", exact: true });

  await test.step("the error summary, the inline message and the title", async () => {
    await expect(summary).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Log ind – Min Vej");
    await expect(page).toHaveURL(/\/log-ind$/);
    // The summary sits above the h1, so it is read first.
    const summaryTop = (await summary.boundingBox())?.y ?? Infinity;
    const headingTop = (await mainHeading(page).boundingBox())?.y ?? -Infinity;
    expect(summaryTop).toBeLessThan(headingTop);
    // The inline message is tied to the question, and says what to do.
    await expect(group).toHaveAccessibleDescription(/Vælg, hvem du vil logge ind som/);
    await expect(group.getByText("Vælg, hvem du vil logge ind som")).toBeVisible();
    await expect(page.getByRole("button", { name: "Log ud", exact: true })).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "sign-in, error shown");
  });

  await test.step("the link in the summary moves focus to the first choice", async () => {
    await summary.getByRole("link", { name: "Vælg, hvem du vil logge ind som" }).click();
    await expect(firstRadio).toBeFocused();
  });

  await test.step("choosing someone fixes it", async () => {
    await firstRadio.check();
    await page.getByRole("button", { name: "Log ind", exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(mainHeading(page)).toHaveText("Hej Mette");
    await expect(page).toHaveTitle("Overblik – Min Vej");
  });
});

test("the error summary takes focus after a failed sign-in", async ({ page }) => {
  await page.goto("/log-ind");
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Der er et problem" }) });
  await expect(summary).toBeFocused();
});

// Without JavaScript the server answers the empty sign-in itself (400): no-js.spec.ts.

test("the sign-in errors in English", async ({ page }) => {
  await page.goto("/log-ind");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(mainHeading(page)).toHaveText("Sign in");
  await expect(page).toHaveTitle("Sign in – Min Vej");
  await expectNoAxeViolationsAtAllWidths(page, "sign-in, English");

  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page).toHaveTitle("Error: Sign in – Min Vej");
  await expect(page.getByRole("group", { name: "Who do you want to sign in as?" })).toHaveAccessibleDescription(
    /Choose who you want to sign in as/,
  );
  await expectNoAxeViolationsAtAllWidths(page, "sign-in, error shown, English");
});
