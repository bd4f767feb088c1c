import { data, redirect } from "react-router";
import type { Route } from "./+types/test-mitid-logout";
import { nemLogInSetup } from "../nemlogin/setup.server";
import { notFound } from "~/lib/auth.server";

/** The test IdP's single logout: Min Vej's signed LogoutRequest in, a signed LogoutResponse back. */
export async function loader({ request }: Route.LoaderArgs) {
  const setup = await nemLogInSetup(request);
  if (!setup?.testIdp) throw notFound();
  try {
    const { responseUrl } = await setup.testIdp.answerLogoutRequest(setup.sp, new URL(request.url));
    return redirect(responseUrl);
  } catch {
    throw data(null, { status: 400 });
  }
}
