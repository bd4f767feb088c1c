import { createContext, createCookie, type MiddlewareFunction } from "react-router";
import { env } from "~/lib/env.server";
import type { RequestContext } from "~/lib/request.server";
import { fallbackLanguage, isLanguage, supportedLanguages, type Language } from "./config";
import { createI18n } from "./instance";
import { resources } from "./resources.server";

/** Remembers the language chosen with the footer switch for a year. */
export const languageCookie = createCookie("minvej_lng", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env.secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

const languageContext = createContext<Language>(fallbackLanguage);

/**
 * Root middleware: the request's language. The footer switch's cookie, else the browser's first
 * language (Accept-Language, by its weights) when it is one of ours, else Danish: as
 * remix-i18next's middleware decided it, which this replaces because it also built and
 * initialised a whole i18next instance for every request (a twentieth of a page's CPU).
 */
export const i18nextMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  context.set(languageContext, await detectLanguage(request));
  return next();
};

/** Exported for its test. */
export async function detectLanguage(request: Request): Promise<Language> {
  const chosen: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  if (typeof chosen === "string") {
    const language = ours(chosen);
    if (language) return language;
  }
  const browsers = firstLanguageOf(request.headers.get("Accept-Language"));
  return (browsers && ours(browsers)) || fallbackLanguage;
}

/** "en", "en-GB", "EN-us" are English; a language we do not have is null. */
function ours(tag: string): Language | null {
  const code = tag.trim().split("-")[0]!.toLowerCase();
  return (supportedLanguages as readonly string[]).includes(code) ? (code as Language) : null;
}

/** The language a browser wants most (the highest weight, the first of equals); "*" and malformed tags do not count. */
function firstLanguageOf(header: string | null): string | null {
  let best: { tag: string; quality: number } | null = null;
  for (const part of (header ?? "").split(",")) {
    const [tag = "", ...parameters] = part.split(";").map((bit) => bit.trim());
    if (tag === "*" || !/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}$/.test(tag)) continue;
    const weight = parameters.map((parameter) => /^q\s*=\s*([01](\.\d+)?)$/.exec(parameter)?.[1]).find((found) => found !== undefined);
    const quality = weight === undefined ? 1 : Number(weight);
    if (quality > 0 && (!best || quality > best.quality)) best = { tag, quality };
  }
  return best?.tag ?? null;
}

/** The language this request is answered in. */
export function languageOf(context: RequestContext): Language {
  const detected = context.get(languageContext);
  return isLanguage(detected) ? detected : fallbackLanguage;
}

/** A translate function for one namespace, in this request's language (mail, PDFs, calendar files). */
export function translatorOf(context: RequestContext, namespace: string) {
  const language = languageOf(context);
  return createI18n(language, resources[language]).getFixedT(language, namespace);
}
