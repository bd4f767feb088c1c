import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSubmit } from "react-router";
import { ConfirmDialog } from "~/components/ui/ConfirmDialog";
import { CHECK_SLUG } from "./parts";

/**
 * "Træk tilbage": without JavaScript a link to a page that asks first; with JavaScript a button
 * that asks in a dialog and then posts to the same address.
 */
export function WithdrawButton({ slug, title }: { slug: string; title: string }) {
  const { t } = useTranslation("preparation");
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setHydrated(true), []);
  const href = `/forberedelse/${CHECK_SLUG}/traek-tilbage/${slug}`;
  const label = (
    <>
      {t("check.withdraw")}
      <span className="visually-hidden"> {t("check.withdrawHidden", { part: title })}</span>
    </>
  );
  if (!hydrated) {
    return (
      <Link to={href} className="button button--secondary">
        {label}
      </Link>
    );
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      title={t("withdraw.title", { part: title })}
      description={t("withdraw.text")}
      confirmLabel={t("withdraw.confirm")}
      cancelLabel={t("withdraw.cancel")}
      onConfirm={() => {
        setOpen(false);
        void submit({ confirm: "yes" }, { method: "post", action: href });
      }}
      trigger={
        <button type="button" className="button button--secondary">
          {label}
        </button>
      }
    />
  );
}
