import { data, redirect } from "react-router";
import type { Route } from "./+types/saml-slo";
import { recordSignOut } from "../commands.server";
import { MitIdProblemPage } from "../nemlogin/MitIdProblemPage";
import { readSloMessage } from "../nemlogin/sign-in.server";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { getCurrentUser, notFound } from "~/lib/auth.server";
import { nemLoginProvider } from "~/lib/auth/providers.server";
import { loggerOf, requestIdOf } from "~/lib/request.server";
import { endSession } from "~/lib/session.server";

/**
 * /saml/slo, single logout by the redirect binding. NemLog-in asks us to end a session (the person
 * signed out elsewhere): we end the browser's session if it is that MitID session, and answer.
 * Or NemLog-in answers our own logout request: on to "Du er nu logget ud".
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const setup = nemLogInSetup(request);
  if (!setup) throw notFound();
  const message = await readSloMessage(await setup, new URL(request.url));
  if (message.kind === "response") throw redirect("/log-ind?logget-ud=1");
  if (message.kind === "invalid") {
    loggerOf(context).warn({ event: "nemlogin_logout_refused" }, "a logout message from NemLog-in did not verify");
    return data({ reference: requestIdOf(context) }, { status: 400 });
  }
  const { user, session } = await getCurrentUser(context);
  const headers = new Headers();
  if (
    user &&
    session.status === "active" &&
    session.provider === nemLoginProvider.id &&
    session.providerSession?.nameId === message.nameId &&
    // The NameID is the person's for life: an old logout request must name this session too.
    (!message.sessionIndex || message.sessionIndex === session.providerSession?.sessionIndex)
  ) {
    headers.set("Set-Cookie", await endSession(request));
    await recordSignOut({ personId: user.personId, participantId: user.participant?.id ?? null, timedOut: false, requestId: requestIdOf(context) });
  }
  throw redirect(message.answer(), { headers });
}

export default function SamlSlo({ loaderData }: Route.ComponentProps) {
  return <MitIdProblemPage problem="tryAgain" reference={loaderData.reference} />;
}
