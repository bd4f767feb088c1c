import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMomentDay } from "~/lib/dates";
import { formatMonth } from "./calendar";
import { AnswerSummary, Notice, paths } from "./components";
import type { answerSetPage } from "./pages.server";

type PageData = NonNullable<Awaited<ReturnType<typeof answerSetPage>>>;

/**
 * /saadan-gaar-det/svar/:id: one month's answers exactly as the caseworker would read them, and
 * the set's own share switch. Nothing is shared before she presses the button here.
 */
export function AnswerSetPage({ page }: { page: PageData }) {
  const { t, i18n } = useTranslation("progress");
  const { set } = page;
  const title = t("answers.title", { month: formatMonth(set.month, i18n.language) });
  const shared = set.sharedAt !== null;
  return (
    <>
      <PageTitle title={title} />
      <p className="back-link">
        <Link to={paths.home}>{t("back")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <Notice id="set-notice" text={page.notice ? t(`set.notices.${page.notice}`) : null} />
      <p>
        <strong>{shared ? t("set.isShared", { when: formatMomentDay(set.sharedAt!, i18n.language) }) : t("set.notShared")}</strong>
      </p>
      <AnswerSummary set={set} />
      {page.isCurrentMonth ? (
        <p>
          <Link to={paths.answers}>{t("set.edit")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t("set.shareHeading")}</h2>
        {shared ? (
          <>
            {page.isCurrentMonth ? <p>{t("set.shareLive")}</p> : null}
            <p>{t("set.stopExplain")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="stop-sharing" className="button button--secondary">
                {t("set.stop")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{t("set.shareExplain")}</p>
            {page.isCurrentMonth ? <p>{t("set.shareLive")}</p> : null}
            <p>{t("set.stopAnyTime")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="share" className="button">
                {t("set.share")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
