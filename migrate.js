// `npm run migrate`: the database step of a release, run once before the portal starts (the
// container image runs it as its own one-shot step). As the schema owner (DATABASE_OWNER_URL, or
// DATABASE_URL when that is the owner): pending migrations under the advisory lock, then the roles
// and grants of db/caseworker/roles.sql. Plain Node on the server build, like worker.js: no tsx.
// Exits 0 when the database is up to date, 1 with the reason otherwise.
import { existsSync } from "node:fs";

const BUILD_DIR = process.env.BUILD_DIR || "build";
const entryFile = new URL(`./${BUILD_DIR}/server/index.js`, import.meta.url);
if (!existsSync(entryFile)) {
  console.error(`Min Vej migrate: no server build in ./${BUILD_DIR}. Run \`npm run build\` first.`);
  process.exit(1);
}
/** @type {import("./server/request-handler.js").MinVejBuild} */
const build = await import(entryFile.href);

try {
  await build.entry.module.migrateOnly();
} catch (error) {
  // Messages and codes only, the causes' too (a failed query's reason is its cause); no stack.
  /** @type {string[]} */
  const reasons = [];
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = "code" in e && e.code ? ` [${String(e.code)}]` : "";
    reasons.push(`${e.message.split("\n", 1)[0]}${code}`);
  }
  console.error(`Min Vej migrate failed: ${reasons.join(" <- ") || String(error)}`);
  process.exit(1);
}
console.log("Min Vej migrate: the database is up to date, and the roles and grants are in place.");
process.exit(0);
