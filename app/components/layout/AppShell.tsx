import { useTranslation } from "~/lib/i18n/react";
import { Form, useLocation } from "react-router";
import { supportedLanguages } from "~/lib/i18n/config";
import { useMunicipality } from "~/lib/municipality";
import { HardDaySwitch } from "./HardDaySwitch";
import { QuickExit } from "./QuickExit";
import { SessionTimeoutWarning } from "./SessionTimeoutWarning";

export interface ShellUser {
  firstName: string;
  isParticipant: boolean;
  idleTimeoutMs: number;
  warnBeforeMs: number;
}

/** Main navigation. Entries appear here when their pages exist. */
const participantNav = [
  { to: "/", key: "nav.overview" },
  { to: "/min-plan", key: "nav.plan" },
  { to: "/moeder", key: "nav.appointments" },
  { to: "/beskeder", key: "nav.messages" },
  { to: "/saadan-gaar-det", key: "nav.progress" },
  { to: "/forberedelse", key: "nav.preparation" },
  { to: "/cv", key: "nav.cv" },
  { to: "/netvaerk", key: "nav.network" },
  { to: "/paaroerende", key: "nav.relatives" },
  { to: "/om", key: "nav.about" },
] as const;

/** The menu item of the page's own area is marked as the current page (as React Router's NavLink marked it). */
function isCurrent(to: string, pathname: string): boolean {
  const here = pathname.toLowerCase().replace(/\/+$/, "") || "/";
  return to === "/" ? here === "/" : here === to || here.startsWith(`${to}/`);
}

function NavLinks({ className = "" }: { className?: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <ul className={`site-nav__list ${className}`.trim()}>
      {participantNav.map((item) => (
        <li key={item.to}>
          <a href={item.to} className="site-nav__link" aria-current={isCurrent(item.to, pathname) ? "page" : undefined}>
            {t(item.key)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function SignedIn({ user, className }: { user: ShellUser; className: string }) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <span>{t("header.signedInAs", { name: user.firstName })}</span>
      <Form method="post" action="/log-ud">
        <button type="submit" className="button button--secondary button--small">
          {t("header.signOut")}
        </button>
      </Form>
    </div>
  );
}

/**
 * The hard-day switch in the menu bar: "off" offers "Jeg har en hård dag", "on" (a page shown in
 * full with `?vis=alt`) offers "Slå hård dag fra". Not shown (`null`) where a hard day changes
 * nothing, and not on the calm page, which has the switch in its own text.
 */
export type ShellHardDaySwitch = "on" | "off" | null;

export function AppShell({
  user,
  hardDaySwitch = null,
  children,
}: {
  user: ShellUser | null;
  hardDaySwitch?: ShellHardDaySwitch;
  children: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const municipality = useMunicipality();
  const returnTo = location.pathname + location.search;

  return (
    <>
      <a href="#main" className="skip-link">
        {t("skipLink")}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          {/* First after the skip link in the tab order; at the top right on the screen (app.css). */}
          <QuickExit />
          <a href="/" className="site-header__name">
            <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="28" height="28" className="site-header__logo">
              <path d="M6 26 C 10 14, 18 22, 26 6" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" />
              <circle cx="6" cy="26" r="3" fill="currentColor" />
            </svg>
            {t("appName")}
          </a>
          {municipality ? (
            <span className="site-header__municipality">
              {municipality.logo ? <img src={municipality.logo} alt="" width="24" height="24" /> : null}
              {municipality.name}
            </span>
          ) : null}
          {user ? <SignedIn user={user} className={user.isParticipant ? "site-header__user site-header__user--wide" : "site-header__user"} /> : null}
        </div>
      </header>
      {user?.isParticipant ? (
        <nav aria-label={t("nav.label")} className="site-nav">
          <div className="container site-nav__inner">
            {/* A small screen (or 400 % zoom) gets a "Menu" disclosure, so the page's heading is on the
                first screen; it works without JavaScript. Wider screens show the links themselves.
                Only one of the two is ever displayed. */}
            <details className="site-nav__menu">
              <summary className="site-nav__toggle">{t("header.menu")}</summary>
              <NavLinks />
              <SignedIn user={user} className="site-nav__user" />
            </details>
            <NavLinks className="site-nav__list--wide" />
            {hardDaySwitch ? <HardDaySwitch on={hardDaySwitch === "on"} className="site-nav__hard-day" /> : null}
          </div>
        </nav>
      ) : null}
      <main id="main" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <h2 className="visually-hidden">{t("footer.label")}</h2>
          <ul className="site-footer__links">
            <li>
              <a href="/hjaelp">{t("footer.help")}</a>
            </li>
            <li>
              <a href="/tilgaengelighed">{t("footer.accessibility")}</a>
            </li>
            <li>
              <a href="/privatliv">{t("footer.privacy")}</a>
            </li>
            <li>
              <a href="/ordliste">{t("footer.glossary")}</a>
            </li>
            {user?.isParticipant ? (
              <li>
                <a href="/mine-data">{t("footer.myData")}</a>
              </li>
            ) : null}
          </ul>
          <form method="post" action="/sprog" className="language-switch">
            <input type="hidden" name="returnTo" value={returnTo} />
            <span id="language-label">{t("footer.language")}:</span>
            <ul className="language-switch__list" aria-labelledby="language-label">
              {supportedLanguages.map((language) => (
                <li key={language}>
                  <button
                    type="submit"
                    name="lng"
                    value={language}
                    lang={language}
                    aria-pressed={i18n.language === language}
                    className="language-switch__button"
                  >
                    {t(`languages.${language}`)}
                  </button>
                </li>
              ))}
            </ul>
          </form>
          <p className="site-footer__about">{t("footer.about")}</p>
        </div>
      </footer>
      {user ? <SessionTimeoutWarning idleTimeoutMs={user.idleTimeoutMs} warnBeforeMs={user.warnBeforeMs} /> : null}
    </>
  );
}
