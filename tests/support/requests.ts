import { RouterContextProvider } from "react-router";
import { signIn } from "~/lib/auth.server";
import { requestMiddleware } from "~/lib/request-middleware.server";
import { demoProvider } from "~/lib/auth/providers.server";

export const ORIGIN = "http://localhost:3000";

/**
 * Signs a demo person in through the real provider and returns the Cookie header value. Demo
 * sign-in stays on afterwards: a demo session only counts while it is on (every request checks
 * that the session's method is still enabled), so turning it off would sign the test out.
 */
export async function cookieFor(person: string): Promise<string> {
  process.env.DEMO_LOGIN = "1";
  const signedIn = await signIn(demoProvider, person, "test");
  if (!signedIn) throw new Error(`could not sign in ${person}`);
  return signedIn.setCookie.split(";")[0]!;
}

export function get(path: string, cookie?: string): Request {
  return new Request(ORIGIN + path, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, form: Record<string, string>, cookie?: string): Request {
  return new Request(ORIGIN + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form),
  });
}

/** Runs a loader or action and returns the Response it threw or returned (redirects and 404s are thrown). */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/**
 * The context React Router gives a loader or action for this request: the root's middleware run
 * on it (request id, who is signed in, language), as on the server.
 */
export async function contextFor(request: Request): Promise<RouterContextProvider> {
  const context = new RouterContextProvider();
  // As server.js does: every request carries an id.
  if (!request.headers.has("x-request-id")) request.headers.set("x-request-id", "test-request");
  for (const middleware of requestMiddleware) {
    await middleware({ request, context, params: {}, pattern: "/" } as never, async () => new Response());
  }
  return context;
}

/** The arguments React Router passes to a loader or action. */
export async function routeArgs(request: Request, params: Record<string, string> = {}) {
  return { request, params, context: await contextFor(request) } as never;
}
