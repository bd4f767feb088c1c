import type { Language } from "~/lib/i18n/config";
import { languageOf } from "~/lib/i18n/i18n.server";
import type { RequestContext } from "~/lib/request.server";
import { createI18n } from "~/lib/i18n/instance";
import { resources } from "~/lib/i18n/resources.server";

/** The request's language and a translate function for the "cv" namespace (PDF, suggestions). */
export async function cvTranslator(context: RequestContext): Promise<{ language: Language; t: (key: string, options?: Record<string, unknown>) => string }> {
  const language = languageOf(context);
  const t = createI18n(language, resources[language]).getFixedT(language, "cv");
  return { language, t: (key, options) => t(key, options ?? {}) as string };
}
