import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { explanationFor } from "~/features/content";
import { possessiveName } from "~/lib/addressee";
import { formatDay } from "~/lib/dates";
import { sharedViewPath, type Scope } from "./scopes";
import type { GrantState } from "./status";
import { Tag } from "~/components/ui/Tag";

/** "Mettes", "Jonas'" / "Mette's", "Jonas'": a first name as owner (one rule for the whole portal). */
export const possessive = possessiveName;

export function usePossessive() {
  const { i18n } = useTranslation();
  return (name: string) => possessive(name, i18n.language);
}

export function StateTag({ state }: { state: GrantState }) {
  const { t } = useTranslation("relatives");
  const over = state === "withdrawn" || state === "expired" || state === "ended" || state === "invitationExpired";
  return <Tag tone={over ? "grey" : state === "active" ? "green" : "blue"}>{t(`state.${state}`)}</Tag>;
}

/** The shared parts as a list of plain words ("Din plan", "Dine møder"). */
export function ScopeList({ scopes, owner }: { scopes: Scope[]; owner: "you" | "other" }) {
  const { t } = useTranslation("relatives");
  return (
    <ul className="plain-list relatives-scopes">
      {scopes.map((scope) => (
        <li key={scope}>{t(owner === "you" ? `scopes.${scope}` : `scopesOther.${scope}`)}</li>
      ))}
    </ul>
  );
}

export function Until({ day }: { day: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={day}>{formatDay(day, i18n.language)}</time>;
}

export interface HelpedSummary {
  participantId: string;
  firstName: string;
  lastName: string;
  scopes: Scope[];
  validUntil: string;
}

/** "Du hjælper": the people who have shared their planning with the signed-in person. */
export function HelpingList({ helped, headingLevel = 2 }: { helped: HelpedSummary[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("relatives");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="plain-list relatives-helping">
      {helped.map((person) => (
        <li key={person.participantId} className="card">
          <Heading className="card__title">
            <Link to={`/hjaelper/${person.participantId}`}>
              {t("helping.choose", { name: `${person.firstName} ${person.lastName}` })}
            </Link>
          </Heading>
          <p>{t("helping.canSee", { name: person.firstName })}</p>
          <ScopeList scopes={person.scopes} owner="other" />
          <p>
            {t("helping.until")} <Until day={person.validUntil} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** For the overview: a person with grants chooses whose planning to see. */
export function HelpingCard({ helped }: { helped: HelpedSummary[] }) {
  const { t } = useTranslation("relatives");
  if (helped.length === 0) return null;
  return (
    <section aria-labelledby="helping-heading" className="card relatives-helping-card">
      <h2 id="helping-heading">{t("helping.heading")}</h2>
      <ul className="plain-list">
        {helped.map((person) => (
          <li key={person.participantId}>
            <Link to={`/hjaelper/${person.participantId}`}>
              {t("helping.choose", { name: `${person.firstName} ${person.lastName}` })}
            </Link>
            <span className="meta">
              {" "}
              {t("helping.untilShort")} <Until day={person.validUntil} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Links to the relative's pages for the granted scopes that have a view. */
export function sharedLinks(participantId: string, scopes: Scope[]) {
  return scopes.flatMap((scope) => {
    const path = sharedViewPath(participantId, scope);
    return path ? [{ scope, path }] : [];
  });
}

/** The overview of a person with grants but no programme of their own: "Du hjælper: Mette". */
export function HelpingChooser({ helped }: { helped: HelpedSummary[] }) {
  const { t } = useTranslation("relatives");
  return (
    <section aria-labelledby="helping-heading">
      <h2 id="helping-heading">{t("helping.heading")}</h2>
      <p>{t("helping.introRelative")}</p>
      <HelpingList helped={helped} headingLevel={3} />
    </section>
  );
}

/** The plain-language page for an activity or meeting kind (the kinds come from the database as text). */
const explain = explanationFor as (kind: "activity" | "appointment", value: string) => string | null;

/**
 * "Hvad er en mentor?" for a relative: the plan's plain-language explanation of an activity, told
 * about the participant ("Mette") instead of to them ("du"). The link is the plan's own.
 */
export function RelativeActivityExplanation({ kind, name }: { kind: string; name: string }) {
  const { t, i18n } = useTranslation("relatives");
  const owner = possessive(name, i18n.language);
  const { t: tp } = useTranslation("plan");
  const href = explain("activity", kind);
  return (
    <details className="plan-explain">
      <summary>{t(`about.activity.${kind}.question`, { name })}</summary>
      <div className="plan-explain__body">
        <p>{t(`about.activity.${kind}.text`, { name, owner })}</p>
        {href ? (
          <p>
            <a href={href}>{tp(`kinds.${kind}.readMore`)}</a>
          </p>
        ) : null}
      </div>
    </details>
  );
}

/** "Hvad er det for et møde?" for a relative: the meeting kind explained about the participant, then the jobcentre's own words. */
export function RelativeKindExplanation({ kind, purpose, name }: { kind: string; purpose: string; name: string }) {
  const { t, i18n } = useTranslation("relatives");
  const { t: ta } = useTranslation("appointments");
  const what = t(`about.appointment.${kind}`, { name, owner: possessive(name, i18n.language), returnObjects: true }) as unknown;
  const href = explain("appointment", kind);
  return (
    <section aria-labelledby="what-heading">
      <h2 id="what-heading">{ta("detail.whatHeading")}</h2>
      <p className="card__label">{t(`about.appointmentNames.${kind}`, { defaultValue: ta(`kinds.${kind}.name`) })}</p>
      {(Array.isArray(what) ? (what as string[]) : []).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {href ? (
        <p>
          <a href={href}>{t(`about.readMore.${kind}`, { defaultValue: ta(`kinds.${kind}.readMore`) })}</a>
        </p>
      ) : null}
      <h3>{t("about.purposeHeading")}</h3>
      <p lang="da">{purpose}</p>
    </section>
  );
}
