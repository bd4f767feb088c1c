import { useTranslation } from "~/lib/i18n/react";

/**
 * The warning before the idle sign-out (WCAG 2.2.1), for plain-page.js: a native modal <dialog>
 * (the browser traps focus in it, makes the rest inert, and Escape closes it). Closed until the
 * script opens it; without JavaScript nothing shows, and the server still ends
 * the session and says so.
 */
export function SessionTimeoutWarning({ idleTimeoutMs, warnBeforeMs }: { idleTimeoutMs: number; warnBeforeMs: number }) {
  const { t } = useTranslation();
  return (
    <dialog
      id="session-warning"
      className="dialog dialog--native"
      aria-labelledby="session-warning-title"
      aria-describedby="session-warning-text"
      data-idle-ms={idleTimeoutMs}
      data-warn-ms={warnBeforeMs}
    >
      <h2 id="session-warning-title" className="dialog__title">
        {t("session.warningTitle")}
      </h2>
      <p id="session-warning-text" className="dialog__description">
        {t("session.warningText")}
      </p>
      <p className="dialog__countdown" data-countdown data-template={t("session.warningTimeLeft", { time: "{time}" })} />
      <div className="button-group">
        <button type="button" className="button" data-stay>
          {t("session.stay")}
        </button>
        <form method="post" action="/log-ud" data-sign-out>
          <button type="submit" className="button button--secondary">
            {t("session.signOutNow")}
          </button>
        </form>
      </div>
    </dialog>
  );
}
