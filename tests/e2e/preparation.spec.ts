import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test, type DemoPerson } from "./support/fixtures";

/**
 * "Forbered dit møde". Each project has a database of its own; within one, the journeys that save
 * the same person's preparation run one after the other (so no two save a part from stale forms).
 * Ali's scans only submit forms with errors, which save nothing.
 */
test.describe.configure({ mode: "default" });

async function pdfText(page: Page) {
  // A click while the page is still loading (after a language switch, say) can be lost.
  await page.waitForLoadState("load");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    page.getByRole("link", { name: /Hent din forberedelse som PDF|Download your preparation as a PDF/ }).first().click(),
  ]);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const pdf = await getDocumentProxy(bytes);
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  const { text } = await extractText(pdf, { mergePages: true });
  return { name: download.suggestedFilename(), text: text.replace(/\s+/g, " "), language: info.Language };
}

const continueButton = (page: Page) => page.getByRole("button", { name: "Gem og fortsæt", exact: true });
const laterButton = (page: Page) => page.getByRole("button", { name: "Gem og fortsæt senere", exact: true });
const doneYes = (page: Page) => page.getByRole("radio", { name: "Ja, jeg er færdig med denne del" });
const doneNo = (page: Page) => page.getByRole("radio", { name: "Nej, jeg vil vende tilbage" });

test("Mette prepares over two visits, checks her answers, shares, withdraws a part and prints", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const tag = `${testInfo.project.name}-${randomUUID().slice(0, 6)}`;

  await test.step("the task list: nine parts with their status", async () => {
    await signIn(page, "mette", "/forberedelse");
    await expect(mainHeading(page)).toHaveText("Forbered dit møde");
    await expect(page).toHaveTitle("Forbered dit møde – Min Vej");
    await expect(page.getByRole("list", { name: "Delene" }).getByRole("listitem")).toHaveCount(9);
    await expect(page.getByRole("link", { name: "1. Om mødet" })).toHaveAccessibleDescription(/Færdig|Ikke startet|I gang/);
    await expect(page.getByText(/Dit møde med teamet er/)).toBeVisible();
    // Solbjerg keeps a rehabiliteringsteam (issue 19), and says so in its own words.
    await expect(page.getByRole("region", { name: "Fra Solbjerg Kommune" })).toContainText("holder vi stadig møder i rehabiliteringsteamet");
    await expect(page.getByRole("link", { name: "8. Mine spørgsmål til teamet" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation task list (Mette)");
  });

  await test.step("Om mødet: who is there, how it goes; Fortsæt goes on to part 2", async () => {
    await page.getByRole("link", { name: "1. Om mødet" }).click();
    await expect(mainHeading(page)).toHaveText("Om mødet");
    await expect(page.getByText("Karin Vestergaard")).toBeVisible();
    await expect(page.getByRole("link", { name: "Læs mere om rehabiliteringsteamet" })).toHaveAttribute("href", "/om/rehabiliteringsteam");
    await expect(page.getByRole("heading", { name: "Sådan foregår mødet" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Råd om dit helbred" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Fra Solbjerg Kommune" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation: Om mødet (Mette)");
    await page.getByRole("button", { name: "Fortsæt" }).click();
    await expect(mainHeading(page)).toHaveText("Uddannelse og arbejde");
  });

  await test.step("Uddannelse og arbejde: the CV is shown, not typed again", async () => {
    await expect(page.getByRole("region", { name: "Fra dit CV" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Gå til dit CV" })).toHaveAttribute("href", "/cv");
    await expect(page.getByText("Del 2 af 9")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation: education and work, filled (Mette)");
    await page.getByRole("textbox", { name: "Det er jeg god til" }).fill(`Orden og kundeservice (${tag})`);
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Mine ressourcer");
    await expect(page.getByRole("status").filter({ hasText: "Dine svar til »Uddannelse og arbejde« er gemt." })).toBeVisible();
  });

  await test.step("Mine ressourcer, then Det, der er svært: saved for later", async () => {
    await page.getByRole("textbox", { name: "Mine interesser" }).fill(`Strik og krydsord (${tag})`);
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Det, der er svært");
    await expect(page.getByRole("region", { name: "Hvem kan læse det?" })).toContainText("Din sagsbehandler kan først læse det, når du vælger at dele det");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: what is hard (Mette)");
    await page.getByRole("textbox", { name: "Helbred" }).fill(`Ondt i ryggen 😣 (${tag})`);
    await doneNo(page).check();
    await laterButton(page).click();
    await expect(mainHeading(page)).toHaveText("Forbered dit møde");
    await expect(page.getByRole("status").filter({ hasText: "Dine svar til »Det, der er svært« er gemt." })).toBeVisible();
    await expect(page.getByRole("link", { name: "4. Det, der er svært" })).toHaveAccessibleDescription("I gang");
  });

  await test.step("sign out, and come back another day: everything is still there", async () => {
    await page.getByRole("button", { name: "Log ud", exact: true }).click();
    // Wait until she is signed out: going to /log-ind before that would cancel the sign-out, and a
    // signed-in visitor is sent on from /log-ind to the overview (the flake in CI).
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await signIn(page, "mette", "/forberedelse");
    await page.getByRole("link", { name: "4. Det, der er svært" }).click();
    await expect(page.getByRole("textbox", { name: "Helbred" })).toHaveValue(`Ondt i ryggen 😣 (${tag})`);
    await expect(doneNo(page)).toBeChecked();
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Hvad jeg kan, og hvad der hjælper");
  });

  await test.step("Hvad jeg kan: an over-long answer is refused, with the text kept", async () => {
    await expectNoAxeViolationsAtAllWidths(page, "preparation: abilities (Mette)");
    const sitting = page.getByRole("group", { name: "At sidde, stå og gå" });
    await sitting.getByRole("textbox", { name: "Sådan går det" }).fill("x".repeat(1001));
    await continueButton(page).click();
    const summaryLink = page.getByRole("link", { name: /»At sidde, stå og gå, Sådan går det« må højst være på 1000 tegn/ });
    await expect(summaryLink).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Hvad jeg kan, og hvad der hjælper – Min Vej");
    await expect(sitting.getByRole("textbox", { name: "Sådan går det" })).toHaveValue("x".repeat(1001));
    await expectNoAxeViolationsAtAllWidths(page, "preparation: abilities with an error (Mette)");
    await sitting.getByRole("textbox", { name: "Sådan går det" }).fill(`Jeg kan sidde en halv time ad gangen (${tag})`);
    await sitting.getByRole("textbox", { name: "Det hjælper mig" }).fill("Et hæve-sænkebord");
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Mine ønsker");
  });

  await test.step("Mine ønsker: hours and three work tasks (the CV's list)", async () => {
    await page.getByRole("textbox", { name: "Det vil jeg gerne arbejde med" }).fill(`Genbrug eller lager (${tag})`);
    await page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde lige nu?" }).fill("otte");
    await continueButton(page).click();
    await expect(page.getByRole("link", { name: "Vi kunne ikke læse timerne. Skriv et tal eller et spænd, fx 10 eller 10-15. Højst 37 timer. Du kan også lade feltet stå tomt." })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation: wishes with an error (Mette)");
    await page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde lige nu?" }).fill("8");
    await page.getByRole("textbox", { name: "Opgave 1", exact: true }).fill(`Sortere tøj (${tag})`);
    await page.getByRole("textbox", { name: "Opgave 2", exact: true }).fill("Sætte varer på hylder");
    await page.getByRole("textbox", { name: "Opgave 3", exact: true }).fill("Tage imod kunder");
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Mit netværk");
  });

  await test.step("Mit netværk and Mine spørgsmål", async () => {
    await expect(page.getByRole("region", { name: "Fra dit netværkskort" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation: network (Mette)");
    await page.getByRole("textbox", { name: "Hvem vil du have med til mødet?" }).fill(`Min bror Jonas (${tag})`);
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Mine spørgsmål til teamet");
    await page.getByRole("textbox", { name: "Mine spørgsmål" }).fill(`Hvor mange timer skal jeg starte med?\n<b>Må</b> Jonas komme med? (${tag})`);
    await doneYes(page).check();
    await continueButton(page).click();
    await expect(mainHeading(page)).toHaveText("Tjek og del");
  });

  await test.step("Tjek og del: every answer, with Ret links; share with the caseworker", async () => {
    const main = page.getByRole("main");
    for (const text of [`Orden og kundeservice (${tag})`, `Ondt i ryggen 😣 (${tag})`, `Jeg kan sidde en halv time ad gangen (${tag})`, "8 timer om ugen", `<b>Må</b> Jonas komme med? (${tag})`]) {
      await expect(main).toContainText(text);
    }
    await expect(page.getByRole("link", { name: "Ret svar til Mine ressourcer" })).toHaveAttribute("href", "/forberedelse/mine-ressourcer");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: check answers, before sharing (Mette)");
    // Nothing is shared by default: every box starts unticked, also "Det, der er svært" (health).
    const choose = page.getByRole("group", { name: "Hvilke dele vil du dele?" });
    const boxes = await choose.getByRole("checkbox").all();
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) await expect(box).not.toBeChecked();
    await expect(choose.getByRole("checkbox", { name: "Det, der er svært" })).toHaveAccessibleDescription(/Færdig|I gang/);
    await page.getByRole("button", { name: "Se, hvad du deler" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Sæt kryds ved mindst én del, du vil dele. Vil du ikke dele noget nu, kan du bare lade være." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: Tjek og del/);
    await expectNoAxeViolationsAtAllWidths(page, "preparation: share with nothing ticked (Mette)");
    await choose.getByRole("checkbox", { name: "Mine ressourcer" }).check();
    await choose.getByRole("checkbox", { name: "Mine spørgsmål til teamet" }).check();
    await page.getByRole("button", { name: "Se, hvad du deler" }).click();
    // Step 2: exactly what the caseworker will read, and only then the share button.
    await expect(mainHeading(page)).toHaveText("Tjek, hvad du deler");
    const review = page.getByRole("main");
    await expect(review.getByRole("heading", { level: 2 })).toHaveText(["Mine ressourcer", "Mine spørgsmål til teamet", "Vil du dele det her?"]);
    await expect(review).toContainText(`Strik og krydsord (${tag})`);
    await expect(review).toContainText(`<b>Må</b> Jonas komme med? (${tag})`);
    await expect(review).not.toContainText(`Ondt i ryggen 😣 (${tag})`);
    await expectNoAxeViolationsAtAllWidths(page, "preparation: check what you share (Mette)");
    await page.getByRole("button", { name: "Ret mit valg" }).click();
    await expect(mainHeading(page)).toHaveText("Tjek og del");
    await expect(choose.getByRole("checkbox", { name: "Mine spørgsmål til teamet" })).toBeChecked();
    await expect(choose.getByRole("checkbox", { name: "Det, der er svært" })).not.toBeChecked();
    await page.getByRole("button", { name: "Se, hvad du deler" }).click();
    await expect(mainHeading(page)).toHaveText("Tjek, hvad du deler");
    await page.getByRole("button", { name: "Del med min sagsbehandler" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Du har delt 2 dele med din sagsbehandler." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Det, der er svært" })).toContainText("Ikke delt med din sagsbehandler.");
    await expect(page.getByRole("region", { name: "Mine spørgsmål til teamet" })).toContainText("Delt med din sagsbehandler");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: check answers, shared (Mette)");
  });

  await test.step("a later change is not shared until she shares again", async () => {
    await page.getByRole("link", { name: "Ret svar til Mine ressourcer" }).click();
    await page.getByRole("textbox", { name: "Det går godt" }).fill(`Jeg kommer ud af døren (${tag})`);
    await doneYes(page).check();
    await continueButton(page).click();
    // Wait for the save to land on the next part before leaving; an earlier goto aborts it.
    await expect(mainHeading(page)).toHaveText("Det, der er svært");
    await page.goto("/forberedelse/tjek-og-del");
    const resources = page.getByRole("region", { name: "Mine ressourcer" });
    await expect(resources).toContainText("Ændret siden du delte");
    await expect(resources).toContainText("Din sagsbehandler kan kun se den udgave, du delte.");
  });

  await test.step("withdraw Mine spørgsmål: the page that asks first", async () => {
    const questions = page.getByRole("region", { name: "Mine spørgsmål til teamet" });
    await questions.getByRole("link", { name: "Træk tilbage Mine spørgsmål til teamet fra deling" }).click();
    await expect(mainHeading(page)).toHaveText("Vil du trække »Mine spørgsmål til teamet« tilbage?");
    await page.getByRole("button", { name: "Ja, træk det tilbage" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Du har trukket »Mine spørgsmål til teamet« tilbage." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Mine spørgsmål til teamet" })).toContainText("Ikke delt med din sagsbehandler.");
  });

  await test.step("print view and PDF to bring to the meeting", async () => {
    await page.getByRole("link", { name: "Udskriv din forberedelse" }).click();
    await expect(mainHeading(page)).toHaveText("Forberedelse til mødet med rehabiliteringsteamet");
    await expect(page.getByRole("article")).toContainText(`Sortere tøj (${tag})`);
    // Unanswered questions are listed once per part ("Ikke udfyldt endnu:"), not one by one.
    await expect(page.getByRole("article").getByText("Ikke udfyldt", { exact: true })).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "preparation: print view (Mette)");
    const { name, text, language } = await pdfText(page);
    expect(name).toBe("forberedelse.pdf");
    expect(language).toBe("da-DK");
    for (const expected of ["Forberedelse til mødet med rehabiliteringsteamet", "For Mette Hansen", `Orden og kundeservice (${tag})`, "Side 1 af"]) {
      expect(text, expected).toContain(expected);
    }
  });

  await test.step("the same pages in English, filled", async () => {
    await page.goto("/forberedelse/tjek-og-del");
    await page.getByRole("button", { name: "English" }).click();
    await expect(mainHeading(page)).toHaveText("Check and share");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: check answers, English (Mette)");
    await page.goto("/forberedelse/hvad-jeg-kan");
    await expect(mainHeading(page)).toHaveText("What I can do, and what helps");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: abilities filled, English (Mette)");
    await page.goto("/forberedelse");
    await expectNoAxeViolationsAtAllWidths(page, "preparation task list, English (Mette)");
  });
});

/** Nanna Holm, the demo's participant in Fjordby, which keeps no rehabiliteringsteam (db/seed-data.ts). */
const NANNA = "nanna" as string as DemoPerson;

// Issue 19: the same parts prepare Nanna for the samlet beskrivelse and her talks with the
// municipality. Read only: her preparation stays "not started" for the other journeys.
test("Nanna (Fjordby, no team): the preparation is for the samlet beskrivelse, in Danish and English", async ({ page }) => {
  test.setTimeout(120_000);
  const main = page.getByRole("main");

  await test.step("the task list: her talk about the samlet beskrivelse, no team", async () => {
    await signIn(page, NANNA, "/forberedelse");
    await expect(mainHeading(page)).toHaveText("Forbered dit møde");
    await expect(main.locator(".lead")).toHaveText(/^Her kan du forberede dig til dine møder med kommunen\./);
    await expect(page.getByText(/^Dit møde om den samlede beskrivelse er /)).toBeVisible();
    await expect(page.getByRole("link", { name: "Se mødet" })).toHaveAttribute("href", /^\/moeder\//);
    await expect(page.getByRole("link", { name: "1. Om den samlede beskrivelse" })).toBeVisible();
    await expect(page.getByRole("link", { name: "8. Mine spørgsmål til kommunen" })).toBeVisible();
    // Fjordby has written no words of its own for the preparation.
    await expect(page.getByRole("region", { name: /^Fra / })).toHaveCount(0);
    await expect(main).not.toContainText(/team/i);
    await expectNoAxeViolationsAtAllWidths(page, "preparation task list (Nanna, no team)");
  });

  await test.step("Om den samlede beskrivelse: what it is, health advice that may include a talk, her meeting", async () => {
    await page.getByRole("link", { name: "1. Om den samlede beskrivelse" }).click();
    await expect(mainHeading(page)).toHaveText("Om den samlede beskrivelse");
    await expect(page).toHaveTitle("Om den samlede beskrivelse – Min Vej");
    await expect(main).toContainText("Fjordby Kommune holder ikke møder i et rehabiliteringsteam.");
    await expect(page.getByRole("link", { name: "Læs mere om den samlede beskrivelse" })).toHaveAttribute("href", "/om/samlet-beskrivelse");
    const health = page.getByRole("region", { name: "Råd om dit helbred" });
    await expect(health).toContainText("Måske kan du selv tale med sundhedskoordinatoren. Det er ikke sikkert. Spørg kommunen");
    await expect(health.getByRole("link", { name: "Læs mere om sundhedskoordinatoren" })).toHaveAttribute("href", "/om/sundhedskoordinator");
    // The meeting is her talk about the samlet beskrivelse, with her caseworker.
    await expect(page.getByRole("region", { name: "Dit møde" })).toContainText("Anders Krogh");
    await expect(page.getByRole("heading", { name: "Sådan kan det foregå" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Hvad betyder reformen for mig?" })).toHaveAttribute("href", "/om/reformen");
    await expect(main).not.toContainText(/teamet/i);
    await expectNoAxeViolationsAtAllWidths(page, "preparation: Om den samlede beskrivelse (Nanna)");
  });

  await test.step("the parts speak of the municipality, not a team", async () => {
    await page.goto("/forberedelse/mine-ressourcer");
    await expect(main.locator(".lead")).toContainText("Kommunen vil gerne vide, hvad der virker for dig.");
    await page.goto("/forberedelse/mine-spoergsmaal");
    await expect(mainHeading(page)).toHaveText("Mine spørgsmål til kommunen");
    await expect(page.getByRole("textbox", { name: "Mine spørgsmål" })).toHaveAccessibleDescription(/Kan jeg tale med sundhedskoordinatoren\?/);
    await expectNoAxeViolationsAtAllWidths(page, "preparation: questions (Nanna, no team)");
    await page.goto("/forberedelse/tjek-og-del");
    await expect(page.getByRole("region", { name: "Om den samlede beskrivelse" })).toContainText("Du har ikke læst om den samlede beskrivelse endnu.");
    await expect(page.getByRole("region", { name: "Del med din sagsbehandler" })).toContainText("Kommunen kan bruge det i den samlede beskrivelse.");
    await expect(main).not.toContainText(/team/i);
    await expectNoAxeViolationsAtAllWidths(page, "preparation: check and share (Nanna, no team)");
  });

  await test.step("print view and PDF: prepared for the samlet beskrivelse", async () => {
    await page.goto("/forberedelse/udskriv");
    await expect(mainHeading(page)).toHaveText("Forberedelse til den samlede beskrivelse");
    await expect(page.getByRole("article")).toContainText(/Mødet er .*kl\./);
    await expect(page.getByRole("article").getByRole("heading", { name: "Mine spørgsmål til kommunen" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation: print view (Nanna, no team)");
    const { text } = await pdfText(page);
    for (const expected of ["Forberedelse til den samlede beskrivelse", "For Nanna Holm", "Mine spørgsmål til kommunen", "Mødet er"]) expect(text, expected).toContain(expected);
    expect(text).not.toMatch(/team/i);
  });

  await test.step("in English", async () => {
    await page.goto("/forberedelse");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText(/^Your meeting about the overall description is on /)).toBeVisible();
    await expect(page.getByRole("link", { name: "8. My questions for the municipality" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "preparation task list, English (Nanna, no team)");
    await page.goto("/forberedelse/om-moedet");
    await expect(mainHeading(page)).toHaveText("About the overall description");
    await expect(page.getByRole("region", { name: "Advice about your health" })).toContainText("Ask the municipality whether it is possible.");
    await expectNoAxeViolationsAtAllWidths(page, "preparation: about the overall description, English (Nanna)");
  });
});

const PART_PAGES = [
  { path: "/forberedelse/om-moedet", en: "About the meeting", da: "Om mødet", field: null },
  { path: "/forberedelse/uddannelse-og-arbejde", en: "Education and work", da: "Uddannelse og arbejde", field: { en: "Work", da: "Arbejde" } },
  { path: "/forberedelse/mine-ressourcer", en: "My resources", da: "Mine ressourcer", field: { en: "My interests", da: "Mine interesser" } },
  { path: "/forberedelse/det-der-er-svaert", en: "What is hard", da: "Det, der er svært", field: { en: "Health", da: "Helbred" } },
  { path: "/forberedelse/hvad-jeg-kan", en: "What I can do, and what helps", da: "Hvad jeg kan, og hvad der hjælper", field: null },
  { path: "/forberedelse/mine-oensker", en: "My wishes", da: "Mine ønsker", field: { en: "What I would like to work with", da: "Det vil jeg gerne arbejde med" } },
  { path: "/forberedelse/mit-netvaerk", en: "My network", da: "Mit netværk", field: { en: "Who supports you?", da: "Hvem støtter dig?" } },
  { path: "/forberedelse/mine-spoergsmaal", en: "My questions for the team", da: "Mine spørgsmål til teamet", field: { en: "My questions", da: "Mine spørgsmål" } },
  { path: "/forberedelse/tjek-og-del", en: "Check and share", da: "Tjek og del", field: null },
] as const;

// One test per language (Ali's refused saves change nothing), so neither nears the two-minute limit.
for (const language of ["en", "da"] as const) {
  test(`Ali: every part empty and with errors, in ${language === "en" ? "English" : "Danish"}, at 1280 and 320 px (no team meeting yet)`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "ali");
    await test.step(`${language}: the task list says calmly that no meeting is planned`, async () => {
      await page.goto("/forberedelse");
      if ((await page.locator("html").getAttribute("lang")) !== language) {
        await page.getByRole("button", { name: language === "en" ? "English" : "Dansk" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", language);
      }
      await expect(page.getByText(language === "en" ? "You have not been given a time for the meeting yet." : "Du har ikke fået en tid til mødet endnu.")).toBeVisible();
      await expectNoAxeViolationsAtAllWidths(page, `preparation task list, empty (Ali, ${language})`);
    });
    for (const part of PART_PAGES) {
      await test.step(`${language}: ${part.path}`, async () => {
        await page.goto(part.path);
        await expect(mainHeading(page)).toHaveText(part[language]);
        await expectNoAxeViolationsAtAllWidths(page, `preparation ${part.path}, empty (Ali, ${language})`);
        if (part.field) {
          await page.getByRole("textbox", { name: part.field[language], exact: true }).fill("é".repeat(2001));
          await page.getByRole("button", { name: language === "en" ? "Save and come back later" : "Gem og fortsæt senere" }).click();
          await expect(page).toHaveTitle(new RegExp(`^${language === "en" ? "Error" : "Fejl"}: `));
          await expect(page.getByRole("link", { name: new RegExp(`${part.field[language].replace("?", "\\?")}.*2000`) })).toBeVisible();
          await expectNoAxeViolationsAtAllWidths(page, `preparation ${part.path}, error (Ali, ${language})`);
        }
      });
    }
  });
}

test("keyboard only: Ali opens a part, writes, marks it and saves for later", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const tag = `${testInfo.project.name}-${randomUUID().slice(0, 6)}`;
  await signIn(page, "ali", "/forberedelse");
  const link = page.getByRole("link", { name: "8. My questions for the team" });
  await tabTo(page, link, { max: 40 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("My questions for the team");
  const questions = page.getByRole("textbox", { name: "My questions" });
  await tabTo(page, questions, { max: 20 });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(`Can I start with 10 hours? (${tag})`);
  // Without JavaScript the hint stays "You can write up to 2000 characters." (no-js.spec.ts).
  await expect(page.getByText(/You have \d+ characters left/)).toBeVisible();
  // Tab into the radio group: focus lands on the chosen answer, or on the first one.
  for (let presses = 0; ; presses++) {
    expect(presses, "Tab reaches the radio group").toBeLessThan(6);
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.getAttribute("name") === "done")) break;
  }
  const no = page.getByRole("radio", { name: "No, I will come back to it" });
  // Arrow keys move within the group and choose; Space chooses the focused one.
  if (await no.evaluate((element) => element === document.activeElement)) await page.keyboard.press("Space");
  else await page.keyboard.press("ArrowDown");
  await expect(no).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Save and come back later" }), { max: 5 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Prepare for your meeting");
  await expect(page.getByRole("status").filter({ hasText: "Your answers to “My questions for the team” have been saved." })).toBeVisible();
  await expect(page.getByRole("link", { name: "8. My questions for the team" })).toHaveAccessibleDescription("In progress");
  await page.goto("/forberedelse/mine-spoergsmaal");
  await expect(page.getByRole("textbox", { name: "My questions" })).toHaveValue(`Can I start with 10 hours? (${tag})`);
});

test("two tabs: the second save shows both versions, and nothing is lost", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const tag = `${testInfo.project.name}-${randomUUID().slice(0, 6)}`;
  await signIn(page, "ali");
  const other = await page.context().newPage();
  for (const tab of [page, other]) await tab.goto("/forberedelse/mine-ressourcer");
  await other.getByRole("textbox", { name: "What gives me energy" }).fill(`Football (${tag})`);
  await other.getByRole("button", { name: "Save and come back later" }).click();
  await expect(other.getByRole("status").filter({ hasText: "have been saved" })).toBeVisible();
  await other.close();

  await page.getByRole("textbox", { name: "What gives me energy" }).fill(`Cooking (${tag})`);
  await page.getByRole("button", { name: "Save and come back later" }).click();
  const conflict = page.getByRole("group", { name: "Someone saved this part while you were writing" });
  await expect(conflict).toBeVisible();
  await expect(conflict.locator("blockquote")).toContainText(`Football (${tag})`);
  await expect(conflict.getByRole("textbox", { name: "Your text: What gives me energy" })).toHaveValue(`Cooking (${tag})`);
  await expectNoAxeViolationsAtAllWidths(page, "preparation: conflict between two tabs (Ali, en)");
  await conflict.getByRole("button", { name: "Save my version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "have been saved" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "What gives me energy" })).toHaveValue(`Cooking (${tag})`);
});
