import { data } from "react-router";
import type { Route } from "./+types/caseworker-sign-in-return";
import { finishCaseworkerSignIn, problemOf } from "../oidc/caseworker-oidc.server";
import { CaseworkerSignInProblem } from "../oidc/CaseworkerSignInProblem";
import { clearBrowserBinding } from "../browser-binding.server";
import { caseworkerProvider } from "~/lib/auth/providers.server";
import { loggerOf, requestIdOf } from "~/lib/request.server";
import { redirectSignedIn } from "../signed-in.server";

/**
 * `/medarbejder/log-ind/retur`: the identity provider's answer. Signed in: a fresh session and on
 * to the caseworker's page. Refused: no session and a calm page that says what to do. Either way
 * the cookie that bound the sign-in to this browser has done its work and is cleared.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!caseworkerProvider.enabled) throw new Response("Not found", { status: 404 });
  const result = await finishCaseworkerSignIn(request, requestIdOf(context), loggerOf(context));
  const clearBinding = await clearBrowserBinding("kommune");
  if (!result.signedIn) {
    const { problem, status } = problemOf[result.refusal];
    return data({ problem }, { status, headers: { "Set-Cookie": clearBinding } });
  }
  const signedIn = await redirectSignedIn(request, result, result.returnTo);
  signedIn.headers.append("Set-Cookie", clearBinding);
  throw signedIn;
}

export default function CaseworkerSignInReturn({ loaderData }: Route.ComponentProps) {
  return <CaseworkerSignInProblem problem={loaderData.problem} />;
}
