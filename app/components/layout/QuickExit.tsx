import { useTranslation } from "~/lib/i18n/react";
import { QUICK_EXIT_URL, SHIFT_PRESSES, SHIFT_WINDOW_MS } from "./quick-exit";

/**
 * "Forlad siden hurtigt" on every page: a plain link to a neutral site. The page's script
 * (plain-page.js) makes the link and Shift pressed three times blank the page first and replace
 * it in the history, and reads these attributes for the count and its words. Without JavaScript
 * (the plain-language pages signed out have none) it is still a working link.
 */
export function QuickExit() {
  const { t } = useTranslation();
  return (
    <div
      className="quick-exit"
      data-presses={SHIFT_PRESSES}
      data-window-ms={SHIFT_WINDOW_MS}
      data-press-more-1={t("quickExit.pressMore", { count: 1 })}
      data-press-more-2={t("quickExit.pressMore", { count: 2 })}
    >
      <a href={QUICK_EXIT_URL} rel="noreferrer" className="quick-exit__link">
        {t("quickExit.label")}
      </a>
      {/* A live region without role="status": the page's own status messages stay the only ones. */}
      <span aria-live="polite" className="visually-hidden" />
    </div>
  );
}
