// Runs the database test suite a second time against the Postgres server in DATABASE_URL.
// Without DATABASE_URL it says so and succeeds: the PGlite run has already covered the suite.
import { spawnSync } from "node:child_process";
import postgres from "postgres";

if (!process.env.DATABASE_URL) {
  console.log("test:postgres skipped: DATABASE_URL is not set (the suite ran on PGlite).");
  process.exit(0);
}

// Fail at once, with what to do, when the server is not there (instead of 50 files timing out).
const probe = postgres(process.env.DATABASE_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
try {
  await probe`select 1`;
} catch (error) {
  const where = new URL(process.env.DATABASE_URL);
  console.error(
    `test:postgres: no answer from the Postgres server at ${where.hostname}:${where.port || 5432} (${error.code ?? error.message}).\n` +
      "Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or unset DATABASE_URL to run on PGlite only.",
  );
  process.exit(1);
} finally {
  await probe.end({ timeout: 1 });
}

const result = spawnSync("npx", ["vitest", "run", "tests/integration", "tests/faults", "tests/fuzz"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: process.env.DATABASE_URL },
});
process.exit(result.status ?? 1);
