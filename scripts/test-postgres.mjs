// Runs the database test suite a second time against the Postgres server in DATABASE_URL.
// Without DATABASE_URL it says so and succeeds: the PGlite run has already covered the suite.
import { spawnSync } from "node:child_process";

if (!process.env.DATABASE_URL) {
  console.log("test:postgres skipped: DATABASE_URL is not set (the suite ran on PGlite).");
  process.exit(0);
}
const result = spawnSync("npx", ["vitest", "run", "tests/integration", "tests/faults", "tests/fuzz"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: process.env.DATABASE_URL },
});
process.exit(result.status ?? 1);
