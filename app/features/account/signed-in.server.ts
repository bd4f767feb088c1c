import { redirect } from "react-router";
import { languageCookie } from "~/lib/i18n/i18n.server";
import { endSession } from "~/lib/session.server";

/**
 * After any sign-in (demo, MitID, the municipality's login): end whatever session the browser had
 * (a fresh session id every time), set the new one, use the person's own language unless they
 * already chose one with the switch, and go on.
 */
export async function redirectSignedIn(request: Request, signedIn: { setCookie: string; preferredLanguage: "da" | "en" }, to: string) {
  await endSession(request);
  const headers = new Headers({ "Set-Cookie": signedIn.setCookie });
  if ((await languageCookie.parse(request.headers.get("Cookie"))) == null) {
    headers.append("Set-Cookie", await languageCookie.serialize(signedIn.preferredLanguage));
  }
  return redirect(to, { headers });
}
