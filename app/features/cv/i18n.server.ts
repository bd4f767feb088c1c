import { fallbackLanguage, isLanguage, type Language } from "~/lib/i18n/config";
import { i18nServer } from "~/lib/i18n/i18n.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

/** The request's language and a translate function for the "cv" namespace (PDF, suggestions). */
export async function cvTranslator(request: Request): Promise<{ language: Language; t: (key: string, options?: Record<string, unknown>) => string }> {
  const detected = await i18nServer.getLocale(request);
  const language = isLanguage(detected) ? detected : fallbackLanguage;
  const t = createI18n(language, resources[language]).getFixedT(language, "cv");
  return { language, t: (key, options) => t(key, options ?? {}) as string };
}
