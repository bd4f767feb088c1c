// The database suite on the embedded database (PGlite), as the README's test command runs it.
//
// Without DATABASE_URL this is the whole suite (unit, integration, faults, fuzz), as always.
// With DATABASE_URL (CI, and anyone with a Postgres server) the integration suite runs on that
// server next (scripts/test-postgres.mjs): the production database, with row-level security and
// real concurrency. Here the embedded database then runs the unit tests and the files that prove
// the demo's own path: migrating and seeding PGlite, its data folder, and a signed-in person's
// reads and writes through the routes. (Both runs in full took 6.7 of CI's 20 minutes.)
import { spawnSync } from "node:child_process";

const EMBEDDED_PATH = [
  "tests/unit",
  "tests/integration/migrations.test.ts",
  "tests/integration/data-dir-permissions.test.ts",
  "tests/integration/pglite-template.test.ts",
  "tests/integration/access.test.ts",
  "tests/integration/messages/participant-messages.test.ts",
  "tests/integration/plan/plan-writes.test.ts",
];

const files = process.env.DATABASE_URL ? EMBEDDED_PATH : [];
if (process.env.DATABASE_URL) console.log(`test:unit: DATABASE_URL is set, so the integration suite runs on Postgres next; PGlite runs ${files.join(", ")}.`);
// The database tests use TEST_DATABASE_URL only; DATABASE_URL is left to the app's own settings.
const result = spawnSync("npx", ["vitest", "run", ...files], { stdio: "inherit" });
process.exit(result.status ?? 1);
