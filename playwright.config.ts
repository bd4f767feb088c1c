import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests: the production build served by `node server.js`, driven by the system
 * Chromium (never `npx playwright install`). Every journey runs twice: with JavaScript (`js`)
 * and without (`no-js`).
 *
 *   npm run build && npx playwright test
 */

const PORT = Number(process.env.E2E_PORT || 3100);
// `localhost`, not 127.0.0.1: production cookies are `__Host-`/Secure, which Chromium
// accepts over plain http only on localhost.
const BASE_URL = `http://localhost:${PORT}`;
const CI = Boolean(process.env.CI);

// One fresh embedded database per run. Playwright loads this file again in every worker;
// the workers inherit the environment, so they reuse the main process's directory.
const DATA_DIR_VARIABLE = "MINVEJ_E2E_DATA_DIR";
let dataDir = process.env[DATA_DIR_VARIABLE];
if (!dataDir) {
  dataDir = mkdtempSync(path.join(tmpdir(), "minvej-e2e-"));
  process.env[DATA_DIR_VARIABLE] = dataDir;
  const created = dataDir;
  process.on("exit", () => rmSync(created, { recursive: true, force: true }));
}

const serverEnv: Record<string, string> = {
  NODE_ENV: "production",
  DEMO_LOGIN: "1",
  PORT: String(PORT),
  SEED_DEMO_DATA: "1",
  DATA_DIR: dataDir,
};
if (process.env.DATABASE_URL) {
  // On a Postgres server the portal runs as it does in production: as `portal_app`, bound by
  // row-level security; migrations, roles and demo data go through the owner's connection.
  serverEnv.DATABASE_OWNER_URL = process.env.DATABASE_URL;
  const appUrl = new URL(process.env.DATABASE_URL);
  appUrl.username = "portal_app";
  appUrl.password = "";
  serverEnv.DATABASE_URL = appUrl.toString();
}
if (process.env.PATH) serverEnv.PATH = process.env.PATH;
if (process.env.BUILD_DIR) serverEnv.BUILD_DIR = process.env.BUILD_DIR;

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
    baseURL: BASE_URL,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "no-js", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: "node server.js",
    url: `${BASE_URL}/readyz`,
    env: serverEnv,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
