import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** A mail as the test SMTP server received it. */
export interface ReceivedMail {
  from: string | undefined;
  to: string[];
  /** The whole message: headers and body, as sent. */
  raw: string;
}

/** What the server does with a mail: accept it, accept it after 3 s, or refuse it for now (451). */
export type SmtpAnswer = "ok" | "slow" | "fail";

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** The mails accepted so far, oldest first. */
  received: ReceivedMail[];
  /** How to answer the next mails, in order; after these, "ok". */
  answerNext(...answers: SmtpAnswer[]): void;
  /** Forgets what was received and the answers not yet used. */
  reset(): void;
  close(): Promise<void>;
}

/** A real SMTP server in this process, on a free loopback port (no TLS, no AUTH). */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const answers: SmtpAnswer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const answer = answers.shift() ?? "ok";
        if (answer === "fail") return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        const accept = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((address) => address.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        };
        if (answer === "slow") setTimeout(accept, 3_000);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    answerNext: (...next) => void answers.push(...next),
    reset() {
      received.length = 0;
      answers.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Where the app's mail goes in this test file, set in the environment until `restore()`: to the
 * SMTP server at `smtpUrl`, or without it to the demo mailbox (files in a fresh DATA_DIR, which
 * `restore()` deletes). `demoLogin` also turns the demo sign-in on.
 */
export function useMailSettings(options: { smtpUrl?: string; demoLogin?: boolean; prefix?: string } = {}) {
  const previous = { SMTP_URL: process.env.SMTP_URL, DATA_DIR: process.env.DATA_DIR, DEMO_LOGIN: process.env.DEMO_LOGIN };
  const dataDir = mkdtempSync(path.join(tmpdir(), `${options.prefix ?? "minvej-mail"}-`));
  process.env.DATA_DIR = dataDir;
  if (options.smtpUrl) process.env.SMTP_URL = options.smtpUrl;
  else delete process.env.SMTP_URL;
  if (options.demoLogin) process.env.DEMO_LOGIN = "1";
  return {
    dataDir,
    restore() {
      rmSync(dataDir, { recursive: true, force: true });
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
