import type { Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";

// Issue 22: "Forlad siden hurtigt" on every page (a plain link without JavaScript, Shift three
// times and a replaced history entry with it), and the hard-day switch with its calm page.

const EXIT = "https://www.dmi.dk/";

/** The neutral site, answered here (no test reaches the internet); `held` keeps it loading. */
async function fakeNeutralSite(page: Page, held?: Promise<void>) {
  await page.context().route(`${EXIT}**`, async (route) => {
    await held;
    await route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Vejret</title><h1>Vejret</h1>" });
  });
}

test("'Forlad siden hurtigt' without JavaScript on a plain-language page, signed out: the second Tab stop, a plain link", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL, locale: "da-DK" });
  const page = await context.newPage();
  await fakeNeutralSite(page);
  await page.goto("/om");
  expect(await page.locator("script").count()).toBe(0);
  const exit = page.getByRole("link", { name: "Forlad siden hurtigt" });
  await expect(exit).toHaveAttribute("href", EXIT);
  await tabTo(page, page.getByRole("link", { name: "Gå til indholdet" }), { max: 1 });
  await tabTo(page, exit, { max: 1 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(EXIT);
  await context.close();
});

test("'Forlad siden hurtigt' signed in with JavaScript: the page is blanked, replaced in the history, and Shift three times does the same", async ({ page }) => {
  await fakeNeutralSite(page);
  await signIn(page, "mette");

  await test.step("the button leaves, and Back does not return to the page it left", async () => {
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Møder", exact: true }).click();
    await expect(mainHeading(page)).toHaveText("Møder");
    await page.getByRole("link", { name: "Forlad siden hurtigt" }).click();
    await expect(page).toHaveURL(EXIT);
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(mainHeading(page)).toHaveText("Hej Mette");
  });

  await test.step("Shift three times: told how many are left, then blank at once while the other site loads", async () => {
    await page.context().unrouteAll();
    let release = () => {};
    await fakeNeutralSite(page, new Promise<void>((resolve) => (release = resolve)));
    // While a navigation is under way Playwright reads nothing from the page: the page reports
    // how its body looks the moment it is told to leave.
    const seen: string[] = [];
    await page.exposeBinding("__minvejLeaving", (_source, display: string) => seen.push(display));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.documentElement.classList.contains("quick-exit-leaving")) {
          (window as unknown as { __minvejLeaving: (display: string) => void }).__minvejLeaving(getComputedStyle(document.body).display);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class"] });
    });
    await page.goto("/min-plan");
    const live = page.locator(".quick-exit [aria-live]");
    // Press until a press is counted (a first one before the page's script listens is not).
    await expect(async () => {
      await page.keyboard.press("Shift");
      await expect(live).not.toBeEmpty({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    if ((await live.textContent()) === "Tryk på Shift 2 gange mere for at forlade siden.") await page.keyboard.press("Shift");
    await expect(live).toHaveText("Tryk på Shift 1 gang mere for at forlade siden.");
    await page.keyboard.press("Shift");
    await expect.poll(() => seen).toEqual(["none"]);
    release();
    await expect(page).toHaveURL(EXIT);
  });
});

test("'Forlad siden hurtigt' on the overview: a capital letter or another key starts the count again; Shift three times leaves", async ({ page }) => {
  await fakeNeutralSite(page);
  await signIn(page, "mette");
  expect(await page.locator("script[type=module]").count()).toBe(0);
  const live = page.locator(".quick-exit [aria-live]");
  await page.keyboard.press("Shift");
  await expect(live).toHaveText("Tryk på Shift 2 gange mere for at forlade siden.");
  // Shift held for a capital letter does not count, and the letter starts the count again.
  await page.keyboard.press("Shift+KeyA");
  await expect(live).toHaveText("");
  await page.keyboard.press("Shift");
  await expect(live).toHaveText("Tryk på Shift 2 gange mere for at forlade siden.");
  await page.keyboard.press("KeyB");
  await expect(live).toHaveText("");
  await page.keyboard.press("Shift");
  await expect(live).toHaveText("Tryk på Shift 2 gange mere for at forlade siden.");
  await page.keyboard.press("Shift");
  await expect(live).toHaveText("Tryk på Shift 1 gang mere for at forlade siden.");
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(EXIT);
  // The overview's entry was replaced: Back does not return to it.
  await page.goBack();
  await expect(page).not.toHaveURL(/localhost:\d+\/$/);
});

test("a hard day: the switch, the calm page on every participant page, 'Vis hele siden alligevel', and off again", async ({ page }) => {
  await signIn(page, "mette", "/min-plan");
  const nav = page.getByRole("navigation", { name: "Hovedmenu" });
  const main = page.getByRole("main");

  await test.step("'Jeg har en hård dag' turns Min Plan into the calm page, remembered in a cookie on this device", async () => {
    await nav.getByRole("button", { name: "Jeg har en hård dag" }).click();
    await expect(page).toHaveURL(/\/min-plan$/);
    await expect(mainHeading(page)).toHaveText("Det vigtigste");
    await expect(page).toHaveTitle("Det vigtigste – Min Vej");
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("minvej_hard_dag"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(360 * 86_400_000);
  });

  await test.step("only the next meeting, one next step, writing to the caseworker and crisis help; nothing to fill in", async () => {
    await expect(main.getByRole("heading", { level: 2 })).toHaveText([
      "Dit næste møde",
      "Dit næste skridt",
      "Din sagsbehandler",
      "Hvis du får det dårligt",
      "Vil du se alt igen?",
    ]);
    await expect(main.getByRole("link", { name: "Skriv til min sagsbehandler" })).toHaveAttribute("href", "/beskeder/ny");
    await expect(main.getByRole("link", { name: "112", exact: true })).toHaveAttribute("href", "tel:112");
    await expect(main.getByRole("link", { name: "70 201 201" })).toHaveAttribute("href", "tel:70201201");
    await expect(main.getByRole("link", { name: "Mere hjælp og kontakt" })).toHaveAttribute("href", "/hjaelp");
    await expect(main.locator("input:not([type=hidden]), textarea, select")).toHaveCount(0);
    await expect(nav.getByRole("button")).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "hard day: the calm page");
    await page.setViewportSize({ width: 320, height: 256 });
    const box = await mainHeading(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(256);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step("another page is calm too; 'Vis hele siden alligevel' shows that one page in full", async () => {
    await nav.getByRole("link", { name: "Møder", exact: true }).click();
    await expect(page).toHaveURL(/\/moeder$/);
    await expect(mainHeading(page)).toHaveText("Det vigtigste");
    await main.getByRole("link", { name: "Vis hele siden alligevel" }).click();
    await expect(page).toHaveURL(/\/moeder\?vis=alt$/);
    await expect(mainHeading(page)).toHaveText("Møder");
    await expect(nav.getByRole("button", { name: "Slå hård dag fra" })).toBeVisible();
    await nav.getByRole("link", { name: "Beskeder", exact: true }).click();
    await expect(mainHeading(page)).toHaveText("Det vigtigste");
  });

  await test.step("writing to the caseworker stays as it is", async () => {
    await main.getByRole("link", { name: "Skriv til min sagsbehandler" }).click();
    await expect(page).toHaveURL(/\/beskeder\/ny$/);
    await expect(mainHeading(page)).not.toHaveText("Det vigtigste");
    await expect(main.getByRole("textbox").first()).toBeVisible();
  });

  await test.step("'Slå hård dag fra' on the calm page: the whole page again, the cookie gone", async () => {
    await page.goto("/");
    await main.getByRole("button", { name: "Slå hård dag fra" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(mainHeading(page)).toHaveText("Hej Mette");
    await expect(nav.getByRole("button", { name: "Jeg har en hård dag" })).toBeVisible();
    expect((await page.context().cookies()).some((c) => c.name.endsWith("minvej_hard_dag"))).toBe(false);
  });
});
