import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, test } from "./support/fixtures";

/**
 * Issue 17: MitID through NemLog-in, here through Test-MitID (the in-process identity provider the
 * test server offers with NEMLOGIN_TEST_IDP=1): the same SAML messages, signed and checked, as
 * with NemLog-in. A relative the municipality never registered is invited, signs in with MitID,
 * is created from her verified name, and gets access only after the participant has confirmed
 * "Ja, det er Lone" by that verified name. The participant confirms the grant with a fresh MitID.
 */

test.describe.configure({ timeout: 120_000 });

/** From a page with "Log ind med Test-MitID" (or NemLog-in's redirect) to Min Vej, as this person. */
async function throughTestMitId(page: Page, person: string, options: { level?: RegExp; label?: string } = {}) {
  await expect(mainHeading(page)).toHaveText("Test-MitID");
  await page.getByRole("radio", { name: person, exact: true }).check();
  if (options.level) await page.getByRole("radio", { name: options.level }).check();
  if (options.label) await expectNoAxeViolationsAtAllWidths(page, options.label);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Du er logget ind i Test-MitID");
  if (options.label) await expectNoAxeViolationsAtAllWidths(page, `${options.label}, answer`);
  await page.getByRole("button", { name: "Fortsæt til Min Vej" }).click();
}

async function signInWithTestMitId(page: Page, person: string, label?: string) {
  await page.goto("/log-ind");
  await page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
  await throughTestMitId(page, person, { label });
}

/** The invitation e-mail as the demo writes it (JSON in <DATA_DIR>/<project>/mail): its link. */
async function invitationLinkTo(email: string): Promise<string> {
  const folder = path.join(process.env.MINVEJ_E2E_DATA_DIR ?? "", test.info().project.name, "mail");
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const file of await readdir(folder).catch(() => [])) {
      const mail = JSON.parse(await readFile(path.join(folder, file), "utf8")) as { to: string; text: string };
      const link = /\/invitation\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
      if (mail.to.includes(email) && link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no invitation mail to ${email}`);
}

async function newBrowserPage(browser: Browser) {
  const context = await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen", baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

test("a relative the municipality never registered is bound to her MitID and confirmed by her verified name", async ({ page, browser }) => {
  const email = `lone.${randomUUID().slice(0, 8)}@example.org`;

  await test.step("Ali signs in with Test-MitID (the sign-in page says it is a demonstration)", async () => {
    await page.goto("/log-ind");
    await expect(page.getByRole("main")).toContainText("Dette er en demonstration af Min Vej");
    await page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
    await throughTestMitId(page, "Ali Hassan", { label: "Test-MitID" });
    await expect(page).toHaveURL(/\/$/);
    // Ali's own language is English; this journey reads the Danish pages.
    await page.getByRole("button", { name: "Dansk", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
  });

  await test.step("he invites Lone; 'Bekræft og send' asks for a fresh MitID first, then sends", async () => {
    await page.goto("/paaroerende/inviter");
    await page.getByLabel("Navn", { exact: true }).fill("Lone Berg");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Hvem er personen for dig?").fill("Søster");
    await page.getByRole("checkbox", { name: "Din plan" }).check();
    await page.getByRole("button", { name: "Fortsæt" }).click();
    await expect(mainHeading(page)).toHaveText("Tjek og bekræft invitationen");
    await page.getByRole("button", { name: "Bekræft og send" }).click();
    // More than five minutes since his MitID? Not here: he just signed in, so it sends at once,
    // or NemLog-in asks again (ForceAuthn) and he comes back to press once more.
    if ((await mainHeading(page).textContent()) === "Test-MitID") {
      await throughTestMitId(page, "Ali Hassan");
      await expect(page.getByRole("main")).toContainText("Du har bekræftet med MitID");
      await page.getByRole("button", { name: "Bekræft og send" }).click();
    }
    await expect(page.getByRole("status")).toContainText("Vi sender invitationen til");
  });

  const lone = await newBrowserPage(browser);
  try {
    await test.step("Lone opens the link, signs in with MitID and comes back to the invitation", async () => {
      const link = await invitationLinkTo(email);
      await lone.page.goto(link);
      await expect(mainHeading(lone.page)).toHaveText("Du er inviteret til Min Vej");
      await lone.page.getByRole("link", { name: "Log ind", exact: true }).click();
      await lone.page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
      await throughTestMitId(lone.page, "Lone Berg");
      await expect(mainHeading(lone.page)).toHaveText("Invitation fra Ali Hassan");
      // Signed in as the name MitID gave, not the one Ali typed.
      await expect(lone.page.getByRole("main")).toContainText("Du er logget ind som Lone Berg");
      await lone.page.getByRole("button", { name: "Tag imod", exact: true }).click();
      await expect(lone.page).toHaveURL(/\/hjaelper\?afventer=1$/);
      await expect(lone.page.getByRole("main").getByRole("link", { name: /Ali Hassan/ })).toHaveCount(0);
    });

    await test.step("Ali sees her verified name and confirms it is Lone", async () => {
      await page.goto("/paaroerende");
      const card = page.locator(".relatives-grant").filter({ hasText: email });
      await expect(card).toContainText("Lone Berg");
      await expectNoAxeViolationsAtAllWidths(page, "relatives list, confirm the verified name");
      await card.getByRole("button", { name: /^Ja, (det er Lone|giv adgang)/ }).click();
      await expect(page.getByRole("status")).toContainText("Lone Berg har nu adgang.");
    });

    await test.step("now, and only now, Lone sees Ali's plan", async () => {
      await lone.page.goto("/hjaelper");
      await lone.page.getByRole("link", { name: /Ali Hassan/ }).first().click();
      await expect(lone.page.getByRole("main")).toContainText("Ali");
    });
  } finally {
    await lone.context.close();
  }
});

test("MitID's calm refusals: a person the municipality does not know, too low a level, a cancelled sign-in", async ({ page }) => {
  await test.step("someone Min Vej has nothing for: no account is made, and they are told whom to call", async () => {
    await signInWithTestMitId(page, "Kim Nielsen");
    await expect(mainHeading(page)).toHaveText("Min Vej har ikke noget til dig endnu");
    await expect(page.getByRole("main")).toContainText("ring til din kommune");
    await expectNoAxeViolationsAtAllWidths(page, "MitID: not registered");
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind/);
  });

  await test.step("MitID at level Low is refused, even for Mette", async () => {
    await page.goto("/log-ind");
    await page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
    await throughTestMitId(page, "Mette Hansen", { level: /lav/ });
    await expect(mainHeading(page)).toHaveText("Du skal bruge MitID på et højere niveau");
    await expectNoAxeViolationsAtAllWidths(page, "MitID: assurance too low");
  });

  await test.step("a sign-in cancelled at MitID", async () => {
    await page.goto("/log-ind");
    await page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
    await page.getByRole("button", { name: "Afbryd" }).click();
    await page.getByRole("button", { name: "Fortsæt til Min Vej" }).click();
    await expect(mainHeading(page)).toHaveText("Du er ikke logget ind");
    await expectNoAxeViolationsAtAllWidths(page, "MitID: cancelled");
  });

  await test.step("Mette signs in with MitID, and 'Log ud' ends the MitID session too", async () => {
    await signInWithTestMitId(page, "Mette Hansen");
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole("button", { name: "Log ud" }).first().click();
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind/);
  });
});
