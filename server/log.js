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

const SENSITIVE = new Set(SENSITIVE_FIELDS);
/** Headers whose values never reach a log line, in a `headers` object at the top or one object down. */
const SENSITIVE_HEADERS = new Set(["cookie", "authorization", "set-cookie", "x-csrf-token"]);
const CENSOR = "[redacted]";

/**
 * An object whose fields are looked at (an error's too); not a list or a buffer.
 * @param {unknown} value @returns {value is Record<string, unknown>}
 */
function hasFields(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/**
 * A copy to censor in: every own property as a plain value that may be replaced (a getter read
 * once, a frozen object's fields too), on the same prototype, so an error keeps its type, message
 * and stack for pino's `err`.
 * @param {Record<string, unknown>} object
 */
function copyOf(object) {
  const copy = /** @type {Record<string, unknown>} */ (Object.create(Object.getPrototypeOf(object)));
  for (const key of Reflect.ownKeys(object)) {
    const enumerable = Object.getOwnPropertyDescriptor(object, key)?.enumerable ?? false;
    setField(copy, key, /** @type {Record<string | symbol, unknown>} */ (object)[key], enumerable);
  }
  return copy;
}

/**
 * Defined, not assigned: an assignment would call a setter of the prototype's (or throw where it
 * has only a getter, as a fetch Request's `body`).
 * @param {Record<string | symbol, unknown>} object @param {string | symbol} key @param {unknown} value
 */
function setField(object, key, value, enumerable = true) {
  Object.defineProperty(object, key, { value, writable: true, configurable: true, enumerable });
}

/**
 * A copy of `object` with `censorKey`'s keys censored, or `object` itself when none is there
 * (the usual line: nothing is copied).
 * @param {Record<string, unknown>} object
 * @param {(key: string, value: unknown) => unknown} censorKey the value to write instead, or the value itself
 */
function replaced(object, censorKey) {
  /** @type {Record<string, unknown> | null} */
  let copy = null;
  for (const key in object) {
    const value = object[key];
    const kept = censorKey(key, value);
    if (kept !== value) {
      copy ??= copyOf(object);
      setField(copy, key, kept);
    }
  }
  return copy ?? object;
}

/** @param {Record<string, unknown>} headers */
const censoredHeaders = (headers) => replaced(headers, (name, value) => (SENSITIVE_HEADERS.has(name.toLowerCase()) ? CENSOR : value));

/**
 * One object down: its sensitive fields, and the sensitive headers of its `headers`.
 * @param {Record<string, unknown>} object
 */
const censoredOneDown = (object) =>
  replaced(object, (key, value) => (SENSITIVE.has(key) ? CENSOR : key === "headers" && hasFields(value) ? censoredHeaders(value) : value));

/**
 * A line's fields as they are written: a field named in SENSITIVE_FIELDS is censored at the top
 * and one object down, and sensitive headers in `headers`, `req.headers`, `<any>.headers`. What
 * the caller passed is never changed. (pino's own `redact` did this by 80 paths, walked and
 * parsed again for every line: a tenth of a page's memory.)
 * @param {Record<string, unknown>} fields
 */
export function censored(fields) {
  try {
    return replaced(fields, (key, value) => {
      if (SENSITIVE.has(key)) return CENSOR;
      if (!hasFields(value)) return value;
      return key === "headers" ? censoredOneDown(censoredHeaders(value)) : censoredOneDown(value);
    });
  } catch {
    // A getter that throws, say: the line keeps none of its fields rather than risk one.
    return { censorFailed: true };
  }
}

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
  const logger = pino(
    {
      level: level(),
      base: { service: "min-vej" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: censored },
      hooks: {
        logMethod(args, method) {
          // The message and its %s/%j/%o arguments (the first object is the line's fields, censored above).
          const scrubbed = /** @type {typeof args} */ (
            args.map((arg, index) => (typeof arg === "string" ? redactText(arg) : index > 0 && hasFields(arg) ? censored(arg) : arg))
          );
          return method.apply(this, scrubbed);
        },
      },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
  // pino applies formatters.log to each line's own fields, never to a child logger's bindings:
  // those are censored when the child is made (a child's children inherit this).
  const makeChild = /** @type {(this: unknown, bindings: import("pino").Bindings, options?: object) => unknown} */ (/** @type {unknown} */ (logger.child));
  /** @type {(this: unknown, bindings: import("pino").Bindings, options?: object) => unknown} */
  const censoringChild = function (bindings, options) {
    return makeChild.call(this, censored(bindings), options);
  };
  logger.child = /** @type {typeof logger.child} */ (/** @type {unknown} */ (censoringChild));
  return logger;
}

export const log = createLogger();
