// The embedded database's template, made by `npm run build` after the app (issue 21): a PGlite data
// folder with every migration applied and no people in it, at <BUILD_DIR>/pglite-template. A portal
// on the embedded database whose DATA_DIR has no database yet copies it (db/client.ts) instead of
// running initdb and every migration, which took 10-30 s and over 1 GiB of memory; then it seeds the
// demo people, whose dates are relative to the day it starts (so they are never made here).
//
// The folder holds template.json: the PGlite version and the migrations it was made from; a portal
// ignores a template that does not match (log line). `react-router build` empties BUILD_DIR, so every
// `npm run build` makes it anew (3-10 s).
// Run with `node --liftoff-only`: WebAssembly's optimising compiler alone needs ~600 MB for one of
// Postgres's functions.
import { chmodSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase, pgliteTemplateManifest, PGLITE_TEMPLATE_MANIFEST } from "../db/client";

const started = performance.now();
const target = path.resolve(process.env.BUILD_DIR || "build", "pglite-template");
const manifest = pgliteTemplateManifest();

/** Folders 0755, files 0644: the template holds no personal data, and the Docker image's user must read what root built. */
function readableByAll(at: string) {
  const isFolder = statSync(at).isDirectory();
  chmodSync(at, isFolder ? 0o755 : 0o644);
  if (isFolder) for (const name of readdirSync(at)) readableByAll(path.join(at, name));
}

function sizeOf(at: string): number {
  const stat = statSync(at);
  return stat.isDirectory() ? readdirSync(at).reduce((sum, name) => sum + sizeOf(path.join(at, name)), 0) : stat.size;
}

const work = `${target}.partial-${process.pid}`;
rmSync(work, { recursive: true, force: true });
try {
  // initdb and every migration, no seeding; closing checkpoints, so a copy starts without recovery.
  const handle = await openDatabase({ dataDir: work });
  await handle.close();
  writeFileSync(path.join(work, PGLITE_TEMPLATE_MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  readableByAll(work);
  rmSync(target, { recursive: true, force: true });
  renameSync(work, target);
} catch (error) {
  rmSync(work, { recursive: true, force: true });
  throw error;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Database template: ${path.relative(process.cwd(), target)} (${manifest.migrations.length} migrations, ` +
    `${(sizeOf(target) / 1024 / 1024).toFixed(0)} MiB, ${seconds} s).`,
);
