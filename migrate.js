// `npm run migrate`: the database step of a release, run once before the portal starts (the
// container image runs it as its own one-shot step). As the schema owner (DATABASE_OWNER_URL, or
// DATABASE_URL when that is the owner): pending migrations under the advisory lock, then the roles
// and grants of db/caseworker/roles.sql. Plain Node on the server build, like worker.js: no tsx.
// It reads the portal's settings (the build checks them), plus DATABASE_OWNER_URL.
// Exits 0 when the database is up to date, 1 with the reason otherwise.
import { existsSync } from "node:fs";
import { configOrExit } from "./server/config.js";

// The settings first, as server.js and worker.js do: a wrong one is a list of names and exit 1.
configOrExit();

const BUILD_DIR = process.env.BUILD_DIR || "build";
const entryFile = new URL(`./${BUILD_DIR}/server/index.js`, import.meta.url);
if (!existsSync(entryFile)) {
  console.error(`Min Vej migrate: no server build in ./${BUILD_DIR}. Run \`npm run build\` first.`);
  process.exit(1);
}

/**
 * Messages and codes only, the causes' too (a failed query's reason is its cause); no stack.
 * @param {unknown} error
 */
function fail(error) {
  /** @type {string[]} */
  const reasons = [];
  let permissionDenied = false;
  for (let e = error; e instanceof Error; e = e.cause) {
    const code = "code" in e && e.code ? String(e.code) : "";
    if (code === "42501") permissionDenied = true;
    // A settings error lists one variable per line: keep them all.
    reasons.push(`${e.name === "ConfigError" ? e.message : e.message.split("\n", 1)[0]}${code ? ` [${code}]` : ""}`);
  }
  console.error(`Min Vej migrate failed: ${reasons.join(" <- ") || String(error)}`);
  if (permissionDenied) {
    console.error("That role may not change the schema: set DATABASE_OWNER_URL to the schema owner's connection.");
  }
  process.exit(1);
}

try {
  /** @type {import("./server/request-handler.js").MinVejBuild} */
  const build = await import(entryFile.href);
  await build.entry.module.migrateOnly();
} catch (error) {
  fail(error);
}
console.log("Min Vej migrate: the database is up to date, and the roles and grants are in place.");
process.exit(0);
