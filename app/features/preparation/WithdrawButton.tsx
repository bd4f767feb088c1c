import { ConfirmAction } from "~/components/ui/ConfirmAction";
import { CHECK_SLUG } from "./parts";
import { usePreparationText } from "./setting";

/** "Træk tilbage": asks first (a page without JavaScript, a dialog with it), then posts to the same address. */
export function WithdrawButton({ slug, title }: { slug: string; title: string }) {
  const { t } = usePreparationText();
  return (
    <ConfirmAction
      href={`/forberedelse/${CHECK_SLUG}/traek-tilbage/${slug}`}
      label={t("check.withdraw")}
      hiddenLabel={t("check.withdrawHidden", { part: title })}
      title={t("withdraw.title", { part: title })}
      description={t("withdraw.text")}
      confirmLabel={t("withdraw.confirm")}
      cancelLabel={t("withdraw.cancel")}
    />
  );
}
