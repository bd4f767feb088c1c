import { expectNoAxeViolations } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";

// 400 % zoom on a laptop is a 320 × 256 window. The page's heading must be on the first screen,
// so the eight menu links sit behind a "Menu" disclosure that works with and without JavaScript.
test.use({ viewport: { width: 320, height: 256 } });

test("at 320 × 256 the heading is on the first screen and the menu opens with the keyboard", async ({ page }) => {
  await signIn(page, "mette", "/min-plan");

  await test.step("the h1 is inside the first screen, the links are tucked away", async () => {
    const box = await mainHeading(page).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(256);
    await expect(page.getByRole("link", { name: "Netværk", exact: true })).toBeHidden();
  });

  await test.step("Tab to 'Menu', open it with Enter, and every link and 'Log ud' are there", async () => {
    const menu = page.locator("summary", { hasText: "Menu" });
    await tabTo(page, menu, { max: 4 });
    await page.keyboard.press("Enter");
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    for (const name of ["Overblik", "Min Plan", "Møder", "Forberedelse", "CV", "Netværk", "Pårørende", "Om dit forløb"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: "Min Plan", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("button", { name: "Log ud", exact: true })).toBeVisible();
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(page, "menu open at 320 px");
    await page.setViewportSize({ width: 320, height: 256 });
  });

  await test.step("choosing a link goes there and the menu is closed again", async () => {
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Møder", exact: true }).click();
    await expect(page).toHaveURL(/\/moeder$/);
    await expect(page.getByRole("link", { name: "Netværk", exact: true })).toBeHidden();
    const box = await mainHeading(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(256);
  });
});

test("at 1280 px the links are shown as before and there is no 'Menu'", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "mette");
  await expect(page.locator("summary", { hasText: "Menu" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Netværk", exact: true })).toBeVisible();
});
