import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { copenhagenDay, formatDate, formatTime, isoDateTime } from "~/lib/dates";
import { MY_DATA_PATH } from "~/features/my-data";
import { accessLogWhat, accessLogWho } from "./access-log-text";
import type { AccessLogEntry } from "./queries.server";

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
      <p>
        {t("my-data:log.link")} <Link to={MY_DATA_PATH}>{t("my-data:log.linkText")}</Link>.
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
                  <span className="emphasis">{accessLogWho(entry, t)}</span>
                  {": "}
                  {accessLogWhat(entry, t)}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
