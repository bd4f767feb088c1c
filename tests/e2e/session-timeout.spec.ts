import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signInThroughForm, test } from "./support/fixtures";

/*
 * The warning dialog and the automatic sign-out run in the browser on a timer; without
 * JavaScript the server ends the session on its own and says so at the next page load.
 * The browser's clock is faked here; the server's clock is real, so the server still sees an
 * active session while the page believes 25 or 31 minutes have passed.
 */
test.describe("session timeout", () => {

  const WARNING_TITLE = "Du bliver logget ud om 5 minutter";

  test.beforeEach(async ({ page }) => {
    await page.clock.install();
    // Through the form: the overview it leads to is loaded with the fake clock installed, so the
    // page's script (plain-page.js) starts its idle timer on that clock.
    await signInThroughForm(page, "mette");
    await expect(mainHeading(page)).toHaveText("Hej Mette");
  });

  test("warns five minutes before, lets Mette stay, and later signs her out calmly", async ({ page }) => {
    const dialog = page.getByRole("dialog", { name: WARNING_TITLE });

    await test.step("no warning while she is active", async () => {
      await page.clock.fastForward("20:00");
      await expect(dialog).toHaveCount(0);
    });

    await test.step("the warning after 25 idle minutes", async () => {
      await page.clock.fastForward("05:00");
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("Det, du har gemt, bliver ikke væk.");
      await expect(dialog).toContainText(/Tid tilbage: [45]:\d\d/);
      await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await expectNoAxeViolationsAtAllWidths(page, "session warning dialog");
    });

    await test.step("'Bliv logget ind' keeps her on the page", async () => {
      const keepAlive = page.waitForResponse(
        (r) => r.request().method() === "POST" && /^\/session\/forny(\.data)?$/.test(new URL(r.url()).pathname),
      );
      await dialog.getByRole("button", { name: "Bliv logget ind" }).click();
      expect((await keepAlive).status()).toBe(200);
      await expect(dialog).toHaveCount(0);
      await expect(page).toHaveURL(/\/$/);
      await expect(mainHeading(page)).toHaveText("Hej Mette");
    });

    await test.step("31 idle minutes later she is signed out, with a calm message", async () => {
      await page.clock.fastForward("31:00");
      await expect(page).toHaveURL(/\/log-ind\?udloebet=1$/);
      await expect(page.getByRole("status")).toContainText(
        "Du er blevet logget ud, fordi du ikke har brugt siden i 30 minutter.",
      );
      await expect(page.getByRole("status")).toContainText("Det, du havde gemt, er ikke væk.");
      await expectNoAxeViolationsAtAllWidths(page, "signed out after timeout");
    });

    await test.step("the session is over on the server too", async () => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/log-ind$/);
    });
  });

  test("'Log ud nu' signs out at once", async ({ page }) => {
    const dialog = page.getByRole("dialog", { name: WARNING_TITLE });
    await page.clock.fastForward("25:00");
    await dialog.getByRole("button", { name: "Log ud nu" }).click();
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await expect(page.getByRole("status")).toHaveText("Du er nu logget ud. Tak for i dag.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind$/);
  });

  test("focus starts on 'Bliv logget ind' and returns where it was; Escape keeps her too", async ({ page }) => {
    const dialog = page.getByRole("dialog", { name: WARNING_TITLE });
    await page.getByRole("link", { name: "Min Plan", exact: true }).first().focus();

    await page.clock.fastForward("20:00");
    await expect(dialog).toHaveCount(0);
    await page.clock.fastForward("05:00");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Det, du har gemt, bliver ikke væk.");
    await expect(dialog).toContainText(/Tid tilbage: [45]:\d\d/);
    await expect(dialog.getByRole("button", { name: "Bliv logget ind" })).toBeFocused();
    await expectNoAxeViolationsAtAllWidths(page, "session warning dialog, focus returns");

    const keepAlive = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/session/forny");
    await dialog.getByRole("button", { name: "Bliv logget ind" }).click();
    expect((await keepAlive).status()).toBe(200);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Min Plan", exact: true }).first()).toBeFocused();

    await page.clock.fastForward("25:00");
    await expect(dialog).toBeVisible();
    const again = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/session/forny");
    await page.keyboard.press("Escape");
    expect((await again).status()).toBe(200);
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);

    await page.clock.fastForward("31:00");
    await expect(page).toHaveURL(/\/log-ind\?udloebet=1$/);
    await expect(page.getByRole("status")).toContainText("Du er blevet logget ud, fordi du ikke har brugt siden i 30 minutter.");
  });
});
