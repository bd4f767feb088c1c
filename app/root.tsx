import { I18nextProvider } from "react-i18next";
import { Links, Meta, Outlet, useLocation, useMatches, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { AppShell } from "./components/layout/AppShell";
import { isScriptFree } from "./features/content";
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
import { bundleFor } from "./lib/i18n/bundles";
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

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  // No page loads React in the browser (docs/decisions/0026): React renders the HTML on the
  // server, links and forms are plain, and one small script (components/layout/plain-page.js)
  // adds what needs a browser. A plain-language page signed out has no script at all.
  const matches = useMatches();
  const withScript = Boolean(data?.user) || !isScriptFree(matches.map((match) => match.handle));
  const language = data?.language ?? fallbackLanguage;
  // The server registers every language at start. Without the root's data (its loader failed)
  // the page renders with the common words only.
  const bundle = (data && bundleFor(language)) || fallbackBundle;
  const municipality = data?.municipality ?? null;
  // Without the root's data the texts still read "kommunen", never a bare "{{unit}}".
  const i18n = createI18n(language, bundle, unitWords(municipality ?? { name: "", unitName: null }, language));
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
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        {withScript ? <script src={plainPageScript} nonce={nonce} /> : null}
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  const location = useLocation();
  const { hardDay } = loaderData;
  const mode = hardDayMode(hardDay, location);
  return (
    <AppShell user={loaderData.user} hardDaySwitch={mode === "off" ? "off" : mode === "all" ? "on" : null}>
      {mode === "calm" && hardDay?.on ? <HardDayPage today={hardDay.today} /> : <Outlet />}
    </AppShell>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell user={data?.user ?? null}>
      <ErrorContent error={error} />
    </AppShell>
  );
}
