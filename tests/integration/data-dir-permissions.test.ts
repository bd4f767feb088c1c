import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { sendMail } from "~/features/relatives/mail.server";

// About the embedded database's files only: it opens its own PGlite on disk, whatever
// TEST_DATABASE_URL says, so it runs (and means the same) in both suites.

const root = mkdtempSync(path.join(tmpdir(), "minvej-perm-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every path under `dir` (itself included) whose mode is not 0700 (folders) or 0600 (files). */
function looseModes(dir: string): string[] {
  const loose: string[] = [];
  const walk = (at: string) => {
    const stat = statSync(at);
    const mode = stat.mode & 0o777;
    if (stat.isDirectory()) {
      if (mode !== 0o700) loose.push(`${path.relative(root, at) || "."} ${mode.toString(8)}`);
      for (const name of readdirSync(at)) walk(path.join(at, name));
    } else if (mode !== 0o600) loose.push(`${path.relative(root, at)} ${mode.toString(8)}`);
  };
  walk(dir);
  return loose;
}

function count(dir: string): number {
  return readdirSync(dir, { recursive: true }).length;
}

/** Makes everything under `dir` as open as the issue found it: folders 0755, files 0666. */
function loosen(dir: string) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const at = path.join(dir, name);
    chmodSync(at, statSync(at).isDirectory() ? 0o755 : 0o666);
  }
}

async function writeSomething(dataDir: string, label: string) {
  const handle = await openDatabase({ dataDir });
  try {
    await handle.db.execute(sql.raw(`create table if not exists portal.permission_probe (note text)`));
    await handle.db.execute(sql`insert into portal.permission_probe select ${label} || g from generate_series(1, 5000) g`);
    await handle.db.execute(sql.raw(`create table portal.permission_probe_${label} (id int primary key)`));
    await handle.db.execute(sql.raw(`checkpoint`));
  } finally {
    await handle.close();
  }
}

describe("the embedded database's data folder", () => {
  it("is only for the portal's own user: folders 0700, files 0600, also when it existed with looser modes", async () => {
    const dataDir = path.join(root, "data");
    // A data folder that exists already, open to everyone, with a mail in it.
    mkdirSync(path.join(dataDir, "mail"), { recursive: true });
    writeFileSync(path.join(dataDir, "mail", "20260101000000000-aaaaaaaaaaaa.json"), "{}");
    writeFileSync(path.join(dataDir, "notes.txt"), "left over");
    loosen(dataDir);
    expect(looseModes(dataDir).length).toBeGreaterThan(0);

    // A new database, written to.
    await writeSomething(dataDir, "first");
    expect(count(path.join(dataDir, "pglite"))).toBeGreaterThan(100);
    expect(looseModes(dataDir)).toEqual([]);

    // An existing database left with the old modes (0755/0666), opened again and written to:
    // what existed is tightened, and what PGlite creates now (new tables, WAL) is 0600 too.
    loosen(dataDir);
    expect(looseModes(dataDir).length).toBeGreaterThan(900);
    await writeSomething(dataDir, "second");
    expect(looseModes(dataDir)).toEqual([]);
    // Two on-disk databases, migrated and written: slow on a busy machine.
  }, 120_000);

  it("keeps mails (live invitation links) for the portal's own user, also in a folder that was open", async () => {
    const dataDir = path.join(root, "mail-only");
    mkdirSync(path.join(dataDir, "mail"), { recursive: true });
    writeFileSync(path.join(dataDir, "mail", "20260101000000000-bbbbbbbbbbbb.json"), "{}");
    loosen(dataDir);
    const previous = { dataDir: process.env.DATA_DIR, smtp: process.env.SMTP_URL };
    process.env.DATA_DIR = dataDir;
    delete process.env.SMTP_URL;
    try {
      await sendMail({ to: "jonas@example.dk", subject: "Invitation", text: "https://link", html: "<p>link</p>" });
    } finally {
      process.env.DATA_DIR = previous.dataDir;
      if (previous.dataDir === undefined) delete process.env.DATA_DIR;
      if (previous.smtp !== undefined) process.env.SMTP_URL = previous.smtp;
    }
    expect(readdirSync(path.join(dataDir, "mail"))).toHaveLength(2);
    expect(looseModes(dataDir)).toEqual([]);
  });
});
