import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

const CALL = "Telefonsamtale med Sara";
// Both projects run this journey at the same time against the same data: identical texts,
// so neither can make the other's save a conflict.
const QUESTIONS = "Can the internship start with 10 hours a week?";

/** A downloaded .ics, checked the way a calendar app needs it (CRLF, 75-octet lines, ical.js parses it). */
function validateIcs(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    for (const name of ["uid", "dtstamp", "dtstart", "dtend", "summary"]) expect(vevent.hasProperty(name), name).toBe(true);
    expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).zone?.tzid).toBe("UTC");
    return {
      summary: String(vevent.getFirstPropertyValue("summary")),
      location: String(vevent.getFirstPropertyValue("location") ?? ""),
    };
  });
}

test("Ali, in English, opens his phone meeting, adds a question, downloads it and says he cannot come", async ({ page }) => {
  test.setTimeout(120_000);
  await test.step("his meetings, in English", async () => {
    await signIn(page, "ali");
    await page.getByRole("region", { name: "Your next meeting" }).getByRole("link", { name: "See everything about the meeting and write your questions" }).click();
    await expect(mainHeading(page)).toHaveText(CALL);
    await page.getByRole("navigation").getByRole("link", { name: "Meetings" }).click();
    await expect(page).toHaveTitle("Meetings – Min Vej");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const card = page.locator(".appointment-card", { has: page.getByRole("link", { name: CALL }) });
    await expect(card).toContainText("Conversation with your caseworker");
    await expect(card).toContainText("Phone meeting");
    await expect(page.getByRole("main")).not.toContainText("Rundbordssamtale");
    await expectNoAxeViolationsAtAllWidths(page, "appointments list (Ali), English");
  });

  await test.step("the phone meeting explains how it works", async () => {
    await page.getByRole("link", { name: CALL }).click();
    const practical = page.getByRole("region", { name: "Time and place" });
    await expect(practical).toContainText("The meeting is by phone.");
    await expect(practical).toContainText("Sara ringer dig op");
    await expect(practical).toContainText("30 minutes");
    await expect(practical).toContainText("Dine noter om, hvad der er svært for skulderen");
    await expect(page.getByRole("region", { name: "What kind of meeting is this?" })).toContainText("coordinating caseworker");
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: phone (Ali), English");
  });

  await test.step("he adds a question", async () => {
    await page.getByRole("textbox", { name: "Questions I want to ask", exact: true }).fill(QUESTIONS);
    await page.getByRole("button", { name: "Save notes and questions" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your notes and questions are saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Questions I want to ask", exact: true })).toHaveValue(QUESTIONS);
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: question saved (Ali), English");
  });

  await test.step("he downloads the meeting: a valid .ics, place 'Phone meeting'", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the meeting to your calendar" }).click(),
    ]);
    const events = validateIcs(readFileSync(await download.path(), "utf8"));
    expect(events.map((e) => [e.summary, e.location])).toEqual([[CALL, "Phone meeting"]]);
  });

  await test.step('"I cannot come": an empty form, then the message', async () => {
    // The other project (js / no-js) may already have sent a message for this meeting.
    await page.getByRole("link", { name: /^(I cannot come|Write a new message)$/ }).click();
    await expect(mainHeading(page)).toHaveText("I cannot come");
    await page.getByRole("button", { name: "Send message to Jobcenter Solbjerg" }).click();
    await expect(page.getByRole("link", { name: "Write briefly why you cannot come." })).toBeVisible();
    await expect(page).toHaveTitle(/^Error: I cannot come: Telefonsamtale med Sara, \w+ \d+ \w+ – Min Vej$/);
    await expectNoAxeViolationsAtAllWidths(page, "cannot come: reason missing (Ali), English");
    await page.getByRole("textbox", { name: "Why can you not come?", exact: true }).fill("My shoulder needs a scan that day.");
    await page.getByRole("button", { name: "Send message to Jobcenter Solbjerg" }).click();
    // A conversation now (issue 18), named in his language.
    await expect(mainHeading(page)).toHaveText(`I cannot come: ${CALL}`);
    await expect(page.getByRole("region", { name: "Where it stands" })).toContainText("Received");
    await expectNoAxeViolationsAtAllWidths(page, "cannot come: the conversation (Ali), English");
    await page.getByRole("link", { name: "See the meeting" }).click();
    await expect(mainHeading(page)).toHaveText(CALL);
    const sent = page.getByRole("region", { name: "You have told us you cannot come" });
    await expect(sent).toContainText("where your caseworker can see it");
    await expect(sent).toContainText("If you have not had an answer by the day before the meeting, call your caseworker.");
    await expect(sent).toContainText("If it is urgent, call Sara Nielsen");
    await expectNoAxeViolationsAtAllWidths(page, "appointment page: cannot come sent (Ali), English");
  });

  await test.step("earlier meetings: none yet", async () => {
    await page.goto("/moeder/tidligere");
    await expect(mainHeading(page)).toHaveText("Earlier meetings");
    await expect(page.getByText("You have not had any meetings in Min Vej yet.")).toBeVisible();
    await expectNoAxeViolationsAtAllWidths(page, "earlier meetings: none (Ali), English");
  });
});
