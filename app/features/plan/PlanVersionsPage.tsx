import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { ChangeList, VersionSaved } from "./PlanParts";
import type { VersionListItem } from "./view";

/** /min-plan/tidligere-versioner: every version, newest first, with what changed in each. */
export function PlanVersionsPage({
  currentVersion,
  versions,
}: {
  currentVersion: number | null;
  versions: VersionListItem[];
}) {
  const { t } = useTranslation("plan");
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
      {versions.length === 0 ? <p>{t("versions.none")}</p> : null}
      <ol className="plan-list plan-versions" reversed>
        {versions.map((version) => (
          <li key={version.version} className="card plan-card">
            <h2 id={`version-${version.version}`}>
              {version.version === currentVersion
                ? t("versions.current", { version: version.version })
                : t("versions.version", { version: version.version })}
            </h2>
            <VersionSaved version={version} />
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
        ))}
      </ol>
    </>
  );
}
