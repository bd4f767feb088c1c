import { Buffer } from "node:buffer";

// Every request body is read here, once, within limits, before any of the app parses it.
//
// A form post is small: the longest form (a preparation part) is a few kilobytes of text. A body
// that is large, has thousands of fields, is not a form, or carries NUL bytes is refused with a
// 4xx before parsing, so that no single request can fill the heap or block the event loop.

/** Bytes in one request body. The longest real form is about 30 KB of Danish text, encoded. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Fields in one form post. The form with the most fields (a relative's terms) has about 40. */
export const MAX_FIELDS = 200;
/** The longest list a form posts is 12 tasks (`tasks[11]`): an index above this is never ours. */
export const MAX_FIELD_INDEX = 99;
/**
 * Our field names nest one step at most (`tasks[3]`, `validUntil.day`, `seen.about`). Deeper names
 * make conform build (and echo) a structure per level, so they are refused before parsing.
 */
const MAX_NESTING = 1;

const FORM_TYPE = "application/x-www-form-urlencoded";
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** @typedef {import("./refusal.js").RefusalStatus} RefusalStatus */
/** @typedef {(res: import("express").Response, status: RefusalStatus, reason: string) => void} Refuse */
/**
 * A request after this middleware: `rawBody` holds the body of a POST/PUT/PATCH/DELETE (from
 * Buffer.concat, so backed by an ArrayBuffer, which a fetch Request accepts as its body).
 * @typedef {import("express").Request & { rawBody?: Buffer<ArrayBuffer> }} GuardedRequest
 */

/**
 * Checks a form body as text. Returns null when it is acceptable, else the status and reason.
 * @param {string} body
 * @returns {{status: 400, reason: string} | null}
 */
export function checkFormBody(body) {
  if (body.length === 0) return null;
  if (body.includes("\0") || /%00/i.test(body)) return { status: 400, reason: "nul" };
  let fields = 0;
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    if (++fields > MAX_FIELDS) return { status: 400, reason: "fields" };
    const name = decodeName(pair.split("=", 1)[0] ?? "");
    if (name === null) return { status: 400, reason: "encoding" };
    if ((name.match(/[[.]/g)?.length ?? 0) > MAX_NESTING) return { status: 400, reason: "nesting" };
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      const index = match[1] ?? "";
      if (index.length > 2 || Number(index) > MAX_FIELD_INDEX) return { status: 400, reason: "index" };
    }
  }
  return null;
}

/**
 * @param {string} raw
 * @returns {string | null}
 */
function decodeName(raw) {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/**
 * The media type of a Content-Type header, lower case, without parameters.
 * @param {string | undefined} header
 */
function mediaType(header) {
  return ((header ?? "").split(";", 1)[0] ?? "").trim().toLowerCase();
}

/**
 * JSON: `application/json` or a `+json` type. Only where `takesJson` says so (the API for case
 * systems, issue 20); everywhere else a body is a form.
 * @param {string} type
 */
const isJson = (type) => type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);

/**
 * Express middleware: refuses an address with a NUL byte; reads the body of POST/PUT/PATCH/DELETE into `req.rawBody` (a Buffer),
 * or answers 413, 415 or 400 with a calm page. Where `takesJson(req)` is true (the API), the body
 * must be JSON instead of a form, within the same size.
 * @param {{ refuse: Refuse, takesJson?: (req: import("express").Request) => boolean }} options
 * @returns {(req: GuardedRequest, res: import("express").Response, next: import("express").NextFunction) => void}
 */
export function bodyGuard({ refuse, takesJson = () => false }) {
  return (req, res, next) => {
    // A NUL byte never belongs in an address either (Postgres refuses it in text).
    if (/%00|\0/i.test(req.originalUrl)) return refuseAndDrain(req, res, refuse, 400, "nul");
    if (!METHODS_WITH_BODY.has(req.method)) return next();
    const json = takesJson(req);
    const acceptable = json ? isJson : (/** @type {string} */ type) => type === FORM_TYPE;
    const declared = Number(req.get("content-length") ?? NaN);
    if (declared > MAX_BODY_BYTES) return refuseAndDrain(req, res, refuse, 413, "size");
    const hasBody = declared > 0 || req.get("transfer-encoding") !== undefined;
    if (hasBody && !acceptable(mediaType(req.get("content-type")))) {
      return refuseAndDrain(req, res, refuse, 415, "content-type");
    }

    /** @type {Buffer[]} */
    const chunks = [];
    let received = 0;
    let done = false;
    /** @param {Error} [error] */
    const finish = (error) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      if (error) return next(error);
      const body = Buffer.concat(chunks, received);
      const text = body.toString("utf8");
      if (received > 0 && !acceptable(mediaType(req.get("content-type")))) {
        return refuse(res, 415, "content-type");
      }
      const problem = json ? (text.includes("\0") ? { status: /** @type {const} */ (400), reason: "nul" } : null) : checkFormBody(text);
      if (problem) return refuse(res, problem.status, problem.reason);
      req.rawBody = body;
      next();
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) {
        done = true;
        req.off("data", onData);
        req.resume();
        refuse(res, 413, "size");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    /** @param {Error} error */
    const onError = (error) => finish(error);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

/**
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @param {Refuse} refuse
 * @param {RefusalStatus} status
 * @param {string} reason
 */
function refuseAndDrain(req, res, refuse, status, reason) {
  // Answer at once; read and drop the rest so the connection can close cleanly.
  req.resume();
  refuse(res, status, reason);
}
