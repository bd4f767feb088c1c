import { useTranslation } from "~/lib/i18n/react";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/sign-out";
import { recordSignOut } from "../commands.server";
import { isTimeoutSignOut } from "../schema";
import { PageTitle } from "~/components/layout/PageTitle";
import { getCurrentUser } from "~/lib/auth.server";
import { CASEWORKER_IDLE_TIMEOUT_MS, endSession } from "~/lib/session.server";
import { loggerOf, requestIdOf } from "~/lib/request.server";
import { caseworkerProvider, nemLoginProvider } from "~/lib/auth/providers.server";
import { caseworkerSignOutUrl } from "../oidc/caseworker-oidc.server";
import { logoutRequestUrl } from "../nemlogin/sign-in.server";
import { nemLogInSetup } from "../nemlogin/setup.server";

/** Signing out is a POST (no mutating GET). A GET shows a one-button page, for links and no-JS. */
export async function loader({ context }: Route.LoaderArgs) {
  const { user } = await getCurrentUser(context);
  if (!user) throw redirect("/log-ind");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, session } = await getCurrentUser(context);
  // The session ends whatever the body holds (or fails to hold): only the wording depends on it.
  const cookie = await endSession(request);
  const timedOut = isTimeoutSignOut(await request.formData().catch(() => null));
  if (user) {
    await recordSignOut({
      personId: user.personId,
      participantId: user.participant?.id ?? null,
      timedOut,
      requestId: requestIdOf(context),
    });
  }
  // The identity provider's own session ends too: one branch per provider, each sends the browser
  // there and names /log-ind?logget-ud=1 as the way back.
  let providerSignOut: string | null = null;
  if (session.status === "active" && session.provider === caseworkerProvider.id) {
    providerSignOut = await caseworkerSignOutUrl(session.providerSession, request, loggerOf(context));
  } else if (session.status === "active" && session.provider === nemLoginProvider.id) {
    const nemLogIn = nemLogInSetup(request);
    if (nemLogIn) providerSignOut = logoutRequestUrl(await nemLogIn, session.providerSession);
  }
  return redirect(providerSignOut ?? (timedOut ? `/log-ind?udloebet=1${user?.idleTimeoutMs === CASEWORKER_IDLE_TIMEOUT_MS ? "&minutter=15" : ""}` : "/log-ind?logget-ud=1"), { headers: { "Set-Cookie": cookie } });
}

export default function SignOut() {
  const { t } = useTranslation("account");
  return (
    <>
      <PageTitle title={t("signOut.title")} />
      <h1 tabIndex={-1}>{t("signOut.title")}</h1>
      <p>{t("signOut.text")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("signOut.submit")}
        </button>
      </Form>
    </>
  );
}
