import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/plan-version";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDay, formatMoment } from "~/lib/dates";
import { StatusTag } from "~/features/plan/PlanParts";
import { findPlan, findVersionOrCurrent } from "~/features/plan/queries.server";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  if (!/^[1-9]\d{0,5}$/.test(params.version)) throw notFound();
  const plan = await findPlan(user.participant.id);
  if (!plan) throw notFound();
  const version = await findVersionOrCurrent(plan, Number(params.version));
  if (!version) throw notFound();
  return { version, isCurrent: version.version === plan.version };
}

/** One frozen version of the plan, as it was saved. Parts an older version did not record are said to be missing. */
export default function PlanVersionPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("plan");
  const { version, isCurrent } = loaderData;
  const snapshot = version.snapshot;
  const language = i18n.language;
  const notRecorded = <p className="meta">{t("version.notRecorded")}</p>;
  const title = t("version.title", { version: version.version });
  return (
    <>
      <PageTitle title={title} />
      <p>
        <Link to="/min-plan/tidligere-versioner" className="plan-back">
          {t("version.back")}
        </Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{isCurrent ? t("version.introCurrent") : t("version.intro")}</p>
      <WrittenInDanish />
      <p className="meta">
        {version.changedByName
          ? t("versions.savedBy", { when: formatMoment(version.createdAt, language), name: version.changedByName })
          : t("versions.saved", { when: formatMoment(version.createdAt, language) })}
      </p>
      {version.changeSummary ? (
        <blockquote className="plan-summary" lang="da">
          <p>{version.changeSummary}</p>
        </blockquote>
      ) : null}

      <h2>{t("goal.heading")}</h2>
      <h3>{t("goal.own.heading")}</h3>
      {snapshot.ownGoal === undefined ? (
        notRecorded
      ) : snapshot.ownGoal ? (
        <blockquote className="own-words">
          <p>{snapshot.ownGoal}</p>
        </blockquote>
      ) : (
        <p>{t("version.noOwnGoal")}</p>
      )}
      <h3>{t("goal.employment.heading")}</h3>
      {snapshot.employmentGoal ? <p lang="da">{snapshot.employmentGoal}</p> : notRecorded}

      {snapshot.nextStep ? (
        <>
          <h2>{t("nextStep.heading")}</h2>
          <p lang="da">{snapshot.nextStep}</p>
        </>
      ) : null}

      <h2>{t("subGoals.heading")}</h2>
      {!snapshot.subGoals ? (
        notRecorded
      ) : snapshot.subGoals.length === 0 ? (
        <p>{t("subGoals.none")}</p>
      ) : (
        <ul className="plan-list">
          {snapshot.subGoals.map((goal, index) => (
            <li key={goal.id ?? index} className="card plan-card">
              <h3 lang="da">{goal.title}</h3>
              {goal.description ? <p lang="da">{goal.description}</p> : null}
              <dl className="summary-list">
                {goal.status ? (
                  <div className="summary-list__row">
                    <dt>{t("subGoals.status")}</dt>
                    <dd>
                      <StatusTag kind="subGoal" status={goal.status} />
                    </dd>
                  </div>
                ) : null}
                {goal.helperText ? (
                  <div className="summary-list__row">
                    <dt>{t("subGoals.helper")}</dt>
                    <dd lang="da">{goal.helperText}</dd>
                  </div>
                ) : null}
                {goal.dueOn ? (
                  <div className="summary-list__row">
                    <dt>{t("subGoals.due")}</dt>
                    <dd>{t("subGoals.dueValue", { date: formatDay(goal.dueOn, language) })}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("activities.heading")}</h2>
      {!snapshot.activities ? (
        notRecorded
      ) : snapshot.activities.length === 0 ? (
        <p>{t("activities.none")}</p>
      ) : (
        <ul className="plan-list">
          {snapshot.activities.map((activity, index) => (
            <li key={activity.id ?? index} className="card plan-card">
              {activity.kind ? <p className="card__label">{t(`kinds.${activity.kind}.name`)}</p> : null}
              <h3 lang="da">{activity.title}</h3>
              <dl className="summary-list">
                {activity.purpose ? (
                  <div className="summary-list__row">
                    <dt>{t("activities.purpose")}</dt>
                    <dd lang="da">{activity.purpose}</dd>
                  </div>
                ) : null}
                {activity.responsibleName ? (
                  <div className="summary-list__row">
                    <dt>{t("activities.responsible")}</dt>
                    <dd lang="da">{activity.responsibleName}</dd>
                  </div>
                ) : null}
                {activity.status ? (
                  <div className="summary-list__row">
                    <dt>{t("activities.status")}</dt>
                    <dd>
                      <StatusTag kind="activity" status={activity.status} />
                    </dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("agreements.heading")}</h2>
      {!snapshot.agreements ? (
        notRecorded
      ) : snapshot.agreements.length === 0 ? (
        <p>{t("agreements.none")}</p>
      ) : (
        <ul className="plan-list">
          {snapshot.agreements.map((agreement, index) => (
            <li key={agreement.id ?? index} className="card plan-card">
              <p lang="da">{agreement.text}</p>
              {agreement.ownerText ? (
                <p>
                  {t("agreements.who")}: <span lang="da">{agreement.ownerText}</span>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
