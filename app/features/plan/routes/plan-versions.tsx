import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/plan-versions";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMoment } from "~/lib/dates";
import { ChangeList } from "~/features/plan/PlanParts";
import { findPlan, getVersionsWithCurrent } from "~/features/plan/queries.server";
import { diffSnapshots } from "~/features/plan/snapshot";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const plan = await findPlan(user.participant.id);
  if (!plan) return { currentVersion: null, versions: [] };
  // Reads only: the current version comes from the plan itself when nobody has frozen it yet.
  const rows = await getVersionsWithCurrent(plan);
  const versions = rows
    .map((row, index) => {
      const previous = index > 0 ? rows[index - 1] : undefined;
      // Only a directly preceding version can say what changed.
      const comparable = previous && previous.version === row.version - 1;
      return {
        version: row.version,
        changedByName: row.changedByName,
        changeSummary: row.changeSummary,
        createdAt: row.createdAt,
        isFirst: row.version === 1,
        changes: comparable ? diffSnapshots(previous.snapshot, row.snapshot, previous.createdAt) : null,
      };
    })
    .reverse();
  return { currentVersion: plan.version, versions };
}

export default function PlanVersionsPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("plan");
  return (
    <>
      <PageTitle title={t("versions.title")} />
      <p>
        <Link to="/min-plan" className="plan-back">
          {t("backToPlan")}
        </Link>
      </p>
      <h1 tabIndex={-1}>{t("versions.title")}</h1>
      <p className="lead">{t("versions.intro")}</p>
      {loaderData.versions.length === 0 ? <p>{t("versions.none")}</p> : null}
      <ol className="plan-list plan-versions" reversed>
        {loaderData.versions.map((version) => {
          const when = formatMoment(version.createdAt, i18n.language);
          return (
            <li key={version.version} className="card plan-card">
              <h2 id={`version-${version.version}`}>
                {version.version === loaderData.currentVersion
                  ? t("versions.current", { version: version.version })
                  : t("versions.version", { version: version.version })}
              </h2>
              <p className="meta">
                {version.changedByName
                  ? t("versions.savedBy", { when, name: version.changedByName })
                  : t("versions.saved", { when })}
              </p>
              {version.changeSummary ? (
                <blockquote className="plan-summary" lang="da">
                  <p>{version.changeSummary}</p>
                </blockquote>
              ) : null}
              <h3>{t("versions.changesHeading")}</h3>
              {version.isFirst ? (
                <p>{t("versions.first")}</p>
              ) : version.changes ? (
                <ChangeList changes={version.changes} detailed />
              ) : (
                <p>{t("versions.unknownChanges")}</p>
              )}
              <p>
                <Link to={`/min-plan/tidligere-versioner/${version.version}`}>
                  {t("versions.open", { version: version.version })}
                </Link>
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
