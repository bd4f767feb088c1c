import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";

/**
 * Pårørende: a participant invites Jonas with two scopes (plan, meetings); Jonas reads the mail
 * in the demo mailbox, signs in in his own browser, accepts and sees exactly those; the
 * participant sees the access log and withdraws; Jonas's next request is refused.
 *
 * The js and no-js projects share one database, so each uses its own participant (js: Mette,
 * no-js: Ali, who is both a participant and, here, the one inviting) and the journeys within a
 * project run one after the other (Jonas can hold only one grant per participant at a time).
 */
test.describe.configure({ mode: "serial" });

const text = {
  da: {
    listTitle: "Pårørende",
    invite: "Inviter en pårørende",
    formTitle: "Inviter en pårørende",
    name: "Navn",
    email: "E-mail",
    relation: "Hvem er personen for dig?",
    plan: "Din plan",
    appointments: "Dine møder",
    continue: "Fortsæt",
    checkTitle: "Tjek og bekræft invitationen",
    confirm: "Bekræft og send",
    sent: "Invitationen er sendt til",
    mailboxTitle: "Demo-postkasse",
    subject: (who: string) => `${who} inviterer dig til Min Vej`,
    signedOutTitle: "Du er inviteret til Min Vej",
    signInLink: "Log ind",
    signInButton: "Log ind",
    answerTitle: (who: string) => `Invitation fra ${who}`,
    accept: "Tag imod",
    homeTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} sider`,
    planLink: (first: string) => `Se ${first === "Ali" ? "Alis" : "Mettes"} plan`,
    planTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} plan`,
    appointmentsTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} møder`,
    nav: ["Forside", "Plan", "Møder"],
    banner: (who: string) => `Du ser ${who}s sider.`,
    usedTitle: "Invitationen er allerede besvaret",
    logLink: "Hvem har set mine oplysninger",
    logViewedPlan: "Så din plan",
    active: "Har adgang",
    withdraw: "Tilbagekald adgangen",
    withdrawConfirm: "Ja, tilbagekald adgangen",
    withdrawn: "har ikke adgang mere",
    notFound: "Siden findes ikke",
    helping: (who: string) => `Du hjælper: ${who}`,
    errorTitle: "Fejl: ",
    errors: ["Skriv personens navn", "Skriv personens e-mail", "Skriv, hvem personen er for dig", "Vælg mindst én ting, personen må se"],
  },
  en: {
    listTitle: "Relatives",
    invite: "Invite a relative",
    formTitle: "Invite a relative",
    name: "Name",
    email: "Email",
    relation: "Who is this person to you?",
    plan: "Your plan",
    appointments: "Your meetings",
    continue: "Continue",
    checkTitle: "Check and confirm the invitation",
    confirm: "Confirm and send",
    sent: "The invitation has been sent to",
    mailboxTitle: "Demo mailbox",
    subject: (who: string) => `${who} invites you to Min Vej`,
    signedOutTitle: "You are invited to Min Vej",
    signInLink: "Sign in",
    signInButton: "Sign in",
    answerTitle: (who: string) => `Invitation from ${who}`,
    accept: "Accept",
    homeTitle: (first: string) => `${first}'s pages`,
    planLink: (first: string) => `See ${first}'s plan`,
    planTitle: (first: string) => `${first}'s plan`,
    appointmentsTitle: (first: string) => `${first}'s meetings`,
    nav: ["Front page", "Plan", "Meetings"],
    banner: (who: string) => `You are looking at ${who}'s pages.`,
    usedTitle: "The invitation has already been answered",
    logLink: "Who has seen my information",
    logViewedPlan: "Saw your plan",
    active: "Has access",
    withdraw: "Withdraw the access",
    withdrawConfirm: "Yes, withdraw the access",
    withdrawn: "no longer has access",
    notFound: "Page not found",
    helping: (who: string) => `You help: ${who}`,
    errorTitle: "Error: ",
    errors: ["Enter the person's name", "Enter the person's email", "Enter who the person is to you", "Choose at least one thing the person may see"],
  },
} as const;

type Language = keyof typeof text;

/** The footer's language switch (a form: works without JavaScript). Ali's own language is English. */
async function switchLanguage(page: Page, language: Language) {
  if ((await page.locator("html").getAttribute("lang")) === language) return;
  await page.getByRole("button", { name: language === "da" ? "Dansk" : "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

async function newPerson(browser: Browser, javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled, locale: "da-DK", timezoneId: "Europe/Copenhagen", baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

for (const language of ["da", "en"] as const) {
  test(`the whole life cycle, ${language}: invite, accept, read, log, withdraw`, async ({ page, browser, javaScriptEnabled }) => {
    test.setTimeout(240_000);
    const L = text[language];
    const who = javaScriptEnabled ? { key: "mette" as const, name: "Mette Hansen", first: "Mette" } : { key: "ali" as const, name: "Ali Hassan", first: "Ali" };
    const participantPage = page;
    let participantId = "";

    await test.step(`${who.first} opens Pårørende and the form`, async () => {
      await signIn(participantPage, who.key);
      await switchLanguage(participantPage, language);
      await participantPage.goto("/paaroerende");
      await expect(mainHeading(participantPage)).toHaveText(L.listTitle);
      await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list (${language})`);
      await participantPage.getByRole("link", { name: L.invite }).click();
      await expect(mainHeading(participantPage)).toHaveText(L.formTitle);
      await expectNoAxeViolationsAtAllWidths(participantPage, `invite form (${language})`);
    });

    await test.step("an empty form says what to do, in an error summary that links to each field", async () => {
      await participantPage.getByRole("button", { name: L.continue }).click();
      const summary = participantPage.getByRole("alert");
      for (const message of L.errors) await expect(summary.getByRole("link", { name: message })).toBeVisible();
      await expect(participantPage).toHaveTitle(new RegExp(`^${L.errorTitle}`));
      await expectNoAxeViolationsAtAllWidths(participantPage, `invite form with errors (${language})`);
    });

    await test.step("two scopes, check the answers, confirm and send", async () => {
      await participantPage.getByLabel(L.name, { exact: true }).fill("Jonas Hansen");
      await participantPage.getByLabel(L.email, { exact: true }).fill("jonas.hansen@example.com");
      await participantPage.getByLabel(L.relation).fill(language === "da" ? "Bror" : "Friend");
      await participantPage.getByRole("checkbox", { name: L.plan }).check();
      await participantPage.getByRole("checkbox", { name: L.appointments }).check();
      await participantPage.getByRole("button", { name: L.continue }).click();
      await expect(mainHeading(participantPage)).toHaveText(L.checkTitle);
      await expect(participantPage.getByRole("main")).toContainText("jonas.hansen@example.com");
      await expectNoAxeViolationsAtAllWidths(participantPage, `check and confirm (${language})`);
      await participantPage.getByRole("button", { name: L.confirm }).click();
      await expect(participantPage.getByRole("status")).toContainText(L.sent);
      await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list, invitation sent (${language})`);
    });

    const jonas = await newPerson(browser, javaScriptEnabled);
    try {
      let link = "";
      await test.step("Jonas, in his own browser, reads the e-mail in the demo mailbox", async () => {
        await jonas.page.goto("/dev/postkasse");
        await switchLanguage(jonas.page, language);
        await expect(mainHeading(jonas.page)).toHaveText(L.mailboxTitle);
        const mail = jonas.page.locator(".relatives-mail").filter({ hasText: L.subject(who.name) }).first();
        link = (await mail.getByRole("link", { name: /\/invitation\// }).getAttribute("href")) ?? "";
        expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `demo mailbox (${language})`);
      });

      await test.step("the link alone shows nothing private; Jonas signs in and comes back to it", async () => {
        await jonas.page.goto(link);
        await expect(mainHeading(jonas.page)).toHaveText(L.signedOutTitle);
        await expect(jonas.page.getByRole("main")).not.toContainText(who.first);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `invitation, signed out (${language})`);
        await jonas.page.getByRole("link", { name: L.signInLink, exact: true }).click();
        await jonas.page.getByRole("radio", { name: "Jonas Hansen", exact: true }).check();
        await jonas.page.getByRole("button", { name: L.signInButton, exact: true }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.answerTitle(who.name));
        await expectNoAxeViolationsAtAllWidths(jonas.page, `invitation, answer (${language})`);
      });

      await test.step("Jonas accepts and sees exactly the plan and the meetings, read-only", async () => {
        await jonas.page.getByRole("button", { name: L.accept, exact: true }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.homeTitle(who.first));
        participantId = /\/hjaelper\/([0-9a-f-]{36})/.exec(jonas.page.url())![1]!;
        await expect(jonas.page.getByText(L.banner(who.name))).toBeVisible();
        const nav = jonas.page.getByRole("navigation", { name: L.homeTitle(who.first) });
        await expect(nav.getByRole("link")).toHaveText([...L.nav]);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's front page (${language})`);

        await jonas.page.getByRole("link", { name: L.planLink(who.first) }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.planTitle(who.first));
        // Read-only: none of the participant's write forms or buttons.
        await expect(jonas.page.getByRole("main").getByRole("button")).toHaveCount(0);
        await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's plan view (${language})`);

        await nav.getByRole("link", { name: L.nav[2] }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.appointmentsTitle(who.first));
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's meetings (${language})`);
        await jonas.page.locator(".appointment-card__title a").first().click();
        await expect(jonas.page).toHaveURL(new RegExp(`/hjaelper/${participantId}/moeder/`));
        await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's meeting (${language})`);

        // The participant's own pages are not his.
        const own = await jonas.page.goto("/min-plan");
        expect(own?.status()).toBe(404);
        // The link works once.
        await jonas.page.goto(link);
        await expect(mainHeading(jonas.page)).toHaveText(L.usedTitle);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `invitation link used (${language})`);
        await jonas.page.goto("/");
        await expect(jonas.page.getByRole("link", { name: L.helping(who.name) })).toBeVisible();
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's overview (${language})`);
      });

      await test.step(`${who.first} sees who looked, then withdraws`, async () => {
        await participantPage.goto("/paaroerende");
        const card = participantPage.locator(".relatives-grant").filter({ hasText: L.active }).filter({ hasText: "jonas.hansen@example.com" });
        await expect(card).toHaveCount(1);
        await participantPage.getByRole("link", { name: L.logLink }).click();
        await expect(participantPage.getByRole("main")).toContainText(`Jonas Hansen: ${L.logViewedPlan}`);
        await expectNoAxeViolationsAtAllWidths(participantPage, `access log (${language})`);

        await participantPage.goto("/paaroerende");
        if (javaScriptEnabled) {
          await card.getByRole("button", { name: new RegExp(L.withdraw) }).click();
          await expect(participantPage.getByRole("dialog")).toBeVisible();
          await expectNoAxeViolations(participantPage, `withdraw dialog open (${language})`);
          await participantPage.getByRole("dialog").getByRole("button", { name: L.withdrawConfirm }).click();
        } else {
          await card.getByRole("link", { name: new RegExp(L.withdraw) }).click();
          await expectNoAxeViolationsAtAllWidths(participantPage, `withdraw, confirm page (${language})`);
          await participantPage.getByRole("button", { name: L.withdrawConfirm }).click();
        }
        await expect(participantPage.getByRole("status")).toContainText(L.withdrawn);
        await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list, withdrawn (${language})`);
      });

      await test.step("Jonas's very next request is refused", async () => {
        const response = await jonas.page.goto(`/hjaelper/${participantId}/min-plan`);
        expect(response?.status()).toBe(404);
        await expect(mainHeading(jonas.page)).toHaveText(L.notFound);
        await jonas.page.goto("/");
        await expect(jonas.page.getByRole("link", { name: L.helping(who.name) })).toHaveCount(0);
      });
    } finally {
      await jonas.context.close();
    }
  });
}

test("keyboard only: invite, then withdraw the invitation", async ({ page, javaScriptEnabled }) => {
  const who = javaScriptEnabled ? "mette" : "ali";
  const email = `naboen.${who}@example.dk`;
  await signIn(page, who);
  await switchLanguage(page, "da");
  await page.goto("/paaroerende");
  await tabTo(page, page.getByRole("link", { name: "Inviter en pårørende" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Inviter en pårørende");

  await tabTo(page, page.getByLabel("Navn", { exact: true }));
  await page.keyboard.type("Kim Nabo");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("E-mail", { exact: true })).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Nabo");
  await tabTo(page, page.getByRole("checkbox", { name: "Din plan" }), { max: 3 });
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "Din plan" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Fortsæt" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Tjek og bekræft invitationen");
  await tabTo(page, page.getByRole("button", { name: "Bekræft og send" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(email);

  const card = page.locator(".relatives-grant").filter({ hasText: email });
  const withdraw = javaScriptEnabled
    ? card.getByRole("button", { name: /Træk invitationen tilbage/ })
    : card.getByRole("link", { name: /Træk invitationen tilbage/ });
  await tabTo(page, withdraw, { max: 80 });
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("button", { name: "Ja, træk invitationen tilbage" });
  if (javaScriptEnabled) {
    await expect(page.getByRole("dialog")).toBeVisible();
    await expect(page.getByRole("dialog").getByRole("button", { name: "Ja, træk invitationen tilbage" })).toBeFocused();
  }
  if (!javaScriptEnabled) await tabTo(page, confirm, { max: 40 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Kim Nabo har ikke adgang mere");
  await expect(card.locator(".tag")).toHaveText("Tilbagekaldt");
});
