import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import type { InboxRow } from "./messages.server";
import { ConversationList, dueState } from "./messages-ui";

/**
 * `/sagsbehandler/beskeder`: her participants' conversations. Those waiting for her answer come
 * first, the longest wait at the top, each saying how long it has waited and when the answer is
 * due; then the rest, the newest first.
 */
export function InboxPage({ rows, now, answerWorkdays }: { rows: InboxRow[]; now: Date; answerWorkdays: number | null }) {
  const { t } = useTranslation("caseworker");
  const waiting = rows.filter((row) => row.state === "awaiting");
  const others = rows.filter((row) => row.state !== "awaiting");
  const late = waiting.filter((row) => dueState(row.answerDueOn, now) === "late").length;
  const today = waiting.filter((row) => dueState(row.answerDueOn, now) === "today").length;
  return (
    <>
      <PageTitle title={t("inbox.title")} />
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
          <section aria-labelledby="cw-inbox-waiting" className="cw-inbox-section">
            <h2 id="cw-inbox-waiting">
              {t("inbox.waitingHeading")} <span className="cw-count">({waiting.length})</span>
            </h2>
            {waiting.length === 0 ? (
              <p>{t("inbox.noneWaiting")}</p>
            ) : (
              <>
                <p>
                  {[t("inbox.waitingIntro"), late > 0 ? t("inbox.summaryLate", { count: late }) : null, today > 0 ? t("inbox.summaryToday", { count: today }) : null]
                    .filter(Boolean)
                    .join(" ")}
                </p>
                <ConversationList rows={waiting} now={now} />
              </>
            )}
          </section>
          <section aria-labelledby="cw-inbox-others" className="cw-inbox-section">
            <h2 id="cw-inbox-others">
              {t("inbox.othersHeading")} <span className="cw-count">({others.length})</span>
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
        </>
      )}
    </>
  );
}
