import type { Page } from "@playwright/test";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

// Issue 19: one portal, two demo municipalities that differ (config/municipalities.demo.json).
// Solbjerg keeps a rehabiliteringsteam and calls its unit »Jobcenter Solbjerg«; Fjordby has no
// team and no name for its unit, so its people read »kommunen«. Mette started her ressourceforløb
// before the reform; Nanna is in a kontaktforløb under the new rules, in Fjordby.

/** The header band's colour: the municipality's brand colour, as a CSS custom property. */
async function headerColour(page: Page): Promise<string> {
  return page.locator(".site-header").evaluate((element) => getComputedStyle(element).backgroundColor);
}

test("Nanna in Fjordby (no team, new rules): her municipality's name, colours, words, times and contact", async ({ page }) => {
  await test.step("the overview: Fjordby's header, a forløb with kommunen, no note about a phased-out programme", async () => {
    await signIn(page, "nanna");
    await expect(page.locator(".site-header")).toContainText("Fjordby Kommune");
    expect(await headerColour(page)).toBe("rgb(91, 42, 134)");
    await expect(page.getByRole("main")).toContainText("Du er i et forløb hos kommunen.");
    await expect(page.getByRole("link", { name: "Læs, hvad dit forløb hos kommunen er" })).toHaveAttribute("href", "/om/kontaktforloeb");
    await expect(page.getByRole("region", { name: "Reglerne er ændret i 2026" })).toHaveCount(0);
    await expect(page.getByRole("main")).not.toContainText(/jobcent|rehabiliteringsteam/i);
    await expectNoAxeViolationsAtAllWidths(page, "overview (Nanna, Fjordby)");
  });

  await test.step("the talk about the samlet beskrivelse: what it is, and before, during and after", async () => {
    await page.goto("/moeder");
    await page.getByRole("link", { name: /Samtale om din samlede beskrivelse/ }).first().click();
    await expect(mainHeading(page)).toContainText("samlede beskrivelse");
    await expect(page.getByRole("link", { name: "Læs om den samlede beskrivelse" })).toHaveAttribute("href", "/om/samlet-beskrivelse");
    const guide = page.getByRole("region", { name: "Før, under og efter samtalen" });
    await expect(guide).toContainText("Du kan bede om at se den.");
    await expect(page.getByRole("main")).not.toContainText(/jobcent/i);
    await expectNoAxeViolationsAtAllWidths(page, "meeting: samlet beskrivelse (Nanna)");
    // "Jeg kan ikke komme" goes to kommunen: Fjordby named no unit.
    await page.getByRole("link", { name: "Jeg kan ikke komme" }).click();
    await expect(page.getByRole("button", { name: "Send besked til kommunen" })).toBeVisible();
  });

  await test.step("Forbered dit møde prepares her for the samlet beskrivelse, not a team meeting", async () => {
    await page.goto("/forberedelse");
    await expect(page.getByRole("main")).toContainText("samlet beskrivelse");
    await expect(page.getByRole("main")).not.toContainText(/rehabiliteringsteam|jobcent/i);
  });

  await test.step("Fjordby promises an answer within 3 working days; /hjaelp has Fjordby's contact and words", async () => {
    await page.goto("/beskeder");
    await expect(page.getByRole("main")).toContainText("Du får svar inden for 3 hverdage");
    await page.goto("/hjaelp");
    const contact = page.getByRole("region", { name: "Kontakt Fjordby Kommune" });
    await expect(contact.getByRole("link", { name: "11 44 50 00" })).toHaveAttribute("href", "tel:11445000");
    await expect(contact).toContainText("Mandag til fredag kl. 8-14.");
    await expect(contact).toContainText("Borgerservice i Havnegade");
    // Solbjerg's own crisis line is Solbjerg's, not Fjordby's.
    await expect(page.getByRole("main")).not.toContainText("Psykiatrisk akutmodtagelse, Solbjerg");
    await expect(page.getByRole("main")).not.toContainText(/jobcent/i);
  });

  await test.step("in English: the municipality, never a job centre", async () => {
    await page.goto("/");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("main")).toContainText("You are in a programme with the municipality (kontaktforløb).");
    await expect(page.getByRole("main")).not.toContainText(/job ?cent/i);
    await page.getByRole("button", { name: "Dansk", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
  });
});

test("Mette in Solbjerg (team, ressourceforløb from before the reform): told calmly what the reform means", async ({ page }) => {
  await signIn(page, "mette");
  await expect(page.locator(".site-header")).toContainText("Solbjerg Kommune");
  expect(await headerColour(page)).toBe("rgb(11, 85, 99)");
  const reform = page.getByRole("region", { name: "Reglerne er ændret i 2026" });
  await expect(reform).toContainText("Som udgangspunkt kan du gøre dit forløb færdigt.");
  await expect(reform.getByRole("link", { name: "Hvad betyder reformen for mig?" })).toHaveAttribute("href", "/om/reformen");
  await page.goto("/forberedelse");
  await expect(page.getByRole("main")).toContainText("rehabiliteringsteamet");
  await page.goto("/beskeder");
  await expect(page.getByRole("main")).toContainText("Du får svar inden for 2 hverdage");
});

test("each municipality's caseworker sees only their own participants, with their municipality's answer time", async ({ page }) => {
  await signIn(page, "anders", "/sagsbehandler");
  await expect(page.getByRole("main")).toContainText("Nanna Holm");
  await expect(page.getByRole("main")).not.toContainText("Mette Hansen");
  await page.goto("/sagsbehandler/beskeder");
  await expect(page.getByRole("main")).toContainText("3 hverdage");
  await expect(page.getByRole("main")).not.toContainText(/jobcent/i);
});
