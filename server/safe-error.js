// What an error may put in a log: its kind and where it happened, never what a person wrote.
//
// A failed write's error carries the SQL parameters (drizzle's "Failed query: ... params: Mette
// har angst ..."), and Postgres' own messages and details quote values ('Key (email)=(...)',
// 'invalid input syntax for type uuid: "..."'). So a database error is logged by its SQLSTATE
// code and the names of what it concerns; any other error by its name and stack frames, without
// its message when a database error hides inside it.

const DATABASE_FIELDS = ["code", "severity", "routine", "constraint_name", "table_name", "column_name", "schema_name"];

/**
 * @param {unknown} error
 * @returns {Record<string, unknown>}
 */
export function describeError(error) {
  if (!(error instanceof Error)) return { kind: typeof error };
  const database = findDatabaseError(error);
  if (database) {
    const out = { kind: "database", name: error.name };
    for (const field of DATABASE_FIELDS) if (typeof database[field] === "string") out[field] = database[field];
    return { ...out, frames: framesOf(error) };
  }
  const out = { kind: "error", name: error.name, message: redact(firstLine(error.message)), frames: framesOf(error) };
  if (typeof error.code === "string") out.code = error.code;
  if (typeof error.responseCode === "number") out.responseCode = error.responseCode;
  return out;
}

/**
 * A message may still quote a value (an SMTP server's "550 <anna@example.dk>", a parser's
 * 'Unexpected token "Mette…"'): e-mail addresses, long numbers (CPR) and quoted text go.
 */
export function redact(message) {
  return message
    .replace(/[^\s<>"'@]+@[^\s<>"']+/g, "<e-mail>")
    .replace(/\d[\d -]{5,}\d/g, "<number>")
    .replace(/"[^"]*"|'[^']*'|«[^»]*»|»[^«]*«|“[^”]*”/g, "<text>");
}

function findDatabaseError(error) {
  for (let current = error, depth = 0; current && depth < 5; current = current.cause, depth++) {
    if (current.name === "DrizzleQueryError" || /^Failed query:/.test(current.message ?? "")) {
      return current.cause && typeof current.cause === "object" ? current.cause : { code: "unknown" };
    }
    if (typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code) && ("severity" in current || "routine" in current)) {
      return current;
    }
  }
  return null;
}

function firstLine(message) {
  return String(message).split("\n", 1)[0].slice(0, 200);
}

/** Stack frames only (file and line): the stack's first line repeats the message. */
function framesOf(error) {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
}

/** One JSON line on stderr. */
export function logError(event, requestId, error) {
  console.error(JSON.stringify({ level: "error", event, requestId: requestId ?? null, error: describeError(error) }));
}
