import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { copyPgliteTemplate, openDatabase, PGLITE_TEMPLATE_MANIFEST, pgliteTemplateManifest, rowsOf } from "../../db/client";
import { persons } from "../../db/schema";
import journal from "../../db/migrations/meta/_journal.json";
import { log } from "../../server/log.js";

// Issue 21: `npm run build` makes a migrated, empty PGlite data folder (scripts/pglite-template.ts);
// a new DATA_DIR copies it instead of running initdb and every migration. The run's own migrated
// data folder (tests/support/global-setup.ts) stands in for the build's, with its template.json.
// It is only made on the PGlite run (scripts/test-embedded.mjs lists this file).

const migratedDataDir = inject("pgliteTemplateDataDir");

describe.skipIf(!migratedDataDir)("the embedded database's template", () => {
  const root = mkdtempSync(path.join(tmpdir(), "minvej-template-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function template(name: string, manifest: object): string {
    const folder = path.join(root, name);
    cpSync(migratedDataDir, folder, { recursive: true });
    writeFileSync(path.join(folder, PGLITE_TEMPLATE_MANIFEST), JSON.stringify(manifest));
    return folder;
  }

  /** Paths under `dir` whose mode is not 0700 (folders) or 0600 (files). */
  function looseModes(dir: string): string[] {
    return [dir, ...readdirSync(dir, { recursive: true }).map((name) => path.join(dir, String(name)))].filter((at) => {
      const stat = statSync(at);
      return (stat.mode & 0o777) !== (stat.isDirectory() ? 0o700 : 0o600);
    });
  }

  it("a new data folder starts from it: migrated, seeded at start, only for the portal's own user", async () => {
    const dataDir = path.join(root, "data");
    const events: unknown[] = [];
    const info = vi.spyOn(log, "info").mockImplementation((fields: unknown) => void events.push((fields as { event?: string }).event));
    const handle = await openDatabase({ dataDir, template: template("current", pgliteTemplateManifest()), seedWhenEmpty: true }).finally(() => info.mockRestore());
    // Copied, not made by initdb: then the migrator found nothing to do.
    expect(events).toContain("pglite_template_copied");
    try {
      const [applied] = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
      expect(applied?.n).toBe(journal.entries.length);
      const keys = await handle.db.select({ key: persons.demoKey }).from(persons);
      expect(keys.map((k) => k.key).sort()).toEqual(["ali", "anders", "jonas", "mette", "nanna", "sara"]);
    } finally {
      await handle.close();
    }
    expect(existsSync(path.join(dataDir, "pglite.partial"))).toBe(false);
    expect(looseModes(dataDir)).toEqual([]);
  }, 60_000);

  it("is left alone, with a log line, when it was made from other migrations or another PGlite", () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const info = vi.spyOn(log, "info").mockImplementation(() => {});
    try {
      const wanted = pgliteTemplateManifest();
      const older = template("older", { ...wanted, migrations: wanted.migrations.slice(0, -1) });
      expect(copyPgliteTemplate(older, path.join(root, "older-copy"))).toBe(false);
      const otherPglite = template("other-pglite", { ...wanted, pglite: "0.0.1" });
      expect(copyPgliteTemplate(otherPglite, path.join(root, "other-pglite-copy"))).toBe(false);
      expect(copyPgliteTemplate(path.join(root, "no-template"), path.join(root, "none-copy"))).toBe(false);
      for (const name of ["older-copy", "other-pglite-copy", "none-copy"]) expect(existsSync(path.join(root, name))).toBe(false);
      expect(warn.mock.calls.map(([fields]) => (fields as { reason?: string }).reason)).toEqual(["other migrations", "another PGlite version"]);
      expect(info.mock.calls.map(([fields]) => (fields as { event?: string }).event)).toEqual(["pglite_template_missing"]);
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  });
});
