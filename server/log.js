// The one logger: JSON lines (pino) on stdout, never personal data. What may go in a line is a
// request id, a route pattern, a status, a duration, an error's kind (server/safe-error.js).
//
// Two nets under that rule, for a line someone writes carelessly later: fields whose names say
// they hold secrets, people or what a person typed are censored wherever they sit (top level or
// one object down, and in headers), and the message text loses e-mail addresses, long numbers
// (CPR, phone) and quoted text.
import pino from "pino";

/** Field names whose values never reach a log line. */
const SENSITIVE_FIELDS = [
  // identity and secrets
  "cpr",
  "token",
  "password",
  "secret",
  "cookie",
  "cookies",
  "authorization",
  "session",
  "sessionId",
  // people
  "email",
  "phone",
  "name",
  "firstName",
  "lastName",
  "address",
  // what a person typed, or a whole form
  "text",
  "body",
  "rawBody",
  "note",
  "question",
  "answer",
  "comment",
  "description",
  "form",
  "formData",
  "fields",
  "payload",
  "values",
  "params",
  "query",
];

const HEADER_PATHS = ["cookie", "authorization", '["set-cookie"]', '["x-csrf-token"]'].flatMap((header) => {
  const key = header.startsWith("[") ? header : `.${header}`;
  return [`headers${key}`, `req.headers${key}`, `res.headers${key}`, `*.headers${key}`];
});

export const REDACT_PATHS = [...SENSITIVE_FIELDS.flatMap((field) => [field, `*.${field}`]), ...HEADER_PATHS];

/**
 * A message may still quote a value (an SMTP server's "550 <anna@example.dk>", a parser's
 * 'Unexpected token "Mette…"'): e-mail addresses, long numbers (CPR) and quoted text go.
 * @param {string} message
 * @returns {string}
 */
export function redactText(message) {
  return message
    .replace(/[^\s<>"'@]+@[^\s<>"']+/g, "<e-mail>")
    .replace(/\d[\d -]{5,}\d/g, "<number>")
    .replace(/"[^"]*"|'[^']*'|«[^»]*»|»[^«]*«|“[^”]*”/g, "<text>");
}

/**
 * LOG_LEVEL, read here and not through server/config.js: the logger exists before the settings
 * are checked. An unknown level falls back, and the settings check then stops the start with a
 * clear message instead of pino throwing while modules load.
 */
function level() {
  const wanted = process.env.LOG_LEVEL;
  if (wanted && (wanted === "silent" || wanted in pino.levels.values)) return wanted;
  return process.env.NODE_ENV === "test" ? "warn" : "info";
}

/**
 * The portal's logger on any destination (tests give it a stream they read).
 * @param {import("pino").DestinationStream} [destination] stdout unless given
 */
export function createLogger(destination) {
  return pino(
    {
      level: level(),
      base: { service: "min-vej" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          const scrubbed = /** @type {typeof args} */ (args.map((arg) => (typeof arg === "string" ? redactText(arg) : arg)));
          return method.apply(this, scrubbed);
        },
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

export const log = createLogger();
