import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import type { InboxRow } from "./messages.server";
import { ConversationList } from "./messages-ui";
import { PAGE_SIZE } from "./paging";
import { Pagination, type ListPages } from "./Pagination";

/**
 * `/sagsbehandler/beskeder`: one page (50) of her participants' conversations. Those waiting for
 * her answer come first, the longest wait at the top, each saying how long it has waited and when
 * the answer is due; then the rest, the newest first. The headings count all of them, and the
 * summary of late and due answers is over every page.
 */
export function InboxPage({
  rows,
  now,
  answerWorkdays,
  pages = { page: 1, pageCount: 1, total: rows.length },
  counts,
  list = "/sagsbehandler/beskeder",
}: {
  rows: InboxRow[];
  now: Date;
  answerWorkdays: number | null;
  pages?: ListPages;
  /** Over all her conversations: waiting for her answer, and of those late or due today. */
  counts: { waiting: number; late: number; dueToday: number };
  list?: string;
}) {
  const { t } = useTranslation("caseworker");
  const waiting = rows.filter((row) => row.state === "awaiting");
  const others = rows.filter((row) => row.state !== "awaiting");
  const othersInAll = pages.total - counts.waiting;
  const lastPage = pages.page === pages.pageCount;
  // A section shows when this page has some of its conversations; its "none" text on the page where it would have begun.
  const showWaiting = waiting.length > 0 || (counts.waiting === 0 && pages.page === 1);
  const showOthers = others.length > 0 || (othersInAll === 0 && lastPage);
  const title = pages.pageCount > 1 ? t("pages.title", { title: t("inbox.title"), page: pages.page, pages: pages.pageCount }) : t("inbox.title");
  return (
    <>
      <PageTitle title={title} />
      <p className="cw-actions">
        <a href="/sagsbehandler" className="back-link">
          {t("briefing.back")}
        </a>
      </p>
      <h1 tabIndex={-1}>{t("inbox.title")}</h1>
      <p className="lead">{t("inbox.intro")}</p>
      {answerWorkdays ? <p>{t("inbox.promise", { count: answerWorkdays })}</p> : null}
      <p className="meta">{t("inbox.logged")}</p>
      {rows.length === 0 ? (
        <p>{t("inbox.none")}</p>
      ) : (
        <>
          {pages.pageCount > 1 ? (
            <p className="meta">
              {rows.length === 1
                ? t("inbox.showingLast", { count: pages.total, from: pages.total })
                : t("inbox.showing", { count: pages.total, from: (pages.page - 1) * PAGE_SIZE + 1, to: (pages.page - 1) * PAGE_SIZE + rows.length })}
            </p>
          ) : null}
          {showWaiting ? (
            <section aria-labelledby="cw-inbox-waiting" className="cw-inbox-section">
              <h2 id="cw-inbox-waiting">
                {t("inbox.waitingHeading")} <span className="cw-count">({counts.waiting})</span>
              </h2>
              {waiting.length === 0 ? (
                <p>{t("inbox.noneWaiting")}</p>
              ) : (
                <>
                  <p>
                    {[
                      t("inbox.waitingIntro"),
                      counts.late > 0 ? t("inbox.summaryLate", { count: counts.late }) : null,
                      counts.dueToday > 0 ? t("inbox.summaryToday", { count: counts.dueToday }) : null,
                    ]
                      .filter(Boolean)
                      .join(" ")}
                  </p>
                  <ConversationList rows={waiting} now={now} />
                </>
              )}
            </section>
          ) : null}
          {showOthers ? (
            <section aria-labelledby="cw-inbox-others" className="cw-inbox-section">
              <h2 id="cw-inbox-others">
                {t("inbox.othersHeading")} <span className="cw-count">({othersInAll})</span>
              </h2>
              {others.length === 0 ? (
                <p>{t("inbox.noOthers")}</p>
              ) : (
                <>
                  <p>{t("inbox.othersIntro")}</p>
                  <ConversationList rows={others} now={now} />
                </>
              )}
            </section>
          ) : null}
          <Pagination pages={pages} list={list} label={t("inbox.pagesNav")} />
        </>
      )}
    </>
  );
}
