import { test as base, expect, type Locator, type Page } from "@playwright/test";

export { expect };

/**
 * `test` with a guard that runs in every test of the JavaScript project: any Content Security
 * Policy report (console message or `securitypolicyviolation` event) or uncaught page error
 * fails the test. Tests can read (and, for the guard's own test, clear) what was found.
 */
export const test = base.extend<{ browserProblems: string[] }>({
  browserProblems: [
    async ({ page, javaScriptEnabled }, use) => {
      const found: string[] = [];
      if (javaScriptEnabled) {
        page.on("console", (message) => {
          if (/content security policy|securitypolicyviolation/i.test(message.text())) {
            found.push(`console ${message.type()} on ${page.url()}: ${message.text()}`);
          }
        });
        page.on("pageerror", (error) => found.push(`uncaught error on ${page.url()}: ${error.message}`));
        await page.exposeBinding("__minvejReportCspViolation", (_source, detail: string) => {
          found.push(`securitypolicyviolation on ${page.url()}: ${detail}`);
        });
        await page.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            const report = (window as unknown as { __minvejReportCspViolation?: (detail: string) => void })
              .__minvejReportCspViolation;
            report?.(
              `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} (${event.sourceFile}:${event.lineNumber})`,
            );
          });
        });
      }
      await use(found);
      expect(found, `The browser reported problems:\n${found.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
});

export const DEMO_PEOPLE = {
  mette: "Mette Hansen",
  ali: "Ali Hassan",
  jonas: "Jonas Hansen",
  sara: "Sara Nielsen",
  nanna: "Nanna Holm",
  anders: "Anders Krogh",
} as const;

export type DemoPerson = keyof typeof DEMO_PEOPLE;

/**
 * Signs in by cookie, for tests that are not about signing in: the demo sign-in form's POST sent
 * through `page.request` (the page's own cookie jar, with this site's Origin, as the form would
 * send it), then one page load of `path` (the overview by default, where the form leads).
 * The journeys about signing in use `signInThroughForm`.
 */
export async function signIn(page: Page, person: DemoPerson, path = "/"): Promise<void> {
  const origin = new URL(test.info().project.use.baseURL ?? page.url()).origin;
  const response = await page.request.post("/log-ind", {
    form: { person },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status(), `the demo sign-in as ${person} answered ${response.status()}`).toBe(302);
  await page.goto(path);
  if (path === "/") await expect(page).toHaveURL(/\/$/);
}

/** The demo sign-in, as a person would do it with a mouse. Ends on the overview. */
export async function signInThroughForm(page: Page, person: DemoPerson): Promise<void> {
  await page.goto("/log-ind");
  await page.getByRole("radio", { name: DEMO_PEOPLE[person], exact: true }).check();
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
}

export function mainHeading(page: Page): Locator {
  return page.getByRole("main").getByRole("heading", { level: 1 });
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { max = 30, backwards = false } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`Could not reach ${target} with ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}
