import type { Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * "Sådan går det" (issue 22) in the browser: one journey with JavaScript (Mette, from the overview's
 * card; axe on each page state at 1280 and 320 px, Danish and once English, a radio chosen by
 * keyboard), and the same forms once more without JavaScript (Nanna, who starts with nothing).
 * Saving, versions, sharing, the "no" cases and the diary's privacy are proven in
 * tests/integration/progress/. Both tests work whether or not an earlier attempt saved already.
 */

const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** Shares, from a page with the one switch; stops first if an earlier attempt left it shared. */
async function shareFresh(page: Page, notice: string) {
  const stop = page.getByRole("button", { name: "Stop med at dele" });
  if (await stop.isVisible()) await stop.click();
  await page.getByRole("button", { name: "Del med min sagsbehandler" }).click();
  await expect(status(page, notice)).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop med at dele" })).toBeVisible();
}

test("Sådan går det: this month's answers, one month shared, the diary and its pattern, the signs on paper", async ({ page }) => {
  await signIn(page, "mette");
  const card = page.getByRole("region", { name: "Sådan går det" });
  await expect(card).toContainText(/Næste gang: \d{1,2}\. \p{L}+\.|Det er tid til at svare|Du har svaret/u);
  await card.getByRole("link", { name: "Gå til Sådan går det" }).click();
  await expect(mainHeading(page)).toHaveText("Sådan går det");
  // Words on the line, a table with the same: never a number.
  await expect(page.getByRole("img", { name: /^Energi: dine svar måned for måned/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Energi: dine svar" })).toContainText("Både og");
  await expectNoAxeViolationsAtAllWidths(page, "progress: home (Mette)");

  await test.step("this month's answers: an error keeps what she typed, then saved (a step chosen by keyboard)", async () => {
    await page.goto("/saadan-gaar-det/svar");
    await page.getByRole("textbox", { name: "Skriv gerne mere om din energi" }).fill("x".repeat(501));
    await page.getByRole("textbox", { name: "Noget andet, jeg vil sige" }).fill("Jeg glæder mig til praktikken.");
    await page.getByRole("button", { name: "Gem dine svar" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Skriv kortere om din energi. Der er plads til 500 tegn." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: Dine svar for/);
    await expect(page.getByRole("textbox", { name: "Noget andet, jeg vil sige" })).toHaveValue("Jeg glæder mig til praktikken.");
    await expectNoAxeViolationsAtAllWidths(page, "progress: answers refused (Mette)");

    await page.getByRole("group", { name: "Hvordan har det været med din energi?" }).getByRole("radio", { name: "Både og" }).check();
    const sleep = page.getByRole("group", { name: "Hvordan har det været med din søvn?" });
    await sleep.getByRole("radio", { name: "Meget svært" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(sleep.getByRole("radio", { name: "Svært", exact: true })).toBeChecked();
    await page.getByRole("textbox", { name: "Skriv gerne mere om din energi" }).fill("Lidt bedre end sidst.");
    await page.getByRole("button", { name: "Gem dine svar" }).click();
    await expect(page).toHaveURL(/\/saadan-gaar-det\?gemt=svar$/);
    await expect(status(page, "Dine svar er gemt.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Denne måned" })).toContainText("Tak.");
  });

  await test.step("one month shared with the caseworker, by its own switch", async () => {
    await page.getByRole("link", { name: /^Se eller ret dine svar for/ }).click();
    await expect(page.getByText("Lidt bedre end sidst.")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "progress: one month (Mette)");
    await shareFresh(page, "Svarene er delt med din sagsbehandler.");
  });

  await test.step("the reminder day: it comes by e-mail or SMS too, as she chose (issue 22); read only, Mette keeps the 12th", async () => {
    await page.goto("/saadan-gaar-det/paamindelse");
    await expect(page.getByText("Den dag får du også en e-mail eller SMS, hvis du har valgt det.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Vælg e-mail eller SMS under Sådan får du besked" })).toHaveAttribute("href", "/indstillinger");
    await expect(page.getByLabel("Dag i måneden").getByRole("option", { name: "Ingen påmindelse" })).toHaveCount(1);
    await expectNoAxeViolationsAtAllWidths(page, "progress: reminder day (Mette)");
  });

  await test.step("the energy diary: two taps, the week, and a pattern in words", async () => {
    await page.getByRole("link", { name: "Tilbage til Sådan går det" }).click();
    await page.getByRole("link", { name: "Energidagbog" }).click();
    await expect(mainHeading(page)).toHaveText("Energidagbog");
    await expect(page.getByText("Du havde mest energi de dage, du gik en tur.")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "progress: diary (Mette)");
    await page.getByRole("group", { name: "Hvor meget energi har du haft?" }).getByRole("radio", { name: "En del" }).check();
    await page.getByRole("checkbox", { name: "Gik en tur" }).check();
    await page.getByRole("button", { name: "Gem dagen" }).click();
    await expect(status(page, "Dagen er gemt.")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /lørdag|søndag|mandag|tirsdag|onsdag|torsdag|fredag/i }) }).filter({ hasText: "Energi: En del" }).first()).toBeVisible();
  });

  await test.step("my signs and strategies: saved, shared by one switch, and on paper", async () => {
    await page.getByRole("link", { name: "Tilbage til Sådan går det" }).click();
    await page.getByRole("link", { name: "Mine tegn og mine strategier" }).click();
    await expectNoAxeViolationsAtAllWidths(page, "progress: signs (Mette)");
    await page.getByRole("textbox", { name: "Mine tegn" }).fill("Jeg sover dårligt flere nætter i træk.\nJeg aflyser aftaler.");
    await page.getByRole("button", { name: "Gem mine lister" }).click();
    await expect(status(page, "Dine lister er gemt.")).toBeVisible();
    await shareFresh(page, "Dine tegn og strategier er delt med din sagsbehandler.");
    await page.getByRole("link", { name: "Udskriv dine lister" }).click();
    await expect(page.getByRole("button", { name: "Udskriv" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Jeg aflyser aftaler." })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "progress: signs on paper (Mette)");
  });

  await test.step("in English", async () => {
    await page.goto("/saadan-gaar-det");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(mainHeading(page)).toHaveText("How it is going");
    await expectNoAxeViolationsAtAllWidths(page, "progress: home, English (Mette)");
    await page.getByRole("button", { name: "Dansk", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
  });
});

test("Sådan går det without JavaScript: every form posts, refuses with what was typed, and redirects", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  await signIn(page, "nanna", "/saadan-gaar-det/svar");
  const post = (name: string) =>
    Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name }).click()]).then(([r]) => r);

  await page.getByRole("textbox", { name: "Skriv gerne mere om din søvn" }).fill("y".repeat(501));
  await page.getByRole("textbox", { name: "Det, der hjælper mig" }).fill("Min kat.");
  expect((await post("Gem dine svar")).status()).toBe(400);
  await expect(page).toHaveTitle(/^Fejl: /);
  await expect(page.getByRole("alert")).toContainText("Skriv kortere om din søvn. Der er plads til 500 tegn.");
  await expect(page.getByRole("textbox", { name: "Det, der hjælper mig" })).toHaveValue("Min kat.");
  await page.getByRole("textbox", { name: "Skriv gerne mere om din søvn" }).fill("");
  await page.getByRole("group", { name: "Hvordan har det været at komme ud ad døren?" }).getByRole("radio", { name: "Ret godt" }).check();
  await page.getByRole("button", { name: "Gem dine svar" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\?gemt=svar$/);
  await expect(page.getByText("Dine svar er gemt.")).toBeVisible();

  await page.getByRole("link", { name: /^Se eller ret dine svar for/ }).click();
  const stop = page.getByRole("button", { name: "Stop med at dele" });
  if (await stop.isVisible()) await stop.click();
  await page.getByRole("button", { name: "Del med min sagsbehandler" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\/svar\/[0-9a-f-]{36}\?gemt=delt$/);
  await expect(page.getByText("Svarene er delt med din sagsbehandler.")).toBeVisible();

  await page.goto("/saadan-gaar-det/paamindelse");
  await page.getByLabel("Dag i måneden").selectOption("3");
  await page.getByRole("button", { name: "Gem dit valg" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\?gemt=dag$/);
  await expect(page.getByText(/Næste gang: 3\. \p{L}+\./u)).toBeVisible();

  await page.goto("/saadan-gaar-det/dagbog");
  await page.getByRole("checkbox", { name: "Hvilede" }).check();
  await page.getByRole("textbox", { name: "Noter til dig selv" }).fill("Træt efter mødet.");
  expect((await post("Gem dagen")).status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Vælg, hvor meget energi du har haft.");
  await expect(page.getByRole("textbox", { name: "Noter til dig selv" })).toHaveValue("Træt efter mødet.");
  await expect(page.getByRole("checkbox", { name: "Hvilede" })).toBeChecked();
  await page.getByRole("group", { name: "Hvor meget energi har du haft?" }).getByRole("radio", { name: "Lidt", exact: true }).check();
  await page.getByRole("button", { name: "Gem dagen" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\/dagbog\?gemt=1&uge=[\d-]+#week$/);
  await expect(page.getByText("Træt efter mødet.").last()).toBeVisible();

  await page.goto("/saadan-gaar-det/tegn");
  await page.getByRole("textbox", { name: "Det hjælper mig" }).fill("Jeg går en tur.");
  await page.getByRole("button", { name: "Gem mine lister" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\/tegn\?gemt=gemt$/);
  const stopSigns = page.getByRole("button", { name: "Stop med at dele" });
  if (await stopSigns.isVisible()) await stopSigns.click();
  await page.getByRole("button", { name: "Del med min sagsbehandler" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\/tegn\?gemt=delt$/);
  await page.getByRole("button", { name: "Stop med at dele" }).click();
  await expect(page).toHaveURL(/\/saadan-gaar-det\/tegn\?gemt=stoppet$/);
  await context.close();
});
