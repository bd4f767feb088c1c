// "Om dit forløb", /ordliste, /privatliv, /tilgaengelighed and /hjaelp: readable signed out, in
// Danish and English, with no JavaScript at all (not one <script>, no modulepreload), valid HTML,
// axe-clean at 1280 and 320 px, "Sidst opdateret" and sources shown, "Læs også" links that work,
// a language switch that is a plain form, and "Hjælp og kontakt" first in the footer everywhere.
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { APIRequestContext, Page } from "@playwright/test";
import { splitFrontMatter } from "../../app/features/content/page-parser.server";
import { HtmlValidate, StaticConfigLoader, type Message } from "html-validate";
import { aboutSlugs, hrefFor, standaloneSlugs, type PageSlug } from "../../app/features/content/catalogue";
import { expectNoAxeViolationsAtAllWidths } from "./support/axe";
import { expect, mainHeading, signIn, test } from "./support/fixtures";

type Language = "da" | "en";
const languages: Language[] = ["da", "en"];

/**
 * Signed in, a page without React carries one script: the plain session warning (issue 21,
 * components/layout/plain-page.js); no React, no module, no inline script.
 */
async function expectOnlyThePlainScript(page: Page) {
  await expect(page.locator("script")).toHaveCount(1);
  await expect(page.locator("script")).toHaveAttribute("src", /^\/assets\/plain-page-[\w-]+\.js$/);
  await expect(page.locator("link[rel=modulepreload]")).toHaveCount(0);
}

interface PageMeta {
  title: string;
  related: string[];
  sources: { title: string; url: string }[];
}
function meta(language: Language, slug: PageSlug): PageMeta {
  const file = path.resolve("locales", language, "pages", `${slug}.md`);
  return splitFrontMatter(readFileSync(file, "utf8")).attributes as PageMeta;
}
const contentText = (language: Language) =>
  JSON.parse(readFileSync(path.resolve("locales", language, "content.json"), "utf8")) as {
    about: { title: string };
    page: { readAlso: string; sources: string; lastReviewed: string };
    help: { title: string; unwell: { heading: string } };
  };

/** Every content page, with the h1 it must show in each language. */
const markdownSlugs = [...aboutSlugs, ...standaloneSlugs] as PageSlug[];
const contentPages = [
  { path: "/om", title: (language: Language) => contentText(language).about.title, markdown: null },
  ...markdownSlugs.map((slug) => ({ path: hrefFor(slug), title: (language: Language) => meta(language, slug).title, markdown: slug })),
  { path: "/hjaelp", title: (language: Language) => contentText(language).help.title, markdown: null },
];

const acceptLanguage = (language: Language) => ({ "Accept-Language": language === "da" ? "da-DK,da" : "en-GB,en" });

// The rules live in .htmlvalidate.json (JSON allows no comments, so the reasons are here). All of
// html-validate:recommended is on; three rules are tuned to how React writes HTML, none is off:
// - attr-case also accepts camelCase: React 19 writes <meta charSet="utf-8">. HTML attribute names
//   are case-insensitive, so that is valid; any other mixed case still fails.
// - void-style expects self-closed void elements (<meta />): React writes every one that way, and
//   the Markdown renderer is set to the same style (xhtmlOut), so a page that mixes them fails.
// - aria-label-misuse allows a name on elements whose role may be named (WAI-ARIA 1.2), like the
//   footer's <ul aria-labelledby="language-label"> around the language buttons; a name on a plain
//   <div> or <span> still fails.
const htmlValidate = new HtmlValidate(
  new StaticConfigLoader(JSON.parse(readFileSync(path.resolve(".htmlvalidate.json"), "utf8"))),
);

/** The raw HTML a page is served with, checked for scripts and validity; returns its size. */
async function checkServedHtml(request: APIRequestContext, url: string, language: Language, { signedIn = false } = {}) {
  const response = await request.get(url, { headers: acceptLanguage(language) });
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html, `${url} (${language}) is not in ${language}`).toContain(`<html lang="${language}"`);
  // Signed in, only the plain session warning's script (issue 21, components/layout/plain-page.js).
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  if (signedIn) expect(scripts.map((tag) => /src="\/assets\/plain-page-[\w-]+\.js"/.test(tag)), `${url} (${language}) ships <script> tags`).toEqual([true]);
  else expect(scripts, `${url} (${language}) ships <script> tags`).toHaveLength(0);
  expect(html.match(/rel="modulepreload"/gi) ?? [], `${url} (${language}) preloads modules`).toHaveLength(0);
  const report = await htmlValidate.validateString(html, `${url}.html`);
  const messages: Message[] = report.results.flatMap((result) => result.messages);
  expect(
    messages.map((m) => `${m.ruleId} at ${m.line}:${m.column} ${m.selector ?? ""}: ${m.message}`),
    `${url} (${language}) is not valid HTML`,
  ).toEqual([]);
  return { url, language, raw: Buffer.byteLength(html), gzip: gzipSync(html).byteLength };
}

const SIZE_LOG = path.resolve("test-results", "content-page-sizes.txt");

test.describe("the served HTML of every content page", () => {

  for (const language of languages) {
    test(`${language}: no <script>, no modulepreload, valid HTML (signed out)`, async ({ request }) => {
      const sizes = [];
      for (const { path: url } of contentPages) sizes.push(await checkServedHtml(request, url, language));
      mkdirSync(path.dirname(SIZE_LOG), { recursive: true });
      for (const size of sizes) appendFileSync(SIZE_LOG, `${size.url}\t${size.language}\t${size.raw}\t${size.gzip}\n`);
      const largest = sizes.reduce((a, b) => (b.raw > a.raw ? b : a));
      console.log(`Largest content page (${language}): ${largest.url}, ${largest.raw} bytes raw, ${largest.gzip} bytes gzip`);
    });
  }

  test("an unknown page under /om is a 404 without scripts", async ({ request }) => {
    const response = await request.get("/om/findes-ikke");
    expect(response.status()).toBe(404);
    expect((await response.text()).match(/<script\b/gi) ?? []).toHaveLength(0);
  });
});

/** "Sidst opdateret <date>" and a list of https sources, inside the sources section. */
async function expectSourcesAndDate(page: Page, language: Language) {
  const text = contentText(language).page;
  const sources = page.getByRole("region", { name: text.sources });
  await expect(sources).toBeVisible();
  await expect(sources).toContainText(text.lastReviewed);
  await expect(sources.locator("time[datetime]")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
  const links = sources.getByRole("link");
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^https:\/\//);
  }
}

/** Every "Læs også" link answers 200. */
async function expectReadAlsoWorks(page: Page, language: Language) {
  const readAlso = page.getByRole("region", { name: contentText(language).page.readAlso });
  await expect(readAlso).toBeVisible();
  const hrefs = await readAlso.getByRole("link").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    expect(href).toMatch(/^\/(om|ordliste|privatliv|tilgaengelighed|hjaelp)/);
    expect((await page.request.get(href)).status(), href).toBe(200);
  }
}

for (const language of languages) {
  test.describe(`reading the pages in ${language === "da" ? "Danish" : "English"}`, () => {
    test.use({ locale: language === "da" ? "da-DK" : "en-GB" });
    // These pages carry no <script> at all (checked above and below), so the browser's JavaScript
    // setting cannot change what a person gets: reading them once (in the js project) is enough.

    for (const contentPage of contentPages) {
      test(`${contentPage.path} (${language}, signed out)`, async ({ page }) => {
        const response = await page.goto(contentPage.path);
        expect(response?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await expect(mainHeading(page)).toHaveText(contentPage.title(language));
        await expect(page.locator("script")).toHaveCount(0);
        // Since the 2026 reform the law says »kommunen«; signed out, the portal's first municipality
        // (Solbjerg, which named its unit »Jobcenter Solbjerg«) is the only place the word may come from.
        await expect(page.getByRole("main")).not.toContainText(/jobcent(?!er Solbjerg|er@solbjerg)|job cent/i);
        if (contentPage.path !== "/om") {
          await expectSourcesAndDate(page, language);
          await expectReadAlsoWorks(page, language);
        }
        await expectNoAxeViolationsAtAllWidths(page, `${contentPage.path} (${language}, signed out)`);
      });
    }

    test(`a "Læs også" link and a glossary link take you there (${language})`, async ({ page }) => {
      await page.goto("/om/ressourceforloeb");
      const mentor = meta(language, "mentor").title;
      const firstRelated = meta(language, "ressourceforloeb").related[0]!;
      await page.getByRole("region", { name: contentText(language).page.readAlso }).getByRole("link").first().click();
      await expect(page).toHaveURL(new RegExp(`/om/${firstRelated}$`));
      await expect(mainHeading(page)).toHaveText(meta(language, firstRelated as PageSlug).title);
      await page.goto("/om/ressourceforloeb");
      await page.getByRole("main").getByRole("link", { name: "mentor", exact: true }).first().click();
      await expect(page).toHaveURL(/\/om\/mentor$/);
      await expect(mainHeading(page)).toHaveText(mentor);
      await page.goto("/om/dine-rettigheder");
      await page.getByRole("main").getByRole("link", { name: language === "da" ? "bisidder" : "support person", exact: true }).click();
      await expect(page).toHaveURL(/\/ordliste#bisidder$/);
      await expect(page.locator("#bisidder")).toBeInViewport();
    });
  });
}

test("the language switch is a plain form that works without JavaScript", async ({ page }) => {
  await page.goto("/om/fleksjob");
  await expect(mainHeading(page)).toHaveText(meta("da", "fleksjob").title);
  const form = page.locator("form.language-switch");
  await expect(form).toHaveAttribute("method", "post");
  await expect(form).toHaveAttribute("action", "/sprog");

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page).toHaveURL(/\/om\/fleksjob$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(mainHeading(page)).toHaveText(meta("en", "fleksjob").title);
  await expect(page.getByRole("button", { name: "English", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("script")).toHaveCount(0);

  await page.getByRole("button", { name: "Dansk", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(mainHeading(page)).toHaveText(meta("da", "fleksjob").title);
});

test.describe("help and contact (/hjaelp)", () => {
  test("signed out: 112, Livslinien, the doctor and lægevagt, and how to find your caseworker", async ({ page }) => {
    await page.goto("/hjaelp");
    const crisis = page.getByRole("region", { name: "Hvis du får det dårligt" });
    await expect(crisis.getByRole("link", { name: "112", exact: true })).toHaveAttribute("href", "tel:112");
    await expect(crisis.getByRole("link", { name: "70 201 201", exact: true })).toHaveAttribute("href", "tel:70201201");
    await expect(crisis).toContainText("egen læge");
    await expect(crisis).toContainText("forskelligt fra region til region");
    await expect(crisis.getByRole("link", { name: "1813", exact: true })).toHaveAttribute("href", "tel:1813");
    await expect(page.getByRole("main")).toContainText("Er du logget ind, kan du se din sagsbehandlers navn");
    await expect(page.getByRole("main")).not.toContainText("Sara Nielsen");
  });

  for (const language of languages) {
    test(`signed in as Mette (${language}): her own coordinating caseworker, no scripts, valid, axe-clean`, async ({ page }) => {
      await signIn(page, "mette");
      if (language === "en") {
        await page.getByRole("button", { name: "English", exact: true }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
      }
      await page.goto("/hjaelp");
      await expect(mainHeading(page)).toHaveText(contentText(language).help.title);
      await expect(page.getByRole("region", { name: contentText(language).help.unwell.heading })).toContainText("112");
      const main = page.getByRole("main");
      await expect(main).toContainText("Sara Nielsen");
      await expect(main.getByRole("link", { name: "+45 11 22 30 11" })).toHaveAttribute("href", "tel:+4511223011");
      // Her municipality's own details (MUNICIPALITIES_FILE): Solbjerg's number, hours and crisis line.
      const contact = page.getByRole("region", { name: language === "da" ? "Kontakt Solbjerg Kommune" : "Contact Solbjerg Kommune" });
      await expect(contact.getByRole("link", { name: "11 22 30 00" })).toHaveAttribute("href", "tel:11223000");
      await expect(contact).toContainText(language === "da" ? "Mandag til torsdag kl. 9-15" : "Monday to Thursday 9 am to 3 pm");
      await expect(page.getByRole("region", { name: contentText(language).help.unwell.heading }).getByRole("link", { name: "11 22 39 99" })).toBeVisible();
      await expectOnlyThePlainScript(page);
      await expectSourcesAndDate(page, language);
      await expectNoAxeViolationsAtAllWidths(page, `/hjaelp (${language}, Mette)`);

      // The raw response for the signed-in participant: still no JavaScript, still valid HTML.
      // (page.request shares the browser's cookies, so this is Mette's page.)
      const size = await checkServedHtml(page.request, "/hjaelp", language, { signedIn: true });
      expect(size.raw).toBeGreaterThan(0);
    });
  }

  test("signed in as a relative (Jonas): no caseworker of anyone else is shown", async ({ page }) => {
    await signIn(page, "jonas", "/hjaelp");
    await expect(page.getByRole("main")).toContainText("Er du pårørende, så spørg den, du støtter");
    await expect(page.getByRole("main")).not.toContainText("Sara Nielsen");
    await expect(page.getByRole("main")).not.toContainText("11 22 30 11");
  });
});

test.describe("'Hjælp og kontakt' sits in the same place in the footer on every page (WCAG 3.2.6)", () => {
  async function expectHelpFirstInFooter(page: Page, url: string) {
    await page.goto(url);
    const footerLinks = page.getByRole("contentinfo").getByRole("link");
    await expect(footerLinks.first(), url).toHaveText("Hjælp og kontakt");
    await expect(footerLinks.first(), url).toHaveAttribute("href", "/hjaelp");
  }

  test("signed out", async ({ page }) => {
    for (const url of ["/log-ind", "/om", "/om/mentor", "/ordliste", "/privatliv", "/tilgaengelighed", "/hjaelp", "/findes-ikke"]) {
      await expectHelpFirstInFooter(page, url);
    }
  });

  test("signed in", async ({ page }) => {
    await signIn(page, "mette");
    // Not /min-plan: opening it as Mette marks her plan's changes as seen, which plan.spec checks
    // on her first visit. plan.spec looks at Min Plan's footer itself.
    for (const url of ["/", "/moeder", "/om", "/om/ressourceforloeb", "/hjaelp"]) {
      await expectHelpFirstInFooter(page, url);
    }
  });
});

// Min Plan's activity links are followed in plan.spec (inside Mette's journey, which holds her
// plan lock); here the meetings.
test("a meeting links its kind to its explanation", async ({ page }) => {
  await signIn(page, "mette", "/moeder");
  await page.getByRole("main").getByRole("link", { name: "Samtale med Sara", exact: true }).first().click();
  const what = page.getByRole("region", { name: "Hvad er det for et møde?" });
  const link = what.getByRole("link");
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("href", /^\/(om\/[a-z-]+(#[a-z-]+)?|ordliste#[a-z-]+)$/);
  await link.click();
  await expectOnlyThePlainScript(page);
  await expect(mainHeading(page)).toBeVisible();
});
