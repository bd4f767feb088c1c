import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { fallbackLanguage } from "./config";

type Bundle = Record<string, Record<string, unknown>>;

// On the server every request for a language passes the same bundle object, so one
// instance per bundle serves them all (its language never changes after creation).
const instances = new WeakMap<Bundle, I18n>();

/** The i18next instance for one language and its translations, fed with the page's own resources. */
export function createI18n(language: string, bundle: Bundle): I18n {
  const cached = instances.get(bundle);
  if (cached?.language === language) return cached;
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: fallbackLanguage,
    resources: { [language]: bundle },
    ns: Object.keys(bundle),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  instances.set(bundle, instance);
  return instance;
}
