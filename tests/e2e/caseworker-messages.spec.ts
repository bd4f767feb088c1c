import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

/**
 * Issue 18, the caseworker's side of Beskeder with JavaScript: Ali writes about his meeting, Sara
 * finds it waiting in her inbox, answers, and sees when Ali has read the answer. axe in Danish and
 * English at both widths. Without JavaScript: no-js.spec.ts. Everything here is Ali's own new
 * conversation (a tag of its own), so the other journeys' demo data is left as it was.
 */

async function useLanguage(page: Page, language: "da" | "en") {
  const button = page.getByRole("button", { name: language === "da" ? "Dansk" : "English", exact: true });
  if ((await button.getAttribute("aria-pressed")) !== "true") {
    await button.click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
  }
}

test("Sara answers Ali from her inbox, and sees when he has read it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const subject = `Flytte mødet? (${tag})`;

  const ali = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/Copenhagen", baseURL: test.info().project.use.baseURL });
  const aliPage = await ali.newPage();
  try {
    await test.step("Ali writes about his next meeting", async () => {
      await signIn(aliPage, "ali", "/moeder");
      const links = await aliPage.locator('main a[href^="/moeder/"]').all();
      const meeting = (await Promise.all(links.map((link) => link.getAttribute("href")))).find((href) => /^\/moeder\/[0-9a-f-]{36}$/.test(href ?? ""));
      await aliPage.goto(`/beskeder/ny?moede=${meeting!.split("/")[2]}`);
      await aliPage.getByRole("textbox", { name: "Subject" }).fill(subject);
      await aliPage.getByRole("textbox", { name: "Your message" }).fill(`I have a doctor's appointment that day. (${tag})`);
      await aliPage.getByRole("button", { name: "Send the message" }).click();
      await expect(mainHeading(aliPage)).toHaveText(subject);
    });

    await test.step("Sara: the overview counts it, the inbox has it among those waiting", async () => {
      await signIn(page, "sara", "/sagsbehandler");
      await page.getByRole("link", { name: /^Beskeder: \d+ venter på svar$/ }).click();
      await expect(mainHeading(page)).toHaveText("Beskeder");
      const waiting = page.getByRole("region", { name: /^Venter på dit svar/ });
      const row = waiting.getByRole("listitem").filter({ hasText: subject });
      await expect(row).toContainText("Ali Hassan");
      await expect(row).toContainText("Besked om et møde");
      await expect(row).toContainText("1 ny besked");
      await expect(row).toContainText(/Har ventet under en time, siden i dag kl\. \d\d\.\d\d\./);
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: inbox (da)");
      await useLanguage(page, "en");
      await expect(mainHeading(page)).toHaveText("Messages");
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: inbox (en)");
      await useLanguage(page, "da");
      await row.getByRole("link").click();
    });

    await test.step("the conversation: what it is about, Ali's words marked new, a reply refused empty and then sent", async () => {
      await expect(mainHeading(page)).toHaveText(subject);
      await expect(page.getByText("Venter på dit svar.")).toBeVisible();
      await expect(page.locator(".cw-message").first()).toContainText(`I have a doctor's appointment that day. (${tag})`);
      await expect(page.getByRole("link", { name: "Se mødebriefing for Ali Hassan" })).toBeVisible();
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: conversation waiting (da)");
      await page.getByRole("button", { name: "Send svar" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Skriv dit svar" })).toBeVisible();
      await expect(page).toHaveTitle(`Fejl: ${subject} – Min Vej`);
      await page.getByRole("textbox", { name: "Dit svar" }).fill(`Tak, Ali. Jeg foreslår en ny tid. (${tag})`);
      await page.getByRole("button", { name: "Send svar" }).click();
      await expect(page.getByRole("status")).toHaveText("Dit svar er sendt.");
      await expect(page.getByRole("textbox", { name: "Dit svar" })).toHaveValue("");
      const reply = page.locator(".cw-message--caseworker").last();
      await expect(reply).toContainText(`Tak, Ali. Jeg foreslår en ny tid. (${tag})`);
      await expect(reply).toContainText("Ikke læst endnu");
      await useLanguage(page, "en");
      await expect(reply).toContainText("Not read yet");
      await expectNoAxeViolationsAtAllWidths(page, "caseworker: conversation answered (en)");
      await useLanguage(page, "da");
    });

    await test.step("Ali opens it; Sara sees it read, and the conversation among the answered", async () => {
      await aliPage.reload();
      await expect(aliPage.locator("main")).toContainText(`Tak, Ali. Jeg foreslår en ny tid. (${tag})`);
      await page.reload();
      await expect(page.locator(".cw-message--caseworker").last()).toContainText(/Læst af Ali \S+ den \d+\. \S+ kl\. \d\d\.\d\d/);
      await page.getByRole("link", { name: "Tilbage til beskeder" }).click();
      const answered = page.getByRole("region", { name: /^Andre samtaler/ }).getByRole("listitem").filter({ hasText: subject });
      await expect(answered).toContainText("Du har svaret.");
    });
  } finally {
    await ali.close();
  }
});
