import { data, redirect } from "react-router";
import type { Route } from "./+types/caseworker-sign-in";
import { problemOf, startCaseworkerSignIn } from "../oidc/caseworker-oidc.server";
import { CaseworkerSignInProblem } from "../oidc/CaseworkerSignInProblem";
import { caseworkerProvider } from "~/lib/auth/providers.server";
import { clientAddressOf, limitResource } from "~/lib/rate-limit.server";
import { loggerOf } from "~/lib/request.server";

/** Each visit starts a sign-in (a row in portal.sign_in_requests): limited like the sign-in form. */
export const middleware = [limitResource("signIn", ({ request }) => clientAddressOf(request))];

/**
 * `/medarbejder/log-ind`: off to the municipality's identity provider. Only a redirect (the
 * outstanding request it writes holds no personal data and expires), so a GET and a plain link.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!caseworkerProvider.enabled) throw new Response("Not found", { status: 404 });
  const started = await startCaseworkerSignIn(request, loggerOf(context));
  if (!started) return data({ problem: problemOf.unavailable.problem }, { status: problemOf.unavailable.status });
  // The cookie binds the sign-in to this browser: only it can finish it (login CSRF).
  throw redirect(started.url.href, { headers: { "Set-Cookie": started.setCookie } });
}

export default function CaseworkerSignIn({ loaderData }: Route.ComponentProps) {
  return <CaseworkerSignInProblem problem={loaderData.problem} />;
}
