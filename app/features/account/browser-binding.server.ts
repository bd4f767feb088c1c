import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "react-router";
import { env } from "~/lib/env.server";

/**
 * Login CSRF: a sign-in counts only in the browser that started it. Starting one sets a random
 * value in a short-lived cookie and stores its hash with the request (portal.sign_in_requests);
 * the answer (NemLog-in's POST, the OpenID callback) must come with the same cookie. Without
 * this, someone could start a sign-in as themselves and send the answer to another person's
 * browser, which would then write into their account.
 *
 * NemLog-in's answer is a cross-site POST, so in production its cookie is `SameSite=None`
 * (Secure); the OpenID callback is a top-level GET, so `Lax` is enough there.
 */
export type SignInKind = "mitid" | "kommune";

const cookies = new Map<SignInKind, ReturnType<typeof createCookie>>();

function cookieFor(kind: SignInKind) {
  let cookie = cookies.get(kind);
  if (!cookie) {
    const name = `minvej_signin_${kind}`;
    cookie = createCookie(env.secureCookies ? `__Host-${name}` : name, {
      path: "/",
      httpOnly: true,
      secure: env.secureCookies,
      sameSite: kind === "mitid" && env.secureCookies ? "none" : "lax",
      secrets: env.sessionSecrets,
      maxAge: 15 * 60,
    });
    cookies.set(kind, cookie);
  }
  return cookie;
}

const hash = (value: string) => createHash("sha256").update(value).digest("hex");

/** A fresh binding: its hash for the request row, and the cookie that carries it. */
export async function newBrowserBinding(kind: SignInKind): Promise<{ hash: string; setCookie: string }> {
  const value = randomBytes(32).toString("base64url");
  return { hash: hash(value), setCookie: await cookieFor(kind).serialize(value) };
}

/** The hash of the binding this request's browser carries, or null. */
export async function browserBindingOf(request: Request, kind: SignInKind): Promise<string | null> {
  const value: unknown = await cookieFor(kind).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? hash(value) : null;
}

/** Clears the binding cookie once the answer has been read. */
export function clearBrowserBinding(kind: SignInKind): Promise<string> {
  return cookieFor(kind).serialize("", { maxAge: 0 });
}
