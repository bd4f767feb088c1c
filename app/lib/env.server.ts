import { config } from "../../server/config.js";

/**
 * The app's view of the configuration (server/config.js: one schema, checked once at start).
 * `config()` is read on each use of a getter, so the few settings tests switch while running
 * (DEMO, DATA_DIR, SMTP_URL) follow them.
 */
export const env = {
  get production() {
    return config().production;
  },
  /** The demo sign-in that lists seeded people: DEMO=1 (or DEMO_LOGIN=1). Off otherwise; read on every use. */
  get demoLogin() {
    return config().demo;
  },
  /** Session cookies and the other signed cookies: the first secret signs, every one verifies. */
  get sessionSecrets() {
    return config().sessionSecrets;
  },
  /** Secure, `__Host-` cookies whenever served in production mode. */
  get secureCookies() {
    return config().production;
  },
  /** NemLog-in (or the test identity provider): null when not configured. */
  get nemLogIn() {
    return config().nemLogIn;
  },
  /** The caseworkers' OpenID Connect provider: null when not configured. */
  get caseworkerOidc() {
    return config().caseworkerOidc;
  },
  /** The address people use (PUBLIC_ORIGIN), without a trailing slash, when set. */
  get publicOrigin() {
    return config().publicOrigin;
  },
};

/** The origin for links people follow later (mail, calendar files): PUBLIC_ORIGIN, else this request's. */
export function publicOrigin(request: Request): string {
  return env.publicOrigin ?? new URL(request.url).origin;
}
