import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { isLanguage } from "~/lib/i18n/config";
import { languageCookie } from "~/lib/i18n/i18n.server";
import { safeLocalPath } from "~/lib/safe-path";

export async function action({ request }: Route.ActionArgs) {
  const formData = await request.formData();
  const language = formData.get("lng");
  const returnTo = safeLocalPath(formData.get("returnTo"));
  if (!isLanguage(language)) return redirect(returnTo);
  return redirect(returnTo, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
