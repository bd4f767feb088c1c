// What an error may put in a log: its kind and where it happened, never what a person wrote.
//
// A failed write's error carries the SQL parameters (drizzle's "Failed query: ... params: Mette
// har angst ..."), and Postgres' own messages and details quote values ('Key (email)=(...)',
// 'invalid input syntax for type uuid: "..."'). So a database error is logged by its SQLSTATE
// code and the names of what it concerns; any other error by its type, code, stack frames and the
// start of its message (up to where it would quote anything), and without its message when a
// database error hides inside it.
//
// Two layers on purpose: this one keeps only the start of a message, and the logger scrubs every
// message again. The rules for text (e-mail addresses, long numbers, quoted values) are one
// function, `redactText` in server/log.js, used by both: add a rule there, never here.
import { log, redactText } from "./log.js";

const DATABASE_FIELDS = ["code", "severity", "routine", "constraint_name", "table_name", "column_name", "schema_name"];

/**
 * Fields some errors carry besides name, message and stack; neither is guaranteed, so each is
 * read as `unknown` and narrowed where it is used.
 * @typedef {{ code?: unknown, responseCode?: unknown }} ErrorFields
 */

/**
 * @param {unknown} error
 * @returns {Record<string, unknown>}
 */
export function describeError(error) {
  if (!(error instanceof Error)) return { kind: typeof error };
  const database = findDatabaseError(error);
  if (database) {
    /** @type {Record<string, unknown>} */
    const out = { kind: "database", type: error.name };
    for (const field of DATABASE_FIELDS) if (typeof database[field] === "string") out[field] = database[field];
    return { ...out, frames: framesOf(error) };
  }
  /** @type {Record<string, unknown>} */
  const out = { kind: "error", type: error.name, message: redactText(headline(error.message)), frames: framesOf(error) };
  // Node's system errors (ECONNREFUSED) carry `code`, nodemailer's SMTP errors `responseCode`.
  const { code, responseCode } = /** @type {ErrorFields} */ (error);
  if (typeof code === "string") out.code = code;
  if (typeof responseCode === "number") out.responseCode = responseCode;
  return out;
}

/**
 * The database error in an error or its causes (five deep at most), or null.
 * @param {Error} error
 * @returns {Record<string, unknown> | null}
 */
function findDatabaseError(error) {
  /** @type {unknown} */
  let current = error;
  for (let depth = 0; isObject(current) && depth < 5; current = current.cause, depth++) {
    if (current.name === "DrizzleQueryError" || /^Failed query:/.test(String(current.message ?? ""))) {
      return isObject(current.cause) ? current.cause : { code: "unknown" };
    }
    if (typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code) && ("severity" in current || "routine" in current)) {
      return current;
    }
  }
  return null;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null;
}

/**
 * What a message says before it starts quoting: its first line up to the first ":", "(" or "<".
 * Other people's errors append what they were given there (an SMTP server's reply with the
 * address and the name, a value that did not parse), in no form a pattern can catch.
 * @param {string} message
 */
function headline(message) {
  return (String(message).split(/[\n:(<]/, 1)[0] ?? "").trim().slice(0, 120);
}

/**
 * Stack frames only (file and line): the stack's first line repeats the message.
 * @param {Error} error
 * @returns {string[]}
 */
function framesOf(error) {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
}

/**
 * One JSON line through the logger (server/log.js).
 * @param {string} event what failed, in snake_case (`request_failed`)
 * @param {string | null | undefined} requestId the request's X-Request-Id, or null outside a request
 * @param {unknown} error
 */
export function logError(event, requestId, error) {
  log.error({ event, requestId: requestId ?? null, error: describeError(error) });
}
