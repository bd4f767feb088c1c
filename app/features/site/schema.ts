import { supportedLanguages } from "~/lib/i18n/config";
import { safeLocalPath } from "~/lib/safe-path";
import { z } from "~/lib/zod";

/**
 * The language switch (POST /sprog): a language the portal has (anything else changes nothing)
 * and a page on this site to return to (anything else returns to the front page).
 */
const languageSwitchSchema = z.object({
  lng: z.enum(supportedLanguages).nullable().catch(null),
  returnTo: z.unknown().transform((value) => safeLocalPath(value)),
});

export function parseLanguageSwitch(formData: FormData) {
  return languageSwitchSchema.parse({ lng: formData.get("lng"), returnTo: formData.get("returnTo") });
}
