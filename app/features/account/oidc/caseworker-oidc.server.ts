import { eq } from "drizzle-orm";
import * as client from "openid-client";
import type { Logger } from "pino";
import { actAs, db } from "../../../../db/client";
import { signInRequests } from "../../../../db/schema/account";
import { persons } from "../../../../db/schema/people";
import { browserBindingOf, newBrowserBinding } from "../browser-binding.server";
import { takeSignInRequest } from "../sign-in-requests.server";
import { recordAudit } from "~/lib/audit.server";
import { startSignedInSession } from "~/lib/auth.server";
import { caseworkerProvider } from "~/lib/auth/providers.server";
import { env, publicOrigin } from "~/lib/env.server";
import type { Problem } from "./CaseworkerSignInProblem";

/**
 * Caseworkers sign in at the municipality's own identity provider (OpenID Connect, authorization
 * code flow with PKCE S256, state and nonce). The provider's role claim says only that someone
 * may be a caseworker; the portal's own data says who they are (portal.identities, provider
 * "kommune", subject = the id_token's `sub`), that they are a caseworker, and whom they see.
 */

type Settings = NonNullable<typeof env.caseworkerOidc>;

export const CALLBACK_PATH = "/medarbejder/log-ind/retur";
const POST_LOGOUT_PATH = "/log-ind?logget-ud=1";
const REQUEST_LIFETIME_MS = 10 * 60 * 1000;
const AFTER_SIGN_IN = "/sagsbehandler";

/** Why a caseworker sign-in was refused. The log and the audit row name it; the page explains it. */
export type Refusal =
  | "no_role"
  | "unknown_subject"
  | "not_caseworker"
  | "bad_state"
  | "other_browser"
  | "access_denied"
  | "provider_error"
  | "id_token_invalid"
  | "unavailable";

/** The page a refusal shows (one explanation for several causes) and its status. */
export const problemOf: Record<Refusal, { problem: Problem; status: number }> = {
  no_role: { problem: "noRole", status: 403 },
  unknown_subject: { problem: "notRegistered", status: 403 },
  not_caseworker: { problem: "notRegistered", status: 403 },
  access_denied: { problem: "cancelled", status: 403 },
  bad_state: { problem: "tryAgain", status: 400 },
  other_browser: { problem: "tryAgain", status: 400 },
  provider_error: { problem: "tryAgain", status: 400 },
  id_token_invalid: { problem: "tryAgain", status: 400 },
  unavailable: { problem: "unavailable", status: 503 },
};

// One discovery per issuer and client for the life of the process; a failed one is not kept.
const configurations = new Map<string, Promise<client.Configuration>>();

function configurationFor(settings: Settings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    pending = discover(settings);
    pending.catch(() => configurations.delete(key));
    configurations.set(key, pending);
  }
  return pending;
}

async function discover(settings: Settings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (the tests' provider); anything else is https.
  const loopback = issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
  const configuration = await client.discovery(
    issuer,
    settings.clientId,
    settings.clientSecret,
    settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
    // The id_token's signature is checked against the provider's published keys, not only trusted
    // because it came over TLS from the token endpoint (openid-client's default).
    { execute: [client.enableNonRepudiationChecks, ...(loopback ? [client.allowInsecureRequests] : [])], timeout: 10 },
  );
  configuration.timeout = 10;
  return configuration;
}

/** The settings and the provider's metadata, or null (logged) when it cannot be reached. */
async function connect(log: Logger): Promise<client.Configuration | null> {
  const settings = env.caseworkerOidc;
  if (!settings) return null;
  try {
    return await configurationFor(settings);
  } catch (error) {
    // The issuer is configuration, not personal data: the operator needs it to find the fault.
    log.error(
      { event: "caseworker_oidc_unreachable", issuer: settings.issuer, errorKind: errorKind(error) },
      "the caseworkers' identity provider could not be reached (OpenID discovery failed)",
    );
    return null;
  }
}

function errorKind(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) return error.error;
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return error instanceof Error ? error.name : "unknown";
}

/**
 * Where to send the browser to sign in: the provider's authorization URL and the cookie that binds
 * the sign-in to this browser (browser-binding.server.ts), or null when the provider is unreachable.
 */
export async function startCaseworkerSignIn(request: Request, log: Logger): Promise<{ url: URL; setCookie: string } | null> {
  const configuration = await connect(log);
  if (!configuration) return null;
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const binding = await newBrowserBinding("kommune");
  const database = await db();
  await database.insert(signInRequests).values({
    id: state,
    provider: caseworkerProvider.id,
    purpose: "sign_in",
    returnTo: AFTER_SIGN_IN,
    codeVerifier,
    nonce,
    browserBinding: binding.hash,
    expiresAt: new Date(Date.now() + REQUEST_LIFETIME_MS),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: publicOrigin(request) + CALLBACK_PATH,
    scope: "openid",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, setCookie: binding.setCookie };
}

export type CallbackResult =
  | { signedIn: true; setCookie: string; preferredLanguage: "da" | "en"; returnTo: string }
  | { signedIn: false; refusal: Refusal };

/**
 * The provider's answer at CALLBACK_PATH. The `state` must name a request this portal started
 * and has not used (it is deleted here, whatever happens next), in this browser (its binding
 * cookie: login CSRF); then openid-client checks the code exchange (PKCE), the id_token's
 * signature, issuer, audience, expiry and nonce.
 */
export async function finishCaseworkerSignIn(request: Request, requestId: string, log: Logger): Promise<CallbackResult> {
  const refuse = async (refusal: Refusal, personId: string | null = null, error?: unknown): Promise<CallbackResult> => {
    log.warn(
      { event: "sign_in_refused", provider: caseworkerProvider.id, reason: refusal, ...(error ? { errorKind: errorKind(error) } : {}) },
      "caseworker sign-in refused",
    );
    if (personId) {
      await recordAudit(await db(), {
        actorPersonId: personId,
        action: "session.sign_in_refused",
        details: { provider: caseworkerProvider.id, reason: refusal },
        requestId,
      });
    }
    return { signedIn: false, refusal };
  };

  const url = new URL(request.url);
  const pending = await takeSignInRequest(caseworkerProvider.id, url.searchParams.get("state"));
  if (!pending) return refuse("bad_state");
  // Checked after the request is used up: an answer opened in another browser burns it too.
  if (!pending.browserBinding || pending.browserBinding !== (await browserBindingOf(request, "kommune"))) return refuse("other_browser");
  if (url.searchParams.has("error")) {
    return refuse(url.searchParams.get("error") === "access_denied" ? "access_denied" : "provider_error");
  }
  const configuration = await connect(log);
  const settings = env.caseworkerOidc;
  if (!configuration || !settings) return refuse("unavailable");

  let claims: client.IDToken;
  let idToken: string;
  try {
    // The redirect_uri sent with the code is this URL without its query: the public one, as in the request.
    const answer = new URL(publicOrigin(request) + CALLBACK_PATH + url.search);
    const tokens = await client.authorizationCodeGrant(configuration, answer, {
      pkceCodeVerifier: pending.codeVerifier ?? "",
      expectedState: pending.id,
      expectedNonce: pending.nonce ?? "",
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    idToken = tokens.id_token!;
  } catch (error) {
    if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) return refuse("provider_error", null, error);
    if (error instanceof client.ClientError) return refuse("id_token_invalid", null, error);
    return refuse("unavailable", null, error);
  }

  const personId = await caseworkerProvider.resolvePerson(claims.sub);
  if (!personId) return refuse("unknown_subject");
  if (!hasRole(claims[settings.roleClaim], settings.role)) return refuse("no_role", personId);
  if (!(await isCaseworker(personId))) return refuse("not_caseworker", personId);

  const session = await startSignedInSession(personId, caseworkerProvider.id, requestId, { providerSession: { idToken } });
  log.info({ event: "signed_in", provider: caseworkerProvider.id }, "caseworker signed in");
  return { signedIn: true, ...session, returnTo: pending.returnTo ?? AFTER_SIGN_IN };
}

/** The configured role is in the claim: one of an array of strings, or the string itself. */
export function hasRole(claim: unknown, role: string): boolean {
  if (Array.isArray(claim)) return claim.includes(role);
  return claim === role;
}

async function isCaseworker(personId: string): Promise<boolean> {
  await actAs(personId);
  const database = await db();
  const [row] = await database.select({ isCaseworker: persons.isCaseworker }).from(persons).where(eq(persons.id, personId));
  return row?.isCaseworker === true;
}

/**
 * Sign-out of a caseworker session: the provider's end_session_endpoint with the id_token as a
 * hint and our sign-in page as the way back, or null when the provider has none (or is unreachable).
 */
export async function caseworkerSignOutUrl(providerSession: Record<string, string> | null, request: Request, log: Logger): Promise<string | null> {
  const idToken = providerSession?.idToken;
  if (!idToken) return null;
  const configuration = await connect(log);
  if (!configuration?.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: publicOrigin(request) + POST_LOGOUT_PATH })
    .toString();
}
