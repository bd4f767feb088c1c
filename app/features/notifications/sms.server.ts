import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "../../../server/config.js";

/**
 * Outgoing SMS, through an HTTP gateway (issue 18). Only the job worker calls `sendSms`
 * (app/features/jobs/outbox.server.ts), after the commit, with retries and backoff.
 *
 * The gateway interface (README "SMS gateway"), which an adapter in front of any SMS provider
 * can offer:
 *
 *   POST <SMS_GATEWAY_URL>
 *   Authorization: Bearer <SMS_GATEWAY_TOKEN>        (when the token is set)
 *   Content-Type: application/json
 *   Idempotency-Key: <reference>
 *   { "to": "+4512345678", "text": "Husk dit møde i morgen kl. 10.00. Se mere i Min Vej: …", "reference": "<reference>" }
 *
 * Any 2xx answer means the gateway has taken the SMS; anything else (or no answer within 10 s)
 * is a failed attempt, tried again later. `reference` is the same on every attempt (a hash of the
 * outbox row's key, which names no person), so a gateway that keeps it sends an SMS once even when
 * an attempt's answer was lost. The portal reads nothing from the answer's body.
 *
 * Without SMS_GATEWAY_URL (development, the demo) each SMS is written as JSON to
 * `<DATA_DIR>/sms/`, as mail without SMTP_URL goes to `<DATA_DIR>/mail/`.
 */
export interface Sms {
  /** "+4512345678" (schema.ts normalisePhone). */
  to: string;
  text: string;
}

export interface StoredSms extends Sms {
  id: string;
  reference: string;
  sentAt: string;
}

/** A gateway's refusal: `code` is `SMS_<HTTP status>`, never the gateway's own words. */
export class SmsGatewayError extends Error {
  readonly code: string;
  constructor(status: number) {
    super(`SMS gateway answered ${status}`);
    this.name = "SmsGatewayError";
    this.code = `SMS_${status}`;
  }
}

/** Well below the worker's claim on a row (CLAIM_MS, 2 minutes). */
const TIMEOUT_MS = 10_000;

/** The reference a gateway sees: the outbox key's hash, the same on every attempt. */
export function smsReference(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}

export function smsDir(): string {
  return path.resolve(config().dataDir, "sms");
}

export async function sendSms(sms: Sms, options: { reference: string }): Promise<{ via: "gateway" | "file" }> {
  const url = config().smsGatewayUrl;
  if (url) {
    const token = config().smsGatewayToken;
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Idempotency-Key": options.reference,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ to: sms.to, text: sms.text, reference: options.reference }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    // Read and drop the body, so the connection can be reused; its content is not ours to log.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new SmsGatewayError(response.status);
    return { via: "gateway" };
  }
  const dir = smsDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const sentAt = new Date().toISOString();
  const id = `${sentAt.replace(/[^0-9]/g, "")}-${randomBytes(6).toString("hex")}`;
  const stored: StoredSms = { id, reference: options.reference, sentAt, ...sms };
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
  return { via: "file" };
}

/** The SMS written to the folder, newest first (development and the demo). */
export async function listStoredSms(limit = 50): Promise<StoredSms[]> {
  let names: string[];
  try {
    names = await readdir(smsDir());
  } catch {
    return [];
  }
  const files = names
    .filter((name) => /^[0-9]+-[0-9a-f]{12}\.json$/.test(name))
    .sort()
    .reverse()
    .slice(0, limit);
  const all = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(smsDir(), name), "utf8")) as StoredSms));
  return all;
}
