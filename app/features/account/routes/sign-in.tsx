import { data, redirect } from "react-router";
import type { Route } from "./+types/sign-in";
import { demoSignInSchema } from "../schema";
import { SignInPage } from "../SignInPage";
import { ErrorContent } from "~/components/layout/ErrorContent";
import { getCurrentUser, signIn } from "~/lib/auth.server";
import { caseworkerProvider, demoProvider, listDemoPeople, nemLoginProvider } from "~/lib/auth/providers.server";
import { redirectSignedIn } from "../signed-in.server";
import { parseSubmission } from "~/components/form/submission.server";
import { requestIdOf } from "~/lib/request.server";
import { env } from "~/lib/env.server";
import { clientAddressOf, limitPage, refuseWhenLimited } from "~/lib/rate-limit.server";

/** At most RATE_LIMIT_SIGN_IN sign-in attempts per client address; showing the page is not one. */
export const middleware = limitPage("signIn", ({ request }) => clientAddressOf(request), { methods: ["POST"] });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await getCurrentUser(context);
  if (user) throw redirect("/");
  const url = new URL(request.url);
  return {
    demoEnabled: demoProvider.enabled,
    mitidEnabled: nemLoginProvider.enabled,
    testMitid: env.nemLogIn?.kind === "test",
    demoPeople: await listDemoPeople(),
    caseworkerEnabled: caseworkerProvider.enabled,
    notice: url.searchParams.has("udloebet") ? "expired" : url.searchParams.has("logget-ud") ? "signedOut" : null,
    // A caseworker's session ends after 15 idle minutes, anyone else's after 30.
    idleMinutes: url.searchParams.get("minutter") === "15" ? 15 : 30,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  const formData = await request.formData();
  if (!demoProvider.enabled) {
    return data({ result: null, refused: true }, { status: 403 });
  }
  const submission = parseSubmission(formData, { schema: demoSignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), refused: false }, { status: 400 });
  }
  const requestId = requestIdOf(context);
  const signedIn = await signIn(demoProvider, submission.value.person, requestId);
  if (!signedIn) {
    return data(
      { result: submission.reply({ fieldErrors: { person: ["signIn.personUnknown"] } }), refused: false },
      { status: 400 },
    );
  }
  return redirectSignedIn(request, signedIn, "/");
}

/**
 * The app's error page inside the shell, so that the root's data (language, menu) is there: a
 * refusal from the action, such as the rate limit's 429, lands here rather than at the root.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorContent error={error} />;
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  return <SignInPage loaderData={loaderData} actionData={actionData} />;
}
