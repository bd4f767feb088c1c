import { randomUUID } from "node:crypto";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

// Issue 18, the participant's side of Beskeder with JavaScript: Sara's answer waiting in the demo,
// the receipt, a new message that keeps itself as a draft while she types, and the pages in
// English. Without JavaScript: no-js.spec.ts. The caseworker's side: caseworker specs.

test("Mette reads Sara's answer, and writes a new message that keeps itself as a draft", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  await signIn(page, "mette");

  await test.step("Beskeder from the menu: the promise, and Sara's answer marked new", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Beskeder" }).click();
    await expect(mainHeading(page)).toHaveText("Beskeder");
    await expect(page.getByText("Du får svar inden for 2 hverdage.")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "messages list (Mette)");
  });

  await test.step("the conversation: her question read by Sara, Sara's answer", async () => {
    await page.getByRole("link", { name: "Må jeg starte senere i praktikken?" }).click();
    await expect(mainHeading(page)).toHaveText("Må jeg starte senere i praktikken?");
    await expect(page.locator(".message__receipt").first()).toContainText("Læst af Sara Nielsen");
    await expect(page.locator(".message").last()).toContainText("Ja, det kan godt lade sig gøre.");
    await expectNoAxeViolationsAtAllWidths(page, "conversation with an answer (Mette)");
  });

  await test.step("a new message keeps itself as a draft while she types, and is there after a reload", async () => {
    await page.goto("/beskeder/ny");
    await page.getByRole("textbox", { name: "Emne" }).fill(`Kørsel (${tag})`);
    await page.getByRole("textbox", { name: "Din besked" }).fill(`Kan jeg få kørsel betalt til smerteskolen? (${tag})`);
    await expect(page.getByText(/^Kladden er gemt kl\. \d\d\.\d\d\. Den er ikke sendt endnu\.$/)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Din besked" })).toHaveValue(`Kan jeg få kørsel betalt til smerteskolen? (${tag})`);
    await expectNoAxeViolationsAtAllWidths(page, "new message with a draft (Mette)");
    await page.getByRole("button", { name: "Send beskeden" }).click();
    await expect(mainHeading(page)).toHaveText(`Kørsel (${tag})`);
    await expect(page.getByRole("status")).toHaveText("Din besked er sendt til Sara Nielsen.");
  });
});

test("Ali, in English, asks to be called", async ({ page }) => {
  await signIn(page, "ali", "/beskeder");
  await expect(mainHeading(page)).toHaveText("Messages");
  await page.getByRole("link", { name: "Ask to be called" }).click();
  await page.getByRole("button", { name: "Ask to be called" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolationsAtAllWidths(page, "ask to be called: nothing chosen (Ali), English");
  await page.getByRole("group", { name: "Which day suits you?" }).getByRole("radio").first().check();
  await page.getByRole("radio", { name: "It does not matter" }).check();
  await page.getByRole("button", { name: "Ask to be called" }).click();
  await expect(page.getByRole("status")).toContainText("will call you on the day you chose");
  await expectNoAxeViolationsAtAllWidths(page, "messages list with a call request (Ali), English");
});
