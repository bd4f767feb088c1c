import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";
import { ActivityDetails, AgreementsSection, ContactsSection, OwnGoalText, SubGoalDetails } from "~/features/plan";
import { formatMoment } from "~/lib/dates";
import { RelativeActivityExplanation, usePossessive } from "./components";
import type { Route } from "./routes/+types/relatives-shared-plan";

/** The participant's plan as a relative reads it: the jobcentre's parts, worded about her. */
export function SharedPlanPage({ loaderData }: Pick<Route.ComponentProps, "loaderData">) {
  const { t: tp, i18n } = useTranslation("plan");
  const { t } = useTranslation("relatives");
  const owner = usePossessive();
  const language = i18n.language;
  const { plan, firstName } = loaderData;
  const title = t("shared.planTitle", { owner: owner(firstName) });
  if (!plan) {
    return (
      <>
        <PageTitle title={title} />
        <h1 tabIndex={-1}>{title}</h1>
        <p className="lead">{t("shared.noPlan", { name: firstName })}</p>
      </>
    );
  }
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <WrittenInDanish participantName={firstName} />
      <p className="plan-meta">
        <span className="plan-meta__version">{tp("meta.version", { version: plan.version })}</span>{" "}
        {plan.updatedByName
          ? tp("meta.updatedBy", { when: formatMoment(plan.updatedAt, language), name: plan.updatedByName })
          : tp("meta.updated", { when: formatMoment(plan.updatedAt, language) })}
      </p>

      <section aria-labelledby="goal-heading">
        <h2 id="goal-heading">{t("shared.plan.goalHeading")}</h2>
        <div className="plan-goals">
          <div className="card plan-card">
            <h3>{t("shared.plan.ownGoal", { owner: owner(firstName) })}</h3>
            <OwnGoalText ownGoal={plan.ownGoal} participantName={firstName} />
          </div>
          <div className="card plan-card">
            <h3>{t("shared.plan.employmentHeading", { owner: owner(firstName) })}</h3>
            <p lang="da" className="plan-goal-text">
              {plan.employmentGoal}
            </p>
          </div>
        </div>
      </section>

      {plan.nextStep ? (
        <section aria-labelledby="next-step-heading">
          <h2 id="next-step-heading">{t("shared.plan.nextStepHeading", { owner: owner(firstName) })}</h2>
          <p lang="da">{plan.nextStep}</p>
        </section>
      ) : null}

      <section aria-labelledby="sub-goals-heading">
        <h2 id="sub-goals-heading">{tp("subGoals.heading")}</h2>
        {plan.subGoals.length === 0 ? <p>{t("shared.plan.noSubGoals", { owner: owner(firstName) })}</p> : null}
        <ul className="plan-list">
          {plan.subGoals.map((goal) => (
            <li key={goal.id} className="card plan-card">
              <h3 lang="da">{goal.title}</h3>
              {goal.description ? <p lang="da">{goal.description}</p> : null}
              <SubGoalDetails goal={goal} participantName={firstName} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{tp("activities.heading")}</h2>
        {plan.activities.length === 0 ? <p>{t("shared.plan.noActivities", { owner: owner(firstName) })}</p> : null}
        <ul className="plan-list">
          {plan.activities.map((activity) => (
            <li key={activity.id} className="card plan-card">
              {tp(`kinds.${activity.kind}.name`).toLowerCase() !== activity.title.toLowerCase() ? (
                <p className="card__label">{tp(`kinds.${activity.kind}.name`)}</p>
              ) : null}
              <h3 lang="da">{activity.title}</h3>
              <ActivityDetails activity={activity} participantName={firstName} />
              <RelativeActivityExplanation kind={activity.kind} name={firstName} />
            </li>
          ))}
        </ul>
      </section>

      <AgreementsSection agreements={plan.agreements} none={t("shared.plan.noAgreements", { owner: owner(firstName) })} />

      <ContactsSection
        contacts={plan.contacts}
        heading={t("shared.plan.contactsHeading", { owner: owner(firstName) })}
        roleText={(role) => t(`shared.plan.roles.${role}`, { owner: owner(firstName) })}
      />
    </>
  );
}
