import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";
import { expectMapAndListAgree } from "./support/network";

/**
 * Without JavaScript: every form the app has, posted by a browser that runs no scripts, and the
 * navigations that work differently without them (a confirmation page instead of a dialog, the
 * "Menu" disclosure, the sign-in that leads back to an invitation). Only the `no-js` project runs
 * this file (playwright.config.ts); the journeys run once, with JavaScript, in the `js` project.
 *
 * Each post checks what the server answers itself: the redirect after a successful POST (the
 * address and the notice on the page it leads to), or, for a refused one, the error summary, the
 * "Fejl: " title and the input kept. axe scans only the states no JavaScript journey reaches
 * (the confirmation pages); every other state is scanned by the journeys.
 *
 * The forms of the app (app/**: every `<Form method="post">`/`<form method="post">`, one line per
 * action and intent), the test here that posts each without JavaScript, and whether the old
 * no-js project (which replayed every journey) posted it: 49 before, 76 now, of 77 (the one not
 * posted is a keep-alive only scripts send).
 *
 *  /log-ind                 demo person (empty: 400 + summary; chosen)  signing in    before
 *  /log-ud                  header button                               signing in    before
 *  /log-ud                  the one-button page (GET /log-ud)           signing in    new
 *  /sprog                   language switch                             signing in    before
 *  /hard-dag                on, off (menu bar, calm page)               signing in    new
 *  /log-ind/mitid           MitID button (Test-MitID)                   MitID         new
 *  /test-mitid              sign in, cancel (Test-MitID's own form)     MitID         new
 *  /saml/acs                "Fortsæt til Min Vej" (the SAML answer)     MitID         new
 *  /session/forny           keep-alive                                  —  a fetcher of the JS dialog only
 *  /min-plan                mark-seen                                   plan          new
 *  /min-plan                confirm-read                                plan          before
 *  /min-plan/eget-maal      save (empty, too long, saved)               plan          before
 *  /min-plan/eget-maal      conflict: save mine                         plan          before
 *  /min-plan/eget-maal      conflict: keep-saved                        plan          new
 *  /min-plan/delmaal/:id    save (nothing chosen, saved)                plan          before
 *  /min-plan/spoergsmaal    send (empty, sent)                          plan          before
 *  /moeder/:id              save (too long, saved)                      meetings      before
 *  /moeder/:id              conflict: keep-mine                         meetings      before
 *  /moeder/:id              conflict: keep-saved                        meetings      new
 *  /moeder/:id/kan-ikke-komme   send (empty, sent)                      meetings      before
 *  /beskeder/ny             send (empty, sent), draft                   messages      new
 *  /beskeder/:id            send (too long, sent)                       messages      new
 *  /beskeder/ring-mig-op    send (nothing chosen, sent)                 messages      new
 *  /sagsbehandler/beskeder/:id   reply (empty, sent)                   caseworker    new
 *  /sagsbehandler/beskeder/:id   propose (wrong date and time kept, proposed)  caseworker  new
 *  /sagsbehandler/beskeder/:id   handled                               caseworker    new
 *  /moeder/kalender         create                                      calendar      before
 *  /moeder/kalender         revoke                                      calendar      before
 *  /netvaerk/ny             save (empty, added)                         network       before
 *  /netvaerk/:id            save, and conflict: save mine               network       before
 *  /netvaerk/:id            conflict: keep-saved                        network       new
 *  /netvaerk/:id/fjern      remove                                      network       before
 *  /netvaerk/tidligere      save a snapshot (compare: a GET form)       network       before
 *  /netvaerk/del            share                                       network       before
 *  /netvaerk/del            share-stance                                network       before
 *  /netvaerk/del            stop-stance                                 network       before
 *  /netvaerk/del            stop-sharing                                network       before
 *  /cv/:section/ny          save (empty, dates wrong, saved)            cv            before
 *  /cv/:section/:id         save (an entry changed)                     cv            new
 *  /cv/:section/:id         conflict: keep-saved                        cv            new
 *  /cv/:section             move-up                                     cv            before
 *  /cv/:section             move-down                                   cv            new
 *  /cv/:section             undo                                        cv            before
 *  /cv/:section             add-suggestions (none, one)                 cv            before
 *  /cv/:section/:id/slet    delete (its confirmation page)              cv            before
 *  /cv/kontakt              save                                        cv            before
 *  /cv/om-mig               save                                        cv            before
 *  /cv/om-mig               conflict: keep-saved                        cv            new
 *  /cv/jobonsker            save (hours not a number, saved)            cv            before
 *  /cv/opgaver              save                                        cv            before
 *  /cv/opgaver              up-N                                        cv            before
 *  /cv/opgaver              down-N                                      cv            new
 *  /cv/opgaver              delete-N → confirm-delete (asked on the page)  cv         new
 *  /cv/del                  share                                       cv            before
 *  /forberedelse/om-moedet  continue                                    preparation   before
 *  /forberedelse/:part      continue (too long, saved)                  preparation   before
 *  /forberedelse/:part      later                                       preparation   before
 *  /forberedelse/:part      conflict: keep-mine                         preparation   before
 *  /forberedelse/:part      conflict: keep-saved                        preparation   new
 *  /forberedelse/tjek-og-del   review (none ticked, two)                preparation   before
 *  /forberedelse/tjek-og-del   change                                   preparation   before
 *  /forberedelse/tjek-og-del   share                                    preparation   before
 *  /forberedelse/tjek-og-del/traek-tilbage/:part   confirm              preparation   before
 *  /forberedelse/bemaerkning/:id   include a remark                     relatives     before
 *  /paaroerende/inviter     continue (empty, filled)                    relatives     before
 *  /paaroerende/inviter/tjek   confirm                                  relatives     before
 *  /paaroerende/inviter/tjek   cancel                                   relatives     new
 *  /paaroerende/:id/ret     continue (then confirmed on the check page) relatives     before
 *  /paaroerende/:id/send-igen   send again                              relatives     before
 *  /paaroerende/:id/tilbagekald   confirm (a grant, an invitation)      relatives     before
 *  /paaroerende/:id/bekraeft   confirm                                  relatives     before
 *  /paaroerende/:id/bekraeft   reject                                   answers       new
 *  /invitation/:token       accept                                      relatives     before
 *  /invitation/:token       decline                                     answers       new
 *  /hjaelper/:id/forberedelse/:part   remark (empty, saved)             relatives     before
 *  /hjaelper/:id/forberedelse/:part   delete a remark                   relatives     new
 *  /hjaelper/:id/beskeder/:id   draft, send                             relatives     new
 *  /hjaelper/:id/stop       confirm                                     answers       new
 *  /indstillinger           save (a number refused, saved), a save from an older window   notifications   new
 *  /sagsbehandler/:id/referater/:appointmentId   add a point, draft     summaries     new
 *  /moeder/:id/referat/:pointId   send (empty, sent)                    summaries     new
 *  /min-plan/forslag/ny     send (empty, sent)                          proposals     new
 *  /min-plan/forslag        withdraw                                    proposals     new
 *  /sagsbehandler/:id/forslag/:proposalId   decline (empty, declined)   proposals     new
 */

const uniqueTag = () => randomUUID().slice(0, 6);

/** A second person in a browser of their own, without JavaScript like the project. */
async function newPerson(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    baseURL: test.info().project.use.baseURL,
  });
  return { context, page: await context.newPage() };
}

/** The footer's language switch: a plain form, posted to /sprog. */
async function switchLanguage(page: Page, language: "da" | "en") {
  if ((await page.locator("html").getAttribute("lang")) === language) return;
  await page.getByRole("button", { name: language === "da" ? "Dansk" : "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

// Long tests (every form of an area, one after the other), but never more than two minutes.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(({ javaScriptEnabled }) => {
  expect(javaScriptEnabled, "no-js.spec.ts is for the no-js project only").toBe(false);
});

test("signing in and out, the language switch and the menu, without JavaScript", async ({ page }) => {
  await test.step("an empty sign-in is answered by the server itself: 400, the summary, the title", async () => {
    await page.goto("/log-ind");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/log-ind"),
      page.getByRole("button", { name: "Log ind", exact: true }).click(),
    ]);
    expect(response.status()).toBe(400);
    const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Der er et problem" }) });
    await expect(summary.getByRole("link", { name: "Vælg, hvem du vil logge ind som" })).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Log ind – Min Vej");
    await expect(page.getByRole("group", { name: "Hvem vil du logge ind som?" })).toHaveAccessibleDescription(/Vælg, hvem du vil logge ind som/);
    // A plain in-page link: the browser jumps to the question.
    await summary.getByRole("link", { name: "Vælg, hvem du vil logge ind som" }).click();
    await expect(page).toHaveURL(/\/log-ind#/);
  });

  await test.step("signing in with the keyboard: the form posts, the overview follows", async () => {
    const mette = page.getByRole("radio", { name: "Mette Hansen", exact: true });
    await mette.check();
    await tabTo(page, page.getByRole("button", { name: "Log ind", exact: true }), { max: 5 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/$/);
    await expect(mainHeading(page)).toHaveText("Hej Mette");
  });

  await test.step("the language switch posts to /sprog and comes back to the same page", async () => {
    await page.goto("/moeder");
    await switchLanguage(page, "en");
    await expect(page).toHaveURL(/\/moeder$/);
    await expect(mainHeading(page)).toHaveText("Meetings");
    await switchLanguage(page, "da");
    await expect(mainHeading(page)).toHaveText("Møder");
  });

  await test.step("at 320 × 256 'Menu' opens without JavaScript (a details element), and a link goes there", async () => {
    await page.setViewportSize({ width: 320, height: 256 });
    await page.goto("/min-plan");
    await expect(page.getByRole("link", { name: "Netværk", exact: true })).toBeHidden();
    const box = await mainHeading(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(256);
    await tabTo(page, page.locator("summary", { hasText: "Menu" }), { max: 4 });
    await page.keyboard.press("Enter");
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    await expect(nav.getByRole("link", { name: "Netværk", exact: true })).toBeVisible();
    await nav.getByRole("link", { name: "Møder", exact: true }).click();
    await expect(page).toHaveURL(/\/moeder$/);
    await expect(page.getByRole("link", { name: "Netværk", exact: true })).toBeHidden();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  await test.step("the hard-day switch is a plain form: on (the calm page), then off (the page again)", async () => {
    await page.goto("/min-plan");
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("button", { name: "Jeg har en hård dag" }).click();
    await expect(page).toHaveURL(/\/min-plan$/);
    await expect(mainHeading(page)).toHaveText("Det vigtigste");
    await page.getByRole("main").getByRole("button", { name: "Slå hård dag fra" }).click();
    await expect(page).toHaveURL(/\/min-plan$/);
    await expect(mainHeading(page)).toHaveText("Min Plan");
  });

  await test.step("'Log ud' in the header, reached with Tab from the top of a freshly loaded page", async () => {
    await page.goto("/");
    // A full page load: focus starts at the top (skip link, "Forlad siden hurtigt", site name, Log ud).
    await tabTo(page, page.getByRole("button", { name: "Log ud", exact: true }), { max: 4 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await expect(page.getByRole("status")).toHaveText("Du er nu logget ud. Tak for i dag.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind$/);
  });

  await test.step("the one-button sign-out page at /log-ud (for links)", async () => {
    await signIn(page, "ali", "/log-ud");
    await page.getByRole("main").getByRole("button").click();
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind$/);
  });
});

test("MitID without JavaScript: Test-MitID's forms and NemLog-in's answer are plain forms; single logout is redirects", async ({ page }) => {
  await test.step("Log ind med Test-MitID, choose, continue: signed in", async () => {
    await page.goto("/log-ind");
    await page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
    await expect(mainHeading(page)).toHaveText("Test-MitID");
    await page.getByRole("radio", { name: "Mette Hansen", exact: true }).check();
    await page.getByRole("button", { name: "Log ind", exact: true }).click();
    await expect(mainHeading(page)).toHaveText("Du er logget ind i Test-MitID");
    await page.getByRole("button", { name: "Fortsæt til Min Vej" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  await test.step("'Log ud' ends the session here and at Test-MitID, by redirects only", async () => {
    await page.getByRole("button", { name: "Log ud", exact: true }).first().click();
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind$/);
  });

  await test.step("'Afbryd' at Test-MitID: a calm page, not signed in", async () => {
    await page.goto("/log-ind");
    await page.getByRole("button", { name: "Log ind med Test-MitID" }).click();
    await page.getByRole("button", { name: "Afbryd" }).click();
    await page.getByRole("button", { name: "Fortsæt til Min Vej" }).click();
    await expect(mainHeading(page)).toHaveText("Du er ikke logget ind");
    await page.getByRole("link", { name: "Tilbage til Log ind" }).click();
    await expect(page).toHaveURL(/\/log-ind$/);
  });
});

test("Min Plan without JavaScript: own goal, conflict, sub-goal, question, news marked read, reading confirmed", async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, "mette", "/min-plan");

  await test.step("'Marker som læst' takes the news away (or it was read already)", async () => {
    const news = page.getByRole("region", { name: "Nyt siden dit sidste besøg" });
    if (await news.count()) {
      await news.getByRole("button", { name: "Marker som læst" }).click();
      await expect(page).toHaveURL(/\/min-plan\?gemt=nyt-set#nyt$/);
      await expect(page.getByRole("region", { name: "Nyt siden dit sidste besøg" })).toHaveCount(0);
    }
    await expect(page.getByText("Nyt", { exact: true })).toHaveCount(0);
  });

  await test.step("own goal: empty, too long (no counter without JavaScript), then saved", async () => {
    await page.goto("/min-plan/eget-maal");
    const field = page.getByRole("textbox", { name: "Dit mål" });
    await field.fill("   ");
    await page.getByRole("button", { name: "Gem dit mål" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Der er et problem" });
    await expect(summary.getByRole("link", { name: "Skriv dit mål med dine egne ord" })).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Dit mål med dine egne ord – Min Vej");
    await page.getByRole("textbox", { name: "Dit mål" }).fill("a".repeat(1001));
    await expect(page.getByText("Du har skrevet 1 tegn for meget.")).toHaveCount(0);
    await page.getByRole("button", { name: "Gem dit mål" }).click();
    await expect(page.getByRole("link", { name: "Dit mål kan højst være 1000 tegn. Gør det lidt kortere" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Dit mål" })).toHaveValue("a".repeat(1001));
    const goal = `Jeg vil gerne arbejde med noget praktisk (${tag}).`;
    await page.getByRole("textbox", { name: "Dit mål" }).fill(goal);
    await page.getByRole("button", { name: "Gem dit mål" }).click();
    await expect(page).toHaveURL(/\/min-plan\?gemt=eget-maal#eget-maal$/);
    await expect(page.getByRole("status").filter({ hasText: "Dit mål er gemt. Din sagsbehandler kan læse det." })).toBeVisible();
    await expect(page.locator("#eget-maal blockquote")).toContainText(goal);
  });

  await test.step("a form left open while the goal changed elsewhere: both texts, 'Gem min tekst' keeps hers", async () => {
    await page.goto("/min-plan/eget-maal");
    const other = await page.context().newPage();
    await other.goto("/min-plan/eget-maal");
    const theirs = `Skrevet i den anden fane (${tag}).`;
    await other.getByRole("textbox", { name: "Dit mål" }).fill(theirs);
    await other.getByRole("button", { name: "Gem dit mål" }).click();
    await expect(other).toHaveURL(/gemt=eget-maal/);
    await other.close();
    const mine = `Skrevet i den første fane (${tag}).`;
    await page.getByRole("textbox", { name: "Dit mål" }).fill(mine);
    await page.getByRole("button", { name: "Gem dit mål" }).click();
    const conflict = page.getByRole("group", { name: "Teksten er blevet ændret, mens du skrev" });
    await expect(conflict.locator("blockquote")).toContainText(theirs);
    await expect(page.getByRole("textbox", { name: "Din tekst" })).toHaveValue(mine);
    await page.getByRole("button", { name: "Gem min tekst" }).click();
    await expect(page).toHaveURL(/gemt=eget-maal/);
    await expect(page.locator("#eget-maal blockquote")).toContainText(mine);
  });

  await test.step("the same conflict, answered 'Behold den gemte tekst'", async () => {
    await page.goto("/min-plan/eget-maal");
    const other = await page.context().newPage();
    await other.goto("/min-plan/eget-maal");
    const theirs = `Skrevet i den tredje fane (${tag}).`;
    await other.getByRole("textbox", { name: "Dit mål" }).fill(theirs);
    await other.getByRole("button", { name: "Gem dit mål" }).click();
    await expect(other).toHaveURL(/gemt=eget-maal/);
    await other.close();
    await page.getByRole("textbox", { name: "Dit mål" }).fill(`Ikke gemt (${tag}).`);
    await page.getByRole("button", { name: "Gem dit mål" }).click();
    await page.getByRole("button", { name: "Behold den gemte tekst" }).click();
    await expect(page).toHaveURL(/\/min-plan#eget-maal$/);
    await expect(page.locator("#eget-maal blockquote")).toContainText(theirs);
  });

  await test.step("a sub-goal: nothing chosen is explained, then the mark is saved", async () => {
    await page.goto("/min-plan");
    await page.getByRole("link", { name: "Fortæl, hvordan det går: Prøve 8 timer om ugen i virksomhedspraktik" }).click();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("link", { name: "Vælg, hvordan det går med delmålet" })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await page.getByRole("radio", { name: "Jeg er i gang" }).check();
    await page.getByRole("textbox", { name: "Kort kommentar (valgfrit)" }).fill(`Uden JavaScript (${tag}).`);
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveURL(/gemt=delmaal/);
    await expect(page.getByRole("status").filter({ hasText: "Din markering er gemt" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(`Uden JavaScript (${tag}).`);
  });

  await test.step("a question to the caseworker: empty, then sent", async () => {
    await page.getByRole("link", { name: "Jeg er ikke enig, eller jeg har spørgsmål" }).click();
    await page.getByRole("button", { name: "Send til din sagsbehandler" }).click();
    await expect(page.getByRole("link", { name: "Skriv, hvad du er uenig i, eller hvad du vil spørge om" })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    const question = `Kan jeg starte med 6 timer? (${tag})`;
    await page.getByRole("textbox", { name: "Din besked" }).fill(question);
    await page.getByRole("button", { name: "Send til din sagsbehandler" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Tak for din besked." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Har du læst planen?" })).toContainText(question);
  });

  await test.step("'Jeg har læst planen' (or it is confirmed already)", async () => {
    await page.goto("/min-plan#laest");
    const read = page.getByRole("region", { name: "Har du læst planen?" });
    const button = read.getByRole("button", { name: "Jeg har læst planen" });
    if (await button.count()) {
      await button.click();
      await expect(page).toHaveURL(/gemt=laest#laest$/);
      await expect(read.getByRole("status")).toHaveText("Tak. Nu ved din sagsbehandler, at du har læst planen.");
    }
    await expect(read).toContainText("Du har sagt, at du har læst version 3 af planen");
  });

  await test.step("the print view has no print button without JavaScript, and says how to print", async () => {
    await page.goto("/min-plan/udskriv");
    await expect(mainHeading(page)).toHaveText("Plan for Mette Hansen");
    await expect(page.getByRole("button", { name: "Udskriv" })).toHaveCount(0);
    await expect(page.getByText("På en telefon ligger det tit under »Del«.", { exact: false })).toBeVisible();
  });
});

test("meetings without JavaScript: notes, a conflict both ways, 'Jeg kan ikke komme', the calendar address", async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, "mette", "/moeder");

  await test.step("notes too long: the summary, the title, the text kept; then saved", async () => {
    await page.getByRole("link", { name: "Møde med rehabiliteringsteamet", exact: true }).click();
    const meetingUrl = page.url();
    const tooLong = "a".repeat(2001);
    await page.getByRole("textbox", { name: "Dine noter", exact: true }).fill(tooLong);
    await page.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Der er et problem" });
    await expect(summary.getByRole("link", { name: "Dine noter må højst fylde 2000 tegn. Gør dem lidt kortere." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await expect(page.getByRole("textbox", { name: "Dine noter", exact: true })).toHaveValue(tooLong);
    await page.getByRole("textbox", { name: "Dine noter", exact: true }).fill(`Medicinlisten (${tag})`);
    await page.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
    await expect(page).toHaveURL(/\?gemt=1#forberedelse$/);
    await expect(page.getByRole("status").filter({ hasText: "Dine noter og spørgsmål er gemt." })).toBeVisible();
    await page.goto(meetingUrl);
    await expect(page.getByRole("textbox", { name: "Dine noter", exact: true })).toHaveValue(`Medicinlisten (${tag})`);
  });

  for (const choice of ["Gem det, jeg skrev", "Behold den gemte udgave"] as const) {
    await test.step(`a stale form shows both texts; '${choice}'`, async () => {
      await page.goto("/moeder");
      await page.getByRole("link", { name: "Smerteskolen", exact: true }).click();
      const meetingUrl = page.url();
      const mine = `Fra det gamle vindue (${tag}, ${choice})`;
      const theirs = `Fra det nye vindue (${tag}, ${choice})`;
      const other = await page.context().newPage();
      await other.goto(meetingUrl);
      await other.getByRole("textbox", { name: "Dine noter", exact: true }).fill(theirs);
      await other.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
      await expect(other.getByRole("status").filter({ hasText: "er gemt" })).toBeVisible();
      await other.close();

      await page.getByRole("textbox", { name: "Dine noter", exact: true }).fill(mine);
      await page.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
      const conflict = page.getByRole("group", { name: "Dine noter er blevet ændret et andet sted" });
      await expect(conflict.locator("blockquote").first()).toHaveText(theirs);
      await expect(conflict.getByRole("textbox").first()).toHaveValue(mine);
      await expect(page).toHaveTitle(/^Fejl: /);
      // The summary's link is a plain in-page link: the browser jumps to the field.
      await page.getByRole("alert").getByRole("link", { name: "Dine noter er blevet ændret et andet sted" }).click();
      await expect(page).toHaveURL(/#notes$/);
      await conflict.getByRole("button", { name: choice }).click();
      if (choice === "Gem det, jeg skrev") {
        await expect(page).toHaveURL(/\?gemt=1#forberedelse$/);
        await expect(page.getByRole("status").filter({ hasText: "er gemt" })).toBeVisible();
      } else {
        // Nothing is saved, so nothing is said: the page as it was saved.
        await expect(page).toHaveURL(new RegExp(`${new URL(meetingUrl).pathname}#forberedelse$`));
        await expect(page.getByRole("group", { name: "Dine noter er blevet ændret et andet sted" })).toHaveCount(0);
      }
      await page.goto(meetingUrl);
      await expect(page.getByRole("textbox", { name: "Dine noter", exact: true })).toHaveValue(choice === "Gem det, jeg skrev" ? mine : theirs);
    });
  }

  await test.step("'Jeg kan ikke komme': an empty reason, then the message", async () => {
    await page.goto("/moeder");
    await page.getByRole("link", { name: "Med Lars ud til genbrugsbutikken", exact: true }).click();
    await page.getByRole("link", { name: /^(Jeg kan ikke komme|Skriv en ny besked)$/ }).click();
    await expect(mainHeading(page)).toHaveText("Jeg kan ikke komme");
    await page.getByRole("button", { name: "Send besked til Jobcenter Solbjerg" }).click();
    await expect(page.getByRole("link", { name: "Skriv kort, hvorfor du ikke kan komme." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: Jeg kan ikke komme: /);
    const reason = `Jeg er syg (${tag})`;
    await page.getByRole("textbox", { name: "Hvorfor kan du ikke komme?", exact: true }).fill(reason);
    await page.getByRole("button", { name: "Send besked til Jobcenter Solbjerg" }).click();
    // A conversation now (issue 18): she follows it under Beskeder.
    await expect(mainHeading(page)).toHaveText("Jeg kan ikke komme: Med Lars ud til genbrugsbutikken");
    await expect(page.locator(".message__body").last()).toHaveText(reason);
    await page.getByRole("link", { name: "Se mødet" }).click();
    const sent = page.getByRole("region", { name: "Du har givet besked om, at du ikke kan komme" });
    await expect(sent).toContainText("Din besked er gemt i Min Vej");
    await expect(sent.locator("blockquote").first()).toHaveText(reason);
  });
});

test("messages without JavaScript: a new message (empty, a draft, sent), a reply, and 'Ring mig op'", async ({ page }) => {
  const tag = uniqueTag();
  await signIn(page, "mette", "/beskeder");

  await test.step("a new message: empty, then kept as a draft, then sent", async () => {
    await page.getByRole("link", { name: "Skriv til Sara Nielsen" }).click();
    await page.getByRole("button", { name: "Send beskeden" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Skriv et emne." })).toBeVisible();
    await expect(page.getByRole("alert").getByRole("link", { name: "Skriv din besked." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await page.getByRole("textbox", { name: "Emne" }).fill(`Uden JavaScript (${tag})`);
    await page.getByRole("textbox", { name: "Din besked" }).fill(`Halvt skrevet (${tag})`);
    await page.getByRole("button", { name: "Gem som kladde" }).click();
    await expect(page).toHaveURL(/\/beskeder\/ny\?kladde=gemt$/);
    await expect(page.getByRole("status")).toHaveText("Din kladde er gemt. Den er ikke sendt endnu.");
    await expect(page.getByRole("textbox", { name: "Din besked" })).toHaveValue(`Halvt skrevet (${tag})`);
    await page.getByRole("textbox", { name: "Din besked" }).fill(`Færdig (${tag})`);
    await page.getByRole("button", { name: "Send beskeden" }).click();
    await expect(page).toHaveURL(/\/beskeder\/[0-9a-f-]{36}\?sendt=1$/);
    await expect(mainHeading(page)).toHaveText(`Uden JavaScript (${tag})`);
    await expect(page.locator(".message__receipt").last()).toHaveText("Ikke læst endnu");
  });

  await test.step("a reply in the conversation, too long first (kept), then sent", async () => {
    const tooLong = "a".repeat(2001);
    await page.getByRole("textbox", { name: "Dit svar" }).fill(tooLong);
    await page.getByRole("button", { name: "Send beskeden" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: /^Skriv højst 2000 tegn/ })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Dit svar" })).toHaveValue(tooLong);
    await page.getByRole("textbox", { name: "Dit svar" }).fill(`En tilføjelse (${tag})`);
    await page.getByRole("button", { name: "Send beskeden" }).click();
    await expect(page).toHaveURL(/\?sendt=1#seneste$/);
    await expect(page.locator(".message__body").last()).toHaveText(`En tilføjelse (${tag})`);
  });

  await test.step("'Ring mig op': nothing chosen, then sent", async () => {
    await page.goto("/beskeder/ring-mig-op");
    await page.getByRole("button", { name: "Bed om at blive ringet op" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Vælg en dag." })).toBeVisible();
    await page.getByRole("group", { name: "Hvilken dag passer det dig?" }).getByRole("radio").first().check();
    await page.getByRole("radio", { name: "Formiddag (kl. 9-12)" }).check();
    await page.getByRole("button", { name: "Bed om at blive ringet op" }).click();
    await expect(page).toHaveURL(/\/beskeder\?sendt=ring-op$/);
    await expect(page.getByRole("status")).toHaveText("Tak. Sara Nielsen ringer til dig på den dag, du valgte.");
  });
});

test("the calendar address without JavaScript: made, shown to select (nothing to copy with), stopped", async ({ page, playwright }) => {
  // Ali, in English: the labels of these scans are the old no-js journey's (only it reached them).
  await signIn(page, "ali", "/moeder");
  await page.getByRole("link", { name: "Set up your calendar" }).click();
  await expect(mainHeading(page)).toHaveText("Your meetings in your calendar");
  await expectNoAxeViolationsAtAllWidths(page, "calendar feed: start (ali)");
  await page.getByRole("button", { name: /^(Make a calendar address|Make a new address)$/ }).click();
  await expect(page).toHaveURL(/\/moeder\/kalender#adresse$/);
  const field = page.getByRole("textbox", { name: "Your calendar address", exact: true });
  const address = await field.inputValue();
  expect(address).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\/moeder\.ics$/);
  await expect(page.getByRole("button", { name: "Copy the address" })).toHaveCount(0);
  await expectNoAxeViolationsAtAllWidths(page, "calendar feed: address shown (ali)");
  const app = await playwright.request.newContext();
  try {
    expect((await app.get(address)).status()).toBe(200);
    await page.getByRole("button", { name: "Stop the calendar address" }).click();
    await expect(page).toHaveURL(/\/moeder\/kalender\?stoppet=1$/);
    await expect(page.getByText("The calendar address is stopped. It no longer works.")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "calendar feed: stopped (ali)");
    expect((await app.get(address)).status()).toBe(410);
  } finally {
    await app.dispose();
  }
});

test("Mit netværk without JavaScript: add (errors first), change, a conflict, remove, a snapshot, sharing", async ({ page }) => {
  const name = `Rasmus uden JS ${uniqueTag()}`;
  const card = page.getByTestId("network-person").filter({ has: page.getByRole("heading", { name, exact: true }) });
  const marker = page.locator(`[data-testid="network-map"] [data-name="${name}"]`);
  await signIn(page, "mette", "/netvaerk/ny");

  await test.step("an empty name is explained, the relation kept", async () => {
    await page.getByRole("textbox", { name: /Hvem er personen for dig\?/ }).fill("Fra genbrugsbutikken");
    await page.getByRole("button", { name: "Tilføj personen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Der er et problem" }).getByRole("link", { name: "Skriv personens navn eller kaldenavn" })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await expect(page.getByRole("textbox", { name: /Hvem er personen for dig\?/ })).toHaveValue("Fra genbrugsbutikken");
  });

  await test.step("added: the redirect, the notice, the card and the marker", async () => {
    await page.getByRole("textbox", { name: "Navn eller kaldenavn" }).fill(name);
    await page.getByRole("radio", { name: "Venner", exact: true }).check();
    await page.getByRole("radio", { name: "Tæt på", exact: true }).check();
    await page.getByRole("radio", { name: "Begge dele", exact: true }).check();
    await page.getByRole("checkbox", { name: "Jeg vil gerne have personen med til mit møde" }).check();
    await page.getByRole("button", { name: "Tilføj personen" }).click();
    await expect(page).toHaveURL(/\/netvaerk\?gemt=tilfoejet/);
    await expect(page.getByRole("status")).toBeVisible();
    await expect(card).toHaveAttribute("data-closeness", "close");
    await expect(marker).toHaveAttribute("data-sector", "friends");
    await expectMapAndListAgree(page);
  });

  await test.step("changed: further out", async () => {
    await card.getByRole("link", { name: `Ret ${name}` }).click();
    await page.getByRole("radio", { name: "Længere væk", exact: true }).check();
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await expect(page).toHaveURL(/gemt=rettet/);
    await expect(card).toHaveAttribute("data-closeness", "further");
    await expect(marker).toHaveAttribute("data-closeness", "further");
    await expectMapAndListAgree(page);
  });

  await test.step("a stale form: both versions, 'Gem det, jeg skrev' keeps what this window sent", async () => {
    await card.getByRole("link", { name: `Ret ${name}` }).click();
    const editUrl = page.url();
    const version = await page.locator('input[name="version"]').inputValue();
    const response = await page.request.post(editUrl, {
      headers: { Origin: new URL(editUrl).origin },
      form: { intent: "save", name, relation: "", sector: "friends", closeness: "close", stance: "holds_back", version },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    await page.getByRole("textbox", { name: "Noter" }).fill("Skrevet uden JavaScript");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await expect(page.getByRole("group", { name: "Personen er ændret, mens du skrev" })).toContainText("Skrevet uden JavaScript");
    await page.getByRole("button", { name: "Gem det, jeg skrev" }).click();
    await expect(page).toHaveURL(/gemt=rettet/);
    await expect(card).toContainText("Skrevet uden JavaScript");
    await expect(card).toHaveAttribute("data-closeness", "further");
  });

  await test.step("the same conflict, answered 'Behold det gemte'", async () => {
    await card.getByRole("link", { name: `Ret ${name}` }).click();
    const editUrl = page.url();
    const version = await page.locator('input[name="version"]').inputValue();
    const response = await page.request.post(editUrl, {
      headers: { Origin: new URL(editUrl).origin },
      form: { intent: "save", name, relation: "", sector: "friends", closeness: "further", stance: "both", version },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    await page.getByRole("textbox", { name: "Noter" }).fill("Ikke gemt");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await page.getByRole("button", { name: "Behold det gemte" }).click();
    await expect(page).toHaveURL(/\/netvaerk(\?|$)/);
    await expect(card).not.toContainText("Ikke gemt");
  });

  await test.step("a snapshot saved and compared (the comparison is a GET form)", async () => {
    await page.getByRole("link", { name: "Se, hvordan det så ud før" }).click();
    await page.getByRole("button", { name: /Gem, hvordan mit netværk ser ud i/ }).click();
    await expect(page).toHaveURL(/\/netvaerk\/tidligere\?gemt=(1|uaendret)/);
    await expect(page.getByRole("status")).toBeVisible();
    await page.getByRole("button", { name: "Sammenlign", exact: true }).click();
    await expect(page).toHaveURL(/fra=.*til=nu/);
    await expect(page.locator("#comparison-heading")).toBeVisible();
  });

  // The kept saved version (above) no longer has the person wanted at the meeting, so no warning
  // here; the warning itself is checked in network.spec.ts.
  await test.step("removed on its confirmation page", async () => {
    await page.goto("/netvaerk");
    await card.getByRole("link", { name: `Fjern ${name}` }).click();
    await expect(mainHeading(page)).toContainText(name);
    await page.getByRole("button", { name: `Ja, fjern ${name}` }).click();
    await expect(page).toHaveURL(/gemt=fjernet/);
    await expect(page.getByRole("status")).toContainText("Personen er fjernet");
    await expect(card).toHaveCount(0);
    await expect(marker).toHaveCount(0);
    await expectMapAndListAgree(page);
  });

  await test.step("sharing: the names, the judgement, its stop, and the stop", async () => {
    await page.goto("/netvaerk/del");
    const notice = page.locator("#network-notice");
    const share = page.getByRole("button", { name: "Del med min sagsbehandler" });
    if (await share.count()) {
      await share.click();
      await expect(page).toHaveURL(/\/netvaerk\/del\?gemt=delt/);
      await expect(notice).toHaveText("Din sagsbehandler kan nu se dit netværk.");
    }
    await page.getByRole("button", { name: "Del også min vurdering" }).click();
    await expect(page).toHaveURL(/gemt=vurdering-delt/);
    await expect(notice).toHaveText("Din sagsbehandler kan nu også se din vurdering af personerne.");
    await page.getByRole("button", { name: "Stop med at dele min vurdering" }).click();
    await expect(page).toHaveURL(/gemt=vurdering-stoppet/);
    await expect(notice).toHaveText("Din sagsbehandler kan ikke længere se din vurdering. Navnene er stadig delt.");
    await page.getByRole("button", { name: "Stop med at dele", exact: true }).click();
    await expect(page).toHaveURL(/gemt=stoppet/);
    await expect(notice).toHaveText("Din sagsbehandler kan ikke længere se dit netværk.");
  });
});

test("Mit CV without JavaScript: an entry (errors first), moved, deleted on its own page and undone, suggestions, the forms, sharing", async ({ page }) => {
  const tag = uniqueTag();
  const job = `Lagermedarbejder uden JS (${tag})`;
  const titles = () => page.locator(".cv-entry__title").allTextContents();
  await signIn(page, "mette", "/cv/erfaring/ny");

  await test.step("a new job: nothing filled in, then the end before the start, then saved", async () => {
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveTitle("Fejl: Tilføj et job – Min Vej");
    await expect(page.getByRole("alert").getByRole("link", { name: "Skriv, hvad dit job hed." })).toBeVisible();
    await page.getByRole("textbox", { name: "Stilling" }).fill(job);
    await page.getByRole("textbox", { name: "Fra", exact: true }).fill("2021");
    await page.getByRole("textbox", { name: "Til", exact: true }).fill("2019");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Slutdatoen skal være efter startdatoen. Tjek de to datoer." })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Stilling" })).toHaveValue(job);
    await page.getByRole("textbox", { name: "Fra", exact: true }).fill("april 2020");
    await page.getByRole("textbox", { name: "Til", exact: true }).fill("2021");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveURL(/\/cv\/erfaring\?gemt=/);
    await expect(page.getByRole("status")).toHaveText("Det er gemt i dit CV.");
    await expect(page.locator(".cv-entry", { hasText: job })).toContainText("april 2020 – 2021");
  });

  await test.step("the saved job changed", async () => {
    await page.locator(".cv-entry", { hasText: job }).getByRole("link", { name: new RegExp(`^Ret`) }).click();
    await expect(page.getByRole("textbox", { name: "Stilling" })).toHaveValue(job);
    await page.getByRole("textbox", { name: "Arbejdsplads (valgfrit)" }).fill("Lageret A/S");
    await page.getByRole("button", { name: "Gem ændringer", exact: true }).click();
    await expect(page).toHaveURL(/\/cv\/erfaring\?gemt=/);
    await expect(page.locator(".cv-entry", { hasText: job })).toContainText("Lageret A/S");
  });

  await test.step("a stale entry form: the newer saved one is shown; 'Behold det gemte'", async () => {
    await page.locator(".cv-entry", { hasText: job }).getByRole("link", { name: new RegExp(`^Ret`) }).click();
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByRole("textbox", { name: "Arbejdsplads (valgfrit)" }).fill("Lageret A/S, Solbjerg");
    await other.getByRole("button", { name: "Gem ændringer", exact: true }).click();
    await expect(other).toHaveURL(/\/cv\/erfaring\?gemt=/);
    await other.close();
    await page.getByRole("textbox", { name: "Arbejdsplads (valgfrit)" }).fill("Et andet lager");
    await page.getByRole("button", { name: "Gem ændringer", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Der er gemt en nyere udgave" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Arbejdsplads (valgfrit)" })).toHaveValue("Et andet lager");
    await page.getByRole("button", { name: "Behold det gemte" }).click();
    await expect(page).toHaveURL(/\/cv\/erfaring\?gemt=/);
    await expect(page.locator(".cv-entry", { hasText: job })).toContainText("Lageret A/S, Solbjerg");
  });

  await test.step("moved up with a button", async () => {
    const index = (await titles()).indexOf(job);
    expect(index).toBeGreaterThan(0);
    await page.getByRole("button", { name: `Flyt op ${job}` }).click();
    await expect(page).toHaveURL(/flyttet=/);
    await expect.poll(async () => (await titles()).indexOf(job)).toBe(index - 1);
    await page.getByRole("button", { name: `Flyt ned ${job}` }).click();
    await expect.poll(async () => (await titles()).indexOf(job)).toBe(index);
  });

  await test.step("'Slet' is a link to a confirmation page; deleted, then undone", async () => {
    await page.getByRole("link", { name: `Slet ${job}` }).click();
    await expect(mainHeading(page)).toHaveText(`Vil du slette ${job}?`);
    await expectNoAxeViolationsAtAllWidths(page, "CV delete confirmation page, Danish");
    await switchLanguage(page, "en");
    await expectNoAxeViolationsAtAllWidths(page, "CV delete confirmation page, English");
    await switchLanguage(page, "da");
    await tabTo(page, page.getByRole("button", { name: "Ja, slet" }), { max: 40 });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText(`${job} er slettet fra dit CV.`);
    await expect.poll(titles).not.toContain(job);
    await page.getByRole("button", { name: `Fortryd sletningen af ${job}` }).click();
    await expect(page.getByRole("status")).toHaveText(`${job} er tilbage i dit CV.`);
    await expect.poll(titles).toContain(job);
  });

  await test.step("suggestions: none ticked is explained; one ticked is added", async () => {
    await page.goto("/cv/kompetencer");
    await page.getByRole("button", { name: "Tilføj de valgte" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Sæt kryds ved mindst ét forslag." })).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Kompetencer – Min Vej");
    const box = page.getByRole("checkbox", { name: "Rolig", exact: true });
    if (await box.count()) {
      await box.check();
      await page.getByRole("button", { name: "Tilføj de valgte" }).click();
      await expect(page.getByRole("status")).toHaveText("Vi har tilføjet 1 til dit CV.");
    }
    await expect.poll(titles).toContain("Rolig");
  });

  await test.step("contact, about me, work wishes (hours not a number, kept), tasks", async () => {
    await page.goto("/cv/kontakt");
    await page.getByRole("checkbox", { name: "Min adresse eller by" }).check();
    await page.getByRole("textbox", { name: "Adresse eller by (valgfrit)" }).fill("Solbjerg");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Dine valg for kontaktoplysninger er gemt.");

    await page.goto("/cv/om-mig");
    await page.getByRole("textbox", { name: "Kort om dig" }).fill(`Stabil og god til kunder (${tag}).`);
    await page.getByRole("button", { name: "Gem teksten" }).click();
    await expect(page.getByRole("status")).toHaveText("Din tekst om dig selv er gemt.");

    // A stale "Kort om mig" (another window saved meanwhile): the conflict, answered "Behold den gemte tekst".
    await page.goto("/cv/om-mig");
    const other = await page.context().newPage();
    await other.goto("/cv/om-mig");
    await other.getByRole("textbox", { name: "Kort om dig" }).fill(`Rolig og grundig (${tag}).`);
    await other.getByRole("button", { name: "Gem teksten" }).click();
    await expect(other.getByRole("status")).toHaveText("Din tekst om dig selv er gemt.");
    await other.close();
    await page.getByRole("textbox", { name: "Kort om dig" }).fill(`Min egen udgave (${tag}).`);
    await page.getByRole("button", { name: "Gem teksten" }).click();
    const conflict = page.getByRole("group", { name: "Teksten er blevet ændret, mens du skrev" });
    await expect(conflict.locator("blockquote")).toContainText(`Rolig og grundig (${tag}).`);
    await expect(conflict.getByRole("textbox")).toHaveValue(`Min egen udgave (${tag}).`);
    await conflict.getByRole("button", { name: "Behold den gemte tekst" }).click();
    await expect(page).toHaveURL(/\/cv\/om-mig\?gemt=1/);
    await expect(page.getByRole("textbox", { name: "Kort om dig" })).toHaveValue(`Rolig og grundig (${tag}).`);

    await page.goto("/cv/jobonsker");
    const hours = page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde nu? (valgfrit)" });
    await hours.fill("ti");
    await page.getByRole("button", { name: "Gem jobønsker" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: /Vi kunne ikke læse antallet af timer/ })).toBeVisible();
    await expect(hours).toHaveValue("ti");
    await hours.fill("10 til 15");
    await page.getByRole("button", { name: "Gem jobønsker" }).click();
    await expect(page.getByRole("status")).toHaveText("Dine jobønsker er gemt.");
    await expect(hours).toHaveValue("10-15");

    await page.goto("/cv/opgaver");
    const tasks = [`Sætte varer på hylder (${tag})`, `Pakke ordrer (${tag})`, `Tage imod kunder (${tag})`];
    const inputs = page.getByRole("textbox", { name: /^Opgave \d+$/ });
    for (let index = 0; index < (await inputs.count()); index++) await inputs.nth(index).fill("");
    for (const [index, text] of tasks.entries()) await page.getByRole("textbox", { name: `Opgave ${index + 1}`, exact: true }).fill(text);
    await page.getByRole("button", { name: "Gem opgaver" }).click();
    await expect(page.getByRole("status")).toHaveText("Dine opgaver er gemt.");
    await page.getByRole("button", { name: "Flyt op Opgave 3" }).click();
    await expect(page.getByRole("textbox", { name: "Opgave 2", exact: true })).toHaveValue(tasks[2]!);
    await page.getByRole("button", { name: "Flyt ned Opgave 1" }).click();
    await expect(page.getByRole("textbox", { name: "Opgave 2", exact: true })).toHaveValue(tasks[0]!);
    // Deleting a task asks first: without JavaScript on the page itself.
    await page.getByRole("button", { name: "Slet Opgave 3" }).click();
    const ask = page.getByRole("group", { name: "Vil du slette opgaven?" });
    await expect(ask).toContainText(tasks[1]!);
    await ask.getByRole("button", { name: "Ja, slet" }).click();
    await expect(page.getByRole("status")).toHaveText("Opgaven er slettet.");
    await expect(page.getByRole("textbox", { name: /^Opgave \d+$/ }).filter({ hasText: tasks[1]! })).toHaveCount(0);
  });

  await test.step("shared from the page that shows what the caseworker reads", async () => {
    await page.goto("/cv/del");
    await page.getByRole("button", { name: /Del (igen )?med min sagsbehandler/ }).click();
    await expect(page).toHaveURL(/\/cv\?delt=1/);
    await expect(page.getByRole("status")).toHaveText("Tak. Din sagsbehandler kan nu læse dit CV og dine jobønsker.");
  });

  await test.step("clean up the job through its confirmation page", async () => {
    await page.goto("/cv/erfaring");
    await page.getByRole("link", { name: `Slet ${job}` }).click();
    await page.getByRole("button", { name: "Ja, slet" }).click();
    await expect(page.getByRole("status")).toContainText("er slettet fra dit CV.");
  });
});

test("Forbered dit møde without JavaScript: the parts, an error kept, a conflict, check and share, withdraw on its own page", async ({ page }) => {
  const tag = uniqueTag();
  const continueButton = page.getByRole("button", { name: "Gem og fortsæt", exact: true });
  const doneYes = page.getByRole("radio", { name: "Ja, jeg er færdig med denne del" });
  await signIn(page, "mette", "/forberedelse/om-moedet");

  await test.step("Om mødet: 'Fortsæt' posts and goes on to part 2", async () => {
    await page.getByRole("button", { name: "Fortsæt" }).click();
    await expect(mainHeading(page)).toHaveText("Uddannelse og arbejde");
  });

  await test.step("a part saved with 'Gem og fortsæt': the next part and the notice", async () => {
    await page.getByRole("textbox", { name: "Det er jeg god til" }).fill(`Orden (${tag})`);
    await doneYes.check();
    await continueButton.click();
    await expect(mainHeading(page)).toHaveText("Mine ressourcer");
    await expect(page.getByRole("status").filter({ hasText: "Dine svar til »Uddannelse og arbejde« er gemt." })).toBeVisible();
  });

  await test.step("too long: the summary, the title, the text kept (no counter without JavaScript)", async () => {
    await page.goto("/forberedelse/hvad-jeg-kan");
    const sitting = page.getByRole("group", { name: "At sidde, stå og gå" });
    await sitting.getByRole("textbox", { name: "Sådan går det" }).fill("x".repeat(1001));
    await continueButton.click();
    await expect(page.getByRole("link", { name: /»At sidde, stå og gå, Sådan går det« må højst være på 1000 tegn/ })).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Hvad jeg kan, og hvad der hjælper – Min Vej");
    await expect(sitting.getByRole("textbox", { name: "Sådan går det" })).toHaveValue("x".repeat(1001));
    await expect(page.getByText(/Du har \d+ tegn tilbage/)).toHaveCount(0);
  });

  await test.step("'Gem og fortsæt senere' goes back to the list", async () => {
    await page.goto("/forberedelse/mine-spoergsmaal");
    // No counter without JavaScript: the hint says the limit.
    await expect(page.getByText("Du kan skrive op til 2000 tegn.").first()).toBeVisible();
    await page.getByRole("textbox", { name: "Mine spørgsmål" }).fill(`Må Jonas komme med? (${tag})`);
    await doneYes.check();
    await page.getByRole("button", { name: "Gem og fortsæt senere", exact: true }).click();
    await expect(mainHeading(page)).toHaveText("Forbered dit møde");
    await expect(page).toHaveURL(/\/forberedelse\?gemt=/);
  });

  for (const choice of ["Gem min udgave", "Behold den gemte udgave"] as const) {
    await test.step(`two tabs: the second save shows both versions; '${choice}'`, async () => {
      const other = await page.context().newPage();
      await page.goto("/forberedelse/mine-ressourcer");
      await other.goto("/forberedelse/mine-ressourcer");
      await other.getByRole("textbox", { name: "Det giver mig energi" }).fill(`Fodbold (${tag})`);
      await other.getByRole("button", { name: "Gem og fortsæt senere" }).click();
      await expect(other.getByRole("status").filter({ hasText: "er gemt" })).toBeVisible();
      await other.close();
      await page.getByRole("textbox", { name: "Det giver mig energi" }).fill(`Madlavning (${tag})`);
      await page.getByRole("button", { name: "Gem og fortsæt senere" }).click();
      const conflict = page.getByRole("group", { name: "Nogen har gemt denne del, mens du skrev" });
      await expect(conflict.locator("blockquote")).toContainText(`Fodbold (${tag})`);
      await conflict.getByRole("button", { name: choice }).click();
      if (choice === "Gem min udgave") await expect(page.getByRole("status").filter({ hasText: "er gemt" })).toBeVisible();
      await page.goto("/forberedelse/mine-ressourcer");
      await expect(page.getByRole("textbox", { name: "Det giver mig energi" })).toHaveValue(choice === "Gem min udgave" ? `Madlavning (${tag})` : `Fodbold (${tag})`);
    });
  }

  await test.step("Tjek og del: nothing ticked, two ticked, 'Ret mit valg', shared", async () => {
    await page.goto("/forberedelse/tjek-og-del");
    const choose = page.getByRole("group", { name: "Hvilke dele vil du dele?" });
    for (const box of await choose.getByRole("checkbox").all()) await box.uncheck();
    await page.getByRole("button", { name: "Se, hvad du deler" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: /Sæt kryds ved mindst én del, du vil dele/ })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: Tjek og del/);
    await choose.getByRole("checkbox", { name: "Mine ressourcer" }).check();
    await choose.getByRole("checkbox", { name: "Mine spørgsmål til teamet" }).check();
    await page.getByRole("button", { name: "Se, hvad du deler" }).click();
    await expect(mainHeading(page)).toHaveText("Tjek, hvad du deler");
    await page.getByRole("button", { name: "Ret mit valg" }).click();
    await expect(mainHeading(page)).toHaveText("Tjek og del");
    await expect(choose.getByRole("checkbox", { name: "Mine spørgsmål til teamet" })).toBeChecked();
    await page.getByRole("button", { name: "Se, hvad du deler" }).click();
    await page.getByRole("button", { name: "Del med min sagsbehandler" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Du har delt 2 dele med din sagsbehandler." })).toBeVisible();
  });

  await test.step("withdrawing a part is a link to a confirmation page", async () => {
    const questions = page.getByRole("region", { name: "Mine spørgsmål til teamet" });
    await questions.getByRole("link", { name: "Træk tilbage Mine spørgsmål til teamet fra deling" }).click();
    await expect(mainHeading(page)).toHaveText("Vil du trække »Mine spørgsmål til teamet« tilbage?");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: withdraw confirmation page (Mette)");
    await page.getByRole("button", { name: "Ja, træk det tilbage" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Du har trukket »Mine spørgsmål til teamet« tilbage." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Mine spørgsmål til teamet" })).toContainText("Ikke delt med din sagsbehandler.");
  });
});

test("Pårørende without JavaScript: invite (errors first, one cancelled), accept after signing in, confirm, remark, change, withdraw", async ({ page, browser }) => {
  // Ali, in Danish (the labels of the scans are the old no-js journey's); Jonas in a browser of his own.
  const email = "jonas.hansen@example.com";
  const grant = page.locator(".relatives-grant").filter({ hasText: "Har adgang" }).filter({ hasText: email });
  await signIn(page, "ali", "/paaroerende");
  await switchLanguage(page, "da");

  await test.step("an empty invitation: every field in the summary", async () => {
    await page.getByRole("link", { name: "Inviter en pårørende" }).click();
    await page.getByRole("button", { name: "Fortsæt" }).click();
    const summary = page.getByRole("alert");
    for (const message of ["Skriv personens navn", "Skriv personens e-mail", "Skriv, hvem personen er for dig", "Vælg mindst én ting, personen må se"]) {
      await expect(summary.getByRole("link", { name: message })).toBeVisible();
    }
    await expect(page).toHaveTitle(/^Fejl: /);
  });

  async function fillInvitation(name: string, address: string) {
    await page.getByLabel("Navn", { exact: true }).fill(name);
    await page.getByLabel("E-mail", { exact: true }).fill(address);
    await page.getByLabel("Hvem er personen for dig?").fill("Bror");
    // Bound to Jonas' birth date (the demo's MitID gives him 20 November 1987).
    const birthDate = page.getByRole("group", { name: "Fødselsdato (valgfri)" });
    await birthDate.getByLabel("Dag").fill("20");
    await birthDate.getByLabel("Måned").fill("11");
    await birthDate.getByLabel("År").fill("1987");
    await page.getByRole("checkbox", { name: "Din plan" }).check();
    await page.getByRole("checkbox", { name: "Din forberedelse til dit møde" }).check();
    await page.getByRole("checkbox", { name: "Personen må skrive bemærkninger til min forberedelse" }).check();
    await page.getByRole("button", { name: "Fortsæt" }).click();
    await expect(mainHeading(page)).toHaveText("Tjek og bekræft invitationen");
    await expect(page.getByRole("main")).toContainText(address);
    await expect(page.getByRole("main")).toContainText("20. november 1987");
  }

  await test.step("'Send ikke invitationen' on the check page sends nothing", async () => {
    await fillInvitation("Jonas Hansen", email);
    await page.getByRole("button", { name: "Send ikke invitationen" }).click();
    await expect(page).toHaveURL(/\/paaroerende$/);
    await expect(page.locator(".relatives-grant").filter({ hasText: email })).toHaveCount(0);
  });

  await test.step("filled in, checked, confirmed and sent", async () => {
    await page.getByRole("link", { name: "Inviter en pårørende" }).click();
    await fillInvitation("Jonas Hansen", email);
    await page.getByRole("button", { name: "Bekræft og send" }).click();
    await expect(page).toHaveURL(/\/paaroerende\?besked=sendt/);
    await expect(page.getByRole("status")).toContainText("Vi sender invitationen til");
  });

  // Remarks need a part Ali has started.
  await page.goto("/forberedelse/uddannelse-og-arbejde");
  await page.locator("#goodAt").fill("Jeg er god til at lave mad til mange.");
  await page.getByRole("button", { name: "Gem og fortsæt senere" }).click();
  await expect(page).toHaveURL(/\/forberedelse\?gemt=/);

  const jonas = await newPerson(browser);
  try {
    let link = "";
    await test.step("Jonas reads the mail, opens the link signed out, signs in through it and accepts", async () => {
      const mailbox = await newPerson(browser);
      try {
        await signIn(mailbox.page, "jonas", "/dev/postkasse");
        const mail = mailbox.page.locator(".relatives-mail").filter({ hasText: "Ali Hassan inviterer dig til Min Vej" }).first();
        link = (await mail.getByRole("link", { name: /\/invitation\// }).getAttribute("href")) ?? "";
        expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{43}$/);
      } finally {
        await mailbox.context.close();
      }
      await jonas.page.goto(link);
      await expect(mainHeading(jonas.page)).toHaveText("Du er inviteret til Min Vej");
      await jonas.page.getByRole("link", { name: "Log ind", exact: true }).click();
      await jonas.page.getByRole("radio", { name: "Jonas Hansen", exact: true }).check();
      await jonas.page.getByRole("button", { name: "Log ind", exact: true }).click();
      await expect(mainHeading(jonas.page)).toHaveText("Invitation fra Ali Hassan");
      await jonas.page.getByRole("button", { name: "Tag imod", exact: true }).click();
      await expect(jonas.page).toHaveURL(/\/hjaelper\?afventer=1$/);
      await expect(jonas.page.getByRole("status")).toContainText("Tak. Du har taget imod invitationen.");
    });

    await test.step("Ali confirms it is him", async () => {
      await page.goto("/paaroerende");
      await page.getByRole("button", { name: /^Ja, det er Jonas/ }).click();
      await expect(page).toHaveURL(/\/paaroerende\?besked=/);
      await expect(page.getByRole("status")).toContainText("Jonas Hansen har nu adgang.");
    });

    let participantId = "";
    await test.step("Jonas writes a remark (empty first), and can delete one", async () => {
      await jonas.page.goto("/hjaelper");
      await jonas.page.getByRole("main").getByRole("link", { name: /Ali Hassan/ }).click();
      participantId = /\/hjaelper\/([0-9a-f-]{36})/.exec(jonas.page.url())![1]!;
      await jonas.page.goto(`/hjaelper/${participantId}/forberedelse`);
      await jonas.page.getByRole("link", { name: "Skriv en bemærkning til »Uddannelse og arbejde«" }).click();
      const part = jonas.page.url();
      await jonas.page.getByRole("button", { name: "Gem bemærkningen" }).click();
      await expect(jonas.page.getByRole("alert").getByRole("link", { name: "Skriv din bemærkning" })).toBeVisible();
      await expect(jonas.page).toHaveTitle(/^Fejl: /);
      for (const text of ["Jonas: skrevet ved en fejl.", "Jonas: Ali laver mad til hele familien."]) {
        await jonas.page.getByLabel("Din bemærkning til »Uddannelse og arbejde«").fill(text);
        await jonas.page.getByRole("button", { name: "Gem bemærkningen" }).click();
        await expect(jonas.page).toHaveURL(/\?besked=gemt#bemaerkninger$/);
        await expect(jonas.page.getByRole("status")).toContainText("Din bemærkning er gemt.");
      }
      const mistake = jonas.page.locator(".relatives-remark").filter({ hasText: "Jonas: skrevet ved en fejl." });
      await mistake.getByRole("button", { name: /^Slet/ }).click();
      await expect(jonas.page).toHaveURL(/\?besked=slettet#bemaerkninger$/);
      await expect(mistake).toHaveCount(0);
      expect(new URL(jonas.page.url()).pathname).toBe(new URL(part).pathname);
    });

    await test.step("Ali lets the remark go along to the caseworker", async () => {
      await page.goto("/forberedelse/tjek-og-del");
      const remarks = page.locator(".prep-remarks").filter({ hasText: "Jonas: Ali laver mad til hele familien." });
      await remarks.getByRole("button", { name: /Tag med, når jeg deler/ }).click();
      await expect(page).toHaveURL(/\?bemaerkning=med#bemaerkninger-/);
      await expect(page.getByRole("status")).toContainText("Bemærkningen kommer med.");
    });

    await test.step("Ali changes the access: the form, the check page, confirmed", async () => {
      await page.goto("/paaroerende");
      await grant.getByRole("link", { name: /Ret adgangen/ }).click();
      await page.getByRole("checkbox", { name: "Dine møder" }).check();
      await page.getByRole("checkbox", { name: "Dine beskeder" }).check();
      await page.getByRole("checkbox", { name: "Personen må også skrive i mine beskeder" }).check();
      await page.getByRole("checkbox", { name: "Del også mit netværkskort" }).check();
      await page.getByRole("button", { name: "Fortsæt" }).click();
      await expect(mainHeading(page)).toHaveText("Tjek og bekræft ændringen for Jonas Hansen");
      await page.getByRole("button", { name: "Bekræft ændringen" }).click();
      await expect(page.getByRole("status")).toContainText("Adgangen for Jonas Hansen er ændret.");
    });

    await test.step("Jonas answers in Ali's conversation under his own name: a draft, then sent", async () => {
      const subject = `Kørsel til praktikken ${uniqueTag()}`;
      await page.goto("/beskeder/ny");
      await page.getByLabel("Emne").fill(subject);
      await page.getByLabel("Din besked").fill("Hej. Min bror Jonas kan køre mig.");
      await page.getByRole("button", { name: "Send beskeden" }).click();
      await expect(page).toHaveURL(/\/beskeder\/[0-9a-f-]{36}\?sendt=1/);

      await jonas.page.goto(`/hjaelper/${participantId}/beskeder`);
      await jonas.page.getByRole("link", { name: subject }).click();
      await jonas.page.getByLabel("Din besked").fill("Jonas: Jeg kører Ali derud.");
      await jonas.page.getByRole("button", { name: "Gem som kladde" }).click();
      await expect(jonas.page).toHaveURL(/\?kladde=gemt#svar$/);
      await expect(jonas.page.getByLabel("Din besked")).toHaveValue("Jonas: Jeg kører Ali derud.");
      await jonas.page.getByRole("button", { name: "Send beskeden" }).click();
      await expect(jonas.page).toHaveURL(/\?sendt=1#seneste$/);
      await expect(jonas.page.getByRole("status")).toContainText("Din besked er sendt.");
      await expect(jonas.page.locator(".message").last()).toContainText("Jonas Hansen");
      await expect(jonas.page.locator(".message").last()).toContainText("Jonas: Jeg kører Ali derud.");
      // Back where the steps below expect Ali (his list of relatives).
      await page.goto("/paaroerende");
    });

    await test.step("Ali has nobody on his map: Jonas reads the empty state, about Ali", async () => {
      await jonas.page.goto(`/hjaelper/${participantId}/netvaerk`);
      await expect(mainHeading(jonas.page)).toHaveText("Alis netværkskort");
      await expect(jonas.page.getByRole("main")).toContainText("Ali har ikke skrevet nogen på netværkskortet endnu.");
      await expect(jonas.page.getByRole("main").locator("form")).toHaveCount(0);
    });

    await test.step("Ali withdraws on a confirmation page; Jonas's next request is refused", async () => {
      await grant.getByRole("link", { name: /Tilbagekald adgangen/ }).click();
      await expect(mainHeading(page)).toHaveText("Vil du tilbagekalde adgangen for Jonas Hansen?");
      await expectNoAxeViolationsAtAllWidths(page, "withdraw, confirm page (da)");
      await switchLanguage(page, "en");
      await expectNoAxeViolationsAtAllWidths(page, "withdraw, confirm page (en)");
      await switchLanguage(page, "da");
      await page.getByRole("button", { name: "Ja, tilbagekald adgangen" }).click();
      await expect(page).toHaveURL(/besked=tilbagekaldt/);
      await expect(page.getByRole("status")).toContainText("har ikke adgang mere");
      expect((await jonas.page.goto(`/hjaelper/${participantId}/min-plan`))?.status()).toBe(403);
    });
  } finally {
    await jonas.context.close();
  }

  await test.step("an invitation sent again, then withdrawn on its own page", async () => {
    await page.goto("/paaroerende/inviter");
    await fillInvitation("Kim Nabo", "naboen.ali@example.dk");
    await page.getByRole("button", { name: "Bekræft og send" }).click();
    const card = page.locator(".relatives-grant").filter({ hasText: "naboen.ali@example.dk" });
    await card.getByRole("button", { name: /Send invitationen igen/ }).click();
    await expect(page).toHaveURL(/besked=sendt-igen/);
    await expect(page.getByRole("status")).toContainText("igen nu, med et nyt link");
    await card.getByRole("link", { name: /Træk invitationen tilbage/ }).click();
    await tabTo(page, page.getByRole("button", { name: "Ja, træk invitationen tilbage" }), { max: 40 });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("Kim Nabo har ikke adgang mere");
    await expect(card.locator(".tag")).toHaveText("Tilbagekaldt");
  });
});

test("Pårørende without JavaScript: 'Nej tak' to an invitation, 'Nej, det er ikke Jonas' for the wrong person, and a helper who stops", async ({ page, browser }) => {
  // Mette and Jonas, apart from Ali's journey above.
  const jonas = await newPerson(browser);
  try {
    await signIn(jonas.page, "jonas", "/");
    async function invite() {
      await page.goto("/paaroerende/inviter");
      await page.getByLabel("Navn", { exact: true }).fill("Jonas Hansen");
      await page.getByLabel("E-mail", { exact: true }).fill("jonas.hansen@example.com");
      await page.getByLabel("Hvem er personen for dig?").fill("Bror");
      await page.getByRole("checkbox", { name: "Din plan" }).check();
      await page.getByRole("button", { name: "Fortsæt" }).click();
      await page.getByRole("button", { name: "Bekræft og send" }).click();
      await expect(page.getByRole("status")).toContainText("Vi sender invitationen til");
      await jonas.page.goto("/dev/postkasse");
      const mail = jonas.page.locator(".relatives-mail").filter({ hasText: "Mette Hansen inviterer dig til Min Vej" }).first();
      const link = (await mail.getByRole("link", { name: /\/invitation\// }).getAttribute("href")) ?? "";
      await jonas.page.goto(link);
      await expect(mainHeading(jonas.page)).toHaveText("Invitation fra Mette Hansen");
    }
    await signIn(page, "mette", "/paaroerende");
    const card = page.locator(".relatives-grant").filter({ hasText: "jonas.hansen@example.com" }).first();

    await test.step("Jonas says 'Nej tak'", async () => {
      await invite();
      await jonas.page.getByRole("button", { name: "Nej tak", exact: true }).click();
      await expect(jonas.page.getByRole("button", { name: "Tag imod", exact: true })).toHaveCount(0);
      await page.goto("/paaroerende");
      await expect(card).toContainText("Stoppet af den pårørende");
    });

    await test.step("Jonas accepts; Mette says it is not him ('Nej, det er ikke Jonas')", async () => {
      await invite();
      await jonas.page.getByRole("button", { name: "Tag imod", exact: true }).click();
      await expect(jonas.page).toHaveURL(/\/hjaelper\?afventer=1$/);
      await page.goto("/paaroerende");
      await page.getByRole("button", { name: /^Nej, det er ikke Jonas/ }).click();
      await expect(page).toHaveURL(/\/paaroerende\?besked=/);
      await expect(page.getByRole("status")).toBeVisible();
    });

    await test.step("Jonas accepts again, Mette confirms; then Jonas stops helping on his own", async () => {
      await invite();
      await jonas.page.getByRole("button", { name: "Tag imod", exact: true }).click();
      await page.goto("/paaroerende");
      await page.getByRole("button", { name: /^Ja, det er Jonas/ }).click();
      await expect(page.getByRole("status")).toContainText("Jonas Hansen har nu adgang.");
      await jonas.page.goto("/hjaelper");
      await jonas.page.getByRole("main").getByRole("link", { name: /Mette Hansen/ }).click();
      const participantId = /\/hjaelper\/([0-9a-f-]{36})/.exec(jonas.page.url())![1]!;
      await jonas.page.goto(`/hjaelper/${participantId}/stop`);
      await expect(mainHeading(jonas.page)).toHaveText("Vil du stoppe med at hjælpe Mette?");
      await jonas.page.getByRole("button", { name: "Ja, stop" }).click();
      await expect(jonas.page).toHaveURL(/\/hjaelper\?stoppet=Mette$/);
      expect((await jonas.page.goto(`/hjaelper/${participantId}/min-plan`))?.status()).toBe(403);
    });
  } finally {
    await jonas.context.close();
  }
});

test("the caseworker's briefing without JavaScript: no print button (the browser prints it)", async ({ page }) => {
  await signIn(page, "sara", "/sagsbehandler");
  await page.getByRole("link", { name: "Åbn mødebriefing for Mette Hansen" }).click();
  await expect(mainHeading(page)).toHaveText("Mødebriefing: Mette Hansen");
  await expect(page.getByRole("button", { name: "Udskriv briefingen" })).toHaveCount(0);
});

test("'Sådan får du besked' without JavaScript: a refused number kept, saved, a save from an older window", async ({ page }) => {
  // SMS only: no reminder of Mette's lands in a demo mailbox another journey reads.
  await signIn(page, "mette", "/indstillinger");
  await expect(mainHeading(page)).toHaveText("Sådan får du besked");

  await test.step("a number that is not one: 400, the summary, the title, what was typed kept", async () => {
    await page.getByRole("checkbox", { name: "På SMS" }).check();
    await page.getByRole("textbox", { name: "Dit mobilnummer" }).fill("12 34");
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Gem dine valg" }).click()]);
    expect(response.status()).toBe(400);
    await expect(page.getByRole("alert").getByRole("link", { name: "Skriv dit mobilnummer med 8 cifre, fx 12 34 56 78." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: Sådan får du besked/);
    await expect(page.getByRole("textbox", { name: "Dit mobilnummer" })).toHaveValue("12 34");
    await expect(page.getByRole("checkbox", { name: "På SMS" })).toBeChecked();
  });

  await test.step("saved: the redirect and the notice", async () => {
    await page.getByRole("textbox", { name: "Dit mobilnummer" }).fill("11 22 33 01");
    await page.getByLabel("Fra kl.").selectOption("22");
    await page.getByRole("button", { name: "Gem dine valg" }).click();
    await expect(page).toHaveURL(/\/indstillinger\?gemt=1#notifications-status$/);
    await expect(page.getByRole("status").filter({ hasText: "Dine valg er gemt." })).toBeVisible();
    await expect(page.getByLabel("Fra kl.")).toHaveValue("22");
  });

  await test.step("a save from an older window: the saved choices shown, nothing overwritten; saving again wins", async () => {
    const other = await page.context().newPage();
    await other.goto("/indstillinger");
    await other.getByRole("checkbox", { name: "3 dage før" }).check();
    await other.getByRole("button", { name: "Gem dine valg" }).click();
    await expect(other.getByRole("status").filter({ hasText: "Dine valg er gemt." })).toBeVisible();
    await other.close();

    // This window still shows the choices as they were before the other window saved.
    await page.getByLabel("Til kl.").selectOption("07");
    await page.getByRole("button", { name: "Gem dine valg" }).click();
    const conflict = page.getByRole("group", { name: "Dine valg er blevet ændret et andet sted" });
    await expect(conflict).toContainText("3 dage før");
    await expect(page).toHaveTitle(/^Fejl: /);
    await expect(page.getByLabel("Til kl.")).toHaveValue("07");
    await page.getByRole("button", { name: "Gem dine valg" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Dine valg er gemt." })).toBeVisible();
    await expect(page.getByLabel("Til kl.")).toHaveValue("07");
  });
});

test("the caseworker's messages without JavaScript: a reply (empty, sent), a new time (wrong, proposed), handled", async ({ page, browser }) => {
  const tag = uniqueTag();
  const subject = `Ny tid? (${tag})`;
  const ali = await newPerson(browser);
  try {
    // Ali writes about his next meeting (English, his own language).
    await signIn(ali.page, "ali", "/moeder");
    const links = await ali.page.locator('main a[href^="/moeder/"]').all();
    const meeting = (await Promise.all(links.map((link) => link.getAttribute("href")))).find((href) => /^\/moeder\/[0-9a-f-]{36}$/.test(href ?? ""));
    await ali.page.goto(`/beskeder/ny?moede=${meeting!.split("/")[2]}`);
    await ali.page.getByRole("textbox", { name: "Subject" }).fill(subject);
    await ali.page.getByRole("textbox", { name: "Your message" }).fill(`I cannot come that day. (${tag})`);
    await ali.page.getByRole("button", { name: "Send the message" }).click();
    await expect(mainHeading(ali.page)).toHaveText(subject);

    await signIn(page, "sara", "/sagsbehandler/beskeder");
    await page.getByRole("region", { name: /^Venter på dit svar/ }).getByRole("link", { name: new RegExp(`^Ny tid\\? \\(${tag}\\)`) }).click();
    await expect(mainHeading(page)).toHaveText(subject);

    await test.step("a reply: empty first (the summary, 'Fejl:'), then sent", async () => {
      await page.getByRole("button", { name: "Send svar" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Skriv dit svar" })).toBeVisible();
      await expect(page).toHaveTitle(`Fejl: ${subject} – Min Vej`);
      await page.getByRole("textbox", { name: "Dit svar" }).fill(`Det finder vi ud af. (${tag})`);
      await page.getByRole("button", { name: "Send svar" }).click();
      await expect(page).toHaveURL(/\/sagsbehandler\/beskeder\/[0-9a-f-]{36}\?sendt=svar$/);
      await expect(page.getByRole("status")).toHaveText("Dit svar er sendt.");
      await expect(page.locator(".cw-message--caseworker").last()).toContainText("Ikke læst endnu");
    });

    await test.step("a new time: a date that does not exist and no end (kept), then proposed", async () => {
      const form = page.getByRole("region", { name: "Foreslå en ny tid" });
      await form.getByRole("textbox", { name: "Dag" }).fill("31");
      await form.getByRole("textbox", { name: "Måned" }).fill("2");
      await form.getByRole("textbox", { name: "År" }).fill("2030");
      await form.getByRole("textbox", { name: "Starttid" }).fill("9.30");
      await form.getByRole("button", { name: "Send forslaget" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Skriv en rigtig dato, for eksempel 17 3 2027" })).toBeVisible();
      await expect(page.getByRole("alert").getByRole("link", { name: "Skriv sluttiden, for eksempel 11.00" })).toBeVisible();
      await expect(form.getByRole("textbox", { name: "Dag" })).toHaveValue("31");
      await expect(form.getByRole("textbox", { name: "Starttid" })).toHaveValue("9.30");
      // The one state of this page the JavaScript journey does not reach.
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: a new time refused (no-js)");
      await form.getByRole("textbox", { name: "Dag" }).fill("28");
      await form.getByRole("textbox", { name: "Sluttid" }).fill("10.30");
      await form.getByRole("button", { name: "Send forslaget" }).click();
      await expect(page).toHaveURL(/\?sendt=ny-tid$/);
      await expect(page.getByRole("status")).toHaveText("Dit forslag til en ny tid er sendt. Ali kan sige ja eller nej i Min Vej.");
      await expect(page.locator(".cw-message--proposal")).toContainText("torsdag den 28. februar kl. 09.30–10.30");
      await expect(page.locator(".cw-message--proposal")).toContainText("Venter på svar fra Ali");
    });

    await test.step("handled: gone from those waiting", async () => {
      await page.getByRole("button", { name: "Markér som håndteret" }).click();
      await expect(page).toHaveURL(/\?sendt=haandteret$/);
      await expect(page.getByRole("status")).toHaveText("Samtalen er markeret som håndteret.");
      await page.getByRole("link", { name: "Tilbage til beskeder" }).click();
      await expect(page.getByRole("region", { name: /^Venter på dit svar/ })).not.toContainText(subject);
      await expect(page.getByRole("region", { name: /^Andre samtaler/ })).toContainText(subject);
    });
  } finally {
    await ali.context.close();
  }
});

test("Referat efter samtalen without JavaScript: Sara adds a point and keeps a draft; Mette answers a point (empty, sent)", async ({ page, browser }) => {
  const tag = uniqueTag();
  await signIn(page, "sara", "/sagsbehandler");
  await page.getByRole("link", { name: /Mette Hansen/ }).first().click();
  await page.getByRole("link", { name: "Skriv eller ret referater fra holdte møder" }).click();
  await page.getByRole("link", { name: /^Samtale med Sara/ }).click();
  await expect(mainHeading(page)).toHaveText("Referat: Samtale med Sara");
  // "Tilføj et punkt": a plain post that keeps what she wrote and adds an empty point.
  await page.getByRole("textbox", { name: "Det aftalte vi, punkt 3 (valgfrit)" }).fill(`Du fortsætter i smerteskolen. (${tag})`);
  await page.getByRole("button", { name: "Tilføj et punkt" }).click();
  await expect(page.getByRole("textbox", { name: "Det aftalte vi, punkt 4 (valgfrit)" })).toHaveValue("");
  await expect(page.getByRole("textbox", { name: "Det aftalte vi, punkt 3 (valgfrit)" })).toHaveValue(`Du fortsætter i smerteskolen. (${tag})`);
  await page.getByRole("button", { name: "Gem som kladde" }).click();
  await expect(page.getByRole("status")).toHaveText("Kladden er gemt. Kun du kan se den.");
  await expect(page.getByText(/^Kladde gemt .+ kl\. \d\d\.\d\d\.$/)).toBeVisible();

  const mette = await newPerson(browser);
  try {
    await signIn(mette.page, "mette", "/moeder/tidligere");
    await mette.page.getByRole("link", { name: "Samtale med Sara" }).click();
    // Sara's draft is hers: Mette reads the summary as it was sent.
    await expect(mette.page.getByRole("region", { name: "Det aftalte vi" })).not.toContainText(tag);
    await mette.page.getByRole("link", { name: "Jeg husker det anderledes (punkt 2)" }).click();
    await mette.page.getByRole("button", { name: "Send til Sara Nielsen" }).click();
    await expect(mette.page).toHaveTitle("Fejl: Jeg husker punkt 2 anderledes – Min Vej");
    await expect(mette.page.getByRole("alert").getByRole("link", { name: "Skriv, hvad du husker." })).toBeVisible();
    await mette.page.getByRole("textbox", { name: "Hvad husker du?" }).fill(`Lars henter mig derhjemme. (${tag})`);
    await mette.page.getByRole("button", { name: "Send til Sara Nielsen" }).click();
    await expect(mette.page).toHaveURL(/\/moeder\/[0-9a-f-]{36}\?husket=2#punkt-2$/);
    await expect(mette.page.getByRole("status")).toHaveText("Tak. Det, du husker om punkt 2, er sendt til din sagsbehandler.");
    await expect(mette.page.locator("#punkt-2")).toContainText("Du har skrevet, at du husker det anderledes");
  } finally {
    await mette.context.close();
  }
});

test("Forslag til min plan without JavaScript: a proposal (empty, sent), one withdrawn, Sara declines one (no reason, then a reason)", async ({ page, browser }) => {
  const tag = uniqueTag();
  await signIn(page, "mette", "/min-plan/forslag/ny");
  await page.getByRole("textbox", { name: "Hvad foreslår du?" }).fill(`Gå en tur ${tag}`);
  await page.getByRole("button", { name: "Send forslaget" }).click();
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(page.getByRole("alert").getByRole("link", { name: "Vælg, om du foreslår et delmål eller en aktivitet" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Hvad foreslår du?" })).toHaveValue(`Gå en tur ${tag}`);
  for (const title of [`Gå en tur ${tag}`, `Tag et kursus ${tag}`]) {
    await page.goto("/min-plan/forslag/ny");
    await page.getByRole("radio", { name: "Delmål", exact: true }).check();
    await page.getByRole("textbox", { name: "Hvad foreslår du?" }).fill(title);
    await page.getByRole("button", { name: "Send forslaget" }).click();
    await expect(page).toHaveURL(/\/min-plan\/forslag\?gemt=sendt$/);
    await expect(page.getByRole("status")).toContainText("Dit forslag er sendt til din sagsbehandler.");
  }
  await page.getByRole("button", { name: `Træk forslaget tilbage: Tag et kursus ${tag}` }).click();
  await expect(page).toHaveURL(/\/min-plan\/forslag\?gemt=trukket$/);
  await expect(page.getByRole("listitem").filter({ hasText: `Tag et kursus ${tag}` })).toContainText("Trukket tilbage");

  const sara = await newPerson(browser);
  await signIn(sara.page, "sara", "/sagsbehandler");
  await sara.page.getByRole("link", { name: "Åbn mødebriefing for Mette Hansen" }).click();
  await sara.page.getByRole("link", { name: `Svar på forslaget: Gå en tur ${tag}` }).click();
  await sara.page.getByRole("button", { name: "Tag ikke med" }).click();
  await expect(sara.page).toHaveTitle(/^Fejl: /);
  await expect(sara.page.getByRole("alert").getByRole("link", { name: "Skriv, hvorfor du ikke tager forslaget med. Mette kan læse det" })).toBeVisible();
  await sara.page.getByRole("textbox", { name: "Hvorfor tager du ikke forslaget med?" }).fill("Vi taler om det til samtalen.");
  await sara.page.getByRole("button", { name: "Tag ikke med" }).click();
  await expect(sara.page).toHaveURL(/\?besvaret=1$/);
  await expect(sara.page.getByRole("status")).toContainText("Dit svar er gemt.");
  await sara.context.close();

  await page.goto("/min-plan/forslag");
  await expect(page.getByRole("listitem").filter({ hasText: `Gå en tur ${tag}` })).toContainText("Vi taler om det til samtalen.");
});
