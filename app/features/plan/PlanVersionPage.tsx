import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";
import { formatDay } from "~/lib/dates";
import { StatusTag, VersionSaved } from "./PlanParts";
import type { VersionRow } from "./queries.server";

/** One frozen version of the plan, as it was saved. Parts an older version did not record are said to be missing. */
export function PlanVersionPage({ version, isCurrent }: { version: VersionRow; isCurrent: boolean }) {
  const { t, i18n } = useTranslation("plan");
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
      <VersionSaved version={version} />

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
              <SummaryList>
                {goal.status ? (
                  <SummaryRow label={t("subGoals.status")}>
                    <StatusTag kind="subGoal" status={goal.status} />
                  </SummaryRow>
                ) : null}
                {goal.helperText ? (
                  <SummaryRow label={t("subGoals.helper")} lang="da">{goal.helperText}</SummaryRow>
                ) : null}
                {goal.dueOn ? (
                  <SummaryRow label={t("subGoals.due")}>
                    {t("subGoals.dueValue", { date: formatDay(goal.dueOn, language) })}
                  </SummaryRow>
                ) : null}
              </SummaryList>
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
              <SummaryList>
                {activity.purpose ? (
                  <SummaryRow label={t("activities.purpose")} lang="da">{activity.purpose}</SummaryRow>
                ) : null}
                {activity.responsibleName ? (
                  <SummaryRow label={t("activities.responsible")} lang="da">{activity.responsibleName}</SummaryRow>
                ) : null}
                {activity.status ? (
                  <SummaryRow label={t("activities.status")}>
                    <StatusTag kind="activity" status={activity.status} />
                  </SummaryRow>
                ) : null}
              </SummaryList>
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
