import { redirect } from "react-router";
import type { Route } from "./+types/hard-day-switch";
import { hardDayCookieHeader } from "../cookie.server";
import { parseHardDaySwitch } from "../schema";

/**
 * POST /hard-dag: "Jeg har en hård dag" / "Slå hård dag fra". A plain form (no JavaScript needed),
 * origin-checked like every POST (server/origin.js). It needs no session and touches no database:
 * the setting lives in this device's cookie, and the page it came from is shown again.
 */
export async function action({ request }: Route.ActionArgs) {
  const { hardDay, returnTo } = parseHardDaySwitch(await request.formData());
  if (!hardDay) return redirect(returnTo);
  return redirect(returnTo, { headers: { "Set-Cookie": await hardDayCookieHeader(hardDay === "on") } });
}

/** No mutating GET: the address alone changes nothing. */
export function loader() {
  return redirect("/");
}
