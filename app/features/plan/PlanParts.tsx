import { useTranslation } from "react-i18next";
import { explanationFor } from "~/features/content/catalogue";
import { formatDay, formatDocumentMoment, formatHours, formatMoment } from "~/lib/dates";
import type { PlanChange } from "./snapshot";
import type { PlanView } from "./view";
import { Tag, type TagTone } from "~/components/ui/Tag";

// Pieces of the plan shared by the screen page, the print view and the version pages.
// Texts written by the jobcentre are Danish whatever the page language: they carry lang="da".

/** Visible text, not colour alone: "Nyt" for things the jobcentre changed since the last visit. */
export function NewTag() {
  const { t } = useTranslation("plan");
  return <Tag tone="new">{t("new")}</Tag>;
}

const PLAN_STATUS_TONE: Record<string, TagTone> = {
  not_started: "grey",
  planned: "grey",
  paused: "grey",
  being_arranged: "blue",
  in_progress: "blue",
  active: "blue",
  reached: "green",
  completed: "green",
};

export function StatusTag({ kind, status }: { kind: "subGoal" | "activity"; status: string }) {
  const { t } = useTranslation("plan");
  return <Tag tone={PLAN_STATUS_TONE[status] ?? "plain"}>{t(`status.${kind}.${status}`)}</Tag>;
}

/** "5. marts 2026 til 30. juni 2026", "Fra 5. marts 2026", ... */
function period(startsOn: string | null, endsOn: string | null, language: string, t: (key: string, o?: Record<string, unknown>) => string) {
  const start = startsOn ? formatDay(startsOn, language) : null;
  const end = endsOn ? formatDay(endsOn, language) : null;
  if (start && end) return t("activities.periodValue", { start, end });
  if (start) return t("activities.periodFrom", { start });
  if (end) return t("activities.periodUntil", { end });
  return null;
}

/**
 * `participantName` when someone else reads it (a relative): "Skrevet af Mette", not "Skrevet af dig".
 * `forDocument` on the print view: it is read later, so moments have their full date, never "i dag".
 */
export function OwnGoalText({
  ownGoal,
  participantName,
  forDocument = false,
}: {
  ownGoal: PlanView["ownGoal"];
  participantName?: string;
  forDocument?: boolean;
}) {
  const { t, i18n } = useTranslation("plan");
  if (!ownGoal.text) return <p>{participantName ? t("goal.own.missingOther", { name: participantName }) : t("goal.own.missing")}</p>;
  const moment = forDocument ? formatDocumentMoment : formatMoment;
  const when = ownGoal.updatedAt ? moment(ownGoal.updatedAt, i18n.language) : null;
  return (
    <>
      {/* The participant's own words, in whatever language they wrote them: not marked as Danish. */}
      <blockquote className="own-words plan-own-words">
        <p>{ownGoal.text}</p>
      </blockquote>
      {when ? (
        <p className="meta">
          {ownGoal.author.kind === "you"
            ? participantName
              ? t("goal.own.byOther", { name: participantName, when })
              : t("goal.own.byYou", { when })
            : ownGoal.author.name
              ? t("goal.own.byOther", { name: ownGoal.author.name, when })
              : t("goal.own.byUnknown", { when })}
        </p>
      ) : null}
    </>
  );
}

export function SubGoalDetails({ goal, forDocument = false }: { goal: PlanView["subGoals"][number]; forDocument?: boolean }) {
  const { t, i18n } = useTranslation("plan");
  const moment = forDocument ? formatDocumentMoment : formatMoment;
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t("subGoals.status")}</dt>
        <dd>
          <StatusTag kind="subGoal" status={goal.status} />
        </dd>
      </div>
      {goal.helperText ? (
        <div className="summary-list__row">
          <dt>{t("subGoals.helper")}</dt>
          <dd lang="da">{goal.helperText}</dd>
        </div>
      ) : null}
      {goal.dueOn ? (
        <div className="summary-list__row">
          <dt>{t("subGoals.due")}</dt>
          <dd>{t("subGoals.dueValue", { date: formatDay(goal.dueOn, i18n.language) })}</dd>
        </div>
      ) : null}
      {goal.participantStatus ? (
        <div className="summary-list__row">
          <dt>{t("subGoals.yourMark")}</dt>
          <dd>
            <StatusTag kind="subGoal" status={goal.participantStatus} />
            {goal.participantUpdatedAt ? (
              <span className="meta"> {t("subGoals.markedWhen", { when: moment(goal.participantUpdatedAt, i18n.language) })}</span>
            ) : null}
            {goal.participantComment ? (
              <blockquote className="own-words plan-comment">
                <p>{goal.participantComment}</p>
              </blockquote>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** `participantName` when someone else reads it (a relative): "Hvad det skal give Mette". */
export function ActivityDetails({ activity, participantName }: { activity: PlanView["activities"][number]; participantName?: string }) {
  const { t, i18n } = useTranslation("plan");
  const when = period(activity.startsOn, activity.endsOn, i18n.language, t);
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{participantName ? t("activities.purposeOther", { name: participantName }) : t("activities.purpose")}</dt>
        <dd lang="da">{activity.purpose}</dd>
      </div>
      {activity.responsibleName ? (
        <div className="summary-list__row">
          <dt>{t("activities.responsible")}</dt>
          <dd lang="da">{activity.responsibleName}</dd>
        </div>
      ) : null}
      {activity.place ? (
        <div className="summary-list__row">
          <dt>{t("activities.place")}</dt>
          <dd lang="da">{activity.place}</dd>
        </div>
      ) : null}
      {when ? (
        <div className="summary-list__row">
          <dt>{t("activities.period")}</dt>
          <dd>{when}</dd>
        </div>
      ) : null}
      {activity.hoursPerWeek ? (
        <div className="summary-list__row">
          <dt>{t("activities.hours")}</dt>
          <dd>{t("activities.hoursValue", { hours: formatHours(activity.hoursPerWeek, i18n.language) })}</dd>
        </div>
      ) : null}
      <div className="summary-list__row">
        <dt>{t("activities.status")}</dt>
        <dd>
          <StatusTag kind="activity" status={activity.status} />
        </dd>
      </div>
    </dl>
  );
}

/** What this kind of activity is, in plain words, one click away (a native disclosure: works without JavaScript). */
export function ActivityKindExplanation({ kind }: { kind: PlanView["activities"][number]["kind"] }) {
  const { t } = useTranslation("plan");
  // The plain-language page or glossary entry for the kind (features/content/catalogue.ts). A plain
  // link: those pages ship no JavaScript and load as whole documents.
  const href = explanationFor("activity", kind);
  return (
    <details className="plan-explain">
      <summary>{t(`kinds.${kind}.question`)}</summary>
      <div className="plan-explain__body">
        <p>{t(`kinds.${kind}.text`)}</p>
        {href ? (
          <p>
            <a href={href}>{t(`kinds.${kind}.readMore`)}</a>
          </p>
        ) : null}
      </div>
    </details>
  );
}

export function AgreementDetails({ agreement }: { agreement: PlanView["agreements"][number] }) {
  const { t, i18n } = useTranslation("plan");
  if (!agreement.ownerText && !agreement.dueOn) return null;
  return (
    <dl className="summary-list">
      {agreement.ownerText ? (
        <div className="summary-list__row">
          <dt>{t("agreements.who")}</dt>
          <dd lang="da">{agreement.ownerText}</dd>
        </div>
      ) : null}
      {agreement.dueOn ? (
        <div className="summary-list__row">
          <dt>{t("agreements.when")}</dt>
          <dd>{t("agreements.dueValue", { date: formatDay(agreement.dueOn, i18n.language) })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function ContactDetails({ contact, linked = true }: { contact: PlanView["contacts"][number]; linked?: boolean }) {
  const { t } = useTranslation("plan");
  return (
    <dl className="summary-list">
      <div className="summary-list__row">
        <dt>{t("contacts.organisation")}</dt>
        <dd lang="da">{contact.organisation}</dd>
      </div>
      {contact.phone ? (
        <div className="summary-list__row">
          <dt>{t("contacts.phone")}</dt>
          <dd>{linked ? <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a> : contact.phone}</dd>
        </div>
      ) : null}
      {contact.email ? (
        <div className="summary-list__row">
          <dt>{t("contacts.email")}</dt>
          <dd>{linked ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : contact.email}</dd>
        </div>
      ) : null}
      {contact.reachableText ? (
        <div className="summary-list__row">
          <dt>{t("contacts.reachable")}</dt>
          <dd lang="da">{contact.reachableText}</dd>
        </div>
      ) : null}
    </dl>
  );
}

// Stands in for the item's title while a sentence is translated, so the title can get lang="da".
const LABEL = "\u0000label\u0000";

/** A list of what changed between two versions, each change one sentence in plain words. */
export function ChangeList({ changes, detailed = false }: { changes: PlanChange[]; detailed?: boolean }) {
  const { t } = useTranslation("plan");
  if (changes.length === 0) return <p>{t("changes.none")}</p>;
  return (
    <ul className="plan-changes">
      {changes.map((change, index) => {
        if (!("label" in change)) {
          return (
            <li key={`${change.area}-${index}`}>
              {t(`changes.${change.area}`)}
              {detailed ? (
                <dl className="plan-changes__texts">
                  <dt>{t("changes.before")}</dt>
                  <dd lang={change.area === "ownGoal" ? undefined : "da"}>{change.from || "–"}</dd>
                  <dt>{t("changes.after")}</dt>
                  <dd lang={change.area === "ownGoal" ? undefined : "da"}>{change.to || "–"}</dd>
                </dl>
              ) : null}
            </li>
          );
        }
        const statusKind = change.area === "activity" ? "activity" : "subGoal";
        const withStatus = change.kind === "changed" && change.statusFrom && change.statusTo;
        // One whole sentence per change; the jobcentre's own words inside it stay marked as Danish.
        const [before, after] = t(`changes.${change.area}.${withStatus ? "changedStatus" : change.kind}`, {
          label: LABEL,
          from: change.statusFrom ? t(`status.${statusKind}.${change.statusFrom}`) : "",
          to: change.statusTo ? t(`status.${statusKind}.${change.statusTo}`) : "",
        }).split(LABEL);
        return (
          <li key={`${change.area}-${change.kind}-${change.id ?? change.label}-${index}`}>
            {before}
            <span lang="da">{change.label}</span>
            {after}
          </li>
        );
      })}
    </ul>
  );
}
