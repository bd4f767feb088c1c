import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import {
  CLOSENESS,
  isHelpKind,
  SECTORS,
  type NetworkPersonView,
} from "./constants";
import { HatchPattern, Marker } from "./NetworkMap";

export function helpKindsText(
  kinds: string[],
  t: (key: string) => string,
): string {
  return kinds
    .map((kind) => (isHelpKind(kind) ? t(`helpKinds.${kind}`) : kind))
    .join(", ");
}

/** The judgement in words, with the map's shape beside it (hidden from screen readers: the words say it). */
export function StanceText({
  stance,
  idPrefix,
}: {
  stance: NetworkPersonView["stance"];
  idPrefix: string;
}) {
  const { t } = useTranslation("network");
  if (!stance) return null;
  return (
    <span className="network-stance">
      <svg
        viewBox="0 0 28 28"
        width="24"
        height="24"
        aria-hidden="true"
        focusable="false"
        className="network-stance__symbol"
      >
        {stance === "holds_back" ? (
          <HatchPattern id={`${idPrefix}-hatch`} />
        ) : null}
        <Marker
          x={14}
          y={14}
          stance={stance}
          hatch={`url(#${idPrefix}-hatch)`}
        />
      </svg>
      {t(`stances.${stance}`)}
    </span>
  );
}

/**
 * The list that carries everything the map shows (and more), grouped by sector, each person
 * with ordinary links to change or remove them. Readable at 320 px and with 50+ people.
 */
export function PeopleList({
  people,
  editable,
  wantedYes,
}: {
  people: NetworkPersonView[];
  editable: boolean;
  /** "Ja, jeg vil gerne have personen med" in the participant's voice, unless someone else reads it. */
  wantedYes?: string;
}) {
  const { t } = useTranslation("network");
  const groups = SECTORS.map((sector) => ({
    sector,
    people: people.filter((p) => p.sector === sector),
  }));
  return (
    <>
      <nav aria-labelledby="list-jump-label" className="network-jump">
        <p id="list-jump-label" className="network-jump__label">
          {t("list.jumpTo")}
        </p>
        <ul className="network-jump__list">
          {groups.map((group) => (
            <li key={group.sector}>
              <a href={`#sektor-${group.sector}`}>
                {t("list.sectorCount", {
                  sector: t(`sectors.${group.sector}`),
                  count: group.people.length,
                })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section
          key={group.sector}
          aria-labelledby={`sektor-${group.sector}`}
          className="network-group"
        >
          <h3 id={`sektor-${group.sector}`} tabIndex={-1}>
            {t("list.sectorCount", {
              sector: t(`sectors.${group.sector}`),
              count: group.people.length,
            })}
          </h3>
          {group.people.length === 0 ? (
            <p className="meta">{t("list.noneInSector")}</p>
          ) : (
            <ul className="network-list">
              {group.people.map((person) => (
                <li
                  key={person.id}
                  className="card network-card"
                  data-person-id={person.id}
                  data-sector={person.sector}
                  data-closeness={person.closeness}
                  data-testid="network-person"
                >
                  <h4 className="network-card__name">{person.name}</h4>
                  <SummaryList>
                    {person.relation ? <SummaryRow label={t("list.relation")}>{person.relation}</SummaryRow> : null}
                    <SummaryRow label={t("list.closeness")}>{t(`closeness.${person.closeness}`)}</SummaryRow>
                    {person.stance ? (
                      <SummaryRow label={t("list.stance")}>
                        <StanceText stance={person.stance} idPrefix={`stance-${person.id}`} />
                      </SummaryRow>
                    ) : null}
                    {person.helpKinds.length > 0 ? (
                      <SummaryRow label={t("list.helpKinds")}>{helpKindsText(person.helpKinds, t)}</SummaryRow>
                    ) : null}
                    {person.contactFrequency ? (
                      <SummaryRow label={t("list.contactFrequency")}>{person.contactFrequency}</SummaryRow>
                    ) : null}
                    <SummaryRow label={t("list.wantedAtMeeting")}>
                      {person.wantedAtMeeting ? (wantedYes ?? t("list.wantedYes")) : t("list.wantedNo")}
                    </SummaryRow>
                    {person.note ? (
                      <SummaryRow label={t("list.note")} preWrap>
                        {person.note}
                      </SummaryRow>
                    ) : null}
                  </SummaryList>
                  {editable ? (
                    <p className="network-card__actions">
                      <Link
                        to={`/netvaerk/${person.id}`}
                        className="network-card__action"
                      >
                        {t("list.edit")}
                        <span className="visually-hidden"> {person.name}</span>
                      </Link>
                      <Link
                        to={`/netvaerk/${person.id}/fjern`}
                        className="network-card__action"
                      >
                        {t("list.remove")}
                        <span className="visually-hidden"> {person.name}</span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

/** A compact table of everyone, for print (and for anyone who prefers a table). */
export function PeopleTable({
  people,
  showStance,
}: {
  people: NetworkPersonView[];
  showStance: boolean;
}) {
  const { t } = useTranslation("network");
  const sorted = [...people].sort(
    (a, b) =>
      SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) ||
      CLOSENESS.indexOf(a.closeness) - CLOSENESS.indexOf(b.closeness),
  );
  return (
    <div
      className="network-table-wrap"
      role="region"
      aria-labelledby="network-table-caption"
      tabIndex={0}
    >
      <table className="network-table">
        <caption id="network-table-caption">
          {t("print.tableCaption", { count: people.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("list.name")}</th>
            <th scope="col">{t("list.sector")}</th>
            <th scope="col">{t("list.closeness")}</th>
            {showStance ? <th scope="col">{t("list.stance")}</th> : null}
            <th scope="col">{t("list.helpKinds")}</th>
            <th scope="col">{t("list.contactFrequency")}</th>
            <th scope="col">{t("list.wantedAtMeetingShort")}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.name}
                {person.relation ? (
                  <span className="meta network-table__relation">
                    {person.relation}
                  </span>
                ) : null}
              </th>
              <td>{t(`sectors.${person.sector}`)}</td>
              <td>{t(`closeness.${person.closeness}`)}</td>
              {showStance ? (
                <td>
                  {person.stance ? (
                    <StanceText
                      stance={person.stance}
                      idPrefix={`print-${person.id}`}
                    />
                  ) : null}
                </td>
              ) : null}
              <td>{helpKindsText(person.helpKinds, t) || "–"}</td>
              <td>{person.contactFrequency ?? "–"}</td>
              <td>{person.wantedAtMeeting ? t("yes") : t("no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
