import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * "Mine data" (issue 22) in the browser: Mette downloads everything as JSON and as PDF (the
 * browser's own download, the files' types and her name inside), reads what the file holds, and
 * goes as far as the page that asks before deleting, by keyboard, and says no: the demo's data
 * stay for the other journeys. What each file holds, the deletion itself and every "no" are
 * proven in tests/integration/my-data/. axe at 1280 and 320 px on each page state.
 */
test("Mine data: both downloads, what the file holds, and the question before deleting", async ({ page }) => {
  await signIn(page, "mette", "/mine-data");
  await expect(mainHeading(page)).toHaveText("Mine data");
  await expectNoAxeViolationsAtAllWidths(page, "my-data: home (Mette)");

  await test.step("the JSON file: its type, and her name in the published format", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent som JSON" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mine-data-\d{4}-\d{2}-\d{2}\.json$/);
    const response = await page.request.get("/mine-data/mine-data.json");
    expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
    const file = await response.json();
    expect(file).toMatchObject({ format: "min-vej/mine-data", version: 1, dele: { person: { data: { firstName: "Mette", lastName: "Hansen" } } } });
    expect(file.dele.person.data.cprMasked).toMatch(/^\d{6}-xxxx$/);
  });

  await test.step("the PDF: its type, and her name as real text", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Hent som PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mine-data-\d{4}-\d{2}-\d{2}\.pdf$/);
    const response = await page.request.get("/mine-data/mine-data.pdf");
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain("Mine data: Mette Hansen");
  });

  await test.step("what the file holds, opened by keyboard", async () => {
    const summary = page.getByText("Det er med i filen", { exact: true });
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("term").filter({ hasText: "Hvem har set mine oplysninger" })).toBeVisible();
  });

  await test.step("choosing by keyboard leads to a page that asks; saying no deletes nothing", async () => {
    await page.getByRole("link", { name: "Vælg, hvad du vil slette" }).click();
    await expect(mainHeading(page)).toHaveText("Hvad vil du slette?");
    await page.getByRole("button", { name: "Fortsæt" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "Vælg mindst én ting, du vil slette." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await expectNoAxeViolationsAtAllWidths(page, "my-data: choose, nothing chosen (Mette)");
    await page.getByRole("checkbox", { name: "Din energidagbog" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Fortsæt" }).press("Enter");
    await expect(mainHeading(page)).toHaveText("Vil du slette det her?");
    await expect(page.getByRole("main").getByRole("listitem")).toHaveText([/^Din energidagbog\. \d+ dage?\. Kun du kan se den\.$/]);
    await expect(page.getByRole("button", { name: "Ja, slet det" })).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "my-data: confirm (Mette)");
    await page.getByRole("link", { name: "Nej, fortryd" }).click();
    await expect(mainHeading(page)).toHaveText("Hvad vil du slette?");
    await expect(page.getByRole("checkbox", { name: "Din energidagbog" })).toBeChecked();
  });
});
