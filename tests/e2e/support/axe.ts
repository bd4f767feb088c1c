import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test, type Page, type Response } from "@playwright/test";
import type { AxeResults, Result } from "axe-core";

/** WCAG 2.2 AA plus axe's best practices: the floor for every page (README.md, "Copy and accessibility"). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Every scan adds one line here, so a run can say how many pages × states were checked. */
export const AXE_LOG = path.resolve("test-results", "axe-scans.txt");

/**
 * Page states axe has already passed in this run, once per state and width (docs/decisions):
 * a state is known by its label, address, width and language, or by its DOM (scripts and nonces
 * aside). The js and no-js projects pass through many of the same states; the first to reach
 * one scans it, the other is told it is clean already. A state only one project reaches (a
 * confirmation page without JavaScript, say) has its own address or label, so it is scanned.
 */
export const AXE_CLEAN_STATES = path.resolve("test-results", "axe-clean-states.txt");

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core itself, run in the page: injected once per document and run with our tags. The app
 * has no frames, so @axe-core/playwright's frame handling (a fresh page per scan to merge frame
 * results) bought nothing and cost ~2 s per scan; this takes ~0.5 s.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    AXE_TAGS,
  );
}

export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 320, height: 640 };

function describe(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `      - ${node.target.map(String).join(" ")}${node.failureSummary ? `\n        ${node.failureSummary.replace(/\n/g, "\n        ")}` : ""}`,
        )
        .join("\n");
      return `  * ${violation.id} (${violation.impact ?? "no impact"}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

/** Stylesheets of the page that did not load: an unstyled page would give false results. */
async function unloadedStylesheets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      .filter((link) => {
        try {
          return !link.sheet || link.sheet.cssRules.length === 0;
        } catch {
          return true;
        }
      })
      .map((link) => `${link.href} is not loaded`),
  );
}

/**
 * With JavaScript disabled Chromium still runs Playwright's evaluate calls, but never fires the
 * timers axe needs, so a scan in that page hangs. Instead, copy the page as it is now (the
 * server-rendered DOM a person without JavaScript sees), with every script removed, into a
 * scratch page that may run scripts, at the same address, size and locale, and scan that copy.
 * Stylesheets, fonts and images still load from the server, so contrast and reflow are real.
 */
async function analyzeWithoutPageScripts(page: Page) {
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const copy = await scratchPage(page);
  await copy.setViewportSize(page.viewportSize() ?? DESKTOP);
  const url = page.url();
  await copy.unrouteAll();
  await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await copy.route(/\.m?js(\?|$)/, (route) => route.abort());
  // A copy without its stylesheet would be scanned unstyled and give false results. One
  // reload is allowed: a concurrent `npm run build` briefly removes build/client/assets.
  for (let attempt = 1; ; attempt++) {
    const failed: string[] = [];
    const onResponse = (response: Response) => {
      if (response.request().resourceType() === "stylesheet" && !response.ok()) {
        failed.push(`${response.url()} answered ${response.status()}`);
      }
    };
    copy.on("response", onResponse);
    await copy.goto(url);
    copy.off("response", onResponse);
    const problems = [...failed, ...(await unloadedStylesheets(copy))];
    if (problems.length === 0) break;
    if (attempt >= 2) {
      throw new Error(
        `The no-JS copy of ${url} is missing its styles (was the app rebuilt during the run?): ${problems.join("; ")}`,
      );
    }
    await copy.waitForTimeout(2000);
  }
  return await runAxe(copy);
}

/**
 * One page per browser that may run scripts, kept for the worker's whole life: a scan reuses it
 * (and its cached stylesheets and fonts) instead of opening a context every time.
 */
const scratchPages = new WeakMap<object, Promise<Page>>();
function scratchPage(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error("No browser to scan the page without JavaScript in");
  let scratch = scratchPages.get(browser);
  if (!scratch) {
    scratch = browser
      .newContext({ javaScriptEnabled: true, locale: test.info().project.use.locale })
      .then((context) => context.newPage());
    scratchPages.set(browser, scratch);
  }
  return scratch;
}

async function analyzeWithPageScripts(page: Page) {
  const unloaded = await unloadedStylesheets(page);
  if (unloaded.length > 0) {
    throw new Error(
      `${page.url()} is missing its styles (was the app rebuilt during the run?): ${unloaded.join("; ")}`,
    );
  }
  return runAxe(page);
}

interface Scan {
  label: string;
  url: string;
  width: number;
  language: string;
  violations: Result[];
}

/** What axe would see: the DOM without scripts, module preloads and per-response nonces. */
async function stateFingerprint(page: Page, width: number): Promise<string> {
  const dom = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "")
    .replace(/\snonce="[^"]*"/gi, "");
  return createHash("sha256").update(`${width}\n${dom}`).digest("hex");
}

/** The state by name: label, address (ids aside, they differ between databases), width, language. */
function stateKey(label: string, url: URL, width: number, language: string): string {
  const address = (url.pathname + url.search).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id");
  return createHash("sha256").update([label, address, width, language].join("\n")).digest("hex");
}

function alreadyScannedClean(...states: string[]): boolean {
  if (!existsSync(AXE_CLEAN_STATES)) return false;
  const clean = readFileSync(AXE_CLEAN_STATES, "utf8");
  return states.some((state) => clean.includes(state));
}

/** Runs axe on the page as it is now and records the scan in test-results/axe-scans.txt. */
async function scan(page: Page, label: string, record = true): Promise<Scan> {
  const url = new URL(page.url());
  const width = page.viewportSize()?.width ?? 0;
  const language = (await page.locator("html").getAttribute("lang")) ?? "?";
  const project = test.info().project.name;
  const fingerprint = await stateFingerprint(page, width);
  const key = stateKey(label, url, width, language);
  const reused = alreadyScannedClean(fingerprint, key);
  const started = performance.now();
  const violations = reused
    ? []
    : (
        test.info().project.use.javaScriptEnabled === false
          ? await analyzeWithoutPageScripts(page)
          : await analyzeWithPageScripts(page)
      ).violations;
  mkdirSync(path.dirname(AXE_LOG), { recursive: true });
  if (!reused && violations.length === 0) appendFileSync(AXE_CLEAN_STATES, `${fingerprint}\n${key}\n`);
  if (record) {
    const how = reused ? "already clean" : "scanned";
    const milliseconds = Math.round(performance.now() - started);
    appendFileSync(
      AXE_LOG,
      [label, url.pathname + url.search, `${width}px`, language, project, violations.length, how, milliseconds].join("\t") + "\n",
    );
  }
  return { label, url: url.pathname + url.search, width, language, violations };
}

function report(scans: Scan[]): string {
  return scans
    .filter((s) => s.violations.length > 0)
    .map(
      (s) =>
        `axe found ${s.violations.length} violation(s) on "${s.label}" (${s.url}, ${s.width}px, lang=${s.language}, ${test.info().project.name}):\n${describe(s.violations)}`,
    )
    .join("\n\n");
}

/** Runs axe on the page as it is now and fails with a readable list when anything is wrong. */
export async function expectNoAxeViolations(page: Page, label: string, { record = true } = {}): Promise<void> {
  const result = await scan(page, label, record);
  expect(
    result.violations.map((v) => v.id),
    report([result]),
  ).toEqual([]);
}

/**
 * Scans at 1280 px and at 320 px (reflow), then restores the viewport. Both widths are scanned
 * before failing, so one report shows everything.
 */
export async function expectNoAxeViolationsAtAllWidths(page: Page, label: string): Promise<void> {
  const original = page.viewportSize() ?? DESKTOP;
  const scans: Scan[] = [];
  try {
    for (const viewport of [DESKTOP, MOBILE]) {
      await page.setViewportSize(viewport);
      scans.push(await scan(page, `${label} @${viewport.width}px`));
    }
  } finally {
    await page.setViewportSize(original);
  }
  expect(
    scans.flatMap((s) => s.violations.map((v) => `${v.id} @${s.width}px`)),
    report(scans),
  ).toEqual([]);
}
