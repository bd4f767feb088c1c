import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";

/**
 * Pårørende: a participant invites Jonas with two scopes (plan, preparation) and the comment
 * right; Jonas reads the mail in the demo mailbox, signs in in his own browser, accepts and sees
 * exactly those, and adds a remark ("Jonas' bemærkninger") on a part; the participant sees it and
 * decides that it goes along to the caseworker, changes the grant (meetings, CV and the network
 * map too), sees the access log and withdraws; Jonas's next request is refused.
 *
 * With JavaScript, with Mette; the same forms without JavaScript are posted by no-js.spec.ts (Ali,
 * on the no-js project's own database). The journeys here run one after the other: Jonas can hold
 * only one grant per participant at a time.
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
    birthDate: "Fødselsdato (valgfri)",
    day: "Dag",
    month: "Måned",
    year: "År",
    boundBirthDate: "20. november 1987",
    plan: "Din plan",
    appointments: "Dine møder",
    continue: "Fortsæt",
    checkTitle: "Tjek og bekræft invitationen",
    confirm: "Bekræft og send",
    sent: "Vi sender invitationen til",
    mailboxTitle: "Demo-postkasse",
    subject: (who: string) => `${who} inviterer dig til Min Vej`,
    signedOutTitle: "Du er inviteret til Min Vej",
    signInLink: "Log ind",
    signInButton: "Log ind",
    answerTitle: (who: string) => `Invitation fra ${who}`,
    accept: "Tag imod",
    awaiting: "Tak. Du har taget imod invitationen.",
    confirmQuestion: "Jonas Hansen har taget imod. Er det den person, du inviterede?",
    confirmYes: "Ja, det er Jonas",
    confirmed: "Jonas Hansen har nu adgang.",
    homeTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} sider`,
    planLink: (first: string) => `Se ${first === "Ali" ? "Alis" : "Mettes"} plan`,
    planTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} plan`,
    appointmentsTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} møder`,
    preparation: "Din forberedelse til dit møde",
    comment: "Personen må skrive bemærkninger til min forberedelse",
    cv: "Dit CV",
    networkLabel: "Del også mit netværkskort",
    messages: "Dine beskeder",
    writeMessages: "Personen må også skrive i mine beskeder",
    nav: ["Forside", "Plan", "Forberedelse"],
    navAll: ["Forside", "Plan", "Møder", "Forberedelse", "CV", "Beskeder", "Netværk"],
    messagesTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} beskeder`,
    replyLabel: "Din besked",
    saveDraft: "Gem som kladde",
    draftSaved: "Din kladde er gemt.",
    caseworkerAuthor: "Sara Nielsen, sagsbehandler",
    logViewedMessages: "Så dine beskeder",
    preparationTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} forberedelse`,
    writeRemark: "Skriv en bemærkning til »Uddannelse og arbejde«",
    remarkLabel: "Din bemærkning til »Uddannelse og arbejde«",
    saveRemark: "Gem bemærkningen",
    remarkRequired: "Skriv din bemærkning",
    remarkSaved: "Din bemærkning er gemt.",
    remarksHeading: "Jonas' bemærkninger",
    include: "Tag med, når jeg deler",
    included: "Bemærkningen kommer med.",
    saveLater: "Gem og fortsæt senere",
    change: "Ret adgangen",
    changeTitle: "Ret adgangen for Jonas Hansen",
    changeCheckTitle: "Tjek og bekræft ændringen for Jonas Hansen",
    changeConfirm: "Bekræft ændringen",
    changed: "Adgangen for Jonas Hansen er ændret.",
    cvTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} CV`,
    networkTitle: (first: string) => `${first === "Ali" ? "Alis" : "Mettes"} netværkskort`,
    networkMapName: (first: string) => new RegExp(`^Kort over ${first === "Ali" ? "Alis" : "Mettes"} netværk`),
    networkEmpty: (first: string) => `${first} har ikke skrevet nogen på netværkskortet endnu.`,
    logRemark: "Skrev en bemærkning til »Uddannelse og arbejde«",
    banner: (who: string) => `Du ser ${who}s sider.`,
    usedTitle: "Invitationen er allerede besvaret",
    logLink: "Hvem har set mine oplysninger",
    logViewedPlan: "Så din plan",
    active: "Har adgang",
    withdraw: "Tilbagekald adgangen",
    withdrawConfirm: "Ja, tilbagekald adgangen",
    withdrawn: "har ikke adgang mere",
    accessEnded: "Din adgang er lukket",
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
    birthDate: "Date of birth (optional)",
    day: "Day",
    month: "Month",
    year: "Year",
    boundBirthDate: "20 November 1987",
    plan: "Your plan",
    appointments: "Your meetings",
    continue: "Continue",
    checkTitle: "Check and confirm the invitation",
    confirm: "Confirm and send",
    sent: "We are sending the invitation to",
    mailboxTitle: "Demo mailbox",
    subject: (who: string) => `${who} invites you to Min Vej`,
    signedOutTitle: "You are invited to Min Vej",
    signInLink: "Sign in",
    signInButton: "Sign in",
    answerTitle: (who: string) => `Invitation from ${who}`,
    accept: "Accept",
    awaiting: "Thank you. You have accepted the invitation.",
    confirmQuestion: "Jonas Hansen has accepted. Is this the person you invited?",
    confirmYes: "Yes, it is Jonas",
    confirmed: "Jonas Hansen now has access.",
    homeTitle: (first: string) => `${first}'s pages`,
    planLink: (first: string) => `See ${first}'s plan`,
    planTitle: (first: string) => `${first}'s plan`,
    appointmentsTitle: (first: string) => `${first}'s meetings`,
    preparation: "Your preparation for your meeting",
    comment: "The person may write comments on my preparation",
    cv: "Your CV",
    networkLabel: "Also share my network map",
    messages: "Your messages",
    writeMessages: "The person may also write in my messages",
    nav: ["Front page", "Plan", "Preparation"],
    navAll: ["Front page", "Plan", "Meetings", "Preparation", "CV", "Messages", "Network"],
    messagesTitle: (first: string) => `${first}'s messages`,
    replyLabel: "Your message",
    saveDraft: "Save as draft",
    draftSaved: "Your draft is saved.",
    caseworkerAuthor: "Sara Nielsen, caseworker",
    logViewedMessages: "Saw your messages",
    preparationTitle: (first: string) => `${first}'s preparation`,
    writeRemark: "Write a remark on “Education and work”",
    remarkLabel: "Your remark on “Education and work”",
    saveRemark: "Save the remark",
    remarkRequired: "Write your remark",
    remarkSaved: "Your remark is saved.",
    remarksHeading: "Jonas' remarks",
    include: "Include it when I share",
    included: "The remark goes along.",
    saveLater: "Save and come back later",
    change: "Change the access",
    changeTitle: "Change the access for Jonas Hansen",
    changeCheckTitle: "Check and confirm the change for Jonas Hansen",
    changeConfirm: "Confirm the change",
    changed: "The access for Jonas Hansen has been changed.",
    cvTitle: (first: string) => `${first}'s CV`,
    networkTitle: (first: string) => `${first}'s network map`,
    networkMapName: (first: string) => new RegExp(`^Map of ${first}'s network`),
    networkEmpty: (first: string) => `${first} has not added anyone to the network map yet.`,
    logRemark: "Wrote a remark on “Education and work”",
    banner: (who: string) => `You are looking at ${who}'s pages.`,
    usedTitle: "The invitation has already been answered",
    logLink: "Who has seen my information",
    logViewedPlan: "Saw your plan",
    active: "Has access",
    withdraw: "Withdraw the access",
    withdrawConfirm: "Yes, withdraw the access",
    withdrawn: "no longer has access",
    accessEnded: "Your access has ended",
    helping: (who: string) => `You help: ${who}`,
    errorTitle: "Error: ",
    errors: [
      "Enter the person's name",
      "Enter the person's email",
      "Enter who the person is to you",
      "Choose at least one thing the person may see",
    ],
  },
} as const;

type Language = keyof typeof text;

/** The footer's language switch (a form: works without JavaScript). Ali's own language is English. */
async function switchLanguage(page: Page, language: Language) {
  if ((await page.locator("html").getAttribute("lang")) === language) return;
  await page.getByRole("button", { name: language === "da" ? "Dansk" : "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    baseURL: test.info().project.use.baseURL,
  });
  return { context, page: await context.newPage() };
}

/**
 * A retry meets what its failed attempt left: Jonas may still hold an open grant or invitation
 * from Mette, and he can hold only one. Withdraw it first (on the page that asks).
 */
async function withdrawOpenGrants(page: Page, email: string) {
  await page.goto("/paaroerende");
  const reject = page.getByRole("button", { name: /^(Nej, det er ikke|No, it is not) / });
  while ((await reject.count()) > 0) {
    await reject.first().click();
    await expect(page).toHaveURL(/\/paaroerende/);
    await page.goto("/paaroerende");
  }
  const withdraw = /^(Tilbagekald adgangen|Træk invitationen tilbage|Withdraw the access|Withdraw the invitation)/;
  const open = page.locator(".relatives-grant").filter({ hasText: email }).filter({ has: page.getByRole("link", { name: withdraw }) });
  while ((await open.count()) > 0) {
    await open.first().getByRole("link", { name: withdraw }).click();
    await page.getByRole("button", { name: /^(Ja|Yes), / }).click();
    await expect(page).toHaveURL(/\/paaroerende/);
    await page.goto("/paaroerende");
  }
}

for (const language of ["da", "en"] as const) {
  test(`the whole life cycle, ${language}: invite, accept, read, log, withdraw`, async ({ page, browser }) => {
    test.setTimeout(120_000);
    const L = text[language];
    // Without JavaScript the same forms are posted by no-js.spec.ts (Ali and Jonas there).
    const who = { key: "mette" as const, name: "Mette Hansen", first: "Mette" };
    const participantPage = page;
    let participantId = "";

    await test.step(`${who.first} opens Pårørende and the form`, async () => {
      await signIn(participantPage, who.key);
      await withdrawOpenGrants(participantPage, "jonas.hansen@example.com");
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

    await test.step("two scopes and the comment right, check the answers, confirm and send", async () => {
      await participantPage.getByLabel(L.name, { exact: true }).fill("Jonas Hansen");
      await participantPage.getByLabel(L.email, { exact: true }).fill("jonas.hansen@example.com");
      await participantPage.getByLabel(L.relation).fill(language === "da" ? "Bror" : "Friend");
      // Bound to Jonas' birth date (the demo's MitID gives him 20 November 1987): only he can accept.
      const birthDate = participantPage.getByRole("group", { name: L.birthDate });
      await birthDate.getByLabel(L.day).fill("20");
      await birthDate.getByLabel(L.month).fill("11");
      await birthDate.getByLabel(L.year).fill("1987");
      await participantPage.getByRole("checkbox", { name: L.plan }).check();
      await participantPage.getByRole("checkbox", { name: L.preparation }).check();
      await participantPage.getByRole("checkbox", { name: L.comment }).check();
      await participantPage.getByRole("button", { name: L.continue }).click();
      await expect(mainHeading(participantPage)).toHaveText(L.checkTitle);
      await expect(participantPage.getByRole("main")).toContainText("jonas.hansen@example.com");
      await expect(participantPage.getByRole("main")).toContainText(L.boundBirthDate);
      await expectNoAxeViolationsAtAllWidths(participantPage, `check and confirm (${language})`);
      await participantPage.getByRole("button", { name: L.confirm }).click();
      await expect(participantPage.getByRole("status")).toContainText(L.sent);
      await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list, invitation sent (${language})`);
    });

    // Remarks need a part the participant has started: Mette's seeded "Uddannelse og arbejde" is.
    const jonas = await newPerson(browser);
    try {
      let link = "";
      await test.step("Jonas, in his own browser, reads the e-mail in the demo mailbox", async () => {
        // The demo mailbox shows only the signed-in person's own mail: he reads it signed in, in
        // another window, and opens the link signed out below.
        const mailbox = await newPerson(browser);
        try {
          await signIn(mailbox.page, "jonas", "/dev/postkasse");
          await switchLanguage(mailbox.page, language);
          await expect(mainHeading(mailbox.page)).toHaveText(L.mailboxTitle);
          const mail = mailbox.page
            .locator(".relatives-mail")
            .filter({ hasText: L.subject(who.name) })
            .first();
          link = (await mail.getByRole("link", { name: /\/invitation\// }).getAttribute("href")) ?? "";
          expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
          await expectNoAxeViolationsAtAllWidths(mailbox.page, `demo mailbox (${language})`);
        } finally {
          await mailbox.context.close();
        }
        await jonas.page.goto("/log-ind");
        await switchLanguage(jonas.page, language);
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

      await test.step(`Jonas accepts; nothing is granted until ${who.first} confirms it is him`, async () => {
        await jonas.page.getByRole("button", { name: L.accept, exact: true }).click();
        await expect(jonas.page).toHaveURL(/\/hjaelper\?afventer=1$/);
        await expect(jonas.page.getByRole("status")).toContainText(L.awaiting);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `accepted, waiting for confirmation (${language})`);
        await expect(jonas.page.getByRole("main").getByRole("link", { name: new RegExp(who.name) })).toHaveCount(0);

        await participantPage.goto("/paaroerende");
        const question = participantPage.getByRole("heading", { name: L.confirmQuestion });
        await expect(question).toBeVisible();
        await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list, confirm who accepted (${language})`);
        await participantPage.getByRole("button", { name: new RegExp(`^${L.confirmYes}`) }).click();
        await expect(participantPage.getByRole("status")).toContainText(L.confirmed);
      });

      await test.step("Jonas sees exactly the plan and the preparation, read-only", async () => {
        await jonas.page.goto("/hjaelper");
        await jonas.page.getByRole("main").getByRole("link", { name: new RegExp(who.name) }).click();
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

        // Outside the two scopes: 404.
        for (const path of ["moeder", "cv", "netvaerk"]) {
          const outside = await jonas.page.goto(`/hjaelper/${participantId}/${path}`);
          expect(outside?.status()).toBe(404);
        }

        await jonas.page.goto(`/hjaelper/${participantId}/forberedelse`);
        await expect(mainHeading(jonas.page)).toHaveText(L.preparationTitle(who.first));
        await expect(jonas.page.getByRole("main")).toContainText(language === "da" ? "Det er jeg god til" : "What I am good at");
        await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's preparation (${language})`);

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

      // Unique per attempt: a retry must not meet the remark its failed attempt left.
      const remarkText = `Jonas: <b>${who.first}</b> ${language === "da" ? "laver mad til hele familien" : "cooks for the whole family"} (${randomUUID().slice(0, 6)}).`;
      await test.step("Jonas adds a remark to a part of the preparation (errors first)", async () => {
        await jonas.page.goto(`/hjaelper/${participantId}/forberedelse`);
        await jonas.page.getByRole("link", { name: L.writeRemark }).click();
        await expect(mainHeading(jonas.page)).toHaveText(language === "da" ? "Uddannelse og arbejde" : "Education and work");
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's preparation part (${language})`);
        await jonas.page.getByRole("button", { name: L.saveRemark }).click();
        await expect(jonas.page.getByRole("alert").getByRole("link", { name: L.remarkRequired })).toBeVisible();
        await expect(jonas.page).toHaveTitle(new RegExp(`^${L.errorTitle}`));
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's remark with an error (${language})`);
        await jonas.page.getByLabel(L.remarkLabel).fill(remarkText);
        await jonas.page.getByRole("button", { name: L.saveRemark }).click();
        await expect(jonas.page.getByRole("status")).toContainText(L.remarkSaved);
        // HTML is shown as text.
        await expect(jonas.page.getByRole("main").getByText(remarkText)).toBeVisible();
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's remark saved (${language})`);
      });

      await test.step(`${who.first} sees "Jonas' bemærkninger" and lets the remark go along to the caseworker`, async () => {
        await participantPage.goto("/forberedelse/uddannelse-og-arbejde");
        await expect(participantPage.getByRole("heading", { name: L.remarksHeading })).toBeVisible();
        await expect(participantPage.getByRole("main").getByText(remarkText)).toBeVisible();
        await expectNoAxeViolationsAtAllWidths(participantPage, `participant's part with a remark (${language})`);
        await participantPage.goto("/forberedelse/tjek-og-del");
        const remarks = participantPage.locator(".prep-remarks").filter({ hasText: remarkText });
        await expect(remarks.getByRole("heading", { name: L.remarksHeading })).toBeVisible();
        await expectNoAxeViolationsAtAllWidths(participantPage, `Tjek og del with a remark (${language})`);
        await remarks.getByRole("button", { name: new RegExp(L.include) }).click();
        await expect(participantPage.getByRole("status")).toContainText(L.included);
        await expectNoAxeViolationsAtAllWidths(participantPage, `Tjek og del, remark included (${language})`);
      });

      await test.step(`${who.first} changes the grant: meetings, CV, messages (with writing) and the network map too`, async () => {
        await participantPage.goto("/paaroerende");
        const card = participantPage
          .locator(".relatives-grant")
          .filter({ hasText: L.active })
          .filter({ hasText: "jonas.hansen@example.com" });
        await card.getByRole("link", { name: new RegExp(L.change) }).click();
        await expect(mainHeading(participantPage)).toHaveText(L.changeTitle);
        await expectNoAxeViolationsAtAllWidths(participantPage, `change the access (${language})`);
        await participantPage.getByRole("checkbox", { name: L.appointments }).check();
        await participantPage.getByRole("checkbox", { name: L.cv }).check();
        await participantPage.getByRole("checkbox", { name: L.messages }).check();
        await participantPage.getByRole("checkbox", { name: L.writeMessages }).check();
        await participantPage.getByRole("checkbox", { name: L.networkLabel }).check();
        await participantPage.getByRole("button", { name: L.continue }).click();
        await expect(mainHeading(participantPage)).toHaveText(L.changeCheckTitle);
        await expectNoAxeViolationsAtAllWidths(participantPage, `check and confirm the change (${language})`);
        await participantPage.getByRole("button", { name: L.changeConfirm }).click();
        await expect(participantPage.getByRole("status")).toContainText(L.changed);
        await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list, access changed (${language})`);
      });

      await test.step("Jonas now sees the meetings, the CV and the network map, never the judgement", async () => {
        await jonas.page.goto(`/hjaelper/${participantId}`);
        const nav = jonas.page.getByRole("navigation", { name: L.homeTitle(who.first) });
        await expect(nav.getByRole("link")).toHaveText([...L.navAll]);
        await nav.getByRole("link", { name: L.navAll[2] }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.appointmentsTitle(who.first));
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's meetings (${language})`);
        await jonas.page.locator(".appointment-card__title a").first().click();
        await expect(jonas.page).toHaveURL(new RegExp(`/hjaelper/${participantId}/moeder/`));
        await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's meeting (${language})`);

        await nav.getByRole("link", { name: L.navAll[4] }).click();
        await expect(jonas.page).toHaveTitle(new RegExp(L.cvTitle(who.first)));
        await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's CV (${language})`);

        await nav.getByRole("link", { name: L.navAll[6] }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.networkTitle(who.first));
        await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
        // Only plain markers: no shape for "helps" or "holds back", and no such words in the list.
        await expect(jonas.page.locator("[data-stance]")).toHaveCount(0);
        // Written about the participant, not to the reader ("dit netværk"). (A participant with
        // nobody on the map: the empty state, about them, in no-js.spec.ts.)
        await expect(jonas.page.getByRole("img", { name: L.networkMapName(who.first) })).toBeVisible();
        // At 320 px the names stay readable (issue 14, point 15): the map keeps its size in a frame that scrolls.
        const width = jonas.page.viewportSize();
        await jonas.page.setViewportSize({ width: 320, height: 640 });
        const smallest = await jonas.page.locator(".network-map text").evaluateAll((labels) =>
          Math.min(...labels.map((label) => label.getBoundingClientRect().height)),
        );
        expect(smallest).toBeGreaterThanOrEqual(12);
        if (width) await jonas.page.setViewportSize(width);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's network map (${language})`);
      });

      await test.step(`Jonas reads ${who.first}'s messages and keeps a draft answer (the sending: relatives-messages.test.ts)`, async () => {
        const nav = jonas.page.getByRole("navigation", { name: L.homeTitle(who.first) });
        await nav.getByRole("link", { name: L.navAll[5] }).click();
        await expect(mainHeading(jonas.page)).toHaveText(L.messagesTitle(who.first));
        await expectNoAxeViolations(jonas.page, `relative's messages (${language})`);
        // The seeded conversation (db/seed-data.ts): Mette's question and Sara's answer.
        await jonas.page.getByRole("link", { name: "Må jeg starte senere i praktikken?" }).click();
        await expect(jonas.page.getByRole("main")).toContainText(L.caseworkerAuthor);
        await jonas.page.getByLabel(L.replyLabel).fill(`Jonas: ${randomUUID().slice(0, 6)}`);
        await jonas.page.getByRole("button", { name: L.saveDraft }).click();
        await expect(jonas.page.getByRole("status")).toContainText(L.draftSaved);
        await expectNoAxeViolationsAtAllWidths(jonas.page, `relative's conversation with a reply form (${language})`);
      });

      await test.step(`${who.first} sees who looked, then withdraws`, async () => {
        await participantPage.goto("/paaroerende");
        const card = participantPage
          .locator(".relatives-grant")
          .filter({ hasText: L.active })
          .filter({ hasText: "jonas.hansen@example.com" });
        await expect(card).toHaveCount(1);
        await participantPage.getByRole("link", { name: L.logLink }).click();
        await expect(participantPage.getByRole("main")).toContainText(`Jonas Hansen: ${L.logViewedPlan}`);
        await expect(participantPage.getByRole("main")).toContainText(`Jonas Hansen: ${L.logViewedMessages}`);
        await expect(participantPage.getByRole("main")).toContainText(`Jonas Hansen: ${L.logRemark}`);
        await expectNoAxeViolationsAtAllWidths(participantPage, `access log (${language})`);

        await participantPage.goto("/paaroerende");
        // The page that asks first.
        await card.getByRole("link", { name: new RegExp(L.withdraw) }).click();
        await expectNoAxeViolations(participantPage, `withdraw, the page that asks (${language})`);
        await participantPage.getByRole("button", { name: L.withdrawConfirm }).click();
        await expect(participantPage.getByRole("status")).toContainText(L.withdrawn);
        await expectNoAxeViolationsAtAllWidths(participantPage, `relatives list, withdrawn (${language})`);
      });

      await test.step("Jonas's very next request is refused", async () => {
        const response = await jonas.page.goto(`/hjaelper/${participantId}/min-plan`);
        expect(response?.status()).toBe(403);
        await expect(mainHeading(jonas.page)).toHaveText(L.accessEnded);
        for (const path of ["forberedelse", "forberedelse/uddannelse-og-arbejde", "cv", "beskeder", "netvaerk"]) {
          expect((await jonas.page.goto(`/hjaelper/${participantId}/${path}`))?.status()).toBe(403);
        }
        await jonas.page.goto("/");
        await expect(jonas.page.getByRole("link", { name: L.helping(who.name) })).toHaveCount(0);
      });
    } finally {
      await jonas.context.close();
    }
  });
}

test("keyboard only: invite, send the invitation again, then withdraw it", async ({ page }) => {
  const who = "mette";
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
  // Past "Fødselsdato (valgfri)" (day, month, year), left empty.
  await tabTo(page, page.getByRole("checkbox", { name: "Din plan" }), { max: 6 });
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "Din plan" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Fortsæt" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Tjek og bekræft invitationen");
  await tabTo(page, page.getByRole("button", { name: "Bekræft og send" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(email);

  const card = page.locator(".relatives-grant").filter({ hasText: email });
  // The e-mail may not have arrived: a new link, and the old one stops working.
  await tabTo(page, card.getByRole("button", { name: /Send invitationen igen/ }), { max: 80 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("igen nu, med et nyt link");
  await expectNoAxeViolationsAtAllWidths(page, "relatives list, invitation sent again (da)");

  // "Træk invitationen tilbage" leads to the page that asks; its answers are reached with Tab.
  await tabTo(page, card.getByRole("link", { name: /Træk invitationen tilbage/ }), { max: 80 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toContainText("Kim Nabo");
  await tabTo(page, page.getByRole("button", { name: "Ja, træk invitationen tilbage" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Kim Nabo har ikke adgang mere");
  await expect(card.locator(".tag")).toHaveText("Tilbagekaldt");
});
