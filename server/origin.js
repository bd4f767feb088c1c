// Cross-site request forgery defence for every non-GET request, resource routes included.
// React Router's own check lets requests without an Origin header through; this one decides.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Where another site's page posts by design: NemLog-in's answer comes to the assertion consumer
 * from NemLog-in's page. What protects it is the answer's own signature, audience, recipient and
 * single-use request id (app/features/account/nemlogin), not the origin, and it changes nothing
 * for a session the browser already has.
 */
const CROSS_SITE_POST_PATHS = new Set(["/saml/acs"]);

/**
 * The API for case systems (issue 20): systems send no Origin, and they prove who they are with an
 * access token in `Authorization: Bearer`, never with a cookie (server.js drops every cookie under
 * /api/v1/). A forged page cannot make a browser add that header, so the bearer token, checked by
 * the API itself, protects these requests instead of the origin. Without one, the usual check applies.
 */
const API_PREFIX = "/api/v1/";

/**
 * @param {{method: string, path?: string, origin?: string, referer?: string, secFetchSite?: string,
 *          host?: string, protocol: string, publicOrigin?: string, authorization?: string}} request
 * @returns {{ok: true, crossSiteByDesign?: true, bearer?: true} | {ok: false, reason: string}}
 */
export function checkOrigin(request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  if (isUnderApi(request.path) && /^Bearer +\S/i.test(request.authorization ?? "")) return { ok: true, bearer: true };
  if (request.method.toUpperCase() === "POST" && request.path && CROSS_SITE_POST_PATHS.has(request.path)) return { ok: true, crossSiteByDesign: true };

  const expected = request.publicOrigin || (request.host ? `${request.protocol}://${request.host}` : undefined);
  if (!expected) return { ok: false, reason: "no host" };

  if (request.secFetchSite && request.secFetchSite !== "same-origin" && request.secFetchSite !== "none") {
    return { ok: false, reason: "cross-site" };
  }

  const claimed = request.origin && request.origin !== "null" ? request.origin : originOf(request.referer);
  // A browser always sends Origin (or at least Referer) on a form POST. A request with
  // neither comes from a script or an old proxy: refuse it rather than guess.
  if (!claimed) return { ok: false, reason: "origin missing" };
  if (claimed !== new URL(expected).origin) return { ok: false, reason: "foreign origin" };
  return { ok: true };
}

/**
 * Whether the path, as the app will see it (dot segments resolved, as `new URL` does: `/api/v1/../x`
 * is `/x`), is under the API.
 * @param {string | undefined} path
 */
function isUnderApi(path) {
  if (!path) return false;
  try {
    return new URL(path, "http://localhost").pathname.startsWith(API_PREFIX);
  } catch {
    return false;
  }
}

/**
 * @param {string | undefined} url
 * @returns {string | undefined}
 */
function originOf(url) {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
