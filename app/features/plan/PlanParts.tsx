import { useTranslation } from "~/lib/i18n/react";
import { explanationFor } from "~/features/content";
import { formatDay, formatDocumentMoment, formatHours, formatMoment } from "~/lib/dates";
import type { PlanChange } from "./snapshot";
import type { PlanView } from "./view";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
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

/** "Foreslået af dig" (or, for a relative, "Foreslået af Mette") on an item that came from her own proposal. */
function ProposedByRow({ proposalId, participantName }: { proposalId?: string | null; participantName?: string }) {
  const { t } = useTranslation("plan");
  if (!proposalId) return null;
  return (
    <SummaryRow label={t("proposedBy.label")}>{participantName ? t("proposedBy.other", { name: participantName }) : t("proposedBy.you")}</SummaryRow>
  );
}

/** `participantName` when someone else reads it (a relative): "Foreslået af Mette". */
export function SubGoalDetails({
  goal,
  forDocument = false,
  participantName,
}: {
  goal: PlanView["subGoals"][number];
  forDocument?: boolean;
  participantName?: string;
}) {
  const { t, i18n } = useTranslation("plan");
  const moment = forDocument ? formatDocumentMoment : formatMoment;
  return (
    <SummaryList>
      <ProposedByRow proposalId={goal.proposalId} participantName={participantName} />
      <SummaryRow label={t("subGoals.status")}>
        <StatusTag kind="subGoal" status={goal.status} />
      </SummaryRow>
      {goal.helperText ? (
        <SummaryRow label={t("subGoals.helper")} lang="da">{goal.helperText}</SummaryRow>
      ) : null}
      {goal.dueOn ? (
        <SummaryRow label={t("subGoals.due")}>
          {t("subGoals.dueValue", { date: formatDay(goal.dueOn, i18n.language) })}
        </SummaryRow>
      ) : null}
      {goal.participantStatus ? (
        <SummaryRow label={t("subGoals.yourMark")}>
          <StatusTag kind="subGoal" status={goal.participantStatus} />
          {goal.participantUpdatedAt ? (
            <span className="meta"> {t("subGoals.markedWhen", { when: moment(goal.participantUpdatedAt, i18n.language) })}</span>
          ) : null}
          {goal.participantComment ? (
            <blockquote className="own-words plan-comment">
              <p>{goal.participantComment}</p>
            </blockquote>
          ) : null}
        </SummaryRow>
      ) : null}
    </SummaryList>
  );
}

/** `participantName` when someone else reads it (a relative): "Hvad det skal give Mette". */
export function ActivityDetails({ activity, participantName }: { activity: PlanView["activities"][number]; participantName?: string }) {
  const { t, i18n } = useTranslation("plan");
  const when = period(activity.startsOn, activity.endsOn, i18n.language, t);
  return (
    <SummaryList>
      <ProposedByRow proposalId={activity.proposalId} participantName={participantName} />
      <SummaryRow
        label={participantName ? t("activities.purposeOther", { name: participantName }) : t("activities.purpose")}
        lang="da"
      >
        {activity.purpose}
      </SummaryRow>
      {activity.responsibleName ? (
        <SummaryRow label={t("activities.responsible")} lang="da">{activity.responsibleName}</SummaryRow>
      ) : null}
      {activity.place ? (
        <SummaryRow label={t("activities.place")} lang="da">{activity.place}</SummaryRow>
      ) : null}
      {when ? (
        <SummaryRow label={t("activities.period")}>{when}</SummaryRow>
      ) : null}
      {activity.hoursPerWeek ? (
        <SummaryRow label={t("activities.hours")}>
          {t("activities.hoursValue", { hours: formatHours(activity.hoursPerWeek, i18n.language) })}
        </SummaryRow>
      ) : null}
      <SummaryRow label={t("activities.status")}>
        <StatusTag kind="activity" status={activity.status} />
      </SummaryRow>
    </SummaryList>
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
    <SummaryList>
      {agreement.ownerText ? (
        <SummaryRow label={t("agreements.who")} lang="da">{agreement.ownerText}</SummaryRow>
      ) : null}
      {agreement.dueOn ? (
        <SummaryRow label={t("agreements.when")}>
          {t("agreements.dueValue", { date: formatDay(agreement.dueOn, i18n.language) })}
        </SummaryRow>
      ) : null}
    </SummaryList>
  );
}

export function ContactDetails({ contact, linked = true }: { contact: PlanView["contacts"][number]; linked?: boolean }) {
  const { t } = useTranslation("plan");
  return (
    <SummaryList>
      <SummaryRow label={t("contacts.organisation")} lang="da">{contact.organisation}</SummaryRow>
      {contact.phone ? (
        <SummaryRow label={t("contacts.phone")}>
          {linked ? <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a> : contact.phone}
        </SummaryRow>
      ) : null}
      {contact.email ? (
        <SummaryRow label={t("contacts.email")}>
          {linked ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : contact.email}
        </SummaryRow>
      ) : null}
      {contact.reachableText ? (
        <SummaryRow label={t("contacts.reachable")} lang="da">{contact.reachableText}</SummaryRow>
      ) : null}
    </SummaryList>
  );
}

/**
 * "Aftaler": the plan's agreements as cards. The reader decides the words: the participant's own
 * page explains the part and marks what is new; a relative's page words "none" about the
 * participant.
 */
export function AgreementsSection({
  agreements,
  intro,
  none,
  isNew,
}: {
  agreements: PlanView["agreements"];
  intro?: string;
  none: string;
  /** "Nyt" marks, on the participant's own page only. */
  isNew?: (id: string) => boolean;
}) {
  const { t } = useTranslation("plan");
  return (
    <section aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{t("agreements.heading")}</h2>
      {intro ? <p>{intro}</p> : null}
      {agreements.length === 0 ? <p>{none}</p> : null}
      <ul className="plan-list">
        {agreements.map((agreement) => (
          <li key={agreement.id} className="card plan-card">
            {isNew?.(agreement.id) ? (
              <p className="plan-card__tag">
                <NewTag />
              </p>
            ) : null}
            <p lang="da" className="plan-agreement-text">
              {agreement.text}
            </p>
            <AgreementDetails agreement={agreement} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Dine kontakter": who to call, as cards. The reader decides the words: the heading and each
 * person's role are worded for the participant herself or, on a relative's page, about her.
 */
export function ContactsSection({
  contacts,
  heading,
  intro,
  none,
  roleText,
}: {
  contacts: PlanView["contacts"];
  heading: string;
  intro?: string;
  /** Said when there are no contacts; a relative's page says nothing. */
  none?: string;
  roleText: (role: PlanView["contacts"][number]["role"]) => string;
}) {
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{heading}</h2>
      {intro ? <p>{intro}</p> : null}
      {none && contacts.length === 0 ? <p>{none}</p> : null}
      <ul className="plan-list plan-contacts">
        {contacts.map((contact) => (
          <li key={contact.id} className="card plan-card">
            <h3>{contact.name}</h3>
            <p>{roleText(contact.role)}</p>
            <ContactDetails contact={contact} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who saved a plan version and when, and the jobcentre's own summary of the change. */
export function VersionSaved({
  version,
}: {
  version: { createdAt: Parameters<typeof formatMoment>[0]; changedByName: string | null; changeSummary: string | null };
}) {
  const { t, i18n } = useTranslation("plan");
  const when = formatMoment(version.createdAt, i18n.language);
  return (
    <>
      <p className="meta">
        {version.changedByName ? t("versions.savedBy", { when, name: version.changedByName }) : t("versions.saved", { when })}
      </p>
      {version.changeSummary ? (
        <blockquote className="plan-summary" lang="da">
          <p>{version.changeSummary}</p>
        </blockquote>
      ) : null}
    </>
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
