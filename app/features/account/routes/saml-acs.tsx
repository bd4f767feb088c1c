import { data } from "react-router";
import type { Route } from "./+types/saml-acs";
import { MitIdProblemPage, type MitIdProblem } from "../nemlogin/MitIdProblemPage";
import { consumeLoginResponse, type Refusal } from "../nemlogin/sign-in.server";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { browserBindingOf, clearBrowserBinding } from "../browser-binding.server";
import { redirectSignedIn } from "../signed-in.server";
import { clientAddressOf, limitPage, refuseWhenLimited } from "~/lib/rate-limit.server";
import { notFound, startSignedInSession } from "~/lib/auth.server";
import { nemLoginProvider } from "~/lib/auth/providers.server";
import { loggerOf, requestIdOf } from "~/lib/request.server";

const PROBLEM: Partial<Record<Refusal, MitIdProblem>> = { unregistered: "unregistered", assurance: "assurance", cancelled: "cancelled" };

/** Unauthenticated and heavy (schema, signatures): counted with the other sign-in attempts. */
export const middleware = limitPage("signIn", ({ request }) => clientAddressOf(request), { methods: ["POST"] });

/** Without NemLog-in's answer (someone opened the address) there is nothing to finish: "try again". */
export async function loader({ context }: Route.LoaderArgs) {
  return { reference: requestIdOf(context) };
}

/**
 * /saml/acs: NemLog-in's answer, posted by the person's browser. Signed in: a fresh session and
 * back to where they were going. Refused: no session, a calm page, a log line with the reason
 * only (never who).
 */
export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  const setup = nemLogInSetup(request);
  if (!setup) throw notFound();
  const form = await request.formData();
  const samlResponse = form.get("SAMLResponse");
  const browserBinding = await browserBindingOf(request, "mitid");
  const result =
    typeof samlResponse === "string" ? await consumeLoginResponse(await setup, samlResponse, { browserBinding }) : ({ ok: false, reason: "malformed" } as const);
  const cleared = await clearBrowserBinding("mitid");
  if (!result.ok) {
    loggerOf(context).warn({ event: "nemlogin_refused", reason: result.reason }, "a NemLog-in answer signed nobody in");
    return data(
      { problem: PROBLEM[result.reason] ?? "tryAgain", reference: requestIdOf(context) },
      { status: result.reason === "unregistered" ? 403 : 400, headers: { "Set-Cookie": cleared } },
    );
  }
  const signedIn = await startSignedInSession(result.personId, nemLoginProvider.id, requestIdOf(context), {
    authenticatedAt: result.authenticatedAt,
    assuranceLevel: result.assuranceLevel,
    providerSession: result.providerSession,
  });
  const response = await redirectSignedIn(request, signedIn, result.returnTo ?? "/");
  response.headers.append("Set-Cookie", cleared);
  return response;
}

export default function SamlAcs({ loaderData, actionData }: Route.ComponentProps) {
  return <MitIdProblemPage problem={actionData?.problem ?? "tryAgain"} reference={actionData?.reference ?? loaderData.reference} />;
}
