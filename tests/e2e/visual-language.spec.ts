import type { Page } from "@playwright/test";
import { expect, signIn, test, type DemoPerson } from "./support/fixtures";

// One visual language (issue 14, point 12), checked on every page a person can reach by links
// from the overview: one green (primary) button at most, status tags that cannot be mistaken for
// buttons, the print view and the PDF offered the same way everywhere, and a print button on
// every print view.

const PAGES_PER_PERSON = 40;
// Links that leave the page's HTML (files, the feed, sign-out, language switch).
const NOT_A_PAGE = /\.(pdf|ics|json)$|^\/log-ud|^\/sprog|^\/i18n\/|kalender|^\/session\//;

type Findings = { primaryButtons: string[]; buttonLikeTags: string[]; looseDocumentLinks: string[]; links: string[] };

async function inspect(page: Page): Promise<Findings> {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const primaryButtons = [...document.querySelectorAll("main .button")]
      .filter((element) => !element.matches(".button--secondary, .button--warning") && !element.closest("[role=dialog]"))
      .filter(shown)
      .map((element) => element.textContent?.trim() ?? "");
    const buttonLikeTags = [...document.querySelectorAll(".tag")]
      .filter((element) => {
        const style = getComputedStyle(element);
        const bordered = ["Top", "Right", "Bottom", "Left"].some(
          (side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0,
        );
        return bordered || style.boxShadow !== "none" || element.closest("a, button") !== null;
      })
      .map((element) => element.textContent?.trim() ?? "");
    // The portal's own print views and PDFs; a source that happens to be a PDF elsewhere is a plain link.
    const looseDocumentLinks = [...document.querySelectorAll("main a[href^='/']")]
      .filter((link) => /\.pdf$|\/udskriv$|^\/cv\/vis$/.test(link.getAttribute("href") ?? ""))
      .filter((link) => !link.classList.contains("document-link"))
      .map((link) => `${link.textContent?.trim()} (${link.getAttribute("href")})`);
    const links = [...document.querySelectorAll("a[href^='/']")].map((link) => (link.getAttribute("href") ?? "").split("#")[0]!);
    return { primaryButtons, buttonLikeTags, looseDocumentLinks, links };
  });
}

for (const person of ["mette", "ali", "jonas", "sara"] satisfies DemoPerson[]) {
  test(`one visual language on every page ${person} reaches`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, person);
    const seen = new Set<string>();
    // Every print view first (they are a few links deep), then whatever the overview leads to.
    const queue = person === "mette" || person === "ali" ? ["/min-plan/udskriv", "/forberedelse/udskriv", "/cv/vis", "/netvaerk/udskriv", "/"] : ["/"];
    const problems: string[] = [];
    let printViews = 0;
    while (queue.length > 0 && seen.size < PAGES_PER_PERSON) {
      const path = queue.shift()!;
      if (seen.has(path) || NOT_A_PAGE.test(path)) continue;
      seen.add(path);
      const response = await page.goto(path);
      if (!response?.ok() || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
      const found = await inspect(page);
      if (found.primaryButtons.length > 1) problems.push(`${path}: ${found.primaryButtons.length} primary buttons: ${found.primaryButtons.join(", ")}`);
      if (found.buttonLikeTags.length > 0) problems.push(`${path}: tags that look like buttons: ${found.buttonLikeTags.join(", ")}`);
      if (found.looseDocumentLinks.length > 0) problems.push(`${path}: print/PDF links outside DocumentLinks: ${found.looseDocumentLinks.join(", ")}`);
      if (/\/udskriv$|^\/cv\/vis$/.test(path)) {
        printViews++;
        await expect(page.getByRole("button", { name: /^(Udskriv|Print)$/ }), `${path} has a print button`).toBeVisible();
      }
      for (const link of found.links) if (!seen.has(link)) queue.push(link);
    }
    expect(problems, problems.join("\n")).toEqual([]);
    // The crawl really reached the pages it is meant to judge.
    expect(seen.size).toBeGreaterThan(person === "mette" || person === "ali" ? 20 : 5);
    if (person === "mette") expect(printViews).toBeGreaterThanOrEqual(4);
  });
}
