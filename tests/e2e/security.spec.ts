import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, test } from "./support/fixtures";

test.describe("security seen from the browser", () => {
  test("a sign-in POST from a foreign origin is refused and signs nobody in", async ({ page }) => {
    const response = await page.request.post("/log-ind", {
      form: { person: "mette" },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
    await page.goto("/");
    await expect(page).toHaveURL(/\/log-ind$/);
  });

  test("the refusal page starts with \"Forlad siden hurtigt\" and passes axe", async ({ page }) => {
    const response = await page.request.post("/log-ind", { form: { person: "mette" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    await page.setContent(await response.text());
    await expect(mainHeading(page)).toHaveText("Vi kunne ikke tage imod det, du sendte");
    await page.keyboard.press("Tab");
    const exit = page.getByRole("link", { name: "Forlad siden hurtigt / Leave this page quickly" });
    await expect(exit).toBeFocused();
    await expect(exit).toHaveAttribute("href", "https://www.dmi.dk/");
    await expectNoAxeViolationsAtAllWidths(page, "refusal page (403)");
  });

  test("the same sign-in POST from this site's own origin works", async ({ page, baseURL }) => {
    // The control for the test above: only the origin differs.
    const response = await page.request.post("/log-ind", {
      form: { person: "mette" },
      headers: { Origin: new URL(baseURL ?? "").origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers()["set-cookie"]).toMatch(/^__Host-minvej_session=.*HttpOnly/i);
    await page.goto("/");
    await expect(mainHeading(page)).toHaveText("Hej Mette");
  });

  test("a POST with neither Origin nor Referer is refused", async ({ page }) => {
    const response = await page.request.post("/sprog", { form: { lng: "en", returnTo: "/log-ind" }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
    await page.goto("/log-ind");
    await expect(page.locator("html")).toHaveAttribute("lang", "da");
  });

  test("signed-in pages carry a strict CSP and are never cached", async ({ page, baseURL }) => {
    await page.request.post("/log-ind", {
      form: { person: "mette" },
      headers: { Origin: new URL(baseURL ?? "").origin },
    });
    const first = await page.goto("/");
    await expect(mainHeading(page)).toHaveText("Hej Mette");
    const headers = first?.headers() ?? {};
    expect(headers["cache-control"]).toContain("no-store");
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
      expect(csp, `CSP has ${directive}`).toContain(directive);
    }
    expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);

    // A fresh nonce for every response.
    const second = await page.goto("/");
    const nonceOf = (policy: string | undefined) => policy?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonceOf(second?.headers()["content-security-policy"])).toBeTruthy();
    expect(nonceOf(second?.headers()["content-security-policy"])).not.toBe(nonceOf(csp));
  });

  test("the CSP guard notices a violation", async ({ page, browserProblems }) => {
    await page.goto("/log-ind");
    // An image from another site is not allowed by img-src: the guard must see the report.
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.alt = "";
      image.src = "https://evil.example/pixel.png";
      document.body.append(image);
    });
    await expect.poll(() => browserProblems.join("\n")).toMatch(/img-src|Content Security Policy/);
    browserProblems.length = 0;
  });
});
