import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type JWK, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID provider (oidc-provider) on a loopback port, for the caseworkers' sign-in: the
 * municipality's identity provider in the tests. Its own development login form signs in
 * whichever `sub` the test posts; `accounts` says which claims (roles) each one gets.
 *
 * The port can answer as more than one provider: `answerAs(other)` hands every request except
 * the keys (/jwks) to another instance, so a test can make the token endpoint answer with an
 * id_token from another issuer or signed with another key, while the portal's cached metadata
 * and keys still name the first.
 */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims per `sub`, beyond `sub` itself; a `sub` not listed signs in with none. */
  accounts: Map<string, Record<string, unknown>>;
  /** Every request the provider saw (method and path), e.g. to see that sign-out reached /session/end. */
  requests: string[];
  answerAs(other: { issuer?: string; newKey?: boolean } | null): void;
  /** Registers Min Vej's callback and post-logout URIs for this origin instead. */
  registerPortal(origin: string): void;
  stop(): Promise<void>;
}

interface ClientSettings {
  /** Where our portal is: its callback and post-logout URIs are registered for this origin. */
  portalOrigin: string;
  clientId: string;
  clientSecret: string;
}

const privateJwk = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }) as JWK;

function makeProvider(issuer: string, key: JWK, options: ClientSettings, accounts: Map<string, Record<string, unknown>>) {
  return new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        token_endpoint_auth_method: "client_secret_post",
        redirect_uris: [`${options.portalOrigin}/medarbejder/log-ind/retur`],
        post_logout_redirect_uris: [`${options.portalOrigin}/log-ind?logget-ud=1`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    // The role claim goes in the id_token, as Entra ID puts app roles there.
    claims: { openid: ["sub", "roles"] },
    conformIdTokenClaims: false,
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      return { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) };
    },
    // A first-party application: the municipality has consented for its staff (no consent page).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid");
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
}

/**
 * Starts the provider with Min Vej registered as a client for `portalOrigin`; a live server's
 * origin is known only once it runs, so `registerPortal` can name it later.
 */
export async function startTestOidcProvider(portalOrigin: string): Promise<TestOidcProvider> {
  const settings: ClientSettings = { portalOrigin, clientId: "minvej-test", clientSecret: "a-test-client-secret-0123456789" };
  const accounts = new Map<string, Record<string, unknown>>();
  const requests: string[] = [];
  const key = privateJwk();
  type Instance = { provider: Provider; handle: ReturnType<Provider["callback"]> };
  let main: Instance | null = null;
  let current: Instance | null = null;
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url?.split("?")[0]}`);
    void (req.url?.startsWith("/jwks") ? main : current)!.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const instance = (as: string, jwk: JWK): Instance => {
    const provider = makeProvider(as, jwk, settings, accounts);
    return { provider, handle: provider.callback() };
  };
  main = current = instance(issuer, key);
  return {
    issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    accounts,
    requests,
    registerPortal(origin) {
      settings.portalOrigin = origin;
      main = current = instance(issuer, key);
    },
    answerAs(other) {
      current = other ? instance(other.issuer ?? issuer, other.newKey ? privateJwk() : key) : main;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The environment that points the portal at this provider (server/config.js). */
export function caseworkerOidcEnv(provider: TestOidcProvider): Record<string, string> {
  return {
    CASEWORKER_OIDC_ISSUER: provider.issuer,
    CASEWORKER_OIDC_CLIENT_ID: provider.clientId,
    CASEWORKER_OIDC_CLIENT_SECRET: provider.clientSecret,
  };
}

/**
 * What a browser does at the provider: follows its redirects with a cookie jar and submits its
 * forms (the login form with `fields.login` as the `sub`, the sign-out confirmation), until it is
 * sent to a URL that `leaves` says is not the provider's. Returns that URL. `fields.abort` cancels
 * at the login form instead.
 */
export async function browseProvider(start: string, leaves: (url: string) => boolean, fields: Record<string, string> = {}): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    if (leaves(url)) return url;
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      redirect: "manual",
      headers: {
        Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value.join("=") === "") jar.delete(name!);
      else jar.set(name!, value.join("="));
    }
    const location = response.headers.get("Location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href;
      body = undefined;
      continue;
    }
    const html = await response.text();
    // "Cancel" at the login form: the provider answers our portal with error=access_denied.
    if (fields.abort && /^\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      url = `${url}/abort`;
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action) throw new Error(`the provider answered ${response.status} at ${url}: ${html.slice(0, 500)}`);
    body = new URLSearchParams(fields);
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) body.set(name!, value!);
    url = new URL(action.replaceAll("&amp;", "&"), url).href;
  }
  throw new Error(`the provider never sent the browser on (last at ${url})`);
}
