import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "~/components/layout/PageTitle";
import { copenhagenDay, formatDate, formatTime, isoDateTime } from "~/lib/dates";
import type { AccessLogEntry } from "./queries.server";
import { CASE_SYSTEM_READS } from "~/features/api";

const KNOWN = ["invited", "accepted", "declined", "confirmed", "rejected", "withdrawn", "ended", "viewed", "changed", "resent", "commented", "comment_deleted"];
const PAGES = ["home", "plan", "appointments", "appointment", "preparation", "cv", "network", "messages", "conversation", "list"];
/** Pages the caseworker's briefing may name; anything else is shown without a page. */
const CASEWORKER_PAGES = ["briefing", "plan", "appointments", "preparation", "cv", "network", "list"];
const PARTS = ["education_work", "resources", "challenges", "abilities", "wishes", "network", "questions"];

function What({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation("relatives");
  const { t: tp } = useTranslation("preparation");
  if (entry.bySystem) {
    const what = (CASE_SYSTEM_READS as readonly string[]).includes(entry.details.what ?? "") ? entry.details.what : "other";
    return <>{t(`log.caseSystemRead.${what}`)}</>;
  }
  if (entry.action === "caseworker.conversation_viewed") {
    return <>{t(entry.details.page === "inbox" ? "log.caseworkerInbox" : "log.caseworkerConversation")}</>;
  }
  if (entry.byCaseworker) {
    const page = entry.details.page;
    return (
      <>
        {t("log.caseworkerViewed")}
        {page && CASEWORKER_PAGES.includes(page) ? ` (${t(`log.caseworkerPages.${page}`)})` : null}
      </>
    );
  }
  const verb = entry.action.replace(/^relatives\./, "");
  if (!KNOWN.includes(verb)) return <>{t("log.other")}</>;
  if (verb === "viewed") {
    const page = PAGES.includes(entry.details.page ?? "") ? entry.details.page : "home";
    return <>{t("log.viewed", { page: t(`log.pages.${page}`) })}</>;
  }
  if (verb === "commented" || verb === "comment_deleted") {
    const part = PARTS.includes(entry.details.part ?? "") ? tp(`parts.${entry.details.part}.title`) : t("log.pages.preparation");
    return <>{t(`log.${verb}`, { part })}</>;
  }
  // The real account's name once someone answered; the typed name only as "invited as ...".
  const invitedAs = entry.details.invitedAs ? ` (${t("log.invitedAs", { name: entry.details.invitedAs })})` : "";
  return (
    <>
      {t(`log.${verb}`, { name: entry.details.grantName ?? "" })}
      {invitedAs}
    </>
  );
}

/** "Hvem har set mine oplysninger": one section per day, newest first. */
export function AccessLogPage({ entries }: { entries: AccessLogEntry[] }) {
  const { t, i18n } = useTranslation("relatives");
  const language = i18n.language;
  // One section per day (Copenhagen), newest first: dates and pages, never details.
  const days: { day: string; entries: AccessLogEntry[] }[] = [];
  for (const entry of entries) {
    const day = copenhagenDay(new Date(entry.occurredAt));
    const last = days[days.length - 1];
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return (
    <>
      <PageTitle title={t("log.title")} />
      <p className="back-link">
        <Link to="/paaroerende">{t("backToList")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("log.title")}</h1>
      <p className="lead">{t("log.intro")}</p>
      <p>{t("log.intro2")}</p>
      <p>
        {t("log.systemReads")} <a href="/privatliv#hvem-kan-laese-det">{t("log.whatJobcentreReads")}</a>.
      </p>
      {entries.length === 0 ? (
        <p>{t("log.none")}</p>
      ) : (
        days.map((day) => (
          <section key={day.day} aria-labelledby={`log-${day.day}`} className="relatives-log">
            <h2 id={`log-${day.day}`} className="capitalize-first">
              {formatDate(day.entries[0]!.occurredAt, language)} {day.day.slice(0, 4)}
            </h2>
            <ul className="plain-list relatives-log__list">
              {day.entries.map((entry) => (
                <li key={entry.id} className="relatives-log__entry">
                  <time dateTime={isoDateTime(entry.occurredAt)} className="relatives-log__time">
                    {t("list.at", { time: formatTime(entry.occurredAt, language) })}
                  </time>{" "}
                  <span className="emphasis">
                    {entry.bySystem
                      ? entry.bySystem.municipalityName
                        ? t("log.caseSystemOf", { municipality: entry.bySystem.municipalityName })
                        : t("log.caseSystem")
                      : entry.byCaseworker
                        ? t("log.caseworker")
                        : entry.byParticipant
                          ? t("log.you")
                          : (entry.actorName ?? t("log.unknown"))}
                  </span>
                  {": "}
                  <What entry={entry} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
