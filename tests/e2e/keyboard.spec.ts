import { expect, mainHeading, signIn, tabTo, test } from "./support/fixtures";

test("Mette signs in and out with the keyboard only", async ({ page }) => {
  await page.goto("/log-ind");

  await test.step("Tab to the first choice and choose it with Space", async () => {
    const mette = page.getByRole("radio", { name: "Mette Hansen", exact: true });
    await tabTo(page, mette);
    await page.keyboard.press("Space");
    await expect(mette).toBeChecked();
  });

  await test.step("arrow keys move between the choices", async () => {
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: "Ali Hassan", exact: true })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Ali Hassan", exact: true })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByRole("radio", { name: "Mette Hansen", exact: true })).toBeChecked();
  });

  await test.step("Tab to 'Log ind' and press Enter", async () => {
    await tabTo(page, page.getByRole("button", { name: "Log ind", exact: true }), { max: 3 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/$/);
    await expect(mainHeading(page)).toHaveText("Hej Mette");
  });

  await test.step("reach 'Log ud' with Tab and press Enter", async () => {
    const signOut = page.getByRole("button", { name: "Log ud", exact: true });
    // Every page is a full page load (decision 0026): Tab starts at the top, where the skip
    // link, the home link and the header's 'Log ud' come first.
    await tabTo(page, signOut, { max: 6 });
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/log-ind\?logget-ud=1$/);
    await expect(page.getByRole("status")).toHaveText("Du er nu logget ud. Tak for i dag.");
  });
});

test("Forslag til min plan with the keyboard only: from Min Plan to the form; the error summary takes focus and leads to the field", async ({ page }) => {
  await signIn(page, "mette", "/min-plan");
  await tabTo(page, page.getByRole("link", { name: "Foreslå et delmål eller en aktivitet" }), { max: 120 });
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Foreslå et delmål eller en aktivitet");
  await tabTo(page, page.getByRole("button", { name: "Send forslaget" }));
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert");
  await expect(summary).toBeFocused();
  await tabTo(page, summary.getByRole("link", { name: "Skriv, hvad du foreslår." }), { max: 3 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Hvad foreslår du?" })).toBeFocused();
  await page.keyboard.type("Gå en tur hver morgen");
  // The kind is a radio group: Shift+Tab enters it at its last choice, Space picks it, the arrows move.
  await tabTo(page, page.getByRole("radio", { name: "Aktivitet", exact: true }), { max: 3, backwards: true });
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "Aktivitet", exact: true })).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("radio", { name: "Delmål", exact: true })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Hvad foreslår du?" })).toHaveValue("Gå en tur hver morgen");
});
