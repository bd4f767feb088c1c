import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";
import type { Download, Page } from "@playwright/test";

// From db/seed-data.ts. Both projects (js and no-js) run these journeys against the same
// demo data at the same time; writes that could race use identical texts (saving the text
// that is already saved is not a conflict, and the same notice twice within a minute is one),
// or a meeting of their own.
const TEAM = "Møde med rehabiliteringsteamet";
const MENTOR = "Med Lars ud til genbrugsbutikken";
const QUESTIONS = "Hvor mange timer skal praktikken have i starten?\nMå min søster komme med som bisidder?";
const REASON = "<b>Jeg er syg</b> & har feber";

/** Reads a downloaded .ics and checks it the way a calendar app needs it; returns its events. */
function validateIcs(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    for (const name of ["uid", "dtstamp", "dtstart", "dtend", "summary"]) expect(vevent.hasProperty(name), name).toBe(true);
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    return {
      summary: String(vevent.getFirstPropertyValue("summary")),
      location: String(vevent.getFirstPropertyValue("location") ?? ""),
      start: start.toJSDate(),
    };
  });
}

async function downloadedText(download: Download): Promise<string> {
  const file = await download.path();
  return readFileSync(file, "utf8");
}

async function openMeeting(page: Page, title: string) {
  await page.goto("/moeder");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(mainHeading(page)).toHaveText(title);
}

test("Mette reads her meetings and prepares the rehabiliteringsteam meeting", async ({ page }) => {
  // Many pages × 2 widths × axe, and without JavaScript every scan copies the page first.
  test.setTimeout(120_000);
  await test.step("from the overview, the next meeting links to its page", async () => {
    await signIn(page, "mette");
    const card = page.getByRole("region", { name: "Dit næste møde" });
    const title = (await card.locator(".card__title").textContent()) ?? "";
    await card.getByRole("link", { name: "Se alt om mødet, og skriv dine spørgsmål" }).click();
    await expect(mainHeading(page)).toHaveText(title);
    await expect(page.getByRole("heading", { name: "Tid og sted" })).toBeVisible();
  });

  await test.step("Møder: upcoming meetings grouped by week, in time order", async () => {
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Møder" }).click();
    await expect(page).toHaveURL(/\/moeder$/);
    await expect(page).toHaveTitle("Møder – Min Vej");
    await expect(mainHeading(page)).toHaveText("Møder");
    const later = page.getByRole("region", { name: "Senere" });
    await expect(later.getByRole("link", { name: "Rundbordssamtale om din praktik" })).toBeVisible();
    const times = await page.locator("main .appointment-card time").evaluateAll((nodes) =>
      nodes.map((node) => Date.parse(node.getAttribute("datetime") ?? "")),
    );
    expect(times.length).toBe(5);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The meeting three weeks ago is not here; it is on the "earlier" page.
    await expect(page.getByRole("main").getByText("Samtale med Sara")).toHaveCount(1);
    await expectNoAxeViolationsAtAllWidths(page, "appointments list (Mette)");
  });

  await test.step("the rehabiliteringsteam meeting says what, before/during/after, who, what to bring and bisidder", async () => {
    await page.getByRole("link", { name: TEAM, exact: true }).click();
    await expect(page).toHaveTitle(new RegExp(`^${TEAM}, \\w+ den \\d+\\. \\w+ – Min Vej$`));
    const what = page.getByRole("region", { name: "Hvad er det for et møde?" });
    await expect(what).toContainText("gruppe fagfolk");
    await expect(what).toContainText("Det handler mødet om");
    const guide = page.getByRole("region", { name: "Før, under og efter mødet" });
    await expect(guide.getByRole("heading", { name: "Før mødet" })).toBeVisible();
    await expect(guide).toContainText("cirka 30 minutter");
    await expect(guide).toContainText("siger alle, hvem de er");
    await expect(guide).toContainText("Du og din sagsbehandler er med hele tiden");
    await expect(guide).toContainText("Mødelederen samler op");
    await expect(guide).toContainText("Til sidst kan du stille dine spørgsmål");
    await expect(guide).toContainText("indstilling");
    await expect(guide).toContainText("senest to uger efter mødet");
    const practical = page.getByRole("region", { name: "Tid og sted" });
    await expect(practical).toContainText("Rådhusvej 12, 4999 Solbjerg");
    await expect(practical).toContainText("Bus 12");
    await expect(practical).toContainText("Karin Vestergaard");
    await expect(practical).toContainText("En liste over den medicin, du tager");
    await expect(practical).toContainText("Ja. En bisidder er en person, du stoler på");
    await expect(practical).toContainText("1 time");
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: rehabiliteringsteam (Mette)");
  });

  await test.step("over-long notes: the error summary says what to do, and nothing is lost", async () => {
    const tooLong = "a".repeat(2001);
    await page.getByRole("textbox", { name: "Dine noter", exact: true }).fill(tooLong);
    await page.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Der er et problem" });
    await expect(summary.getByRole("link", { name: "Dine noter må højst fylde 2000 tegn. Gør dem lidt kortere." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: /);
    await expect(page.getByRole("textbox", { name: "Dine noter", exact: true })).toHaveValue(tooLong);
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: notes too long (Mette)");
  });

  await test.step("she writes the questions she wants to ask and saves them", async () => {
    await page.getByRole("textbox", { name: "Dine noter", exact: true }).fill("");
    await page.getByRole("textbox", { name: "Spørgsmål jeg vil stille", exact: true }).fill(QUESTIONS);
    await page.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
    await expect(page).toHaveURL(/\?gemt=1#forberedelse$/);
    await expect(page.getByRole("status").filter({ hasText: "Dine noter og spørgsmål er gemt." })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Spørgsmål jeg vil stille", exact: true })).toHaveValue(QUESTIONS);
    await expect(page.getByText(/^Sidst gemt /)).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: questions saved (Mette)");
  });

  await test.step("she downloads the meeting to her calendar: a valid .ics", async () => {
    const startsAt = Date.parse((await page.locator("main .lead time").getAttribute("datetime")) ?? "");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Hent mødet til din kalender" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^moede-\d{4}-\d{2}-\d{2}\.ics$/);
    const events = validateIcs(await downloadedText(download));
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe(TEAM);
    expect(events[0]!.location).toBe("Jobcenter Solbjerg, Rådhusvej 12, 4999 Solbjerg");
    expect(events[0]!.start.getTime()).toBe(startsAt);
  });

  await test.step("the same page in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("region", { name: "Before, during and after the meeting" })).toContainText("about 30 minutes");
    await expect(page.getByRole("heading", { name: "Your notes and questions" })).toBeVisible();
    // The jobcentre's own words are not translated.
    await expect(mainHeading(page)).toHaveText(TEAM);
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: rehabiliteringsteam (Mette), English");
    await page.getByRole("button", { name: "Dansk" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
  });

});

test('Mette says she cannot come to her mentor meeting ("Jeg kan ikke komme")', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "mette");
  await test.step('"Jeg kan ikke komme": the form, and an empty reason', async () => {
    await openMeeting(page, MENTOR);
    // The other project (js / no-js) may already have sent a message for this meeting.
    await page.getByRole("link", { name: /^(Jeg kan ikke komme|Skriv en ny besked)$/ }).click();
    await expect(mainHeading(page)).toHaveText("Jeg kan ikke komme");
    await expect(page.getByRole("region", { name: "Mødet" })).toContainText(MENTOR);
    await expect(page.getByText("Du kan skrive op til 1000 tegn.")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "cannot come: form (Mette)");
    await page.getByRole("button", { name: "Send besked til Jobcenter Solbjerg" }).click();
    await expect(page.getByRole("link", { name: "Skriv kort, hvorfor du ikke kan komme." })).toBeVisible();
    await expect(page).toHaveTitle(/^Fejl: Jeg kan ikke komme: /);
    await expectNoAxeViolationsAtAllWidths(page, "cannot come: reason missing (Mette)");
  });

  await test.step("she sends it; the meeting page calmly says what happens now and who to call", async () => {
    await page.getByRole("textbox", { name: "Hvorfor kan du ikke komme?", exact: true }).fill(REASON);
    await page.getByRole("textbox", { name: "Hvornår passer det dig bedre? (valgfrit)", exact: true }).fill("Onsdag eller torsdag formiddag");
    await page.getByRole("button", { name: "Send besked til Jobcenter Solbjerg" }).click();
    // It is a conversation now (issue 18): she sees it received, then read and answered.
    await expect(mainHeading(page)).toHaveText(`Jeg kan ikke komme: ${MENTOR}`);
    await expect(page.getByRole("status")).toContainText("Din besked er sendt til Sara Nielsen. Du får svar her.");
    await expect(page.getByRole("region", { name: "Sådan står det til" })).toContainText("Din sagsbehandler har fået din besked. Den er ikke læst endnu.");
    await expect(page.locator(".message__body").last()).toHaveText(`${REASON}\n\nDet passer mig bedre: Onsdag eller torsdag formiddag`);
    await expect(page.locator(".message__body b")).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "cannot come: the conversation (Mette)");
    await page.getByRole("link", { name: "Se mødet" }).click();
    await expect(mainHeading(page)).toHaveText(MENTOR);
    const sent = page.getByRole("region", { name: "Du har givet besked om, at du ikke kan komme" });
    await expect(sent).toContainText("Din besked er gemt i Min Vej");
    await expect(sent).toContainText("Din sagsbehandler får ikke en e-mail eller sms om den.");
    await expect(sent).toContainText("Har du ikke fået svar senest dagen før mødet, så ring til din sagsbehandler.");
    await expect(sent).toContainText("Hvis det haster, så ring til Sara Nielsen");
    await expect(sent.getByRole("link", { name: "+45 11 22 30 11" })).toHaveAttribute("href", "tel:+4511223011");
    // What she typed is shown as text, never as markup.
    await expect(sent.locator("blockquote").first()).toHaveText(REASON);
    await expect(sent.locator("blockquote b")).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: cannot come sent (Mette)");
    await page.goto("/moeder");
    const card = page.locator(".appointment-card", { has: page.getByRole("link", { name: MENTOR }) });
    await expect(card).toContainText("Du har givet besked om, at du ikke kan komme");
    // Nothing is cancelled automatically.
    await expect(card).not.toContainText("Aflyst");
  });

});

test("Mette's earlier meetings, a past meeting's refused cancellation, and unknown ids", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "mette", "/moeder");
  await test.step("earlier meetings have their own page; a past meeting takes no cancellation", async () => {
    await page.getByRole("link", { name: "Se dine tidligere møder" }).click();
    await expect(mainHeading(page)).toHaveText("Tidligere møder");
    await expect(page).toHaveTitle("Tidligere møder – Min Vej");
    await expectNoAxeViolationsAtAllWidths(page, "earlier meetings (Mette)");
    await page.getByRole("link", { name: "Samtale med Sara" }).click();
    await expect(page.getByText("Mødet er holdt.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Jeg kan ikke komme" })).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: past (Mette)");

    await page.goto(`${new URL(page.url()).pathname}/kan-ikke-komme`);
    await expect(mainHeading(page)).toHaveText("Mødet er allerede holdt");
    await expect(page.getByText("Du kan ikke give besked om afbud til et møde, der er begyndt eller holdt.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send besked til Jobcenter Solbjerg" })).toHaveCount(0);
    await expectNoAxeViolationsAtAllWidths(page, "cannot come: past meeting refused (Mette)");

    // A form posted anyway (an old tab) is refused too, with the same clear message.
    const response = await page.request.post(page.url(), {
      form: { reason: "Jeg er syg" },
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(409);
    expect(await response.text()).toContain("Du kan ikke give besked om afbud til et møde, der er begyndt eller holdt.");
  });

  await test.step("an unknown or malformed meeting id is a calm 404", async () => {
    for (const id of ["7d3c1f9e-2b4a-4c8e-9f10-123456789abc", "ikke-et-id"]) {
      const response = await page.goto(`/moeder/${id}`);
      expect(response?.status()).toBe(404);
      await expect(mainHeading(page)).toHaveText("Siden findes ikke");
    }
    await expectNoAxeViolationsAtAllWidths(page, "appointment not found (Mette)");
    const ics = await page.request.get("/moeder/7d3c1f9e-2b4a-4c8e-9f10-123456789abc/kalender.ics");
    expect(ics.status()).toBe(404);
  });
});

test("two windows: a stale form shows both texts and loses nothing", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  // The same conflict without JavaScript, both answers: no-js.spec.ts (its own database).
  const title = "Rundbordssamtale om din praktik";
  const mine = `Fra det gamle vindue (${testInfo.project.name})`;
  const theirs = `Fra det nye vindue (${testInfo.project.name}, ${Date.now()})`;
  await signIn(page, "mette");
  await openMeeting(page, title);
  const meetingUrl = page.url();

  const other = await page.context().newPage();
  await other.goto(meetingUrl);
  await other.getByRole("textbox", { name: "Dine noter", exact: true }).fill(theirs);
  await other.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
  await expect(other.getByRole("status").filter({ hasText: "er gemt" })).toBeVisible();
  await other.close();

  await page.getByRole("textbox", { name: "Dine noter", exact: true }).fill(mine);
  await page.getByRole("button", { name: "Gem noter og spørgsmål" }).click();
  const conflict = page.getByRole("group", { name: "Dine noter er blevet ændret et andet sted" });
  await expect(conflict).toBeVisible();
  await expect(conflict.locator("blockquote").first()).toHaveText(theirs);
  await expect(conflict.getByRole("textbox").first()).toHaveValue(mine);
  await expect(page).toHaveTitle(/^Fejl: /);
  // The error summary at the top sends the person down to the choice.
  await page.getByRole("alert").getByRole("link", { name: "Dine noter er blevet ændret et andet sted" }).click();
  const myNotes = conflict.getByRole("textbox", { name: "Dine noter: det, du skrev" });
  await expect(myNotes).toBeFocused();
  await expectNoAxeViolationsAtAllWidths(page, "appointment page: conflict (Mette)");

  await conflict.getByRole("button", { name: "Gem det, jeg skrev" }).click();
  await expect(page.getByRole("status").filter({ hasText: "er gemt" })).toBeVisible();
  await page.goto(meetingUrl);
  await expect(page.getByRole("textbox", { name: "Dine noter", exact: true })).toHaveValue(mine);
});

test("the personal calendar feed: make it, subscribe, stop it", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  // Without JavaScript (no copy button; the address is there to select): no-js.spec.ts, with Ali.
  const person = "mette";
  const text = {
    link: "Sæt din kalender op",
    title: "Dine møder i din kalender",
    make: /^(Lav en kalenderadresse|Lav en ny adresse)$/,
    address: "Din kalenderadresse",
    stop: "Stop kalenderadressen",
    stopped: "Kalenderadressen er stoppet. Den virker ikke længere.",
    summaries: ["Kursusdag", "Møde med din mentor", "Møde med rehabiliteringsteamet", "Rundbordssamtale", "Samtale med din sagsbehandler"],
  };
  await signIn(page, person, "/moeder");
  await page.getByRole("link", { name: text.link }).click();
  await expect(mainHeading(page)).toHaveText(text.title);
  await expectNoAxeViolationsAtAllWidths(page, `calendar feed: start (${person})`);

  await page.getByRole("button", { name: text.make }).click();
  const field = page.getByRole("textbox", { name: text.address, exact: true });
  await expect(field).toBeVisible();
  const address = await field.inputValue();
  expect(address).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\/moeder\.ics$/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Kopiér adressen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Adressen er kopieret." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
  await expectNoAxeViolationsAtAllWidths(page, `calendar feed: address shown (${person})`);

  // A calendar app has no session: fetch the address with a fresh, cookie-less client.
  const app = await playwright.request.newContext();
  try {
    const feed = await app.get(address);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const body = await feed.text();
    const events = validateIcs(body);
    expect(events.map((e) => e.summary).sort()).toEqual([...text.summaries].sort());
    for (const secret of ["Sara", "Lars", "Telefonsamtale", "Smerteskolen", "medicin"]) expect(body).not.toContain(secret);

    // Reloading the page no longer shows the address: only its hash is kept.
    await page.goto("/moeder/kalender");
    await page.context().clearCookies({ name: "minvej_new_feed" });
    await page.reload();
    await expect(page.getByRole("textbox", { name: text.address, exact: true })).toHaveCount(0);

    await page.getByRole("button", { name: text.stop }).click();
    await expect(page.getByText(text.stopped)).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, `calendar feed: stopped (${person})`);
    expect((await app.get(address)).status()).toBe(410);
  } finally {
    await app.dispose();
  }
});
