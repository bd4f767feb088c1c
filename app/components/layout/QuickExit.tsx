import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createShiftCounter, QUICK_EXIT_URL, SHIFT_PRESSES, SHIFT_WINDOW_MS } from "./quick-exit";

/** The class that blanks the page while the browser leaves (app.css). */
const LEAVING = "quick-exit-leaving";

/**
 * Leaves at once: the page is blanked first (nothing stays on screen while the other site loads),
 * then the browser goes on, replacing this page's entry in the history where it allows.
 */
function leave() {
  document.documentElement.classList.add(LEAVING);
  document.title = "";
  window.location.replace(QUICK_EXIT_URL);
}

/**
 * "Forlad siden hurtigt" on every page. Without JavaScript (the plain-language pages never have
 * any) it is a plain link to a neutral site. With JavaScript the link and Shift pressed three
 * times both blank the page and replace it in the history. No inline handler: React attaches
 * the listeners, so the Content-Security-Policy needs nothing new.
 */
export function QuickExit() {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const counter = useRef(createShiftCounter());

  useEffect(() => {
    let clearStatus: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      counter.current.keyDown(event.key);
      if (event.key !== "Shift") setStatus("");
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== "Shift") return;
      const presses = counter.current.keyUp(event.key, Date.now());
      if (presses >= SHIFT_PRESSES) return leave();
      // A screen reader hears how many presses are left; the count runs out with the window.
      setStatus(presses > 0 ? t("quickExit.pressMore", { count: SHIFT_PRESSES - presses }) : "");
      clearTimeout(clearStatus);
      clearStatus = setTimeout(() => setStatus(""), SHIFT_WINDOW_MS);
    };
    // Back from the weather site, a browser may show this page from its cache, still blank.
    const onPageShow = () => document.documentElement.classList.remove(LEAVING);
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("keyup", onKeyUp, true);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      clearTimeout(clearStatus);
      document.removeEventListener("keydown", onKeyDown, true);
      document.removeEventListener("keyup", onKeyUp, true);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [t]);

  return (
    <div
      className="quick-exit"
      // For plain-page.js on a page without React: the same count and words.
      data-presses={SHIFT_PRESSES}
      data-window-ms={SHIFT_WINDOW_MS}
      data-press-more-1={t("quickExit.pressMore", { count: 1 })}
      data-press-more-2={t("quickExit.pressMore", { count: 2 })}
    >
      <a
        href={QUICK_EXIT_URL}
        rel="noreferrer"
        className="quick-exit__link"
        onClick={(event) => {
          event.preventDefault();
          leave();
        }}
      >
        {t("quickExit.label")}
      </a>
      {/* A live region without role="status": the page's own status messages stay the only ones. */}
      <span aria-live="polite" className="visually-hidden">
        {status}
      </span>
    </div>
  );
}
