import { ConfirmAction } from "~/components/ui/ConfirmAction";
import { CHECK_SLUG } from "./parts";
import { usePreparationText } from "./setting";

/** "Træk tilbage": a link to the page that asks first, whose form withdraws the part. */
export function WithdrawButton({ slug, title }: { slug: string; title: string }) {
  const { t } = usePreparationText();
  return (
    <ConfirmAction
      href={`/forberedelse/${CHECK_SLUG}/traek-tilbage/${slug}`}
      label={t("check.withdraw")}
      hiddenLabel={t("check.withdrawHidden", { part: title })}
    />
  );
}
