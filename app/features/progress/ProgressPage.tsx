import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDayMonth, formatMonth, formatMonthName } from "./calendar";
import { FactorHistory, Notice, paths, ShareTag } from "./components";
import { FACTORS } from "./levels";
import type { progressPage } from "./pages.server";

type PageData = Awaited<ReturnType<typeof progressPage>>;

/**
 * /saadan-gaar-det: what a tired person sees first is this month (answered or not, one button) and
 * when the next reminder is; then her answers over time, in words; then the diary and the signs.
 */
export function ProgressPage({ page }: { page: PageData }) {
  const { t, i18n } = useTranslation("progress");
  const language = i18n.language;
  const month = formatMonthName(page.month, language);
  const newestFirst = [...page.sets].reverse();
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <Notice id="progress-notice" text={page.notice ? t(`notices.${page.notice}`) : null} />
      <p className="lead">{t("page.lead")}</p>
      <p>{t("page.private")}</p>

      <section className="card progress-month" aria-labelledby="this-month">
        <h2 id="this-month">{t("page.thisMonth")}</h2>
        {page.current ? (
          <>
            <p>{t("page.answered", { month })}</p>
            <p>
              <Link to={paths.set(page.current.id)}>{t("page.seeAnswers", { month })}</Link>
            </p>
          </>
        ) : (
          <>
            <p>{t("page.notAnswered", { month })}</p>
            <p>
              <Link to={paths.answers} className="button">
                {t("page.answer", { month })}
              </Link>
            </p>
          </>
        )}
        {page.nextReminder ? (
          <p>
            {t("page.next", { date: formatDayMonth(page.nextReminder, language) })} <Link to={paths.reminder}>{t("page.changeDay")}</Link>
          </p>
        ) : (
          <p>
            {t("page.noDay")} <Link to={paths.reminder}>{t("page.chooseDay")}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="more">
        <h2 id="more">{t("page.moreHeading")}</h2>
        <ul className="content-list">
          <li>
            <Link to={paths.diary} className="content-list__link">
              {t("page.diaryLink")}
            </Link>
            <p>{t("page.diaryText")}</p>
          </li>
          <li>
            <Link to={paths.signs} className="content-list__link">
              {t("page.signsLink")}
            </Link>
            <p>{t("page.signsText")}</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t("page.historyHeading")}</h2>
        {page.sets.length === 0 ? (
          <p>{t("page.historyEmpty")}</p>
        ) : (
          <>
            <p>{t("page.historyIntro")}</p>
            <h3 id="months">{t("page.monthsHeading")}</h3>
            <ul className="progress-months" aria-labelledby="months">
              {newestFirst.map((set) => (
                <li key={set.id}>
                  <Link to={paths.set(set.id)}>{formatMonth(set.month, language)}</Link> <ShareTag shared={set.sharedAt !== null} />
                </li>
              ))}
            </ul>
            {page.sets.length === 1 ? <p>{t("page.oneMonthOnly")}</p> : null}
            {FACTORS.map((factor) => (
              <FactorHistory key={factor} factor={factor} sets={page.sets} />
            ))}
          </>
        )}
      </section>

    </>
  );
}
