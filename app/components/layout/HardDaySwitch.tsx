import { useTranslation } from "~/lib/i18n/react";
import { useLocation } from "react-router";

/** Where the switch posts (app/features/hard-day/urls.ts). */
export const HARD_DAY_PATH = "/hard-dag";

/**
 * "Jeg har en hård dag" / "Slå hård dag fra": one button in a plain POST form, so it works
 * without JavaScript. The answer sets or removes a cookie on this device and comes back here.
 */
export function HardDaySwitch({ on, className = "" }: { on: boolean; className?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <form method="post" action={HARD_DAY_PATH} className={`hard-day-switch ${className}`.trim()}>
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <button type="submit" name="hardDay" value={on ? "off" : "on"} className="button button--secondary button--small hard-day-switch__button">
        {on ? t("hardDay.turnOff") : t("hardDay.turnOn")}
      </button>
    </form>
  );
}
