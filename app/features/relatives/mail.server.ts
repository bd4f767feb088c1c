import { randomBytes } from "node:crypto";
import { chmod, lstat, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db } from "../../../db/client";
import { persons } from "../../../db/schema/people";
import { config } from "../../../server/config.js";

/**
 * Outgoing e-mail. With `SMTP_URL` (e.g. smtp://user:pass@smtp.example.dk:587) it goes through
 * nodemailer; without it each message is written as JSON to `<DATA_DIR>/mail/`, where the demo
 * mailbox (`/dev/postkasse`, only with DEMO_LOGIN=1) shows it.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface StoredMail extends Mail {
  id: string;
  sentAt: string;
}

export function mailDir(): string {
  return path.resolve(config().dataDir, "mail");
}

function from(): string {
  return config().mailFrom;
}

/**
 * Sends one mail now. Only the job worker calls this (app/features/jobs/outbox.server.ts): a
 * request queues its mail in its own transaction instead, and never waits for an SMTP server.
 * The timeouts stay well below the worker's claim on the mail (`CLAIM_MS`).
 */
export async function sendMail(mail: Mail, options: { messageId?: string } = {}): Promise<{ via: "smtp" | "file" }> {
  const url = config().smtpUrl;
  if (url) {
    const transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    try {
      await transport.sendMail({
        from: from(),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(options.messageId ? { messageId: options.messageId } : {}),
      });
    } finally {
      transport.close();
    }
    return { via: "smtp" };
  }
  const dir = mailDir();
  await prepareMailDir(dir);
  const sentAt = new Date().toISOString();
  // Sortable by time, unguessable, and safe as a file name.
  const id = `${sentAt.replace(/[^0-9]/g, "")}-${randomBytes(6).toString("hex")}`;
  const stored: StoredMail = { id, sentAt, ...mail };
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
  return { via: "file" };
}

let tightened: string | null = null;

/**
 * The mails hold live invitation links: the data folder and the mail folder are 0700 and every
 * mail 0600, also when they exist already with looser modes (checked once per folder and process).
 */
async function prepareMailDir(dir: string) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (tightened === dir) return;
  for (const folder of [path.dirname(dir), dir]) await chmod(folder, 0o700);
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const stat = await lstat(file);
    if (stat.isFile() && (stat.mode & 0o777) !== 0o600) await chmod(file, 0o600);
  }
  tightened = dir;
}

/** The written mails, newest first (the demo mailbox). */
export async function listStoredMail(limit = 50): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = await readdir(mailDir());
  } catch {
    return [];
  }
  const files = names
    .filter((name) => /^[0-9]+-[0-9a-f]{12}\.json$/.test(name))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(
    files.map(async (name) => {
      try {
        return JSON.parse(await readFile(path.join(mailDir(), name), "utf8")) as StoredMail;
      } catch {
        return null;
      }
    }),
  );
  return mails.filter((mail): mail is StoredMail => mail !== null);
}

/**
 * The written mails addressed to this person's own e-mail address, newest first: the demo
 * mailbox shows nobody else's mail (it holds live invitation links).
 */
export async function listStoredMailFor(personId: string, limit = 50): Promise<StoredMail[]> {
  const database = await db();
  const [person] = await database.select({ email: persons.email }).from(persons).where(eq(persons.id, personId));
  const own = normalAddress(person?.email);
  if (!own) return [];
  const mails = await listStoredMail(Number.MAX_SAFE_INTEGER);
  return mails.filter((mail) => normalAddress(mail.to) === own).slice(0, limit);
}

function normalAddress(address: string | null | undefined): string {
  return (address ?? "").trim().toLowerCase();
}

