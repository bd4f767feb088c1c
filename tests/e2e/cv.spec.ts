import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Download, Locator, Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";

// Both journeys write to Mette's CV (her task list is one list: saving replaces it), so this
// file's tests run one after the other. Each project has a database of its own.
test.describe.configure({ mode: "default" });

/** Scans the page in Danish, then the same page in English, and switches back. */
async function scanInBothLanguages(page: Page, label: string) {
  await expectNoAxeViolationsAtAllWidths(page, `${label}, Danish`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoAxeViolationsAtAllWidths(page, `${label}, English`);
  await page.getByRole("button", { name: "Dansk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
}

async function downloadPdf(page: Page, link: Locator) {
  // A click while the page is still settling (just after a language switch, say) can be lost, as
  // a person's can; like a person, click again when nothing came. Three clicks without a file fail.
  await page.waitForLoadState("load");
  let download: Download | undefined;
  for (let attempt = 1; !download; attempt++) {
    try {
      [download] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), link.click()]);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const bytes = new Uint8Array(readFileSync(await download.path()));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const pdf = await getDocumentProxy(bytes);
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  const { text } = await extractText(pdf, { mergePages: true });
  return { name: download.suggestedFilename(), text: text.replace(/\s+/g, " "), language: info.Language };
}

const entryTitles = (page: Page) => page.locator(".cv-entry__title").allTextContents();

test("Mette builds her CV from the seeded start, adds three tasks, shares, previews and downloads the PDF", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const tag = `${project}-${randomUUID().slice(0, 6)}`;
  const job = `Lagermedarbejder (${tag})`;

  await test.step("the overview: what is there, an encouraging hint, never shared", async () => {
    await signIn(page, "mette", "/cv");
    await expect(mainHeading(page)).toHaveText("Mit CV");
    await expect(page).toHaveTitle("Mit CV – Min Vej");
    const progress = page.getByRole("region", { name: "Sådan går det med dit CV" });
    // The first journey sees the seeded start; a later one sees what the first one wrote.
    // The count covers exactly the parts listed below it (issue 14, point 15): 11.
    await expect(progress).toContainText(/Du har udfyldt (\d+ af de 11 dele, der står herunder\. Du er godt på vej\.|alle dele\. Flot arbejde!)/);
    await expect(page.locator(".cv-part")).toHaveCount(11);
    await expect(page.getByRole("region", { name: "Dit CV", exact: true })).toContainText("Det er helt almindeligt at have perioder uden arbejde.");
    await scanInBothLanguages(page, "CV overview (Mette)");
  });

  await test.step("work experience: the gap is met kindly; a new job with errors first", async () => {
    await page.getByRole("link", { name: "Erhvervserfaring" }).first().click();
    await expect(mainHeading(page)).toHaveText("Erhvervserfaring");
    await expect.poll(() => entryTitles(page)).toContain("Butiksassistent");
    await scanInBothLanguages(page, "CV section: work (Mette)");

    await page.getByRole("link", { name: "Tilføj et job" }).click();
    await expect(mainHeading(page)).toHaveText("Tilføj et job");
    await scanInBothLanguages(page, "CV entry form: new job, empty");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveTitle("Fejl: Tilføj et job – Min Vej");
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: "Skriv, hvad dit job hed." })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Skriv, hvornår du startede, fx marts 2019, 3/2019 eller 2019." })).toBeVisible();
    await expect(summary).toBeFocused();
    await expectNoAxeViolationsAtAllWidths(page, "CV entry form: new job, nothing filled in");

    await page.getByRole("textbox", { name: "Stilling" }).fill(job);
    await page.getByRole("textbox", { name: "Fra", exact: true }).fill("2021");
    await page.getByRole("textbox", { name: "Til", exact: true }).fill("2019");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Slutdatoen skal være efter startdatoen. Tjek de to datoer." })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Stilling" })).toHaveValue(job);
    await expectNoAxeViolationsAtAllWidths(page, "CV entry form: end before start");

    // Natural answers are accepted (issue 14, point 11): a month name.
    await page.getByRole("textbox", { name: "Fra", exact: true }).fill("april 2020");
    await page.getByRole("textbox", { name: "Til", exact: true }).fill("2021");
    await page.getByRole("textbox", { name: "Arbejdsplads (valgfrit)" }).fill("Lageret A/S, Solbjerg");
    await page.getByRole("textbox", { name: "Dine opgaver (valgfrit)" }).fill(`Pakke ordrer <script>alert("x")</script> og tjekke varer.`);
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveURL(/\/cv\/erfaring\?gemt=/);
    await expect(page.getByRole("status")).toHaveText("Det er gemt i dit CV.");
    await expect(page.locator(".cv-entry", { hasText: job })).toContainText("april 2020 – 2021");
    await expectNoAxeViolationsAtAllWidths(page, "CV section: work, job saved");
  });

  await test.step("move the new job up with a button (no dragging)", async () => {
    const before = await entryTitles(page);
    const index = before.indexOf(job);
    expect(index).toBeGreaterThan(0);
    await page.getByRole("button", { name: `Flyt op ${job}` }).click();
    await expect(page).toHaveURL(/flyttet=/);
    await expect.poll(async () => (await entryTitles(page)).indexOf(job)).toBe(index - 1);
    await expect(page.locator(".cv-entry", { hasText: job })).toBeFocused();
  });

  await test.step("delete asks first on a page of its own, then can be undone", async () => {
    await page.getByRole("link", { name: `Slet ${job}` }).click();
    await expect(mainHeading(page)).toHaveText(`Vil du slette ${job}?`);
    await page.getByRole("button", { name: "Ja, slet" }).click();
    await expect(page.getByRole("status")).toContainText(`${job} er slettet fra dit CV.`);
    await expect.poll(() => entryTitles(page)).not.toContain(job);
    await expectNoAxeViolationsAtAllWidths(page, "CV section: deleted, undo offered");
    await page.getByRole("button", { name: `Fortryd sletningen af ${job}` }).click();
    await expect(page.getByRole("status")).toHaveText(`${job} er tilbage i dit CV.`);
    await expect.poll(() => entryTitles(page)).toContain(job);
  });

  await test.step("skills from suggestions, and a language with a level", async () => {
    await page.goto("/cv/kompetencer");
    await scanInBothLanguages(page, "CV section: skills with suggestions");
    await page.getByRole("button", { name: "Tilføj de valgte" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Sæt kryds ved mindst ét forslag." })).toBeVisible();
    await expect(page).toHaveTitle("Fejl: Kompetencer – Min Vej");
    await expectNoAxeViolationsAtAllWidths(page, "CV section: skills, no suggestion ticked");
    const suggestion = "Rengøring";
    const box = page.getByRole("checkbox", { name: suggestion, exact: true });
    if (await box.count()) {
      await box.check();
      await page.getByRole("button", { name: "Tilføj de valgte" }).click();
      await expect(page.getByRole("status")).toHaveText("Vi har tilføjet 1 til dit CV.");
    }
    await expect.poll(() => entryTitles(page)).toContain(suggestion);

    await page.goto("/cv/sprog/ny");
    await page.getByRole("textbox", { name: "Sprog" }).fill(`Engelsk (${tag})`);
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Vælg, hvor godt du kan sproget." })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "CV entry form: language without level");
    await page.getByRole("radio", { name: "Godt" }).check();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.locator(".cv-entry", { hasText: `Engelsk (${tag})` })).toContainText("Godt");
  });

  await test.step("contact: hide the phone number, write only the town", async () => {
    await page.goto("/cv/kontakt");
    await expect(mainHeading(page)).toHaveText("Kontaktoplysninger");
    await page.getByRole("checkbox", { name: /^Mit telefonnummer/ }).uncheck();
    await page.getByRole("checkbox", { name: "Min adresse eller by" }).check();
    await page.getByRole("textbox", { name: "Adresse eller by (valgfrit)" }).fill("Solbjerg");
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Dine valg for kontaktoplysninger er gemt.");
    await expect(page.getByRole("checkbox", { name: /^Mit telefonnummer/ })).not.toBeChecked();
  });

  await test.step("about me", async () => {
    await page.goto("/cv/om-mig");
    await scanInBothLanguages(page, "CV about me");
    await page.getByRole("textbox", { name: "Kort om dig" }).fill(`Jeg er stabil og god til at tale med kunder (${tag}).`);
    await page.getByRole("button", { name: "Gem teksten" }).click();
    await expect(page.getByRole("status")).toHaveText("Din tekst om dig selv er gemt.");
  });

  await test.step("work wishes: hours checked, skånehensyn kept off the CV", async () => {
    await page.goto("/cv/jobonsker");
    await scanInBothLanguages(page, "CV work wishes");
    await page.getByRole("textbox", { name: "Hvilke slags arbejde og brancher kunne du tænke dig? (valgfrit)" }).fill("Butik\nLager");
    await page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde nu? (valgfrit)" }).fill("ti");
    await page.getByRole("textbox", { name: "Hvad skal en arbejdsplads tage hensyn til? (valgfrit)" }).fill(`Pauser hver time (${tag})`);
    await page.getByRole("button", { name: "Gem jobønsker" }).click();
    await expect(
      page.getByRole("alert").getByRole("link", {
        name: "Vi kunne ikke læse antallet af timer. Skriv et tal eller fra og til, fx 20, 10-15 eller op til 20.",
      }),
    ).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde nu? (valgfrit)" })).toHaveValue("ti");
    await expectNoAxeViolationsAtAllWidths(page, "CV work wishes: hours not a number");
    // A range in her own words is stored as a range (issue 14, point 11).
    await page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde nu? (valgfrit)" }).fill("10 til 15");
    await page.getByRole("radio", { name: "Op til 30 minutter" }).check();
    await page.getByRole("button", { name: "Gem jobønsker" }).click();
    await expect(page.getByRole("status")).toHaveText("Dine jobønsker er gemt.");
    await expect(page.getByRole("checkbox", { name: "Vis mine skånehensyn på mit CV" })).not.toBeChecked();
    await expect(page.getByRole("textbox", { name: "Hvor mange timer om ugen kan du arbejde nu? (valgfrit)" })).toHaveValue("10-15");
  });

  await test.step("three task suggestions", async () => {
    await page.goto("/cv/opgaver");
    await scanInBothLanguages(page, "CV tasks");
    const tasks = [`Sætte varer på hylder (${tag})`, `Pakke ordrer (${tag})`, `Tage imod kunder (${tag})`];
    // Clear what was there (an earlier journey's tasks), then write three.
    const inputs = page.getByRole("textbox", { name: /^Opgave \d+$/ });
    for (let index = 0; index < (await inputs.count()); index++) await inputs.nth(index).fill("");
    for (const [index, text] of tasks.entries()) await page.getByRole("textbox", { name: `Opgave ${index + 1}`, exact: true }).fill(text);
    await page.getByRole("button", { name: "Gem opgaver" }).click();
    await expect(page.getByRole("status")).toHaveText("Dine opgaver er gemt.");
    await expect(page.getByText("Du har skrevet 3 opgaver. Godt klaret!")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Opgave 3", exact: true })).toHaveValue(tasks[2]!);
    await page.getByRole("button", { name: "Flyt op Opgave 3" }).click();
    await expect(page.getByRole("textbox", { name: "Opgave 2", exact: true })).toHaveValue(tasks[2]!);
    await expectNoAxeViolationsAtAllWidths(page, "CV tasks: three written, one moved");
  });

  await test.step("share with the caseworker", async () => {
    await page.goto("/cv");
    const share = page.getByRole("region", { name: "Del med din sagsbehandler" });
    // No one-click share (issue 14, point 1): first the page that shows what the caseworker reads.
    await share.getByRole("link", { name: "Se, hvad du deler" }).click();
    await expect(mainHeading(page)).toHaveText("Del dit CV med din sagsbehandler");
    const review = page.getByRole("region", { name: "Det kan din sagsbehandler læse" });
    await expect(review).toContainText(job);
    await expect(review).toContainText("10–15 timer");
    await expect(review).toContainText(`Tage imod kunder (${tag})`);
    await expect(page.getByText(`Pauser hver time (${tag})`)).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Del også mine skånehensyn" })).not.toBeChecked();
    await scanInBothLanguages(page, "CV share page");
    await page.getByRole("button", { name: /Del (igen )?med min sagsbehandler/ }).click();
    await expect(page).toHaveURL(/\/cv\?delt=1/);
    await expect(page.getByRole("status")).toHaveText("Tak. Din sagsbehandler kan nu læse dit CV og dine jobønsker.");
    await expect(share).toContainText(/Sidst delt i dag kl\. \d{2}\.\d{2}\./);
    await expect(page.getByRole("region", { name: "Sådan går det med dit CV" })).toContainText(/Du har udfyldt (\d+ af de 11 dele|alle dele)/);
    await scanInBothLanguages(page, "CV overview: shared");
  });

  await test.step("preview: the CV as an employer reads it", async () => {
    await page.getByRole("link", { name: "Se og udskriv dit CV" }).click();
    await expect(mainHeading(page)).toHaveText("Mette Hansen");
    const cv = page.getByRole("article");
    await expect(cv).toContainText(job);
    await expect(cv).toContainText(`Pakke ordrer <script>alert("x")</script> og tjekke varer.`);
    await expect(cv).toContainText(`Tage imod kunder (${tag})`);
    await expect(cv).toContainText("Solbjerg");
    await expect(cv).not.toContainText("+45 11 22 33 01");
    await expect(cv).not.toContainText("Pauser hver time");
    await scanInBothLanguages(page, "CV preview");
  });

  await test.step("the PDF has her text, in Danish, without what she hid", async () => {
    const { name, text, language } = await downloadPdf(page, page.getByRole("link", { name: "Hent CV som PDF" }));
    expect(name).toBe("mit-cv.pdf");
    expect(language).toBe("da-DK");
    for (const part of ["Mette Hansen", "Erhvervserfaring", job, "Lageret A/S, Solbjerg · april 2020 – 2021", `Engelsk (${tag}): Godt`, `Pakke ordrer (${tag})`, "Timer om ugen: 10–15 timer"]) {
      expect(text, part).toContain(part);
    }
    expect(text).not.toContain("Pauser hver time");
    expect(text).not.toContain("+45 11 22 33 01");
  });

  await test.step("the PDF in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await expect(mainHeading(page)).toHaveText("Mette Hansen");
    const { name, text, language } = await downloadPdf(page, page.getByRole("link", { name: "Download your CV as a PDF" }));
    expect(name).toBe("my-cv.pdf");
    expect(language).toBe("en-GB");
    expect(text).toContain("Work experience");
    await page.getByRole("button", { name: "Dansk" }).click();
  });

  await test.step("errors in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.goto("/cv/erfaring/ny");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveTitle("Error: Add a job – Min Vej");
    await expect(page.getByRole("alert").getByRole("link", { name: "Write what your job was called." })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "CV entry form: nothing filled in, English");
    await page.goto("/cv/jobonsker");
    await page.getByRole("textbox", { name: /How many hours a week/ }).fill("99");
    await page.getByRole("button", { name: "Save work wishes" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Write a number of hours from 0 to 60, for example 20 or 10-15." })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "CV work wishes: too many hours, English");
    await page.getByRole("button", { name: "Dansk" }).click();
  });

  await test.step("clean up her new job, so the next journey starts from the same place", async () => {
    await page.goto("/cv/erfaring");
    await page.getByRole("link", { name: `Slet ${job}` }).click();
    await page.getByRole("button", { name: "Ja, slet" }).click();
    await expect(page.getByRole("status")).toContainText("er slettet fra dit CV.");
  });
});

// Read-only: the sections the journey above does not change, each scanned in both languages at
// both widths (a test of its own, so that neither test comes near the two-minute limit).
test("the other CV sections and forms open and scan cleanly", async ({ page }) => {
  // 28 scans (7 pages, two languages, two widths).
  test.setTimeout(120_000);
  await signIn(page, "mette", "/cv");
  for (const [url, heading] of [
    ["/cv/uddannelse", "Uddannelse og kurser"],
    ["/cv/frivilligt", "Frivilligt arbejde og anden erfaring"],
    ["/cv/it", "IT"],
    ["/cv/koerekort", "Kørekort og beviser"],
    ["/cv/uddannelse/ny", "Tilføj uddannelse eller kursus"],
    ["/cv/kompetencer/ny", "Tilføj en kompetence"],
    ["/cv/kontakt", "Kontaktoplysninger"],
  ] as const) {
    await page.goto(url);
    await expect(mainHeading(page)).toHaveText(heading);
    await scanInBothLanguages(page, `CV page ${url}`);
  }
});

test("Mette adds, moves and deletes a skill with the keyboard only", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const skill = `Tålmodig (${testInfo.project.name}-${randomUUID().slice(0, 4)})`;
  await signIn(page, "mette", "/cv/kompetencer/ny");

  await test.step("fill the form and save with Enter", async () => {
    const field = page.getByRole("textbox", { name: "Kompetence" });
    await tabTo(page, field, { max: 40 });
    await page.keyboard.type(skill);
    // Tab enters the radio group on its first choice; the arrow key moves to and picks the next.
    await tabTo(page, page.getByRole("radio", { name: "Faglig" }), { max: 3 });
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Personlig" })).toBeChecked();
    await tabTo(page, page.getByRole("button", { name: "Gem", exact: true }), { max: 3 });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText("Det er gemt i dit CV.");
  });

  await test.step("move it up with Enter on 'Flyt op'", async () => {
    const before = await entryTitles(page);
    const moveUp = page.getByRole("button", { name: `Flyt op ${skill}` });
    await tabTo(page, moveUp, { max: 80 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/flyttet=/);
    await expect.poll(async () => (await entryTitles(page)).indexOf(skill)).toBe(before.indexOf(skill) - 1);
    await expect(page.locator(".cv-entry", { hasText: skill })).toBeFocused();
  });

  await test.step("delete it: the question's page is answered with the keyboard, and 'Nej, behold det' keeps it", async () => {
    {
      await tabTo(page, page.getByRole("link", { name: `Slet ${skill}` }), { max: 120 });
      await page.keyboard.press("Enter");
      await expect(mainHeading(page)).toHaveText(`Vil du slette ${skill}?`);
      await tabTo(page, page.getByRole("link", { name: "Nej, behold det" }), { max: 40 });
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => !url.pathname.endsWith("/slet"));
      await expect.poll(() => entryTitles(page)).toContain(skill);
      await tabTo(page, page.getByRole("link", { name: `Slet ${skill}` }), { max: 120 });
      await page.keyboard.press("Enter");
      await tabTo(page, page.getByRole("button", { name: "Ja, slet" }), { max: 40 });
      await page.keyboard.press("Enter");
    }
    await expect(page.getByRole("status")).toContainText(`${skill} er slettet fra dit CV.`);
    await expect.poll(() => entryTitles(page)).not.toContain(skill);
  });
});
