// Errors of the API for case systems (/api/v1, app/features/api) as RFC 9457 problem details
// (`application/problem+json`), for server.js (a request refused before the app: origin, body size,
// media type, a busy database, a crash) and the app alike. Every problem carries the request id as
// `correlationId` (also in the X-Request-Id header), so an integrator and our log find the same request.

/** Where the API lives. Everything under it answers in problem+json, never with an HTML page. */
export const API_PREFIX = "/api/v1/";

/** The reference page that describes each problem type (its `type` URI points at an anchor there). */
export const API_REFERENCE_PATH = "/api/v1/reference";

/**
 * Every problem type the API answers with: its status, a short title (the same for every
 * occurrence, RFC 9457 3.1.3) and when it happens (for the reference page).
 * @satisfies {Record<string, { status: number, title: string, when: string }>}
 */
export const PROBLEM_TYPES = {
  "invalid-request": {
    status: 400,
    title: "The request is not valid",
    when: "A query parameter or cursor is malformed or out of range, the body is not JSON, or a POST or PUT has no `Idempotency-Key`.",
  },
  unauthorized: { status: 401, title: "An access token is needed", when: "The request has no `Authorization: Bearer` header. A session cookie is never accepted." },
  "invalid-token": {
    status: 401,
    title: "The access token is not valid",
    when: "The token is malformed, expired, not yet valid, from another issuer, for another audience, or not signed by a configured key.",
  },
  "unknown-client": { status: 403, title: "The client is not registered", when: "The token is valid, but its client is not in API_CLIENTS_FILE." },
  "insufficient-scope": { status: 403, title: "The client lacks a scope", when: "The client (or its token) does not have the scope the operation needs." },
  "forbidden-origin": {
    status: 403,
    title: "The request came from a web page",
    when: "A request that changes something came without a bearer token and from another origin (the portal's cross-site check).",
  },
  "not-found": {
    status: 404,
    title: "Not found",
    when: "No such address, no such participant, or a participant of another municipality (the two cannot be told apart). Also every address while the API is off.",
  },
  "method-not-allowed": { status: 405, title: "The method is not allowed", when: "The address exists, but not for this method." },
  conflict: {
    status: 409,
    title: "The request conflicts with what is there",
    when: "What is there now does not allow it: a cancelled or held meeting, a CPR number already registered, a sub-goal with the participant's own marks, or a request with the same `Idempotency-Key` that has not finished.",
  },
  "precondition-failed": {
    status: 412,
    title: "The version has changed",
    when: "`If-Match` names a version that is no longer the current one (or there is nothing to match). Read it again (GET gives the `ETag`) and send your change on top of it.",
  },
  "invalid-body": {
    status: 422,
    title: "The request body is not valid",
    when: "The body does not fit its schema: a field is missing or wrong, a field is unknown (the participant's own fields, such as her own goal, her marks and comments, are never written), or an id in it is not one of this participant's.",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "The Idempotency-Key was used for another request",
    when: "The same `Idempotency-Key` came with another method, address, `If-Match` or body within 24 hours. Use a new key for a new request.",
  },
  "precondition-required": {
    status: 428,
    title: "If-Match is needed",
    when: "A change to something that exists (a plan, a meeting) needs `If-Match` with its `ETag`, so that no one's change is lost.",
  },
  "payload-too-large": { status: 413, title: "The request body is too large", when: "The body is larger than 64 KB." },
  "unsupported-media-type": { status: 415, title: "The request body has the wrong media type", when: "A body that is not `application/json`." },
  "too-many-requests": { status: 429, title: "Too many requests", when: "The client passed its rate limit (RATE_LIMIT_API). Wait the seconds of `Retry-After`." },
  "internal-error": { status: 500, title: "Something went wrong on our side", when: "An error in Min Vej. The correlation id finds it in our log." },
  "service-unavailable": { status: 503, title: "Min Vej is busy", when: "Every database connection is taken, or the token keys cannot be fetched. Try again after `Retry-After`." },
};

/** @typedef {keyof typeof PROBLEM_TYPES} ProblemType */

/**
 * @param {string} origin e.g. https://minvej.example.dk
 * @param {ProblemType} type
 */
export function problemTypeUri(origin, type) {
  return `${origin}${API_REFERENCE_PATH}#problem-${type}`;
}

/**
 * A problem as status, headers and JSON text.
 * @param {ProblemType} type
 * @param {{ origin: string, requestId: string, detail?: string, instance?: string, headers?: Record<string, string> }} options
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function problem(type, { origin, requestId, detail, instance, headers = {} }) {
  const { status, title } = PROBLEM_TYPES[type];
  const body = { type: problemTypeUri(origin, type), title, status, ...(detail ? { detail } : {}), ...(instance ? { instance } : {}), correlationId: requestId };
  return {
    status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/**
 * Whether a request's path (or its whole URL) is under the API, as the app will see it: dot
 * segments resolved, as `new URL` resolves them (`/api/v1/../x` is `/x`).
 * @param {string} pathOrUrl
 */
export function isApiPath(pathOrUrl) {
  let path;
  try {
    path = new URL(pathOrUrl, "http://localhost").pathname;
  } catch {
    return false;
  }
  return path === API_PREFIX.slice(0, -1) || path.startsWith(API_PREFIX);
}

/**
 * The origin problem type URIs are built on: PUBLIC_ORIGIN, else the request's own.
 * @param {import("express").Request} req
 * @param {string | undefined} publicOrigin
 */
export function originOfRequest(req, publicOrigin) {
  return publicOrigin ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
}

/**
 * For server.js: a request under /api/v1/ refused before it reaches the app.
 * @param {import("express").Response} res
 * @param {ProblemType} type
 * @param {{ origin: string, detail?: string, headers?: Record<string, string> }} options
 */
export function sendProblem(res, type, { origin, detail, headers }) {
  if (res.headersSent) {
    res.end();
    return;
  }
  const answer = problem(type, { origin, requestId: String(res.locals.requestId ?? ""), detail, headers });
  // setHeader, not Express's set/send: those would add "; charset=utf-8" to the media type.
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.status(answer.status).end(answer.body);
}
