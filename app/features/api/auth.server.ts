import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { ApiClient, ApiClients, ApiScope } from "../../../server/api-clients.js";
import type { Municipality } from "../../../server/municipalities.js";
import type { ProblemType } from "../../../server/problem.js";
import { municipalities } from "~/lib/municipality.server";

/**
 * Who calls the API: a case system with an OAuth 2.0 client-credentials access token, a JWT
 * (RFC 9068) signed by the municipality's identity provider. The token is checked here with jose
 * against the configured keys (API_CLIENTS_FILE): signature, issuer, audience, expiry. Its client
 * (`client_id`, else `sub`) must be one of the file's clients; its municipality and scopes come from
 * the file, never from the token, so a token cannot widen what its client may do. A token's own
 * `scope` (or `scp`) can only narrow it.
 */
export interface ApiCaller {
  client: ApiClient;
  municipality: Municipality;
  /** The file's first municipality: its participants include those stored without one. */
  defaultMunicipality: Municipality;
  scopes: ReadonlySet<ApiScope>;
}

export type Authentication =
  | { ok: true; caller: ApiCaller }
  | {
      ok: false;
      problem: Extract<ProblemType, "unauthorized" | "invalid-token" | "unknown-client" | "service-unavailable">;
      detail: string;
      /** For the log, when the fault is ours or the issuer's (service-unavailable). */
      error?: unknown;
    };

/** How far the clocks of the identity provider and Min Vej may differ. */
const CLOCK_TOLERANCE_SECONDS = 30;

const keySets = new WeakMap<ApiClients, JWTVerifyGetKey>();

function keysOf(settings: ApiClients): JWTVerifyGetKey {
  let keys = keySets.get(settings);
  if (!keys) {
    keys =
      settings.jwks.kind === "keys"
        ? createLocalJWKSet({ keys: settings.jwks.keys as never })
        : // Fetched on first use and again when a token names a key it does not know (key rotation), at most every 30 s.
          createRemoteJWKSet(new URL(settings.jwks.url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    keySets.set(settings, keys);
  }
  return keys;
}

/** The bearer token of an `Authorization` header, or why there is none. */
function bearerOf(request: Request): { token: string } | { missing: true } | { malformed: true } {
  const header = request.headers.get("authorization");
  if (!header) return { missing: true };
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match) return /^Bearer\b/i.test(header) ? { malformed: true } : { missing: true };
  return { token: match[1]! };
}

export async function authenticate(request: Request, settings: ApiClients): Promise<Authentication> {
  const bearer = bearerOf(request);
  if ("missing" in bearer) return { ok: false, problem: "unauthorized", detail: "Send an access token as Authorization: Bearer <token>." };
  if ("malformed" in bearer) return { ok: false, problem: "invalid-token", detail: "The Authorization header is not a bearer token." };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(bearer.token, keysOf(settings), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: settings.algorithms,
      requiredClaims: ["exp"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return refusalOf(error);
  }
  const clientId = typeof payload.client_id === "string" ? payload.client_id : payload.sub;
  const client = settings.clients.find((entry) => entry.clientId === clientId);
  if (!client) return { ok: false, problem: "unknown-client", detail: "The token's client is not registered for this API." };
  const all = municipalities();
  const municipality = all.find((entry) => entry.id === client.municipality);
  // Checked at start (server/api-clients.js); a file changed under a running process fails closed.
  if (!municipality) return { ok: false, problem: "unknown-client", detail: "The client's municipality is not served by this portal." };
  return { ok: true, caller: { client, municipality, defaultMunicipality: all[0]!, scopes: grantedScopes(client, payload) } };
}

/** The client's scopes, narrowed to the token's own when it names any. */
function grantedScopes(client: ApiClient, payload: JWTPayload): ReadonlySet<ApiScope> {
  const claimed = payload.scope ?? payload.scp;
  const fromToken =
    typeof claimed === "string" ? claimed.split(/\s+/).filter(Boolean) : Array.isArray(claimed) ? claimed.filter((s): s is string => typeof s === "string") : null;
  return new Set(fromToken ? client.scopes.filter((scope) => fromToken.includes(scope)) : client.scopes);
}

/** What a failed check tells the client (RFC 6750 `error_description`): which check, never the token. */
function refusalOf(error: unknown): Authentication {
  const invalid = (detail: string): Authentication => ({ ok: false, problem: "invalid-token", detail });
  if (error instanceof errors.JWTExpired) return invalid("The access token has expired.");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return invalid("The access token is from another issuer.");
    if (error.claim === "aud") return invalid("The access token is for another audience.");
    if (error.claim === "nbf" || error.claim === "iat") return invalid("The access token is not valid yet.");
    if (error.claim === "exp") return invalid("The access token has no expiry (exp).");
    return invalid("The access token's claims are not valid.");
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return invalid("The access token is signed with an algorithm this API does not accept.");
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return invalid("The access token is not signed by a key of the configured issuer.");
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return invalid("The access token is malformed.");
  }
  // Anything else is not about the token: the issuer's keys could not be fetched or read (a
  // timeout, a 404, not a JWKS), or a fault of ours. The client should try again, not give up.
  return { ok: false, problem: "service-unavailable", detail: "The token keys could not be read. Try again in a moment.", error };
}
