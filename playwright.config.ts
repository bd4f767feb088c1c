import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests: the production build served by `node server.js`, driven by the system
 * Chromium (never `npx playwright install`). The journeys run once, with JavaScript (`js`); the
 * `no-js` project runs tests/e2e/no-js.spec.ts, which posts every form of the app and follows the
 * navigations that differ without JavaScript (confirmation pages, the "Menu" disclosure), instead
 * of replaying every journey. Each project has its own server and database; axe scans each page
 * state once per width (tests/e2e/support/axe.ts). Tests sign in by cookie (fixtures.ts `signIn`)
 * unless signing in is what they test. No test may take more than two minutes.
 *
 *   npm run build && npx playwright test
 */

// Debian's chromium-headless-shell when it is there: the same Blink without the full browser's UI
// processes, a fifth less wall time for the whole suite on a 2-core machine (12.0 against 14.9 min).
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH || (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
if (!existsSync(CHROMIUM)) {
  throw new Error(`No Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH.`);
}
const PORT = Number(process.env.E2E_PORT || 3100);
const CI = Boolean(process.env.CI);

// One fresh embedded database folder per run. Playwright loads this file again in every worker;
// the workers inherit the environment, so they reuse the main process's directory.
const DATA_DIR_VARIABLE = "MINVEJ_E2E_DATA_DIR";
let dataDir = process.env[DATA_DIR_VARIABLE];
if (!dataDir) {
  dataDir = mkdtempSync(path.join(tmpdir(), "minvej-e2e-"));
  process.env[DATA_DIR_VARIABLE] = dataDir;
  const created = dataDir;
  process.on("exit", () => rmSync(created, { recursive: true, force: true }));
}

/**
 * Each project gets its own server and its own database (tests/e2e/support/serve.mjs): the
 * projects never share a person, so they never wait for each other. `localhost`, not 127.0.0.1:
 * production cookies are `__Host-`/Secure, which Chromium accepts over plain http only there.
 */
const NO_JS_SPEC = /no-js\.spec\.ts$/;
const projects = [
  { name: "js", port: PORT, javaScriptEnabled: true, testIgnore: NO_JS_SPEC },
  { name: "no-js", port: PORT + 1, javaScriptEnabled: false, testMatch: NO_JS_SPEC },
];

function server(project: (typeof projects)[number]) {
  const env: Record<string, string> = {
    NODE_ENV: "production",
    DEMO_LOGIN: "1",
    // "Log ind med Test-MitID": the in-process identity provider in NemLog-in's place (issue 17).
    NEMLOGIN_TEST_IDP: "1",
    PORT: String(project.port),
    SEED_DEMO_DATA: "1",
    DATA_DIR: path.join(dataDir!, project.name),
    E2E_PROJECT: project.name,
    // Every journey signs in from the same address, many times a minute: the rate limits' defaults
    // would stop them (the limits have their own tests, tests/integration/rate-limit-http.test.ts).
    RATE_LIMIT_SIGN_IN: "1000000/1m",
    RATE_LIMIT_INVITATIONS: "1000000/1m",
    RATE_LIMIT_CALENDAR_FEED: "1000000/1m",
    RATE_LIMIT_PDF: "1000000/1m",
  };
  // On a Postgres server the portal runs as in production (see serve.mjs).
  if (process.env.DATABASE_URL) env.E2E_DATABASE_URL = process.env.DATABASE_URL;
  for (const name of ["PATH", "BUILD_DIR"]) if (process.env[name]) env[name] = process.env[name]!;
  return {
    command: "node tests/e2e/support/serve.mjs",
    url: `http://localhost:${project.port}/readyz`,
    env,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  globalTeardown: "./tests/e2e/support/global-teardown.ts",
  fullyParallel: true,
  forbidOnly: CI,
  workers: 2,
  retries: CI ? 1 : 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    viewport: { width: 1280, height: 800 },
    // Recording a trace of every test costs CPU on a 2-core machine; in CI a failed test is
    // retried once, and that retry is recorded.
    trace: CI ? "on-first-retry" : "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: projects.map((project) => ({
    name: project.name,
    ...("testMatch" in project ? { testMatch: project.testMatch } : { testIgnore: project.testIgnore }),
    use: { javaScriptEnabled: project.javaScriptEnabled, baseURL: `http://localhost:${project.port}` },
  })),
  webServer: projects.map(server),
});
