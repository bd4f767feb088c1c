import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

const METTE_OWN_GOAL = "Jeg vil gerne have en hverdag, hvor jeg kommer ud af døren og føler, jeg bidrager.";

test("Ali sees his own overview with his phone meeting", async ({ page }) => {
  await signIn(page, "ali");
  // Ali prefers English: signing in without having chosen a language gives him English.
  await expect(mainHeading(page)).toHaveText("Hello Ali");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("You are in a jobafklaringsforløb (job clarification programme).")).toBeVisible();

  const nextMeeting = page.getByRole("region", { name: "Your next meeting" });
  await expect(nextMeeting).toContainText("Telefonsamtale med Sara");
  await expect(nextMeeting).toContainText("By phone");
  await expect(nextMeeting).toContainText("Sara ringer dig op på dit mobilnummer.");
  await expect(page.getByRole("region", { name: "Your goal" })).toContainText(
    "I want to get back to work as an electrician",
  );
  await expect(page.getByRole("main")).not.toContainText(METTE_OWN_GOAL);
  await expectNoAxeViolationsAtAllWidths(page, "overview (Ali)");
});

test("Jonas, a relative without a programme, sees a short page that says so", async ({ page }) => {
  await signIn(page, "jonas");
  await expect(mainHeading(page)).toHaveText("Hej Jonas");
  await expect(page.getByText("Du er logget ind, men du har ikke et forløb i Min Vej.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("pårørende");
  await expect(page.getByRole("region", { name: "Dit næste møde" })).toHaveCount(0);
  // His sister's plan is not his to read.
  await expect(page.getByRole("main")).not.toContainText(METTE_OWN_GOAL);
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toHaveCount(0);
  await expectNoAxeViolationsAtAllWidths(page, "no programme (Jonas)");
});

test("Sara, a caseworker, is told where she reads participants' information", async ({ page }) => {
  await signIn(page, "sara");
  await expect(mainHeading(page)).toHaveText("Hej Sara");
  await expect(page.getByText("Du er logget ind, men du har ikke et forløb i Min Vej.")).toBeVisible();
  await expect(page.getByText(/Som sagsbehandler læser du deltagernes oplysninger/)).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(METTE_OWN_GOAL);
  await expectNoAxeViolationsAtAllWidths(page, "no programme (Sara)");
});
