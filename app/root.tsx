import { useEffect, useMemo, useRef, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunctionArgs,
} from "react-router";
import type { Route } from "./+types/root";
import { AppShell } from "./components/layout/AppShell";
import { allowsHydration } from "./features/content";
import { ErrorContent } from "./components/layout/ErrorContent";
import { getCurrentUser, type CurrentUser } from "./lib/auth.server";
import { findActiveGrant } from "./features/relatives/index.server";
import { HardDayPage, hardDayMode } from "./features/hard-day";
import { hardDayOf } from "./features/hard-day/index.server";
import { db } from "../db/client";
import { directionOf, fallbackLanguage } from "./lib/i18n/config";
import { languageOf } from "./lib/i18n/i18n.server";
import { requestMiddleware } from "./lib/request-middleware.server";
import { createI18n } from "./lib/i18n/instance";
import { bundleFor, loadBundle } from "./lib/i18n/bundles";
import { pageNamespaces, withNamespaces } from "./lib/i18n/namespaces";
import { resources, translationFiles } from "./lib/i18n/resources.server";
import { useNonce } from "./lib/request-context";
import { municipalityById, municipalityOfParticipant, pageMunicipality } from "./lib/municipality.server";
import { municipalityStyle, unitWords } from "./lib/municipality";
import { WARN_BEFORE_IDLE_END_MS } from "./lib/session.server";
import fallbackCommon from "../locales/da/common.json";
import stylesheet from "./styles/app.css?url";
import plainPageScript from "./components/layout/plain-page.js?url";

const fallbackBundle = { common: fallbackCommon };

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const middleware: Route.MiddlewareFunction[] = requestMiddleware;

/**
 * Whose municipality the page shows: the participant's own; on a relative's pages about a person
 * they help (and may, today), that person's; anyone else sees the portal's first.
 */
async function municipalityOfPage(user: CurrentUser | null, request: Request) {
  if (user?.participant) return municipalityById(user.participant.municipalityKey);
  const helped = helpedIn(new URL(request.url).pathname);
  if (user && helped && (await findActiveGrant(user.personId, helped))) return municipalityOfParticipant(await db(), helped);
  return municipalityById(null);
}

/** The participant a relative's page is about: /hjaelper/<id>/... */
function helpedIn(pathname: string): string | null {
  return /^\/hjaelper\/([0-9a-f-]{36})(?:\/|$)/.exec(pathname)?.[1] ?? null;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const language = languageOf(context);
  const { user } = await getCurrentUser(context);
  return {
    language,
    // Not the translations themselves: the browser fetches them once from this address and keeps them.
    translationsHref: translationFiles[language].href,
    // Every namespace's name: what a page whose route declares none needs (lib/i18n/namespaces.ts).
    namespaces: Object.keys(resources[language]),
    municipality: pageMunicipality(await municipalityOfPage(user, request), language),
    user: user
      ? {
          firstName: user.firstName,
          isParticipant: Boolean(user.participant),
          idleTimeoutMs: user.idleTimeoutMs,
          warnBeforeMs: WARN_BEFORE_IDLE_END_MS,
        }
      : null,
    // A participant's hard day (a cookie on this device): off costs no SQL statement; on, the
    // calm page's few facts. `null` for anyone else.
    hardDay: await hardDayOf(user, request),
  };
}

/** After sign-in or a change of language the root's data may name a language this page has not loaded yet. */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await loadBundle(data.language, data.translationsHref);
  return data;
}

/**
 * The root's data (language, translations, who is signed in) changes only when someone
 * signs in or out, changes language, or keeps their session: don't refetch it on every click.
 */
export function shouldRevalidate({ formAction, currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  // A relative moving to the pages of another person they help: that person's municipality.
  if (helpedIn(currentUrl.pathname) !== helpedIn(nextUrl.pathname)) return true;
  if (!formAction) return false;
  return /^\/(log-ind|log-ud|sprog)\b/.test(formAction) ? defaultShouldRevalidate : false;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // A route with `handle = { hydrate: false }` (the plain-language pages) ships no JavaScript at
  // all: no <Scripts> (React hoists its modulepreload links, so they go too), no scroll script.
  // In the browser the Layout only exists after a hydrated page, so keep the scripts there.
  const matches = useMatches();
  const handles = matches.map((match) => match.handle);
  const withScripts = typeof document !== "undefined" || allowsHydration(handles);
  const language = data?.language ?? fallbackLanguage;
  // Only the namespaces this page uses (lib/i18n/namespaces.ts); the calm page of a hard day
  // shows the next meeting. In the browser the address stays the one the page started with: a
  // later page's namespaces come one by one (lib/i18n/instance.ts).
  const namespaces = pageNamespaces(handles, data?.hardDay?.on ? ["appointments"] : []);
  const [translationsHref] = useState(() => (data ? withNamespaces(data.translationsHref, namespaces) : null));
  // The server registers every language at start; the browser loads the page's language before
  // it hydrates (entry.client.tsx) and any other before the root's data names it (clientLoader).
  // Without the root's data (its loader failed) both sides render with the common words only.
  const bundle = (data && bundleFor(language)) || fallbackBundle;
  const municipality = data?.municipality ?? null;
  // Without the root's data the texts still read "kommunen", never a bare "{{unit}}".
  const words = useMemo(() => unitWords(municipality ?? { name: "", unitName: null }, language), [municipality, language]);
  const i18n = useMemo(() => createI18n(language, bundle, words), [language, bundle, words]);
  const colours = municipalityStyle(municipality);
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
        {colours ? <style nonce={nonce}>{colours}</style> : null}
        {withScripts && translationsHref ? (
          <link id="translations" rel="preload" as="fetch" crossOrigin="anonymous" href={translationsHref} data-language={language} />
        ) : null}
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        {withScripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : data?.user ? (
          // Signed in on a page without React: the session warning and the quick exit's keys.
          <script src={plainPageScript} nonce={nonce} />
        ) : null}
      </body>
    </html>
  );
}

/** After a client-side page change, move focus to the new page's h1 so screen readers announce it. */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [pathname]);
}

/**
 * On a hard day every participant page gives way to the calm page, decided here, on every
 * render (also after a client-side move): the page's address says which page and whether the
 * person asked to see it in full (`?vis=alt`). Relatives' and caseworkers' pages are untouched.
 */
/**
 * Whether this page is sent without React (a route with `handle = { hydrate: false }`): only
 * while rendering on the server; in the browser every page runs with React.
 */
function usePlainPage(): boolean {
  const matches = useMatches();
  return typeof document === "undefined" && !allowsHydration(matches.map((match) => match.handle));
}

/**
 * In the browser, a client-side move waits until every namespace the next page declares is here:
 * react-i18next suspends this render (React Router's move is a transition, so the old page stays
 * on screen), also for words a page takes from another area's namespace with a prefix.
 */
function usePageNamespaces(all: string[], hardDayOn: boolean) {
  const matches = useMatches();
  const namespaces = pageNamespaces(
    matches.map((match) => match.handle),
    hardDayOn ? ["appointments"] : [],
  );
  useTranslation(namespaces ?? all);
}

export default function App({ loaderData }: Route.ComponentProps) {
  useFocusHeadingOnNavigation();
  const location = useLocation();
  const plain = usePlainPage();
  const { hardDay } = loaderData;
  usePageNamespaces(loaderData.namespaces, Boolean(hardDay?.on));
  const mode = hardDayMode(hardDay, location);
  return (
    <AppShell user={loaderData.user} plain={plain} hardDaySwitch={mode === "off" ? "off" : mode === "all" ? "on" : null}>
      {mode === "calm" && hardDay?.on ? <HardDayPage today={hardDay.today} /> : <Outlet />}
    </AppShell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const data = useRouteLoaderData<typeof loader>("root");
  const plain = usePlainPage();
  return (
    <AppShell user={data?.user ?? null} plain={plain}>
      <ErrorContent error={error} />
    </AppShell>
  );
}
