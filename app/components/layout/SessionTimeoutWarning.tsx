import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFetcher, useLocation, useSubmit } from "react-router";
import { ConfirmDialog } from "../ui/ConfirmDialog";

/**
 * Warns five minutes before the idle sign-out and lets the person stay. Every page load,
 * client navigation or "stay" counts as activity, exactly as on the server.
 * Without JavaScript there is no warning; the server still ends the session and says so calmly.
 */
export function SessionTimeoutWarning({ idleTimeoutMs, warnBeforeMs }: { idleTimeoutMs: number; warnBeforeMs: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const keepAlive = useFetcher();
  const submit = useSubmit();
  const lastActivity = useRef(Date.now());
  const [remainingMs, setRemainingMs] = useState(idleTimeoutMs);
  const [dismissed, setDismissed] = useState(false);

  const markActive = useCallback(() => {
    lastActivity.current = Date.now();
    setRemainingMs(idleTimeoutMs);
    setDismissed(false);
  }, [idleTimeoutMs]);

  useEffect(markActive, [location.key, markActive]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const left = lastActivity.current + idleTimeoutMs - Date.now();
      setRemainingMs(left);
      if (left <= 0) {
        window.clearInterval(timer);
        void submit({ reason: "timeout" }, { method: "post", action: "/log-ud" });
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [idleTimeoutMs, submit]);

  const stay = () => {
    void keepAlive.submit(null, { method: "post", action: "/session/forny" });
    markActive();
  };

  const open = remainingMs <= warnBeforeMs && remainingMs > 0 && !dismissed;
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) stay();
      }}
      title={t("session.warningTitle")}
      description={t("session.warningText")}
      confirmLabel={t("session.stay")}
      onConfirm={stay}
      initialFocus="confirm"
      cancelLabel={t("session.signOutNow")}
      onCancel={() => {
        setDismissed(true);
        void submit(null, { method: "post", action: "/log-ud" });
      }}
    >
      <p className="dialog__countdown">{t("session.warningTimeLeft", { time })}</p>
    </ConfirmDialog>
  );
}
