import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import { PrintActions } from "~/components/ui/DocumentLinks";
import { formatDocumentMoment } from "~/lib/dates";
import { paths } from "./components";
import type { SignsView } from "./queries.server";
import { SignLists } from "./SignsPage";

/** /saadan-gaar-det/tegn/udskriv: her two lists on one A4 page, to bring to a meeting. */
export function SignsPrintPage({ signs, name, printedAt }: { signs: SignsView; name: string; printedAt: Date }) {
  const { t, i18n } = useTranslation("progress");
  const empty = signs.warningSigns.length + signs.strategies.length === 0;
  return (
    <>
      <PageTitle title={t("signs.print.title")} />
      <PrintActions back={{ to: paths.signs, label: t("signs.print.back") }} intro={t("signs.print.intro")} printLabel={t("signs.print.button")} />
      <article className="progress-document">
        <h1 tabIndex={-1}>{t("signs.print.heading")}</h1>
        <p className="meta">
          {t("signs.print.whose", { name })}. {t("signs.print.printedAt", { when: formatDocumentMoment(printedAt, i18n.language) })}
        </p>
        {empty ? <p>{t("signs.print.empty")}</p> : <SignLists signs={signs} />}
      </article>
    </>
  );
}
