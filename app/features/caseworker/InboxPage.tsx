import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import type { InboxPageData } from "./messages.server";
import { ConversationList } from "./messages-ui";
import { PageRange, Pagination } from "./Pagination";

/**
 * `/sagsbehandler/beskeder`: one page (50) of her participants' conversations. Those waiting for
 * her answer come first, the longest wait at the top, each saying how long it has waited and when
 * the answer is due; then the rest, the newest first. The headings count all of them, and the
 * summary of late and due answers is over every page.
 */
export function InboxPage({ inbox, now }: { inbox: InboxPageData; now: Date }) {
  const { rows, answerWorkdays } = inbox;
  const { t } = useTranslation("caseworker");
  const waiting = rows.filter((row) => row.state === "awaiting");
  const others = rows.filter((row) => row.state !== "awaiting");
  const othersInAll = inbox.total - inbox.waiting;
  const lastPage = inbox.page === inbox.pageCount;
  // A section shows when this page has some of its conversations; its "none" text on the page where it would have begun.
  const showWaiting = waiting.length > 0 || (inbox.waiting === 0 && inbox.page === 1);
  const showOthers = others.length > 0 || (othersInAll === 0 && lastPage);
  const title = inbox.pageCount > 1 ? t("pages.title", { title: t("inbox.title"), page: inbox.page, pages: inbox.pageCount }) : t("inbox.title");
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
          <PageRange pages={inbox} shown={rows.length} texts={{ some: "inbox.showing", last: "inbox.showingLast" }} />
          {showWaiting ? (
            <section aria-labelledby="cw-inbox-waiting" className="cw-inbox-section">
              <h2 id="cw-inbox-waiting">
                {t("inbox.waitingHeading")} <span className="cw-count">({inbox.waiting})</span>
              </h2>
              {waiting.length === 0 ? (
                <p>{t("inbox.noneWaiting")}</p>
              ) : (
                <>
                  <p>
                    {[
                      t("inbox.waitingIntro"),
                      inbox.late > 0 ? t("inbox.summaryLate", { count: inbox.late }) : null,
                      inbox.dueToday > 0 ? t("inbox.summaryToday", { count: inbox.dueToday }) : null,
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
          <Pagination pages={inbox} list="/sagsbehandler/beskeder" label={t("inbox.pagesNav")} />
        </>
      )}
    </>
  );
}
