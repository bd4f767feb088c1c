import { data, redirect } from "react-router";
import type { Route } from "./+types/caseworker-sign-in-return";
import { finishCaseworkerSignIn, problemOf } from "../oidc/caseworker-oidc.server";
import { CaseworkerSignInProblem } from "../oidc/CaseworkerSignInProblem";
import { caseworkerProvider } from "~/lib/auth/providers.server";
import { languageCookie } from "~/lib/i18n/i18n.server";
import { loggerOf, requestIdOf } from "~/lib/request.server";
import { endSession } from "~/lib/session.server";

/**
 * `/medarbejder/log-ind/retur`: the identity provider's answer. Signed in: a fresh session and on
 * to the caseworker's page. Refused: no session and a calm page that says what to do.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  if (!caseworkerProvider.enabled) throw new Response("Not found", { status: 404 });
  const result = await finishCaseworkerSignIn(request, requestIdOf(context), loggerOf(context));
  if (!result.signedIn) {
    const { problem, status } = problemOf[result.refusal];
    return data({ problem }, { status });
  }
  // A fresh session id at every sign-in: end whatever session the browser had before.
  await endSession(request);
  const headers = new Headers({ "Set-Cookie": result.setCookie });
  if ((await languageCookie.parse(request.headers.get("Cookie"))) == null) {
    headers.append("Set-Cookie", await languageCookie.serialize(result.preferredLanguage));
  }
  throw redirect(result.returnTo, { headers });
}

export default function CaseworkerSignInReturn({ loaderData }: Route.ComponentProps) {
  return <CaseworkerSignInProblem problem={loaderData.problem} />;
}
