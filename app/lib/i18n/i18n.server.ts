import { createCookie } from "react-router";
import { createI18nextMiddleware } from "remix-i18next";
import { env } from "~/lib/env.server";
import type { RequestContext } from "~/lib/request.server";
import { fallbackLanguage, isLanguage, supportedLanguages, type Language } from "./config";
import { resources } from "./resources.server";

/** Remembers the language chosen with the footer switch for a year. */
export const languageCookie = createCookie("minvej_lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

const [middleware, getLocale, getInstance] = createI18nextMiddleware({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: {
    resources,
    fallbackLng: fallbackLanguage,
    defaultNS: "common",
    interpolation: { escapeValue: false },
  },
});

/** Root middleware: the request's language (the footer switch's cookie, else the browser's, else Danish). */
export const i18nextMiddleware = middleware;

/** The language this request is answered in. */
export function languageOf(context: RequestContext): Language {
  const detected = getLocale(context);
  return isLanguage(detected) ? detected : fallbackLanguage;
}

/** A translate function for one namespace, in this request's language (mail, PDFs, calendar files). */
export function translatorOf(context: RequestContext, namespace: string) {
  return getInstance(context).getFixedT(languageOf(context), namespace);
}
