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
  return { kind: "error", name: error.name, message: firstLine(error.message), frames: framesOf(error) };
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
