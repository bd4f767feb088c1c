import { useTranslation } from "~/lib/i18n/react";
import type { NetworkPersonView } from "./constants";
import { helpKindsText, StanceText } from "./PeopleList";

/**
 * One person as the caseworker reads them in `caseworker.network_people` (migration 0005):
 * name, who they are, area, ring, what they help with, contact, the meeting wish, and the
 * judgement only while the participant shares it. Never the participant's own note.
 */
export type SharedPerson = Omit<NetworkPersonView, "note" | "version">;

/** Leaves out what the caseworker never reads (the note), so the page cannot show it by mistake. */
export function asShared(person: NetworkPersonView): SharedPerson {
  return {
    id: person.id,
    name: person.name,
    relation: person.relation,
    sector: person.sector,
    closeness: person.closeness,
    helpKinds: person.helpKinds,
    stance: person.stance,
    contactFrequency: person.contactFrequency,
    wantedAtMeeting: person.wantedAtMeeting,
    updatedAt: person.updatedAt,
  };
}

/**
 * What the caseworker reads, person by person, on /netvaerk/del. `showStance` is whether the
 * judgement goes along: only when the participant has chosen it.
 */
export function SharedPeople({ people, showStance }: { people: SharedPerson[]; showStance: boolean }) {
  const { t } = useTranslation("network");
  return (
    <ul className="network-share-review__list">
      {people.map((person) => (
        <li key={person.id} className="network-share-review__person" data-testid="shared-person">
          <h3>{person.name}</h3>
          <dl className="network-share-review__facts">
            {person.relation ? (
              <div>
                <dt>{t("list.relation")}</dt>
                <dd>{person.relation}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("list.sector")}</dt>
              <dd>{t(`sectors.${person.sector}`)}</dd>
            </div>
            <div>
              <dt>{t("list.closeness")}</dt>
              <dd>{t(`closeness.${person.closeness}`)}</dd>
            </div>
            {showStance && person.stance ? (
              <div>
                <dt>{t("list.stance")}</dt>
                <dd>
                  <StanceText stance={person.stance} idPrefix={`shared-${person.id}`} />
                </dd>
              </div>
            ) : null}
            {person.helpKinds.length > 0 ? (
              <div>
                <dt>{t("list.helpKinds")}</dt>
                <dd>{helpKindsText(person.helpKinds, t)}</dd>
              </div>
            ) : null}
            {person.contactFrequency ? (
              <div>
                <dt>{t("list.contactFrequency")}</dt>
                <dd>{person.contactFrequency}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("list.wantedAtMeeting")}</dt>
              <dd>{person.wantedAtMeeting ? t("yes") : t("no")}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
