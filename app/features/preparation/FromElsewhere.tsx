import { Link } from "~/components/ui/Link";
import { Tag } from "~/components/ui/Tag";
import { textList, usePreparationText } from "./setting";
import type { CvSummaryEntry, NetworkSummaryPerson } from "./queries.server";

/** "Fra dit CV": what the participant already wrote in the CV, so they need not type it twice. */
export function FromCv({ entries }: { entries: CvSummaryEntry[] }) {
  const { t } = usePreparationText();
  return (
    <section className="panel prep-from" aria-labelledby="from-cv-heading">
      <h2 id="from-cv-heading">{t("parts.education_work.fromCvHeading")}</h2>
      {entries.length > 0 ? (
        <>
          <p>{t("parts.education_work.fromCvText")}</p>
          <ul className="plain-list prep-from__list">
            {entries.map((entry, index) => {
              const period = entry.fromText
                ? entry.isOngoing || !entry.toText
                  ? t("parts.education_work.ongoing", { from: entry.fromText })
                  : entry.toText === entry.fromText
                    ? entry.fromText
                    : t("parts.education_work.period", { from: entry.fromText, to: entry.toText })
                : null;
              return (
                <li key={`${index}-${entry.title}`}>
                  <span className="card__label">{t(`parts.education_work.kinds.${entry.kind}`)}</span>
                  <br />
                  <span className="emphasis">{entry.title}</span>
                  {entry.organisation ? `, ${entry.organisation}` : null}
                  {period ? ` (${period})` : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p>{t("parts.education_work.noCv")}</p>
      )}
      <p>
        <Link to="/cv">{t("parts.education_work.cvLink")}</Link>
      </p>
    </section>
  );
}

/** People from the network map: names, relation and who they want at the meeting. Never whether someone helps or holds back. */
export function FromNetworkMap({ people }: { people: NetworkSummaryPerson[] }) {
  const { t } = usePreparationText();
  return (
    <section className="panel prep-from" aria-labelledby="from-map-heading">
      <h2 id="from-map-heading">{t("parts.network.fromMapHeading")}</h2>
      {people.length > 0 ? (
        <>
          <p>{t("parts.network.fromMapText")}</p>
          <ul className="plain-list prep-from__list">
            {people.map((person, index) => (
              <li key={`${index}-${person.name}`}>
                <span className="emphasis">{person.name}</span>
                {person.relation ? `, ${person.relation}` : null}
                {person.wantedAtMeeting ? (
                  <>
                    <br />
                    <Tag tone="blue">{t("parts.network.wanted")}</Tag>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("parts.network.noMap")}</p>
      )}
      <p>
        <Link to="/netvaerk">{t("parts.network.mapLink")}</Link>
      </p>
    </section>
  );
}

/** "Det der er svært": who reads what the person writes here, before the first question. */
export function WhoReads() {
  const { t } = usePreparationText();
  const items = textList(t, "parts.challenges.whoReads");
  return (
    <section className="notice prep-who-reads" aria-labelledby="who-reads-heading">
      <h2 id="who-reads-heading">{t("parts.challenges.whoReadsHeading")}</h2>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{t("form.allOptional")}</p>
    </section>
  );
}
