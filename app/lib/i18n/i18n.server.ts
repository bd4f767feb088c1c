import { createCookie } from "react-router";
import { RemixI18Next } from "remix-i18next/server";
import { env } from "~/lib/env.server";
import { fallbackLanguage, supportedLanguages } from "./config";
import { resources } from "./resources.server";

/** Remembers the language chosen with the footer switch for a year. */
export const languageCookie = createCookie("minvej_lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
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
