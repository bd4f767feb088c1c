import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks (https://www.standardwebhooks.com): a delivery carries `webhook-id` (the same on
 * every attempt: the receiver drops a repeat), `webhook-timestamp` (seconds since 1970, of this
 * attempt) and `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`
 * with the client's secret (the bytes after `whsec_`). Used by the job worker to sign, and by the
 * example client and the tests to check.
 */

export function signWebhook(key: Buffer | Uint8Array, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** The key of a `whsec_…` secret. */
export function webhookKey(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ""), "base64");
}

/**
 * Whether a delivery is ours: one of the signatures in the header (space-separated, `v1,…`) is
 * right, and the timestamp is within `toleranceSeconds` of now (a replay of an old one is not).
 */
export function verifyWebhook(
  key: Buffer | Uint8Array,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
  options: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(key, id, seconds, body));
  return signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
