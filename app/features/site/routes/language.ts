import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { parseLanguageSwitch } from "../schema";
import { languageCookie } from "~/lib/i18n/i18n.server";

/** The language switch in every page's footer: a plain form, so it works without JavaScript. */
export async function action({ request }: Route.ActionArgs) {
  const { lng, returnTo } = parseLanguageSwitch(await request.formData());
  if (!lng) return redirect(returnTo);
  return redirect(returnTo, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}

export function loader() {
  return redirect("/");
}
