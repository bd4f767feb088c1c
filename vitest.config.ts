import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/faults/**/*.test.ts", "tests/fuzz/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    // Each integration file opens its own database (PGlite in memory, or a fresh Postgres database).
    pool: "forks",
    // Files share a worker's module graph instead of importing the app again for every file (65 s of
    // a 251 s run): each file installs its own database in beforeAll and removes it in afterAll.
    isolate: false,
    // Vitest uses one worker fewer than the cores (one on this 2-core machine); the files wait on
    // databases and servers as much as they compute, so two run side by side.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
