import { redirect } from "react-router";
import type { Route } from "./+types/mitid-sign-in";
import { startSignIn } from "../nemlogin/sign-in.server";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { pendingInvitationPath } from "~/features/relatives/index.server";
import { clientAddressOf, limitPage, refuseWhenLimited } from "~/lib/rate-limit.server";

/** Each start writes a row: counted with the other sign-in attempts of this client address. */
export const middleware = limitPage("signIn", ({ request }) => clientAddressOf(request));

/**
 * "Log ind med MitID": off to NemLog-in with a signed request. `til` is where to come back to
 * (else the invitation the person opened before signing in, else the front page); `bekraeft=1`
 * asks for a fresh MitID even when NemLog-in remembers the person (confirming a grant).
 */
async function start(request: Request) {
  const setup = nemLogInSetup(request);
  if (!setup) throw redirect("/log-ind");
  const url = new URL(request.url);
  const confirm = url.searchParams.get("bekraeft") === "1";
  const returnTo = url.searchParams.get("til") ?? (await pendingInvitationPath(request));
  return redirect(await startSignIn(await setup, { purpose: confirm ? "confirm" : "sign_in", returnTo }));
}

export async function loader({ request, context }: Route.LoaderArgs) {
  refuseWhenLimited(context);
  return start(request);
}

export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  return start(request);
}
