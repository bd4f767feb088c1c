import { redirect } from "react-router";
import type { Route } from "./+types/mitid-sign-in";
import { newBrowserBinding } from "../browser-binding.server";
import { startSignIn } from "../nemlogin/sign-in.server";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { hashInvitationToken, pendingInvitationPath } from "~/features/relatives/index.server";
import { clientAddressOf, limitPage, refuseWhenLimited } from "~/lib/rate-limit.server";

/** Each start writes a row: counted with the other sign-in attempts of this client address. */
export const middleware = limitPage("signIn", ({ request }) => clientAddressOf(request));

const INVITATION = /^\/invitation\/([A-Za-z0-9_-]{43})$/;

/**
 * "Log ind med MitID": off to NemLog-in with a signed request, bound to this browser. `til` is
 * where to come back to; `bekraeft=1` asks for a fresh MitID even when NemLog-in remembers the
 * person (confirming a grant). From an invitation (the link opened before signing in) only the
 * token's hash is kept; she comes back to it through the overview, which remembers the link.
 */
async function start(request: Request) {
  const setup = nemLogInSetup(request);
  if (!setup) throw redirect("/log-ind");
  const url = new URL(request.url);
  const confirm = url.searchParams.get("bekraeft") === "1";
  const asked = url.searchParams.get("til");
  const invitationToken = INVITATION.exec(asked ?? (await pendingInvitationPath(request)) ?? "")?.[1];
  const binding = await newBrowserBinding("mitid");
  const location = await startSignIn(await setup, {
    purpose: confirm ? "confirm" : "sign_in",
    returnTo: invitationToken ? null : asked,
    browserBinding: binding.hash,
    invitationTokenHash: invitationToken ? hashInvitationToken(invitationToken) : null,
  });
  return redirect(location, { headers: { "Set-Cookie": binding.setCookie } });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  refuseWhenLimited(context);
  return start(request);
}

export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  return start(request);
}
