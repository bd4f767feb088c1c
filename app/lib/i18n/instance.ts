import { createInstance, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { fallbackLanguage } from "./config";
import { unitWords } from "../municipality";

type Bundle = Record<string, Record<string, unknown>>;

// Every request for a language passes the same bundle object, so one instance
// per bundle and set of municipality words serves them all (its language never changes after
// creation). There are as many word sets as configured municipalities.
const instances = new WeakMap<Bundle, Map<string, I18n>>();

/**
 * The i18next instance for one language and its translations, fed with the page's own resources.
 * `words` are the municipality's names every text may use (`unitWords`: {{unit}}, {{Unit}}, ...);
 * without them (mail, PDFs, calendar files that do not pass them) the texts say "kommunen".
 */
export function createI18n(language: string, bundle: Bundle, words: Record<string, string> = unitWords({ name: "", unitName: null }, language)): I18n {
  const key = JSON.stringify(words);
  const forBundle = instances.get(bundle) ?? new Map<string, I18n>();
  instances.set(bundle, forBundle);
  const cached = forBundle.get(key);
  if (cached?.language === language) return cached;
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: fallbackLanguage,
    resources: { [language]: bundle },
    ns: Object.keys(bundle),
    defaultNS: "common",
    interpolation: { escapeValue: false, defaultVariables: words },
    initAsync: false,
    react: { useSuspense: false },
  });
  forBundle.set(key, instance);
  return instance;
}
