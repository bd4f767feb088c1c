import { useTranslation } from "~/lib/i18n/react";
import { formatDate, formatTime } from "~/lib/dates";
import { formatDocumentMoment, formatMomentDay } from "~/lib/dates";
import { ActivityDetails, AgreementDetails, ContactDetails, OwnGoalText, SubGoalDetails } from "./PlanParts";
import type { PlanView } from "./view";

/**
 * The whole plan as one document, for the print view: the same content as the PDF, laid out
 * for A4 by the print styles (no forms, no disclosures, explanations written out).
 */
export function PlanDocument({ view, name, printedAt }: { view: PlanView; name: string; printedAt: Date }) {
  const { t, i18n } = useTranslation("plan");
  const language = i18n.language;
  return (
    <article className="plan-document" aria-labelledby="plan-document-title">
      <header className="plan-document__header">
        <h1 id="plan-document-title" tabIndex={-1}>
          {t("print.heading", { name })}
        </h1>
        <p>
          {t("meta.version", { version: view.version })}{" "}
          {view.updatedByName
            ? t("meta.updatedBy", { when: formatDocumentMoment(view.updatedAt, language), name: view.updatedByName })
            : t("meta.updated", { when: formatDocumentMoment(view.updatedAt, language) })}
        </p>
      </header>

      <section aria-labelledby="doc-goal-heading">
        <h2 id="doc-goal-heading">{t("goal.heading")}</h2>
        <h3>{t("goal.own.heading")}</h3>
        <OwnGoalText ownGoal={view.ownGoal} forDocument />
        <h3>{t("goal.employment.heading")}</h3>
        <p lang="da">{view.employmentGoal}</p>
        <p className="meta">{t("goal.employment.hint")}</p>
      </section>

      {view.nextStep || view.nextConversation ? (
        <section aria-labelledby="doc-next-heading">
          <h2 id="doc-next-heading">{t("nextStep.heading")}</h2>
          {view.nextStep ? <p lang="da">{view.nextStep}</p> : null}
          {view.nextConversation ? (
            <p>
              {t("nextStep.conversation")} <span lang="da">{view.nextConversation.title}</span>,{" "}
              {formatDate(view.nextConversation.startsAt, language)}{" "}
              {t("common:dates.timeRange", {
                start: formatTime(view.nextConversation.startsAt, language),
                end: formatTime(view.nextConversation.endsAt, language),
              })}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="doc-sub-goals-heading">
        <h2 id="doc-sub-goals-heading">{t("subGoals.heading")}</h2>
        {view.subGoals.length === 0 ? <p>{t("subGoals.none")}</p> : null}
        {view.subGoals.map((goal) => (
          <div key={goal.id} className="plan-document__item">
            <h3 lang="da">{goal.title}</h3>
            {goal.description ? <p lang="da">{goal.description}</p> : null}
            <SubGoalDetails goal={goal} forDocument />
          </div>
        ))}
      </section>

      <section aria-labelledby="doc-activities-heading">
        <h2 id="doc-activities-heading">{t("activities.heading")}</h2>
        <p>{t("activities.intro")}</p>
        {view.activities.length === 0 ? <p>{t("activities.none")}</p> : null}
        {view.activities.map((activity) => (
          <div key={activity.id} className="plan-document__item">
            <h3>
              <span lang="da">{activity.title}</span>
              {t(`kinds.${activity.kind}.name`).toLowerCase() !== activity.title.toLowerCase()
                ? ` (${t(`kinds.${activity.kind}.name`)})`
                : null}
            </h3>
            <ActivityDetails activity={activity} />
            <p className="meta">{t(`kinds.${activity.kind}.text`)}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="doc-agreements-heading">
        <h2 id="doc-agreements-heading">{t("agreements.heading")}</h2>
        {view.agreements.length === 0 ? <p>{t("agreements.none")}</p> : null}
        {view.agreements.map((agreement) => (
          <div key={agreement.id} className="plan-document__item">
            <p lang="da">{agreement.text}</p>
            <AgreementDetails agreement={agreement} />
          </div>
        ))}
      </section>

      <section aria-labelledby="doc-contacts-heading">
        <h2 id="doc-contacts-heading">{t("contacts.heading")}</h2>
        {view.contacts.map((contact) => (
          <div key={contact.id} className="plan-document__item">
            <h3>{contact.name}</h3>
            <p>{t(`contacts.roles.${contact.role}`)}</p>
            <ContactDetails contact={contact} />
          </div>
        ))}
      </section>

      <footer className="plan-document__footer">
        <p className="meta">{t("print.printedAt", { date: formatMomentDay(printedAt, language) })}</p>
      </footer>
    </article>
  );
}
