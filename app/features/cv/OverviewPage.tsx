import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { formatMoment } from "~/lib/dates";
import { StatusNotice } from "./components";
import type { Completeness, CvPart, PartStatus } from "./completeness";

/** "CV og jobønsker" (/cv): every part with its status, what to fill in next, and "Del". */

/** What a part's line says beside its name. */
function usePartStatus() {
  const { t } = useTranslation("cv");
  return (status: PartStatus): string => {
    switch (status.kind) {
      case "contact": {
        const shown = [t("overview.name"), ...status.shown.map((key) => t(`overview.${key}`))].join(", ");
        return status.chosen ? t("overview.contactShown", { what: shown }) : t("overview.contactNotChosen");
      }
      case "filled":
        return t("overview.wishesFilled");
      case "count":
        return t("overview.count", { count: status.count });
      case "tasks":
        return status.count >= status.recommended
          ? t("overview.tasksCount", { count: status.count })
          : t("overview.tasksTooFew", { count: status.count, recommended: status.recommended });
      case "empty":
        return t("notFilled");
    }
  };
}

function PartList({ parts }: { parts: CvPart[] }) {
  const { t } = useTranslation("cv");
  const statusText = usePartStatus();
  return (
    <ul className="cv-parts">
      {parts.map((part) => (
        <li key={part.key} className="cv-part">
          <Link to={part.href} className="cv-part__link">
            {t(`parts.${part.key}`)}
          </Link>
          <span className="cv-part__status">{statusText(part.status)}</span>
        </li>
      ))}
    </ul>
  );
}

export function OverviewPage({
  loaderData,
}: {
  loaderData: { shared: boolean; sharedAt: Date | null; changedSinceShared: boolean; gap: boolean; completeness: Completeness };
}) {
  const { t, i18n } = useTranslation("cv");
  const { completeness: progress } = loaderData;

  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      {loaderData.shared ? (
        <StatusNotice>
          <p>{t("share.done")}</p>
        </StatusNotice>
      ) : null}

      <section className="panel cv-progress" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("completeness.heading")}</h2>
        <p>
          {progress.done === progress.total
            ? t("completeness.done")
            : t("completeness.progress", { done: progress.done, total: progress.total })}
        </p>
        {progress.next ? (
          <p>
            {t("completeness.next")}{" "}
            <Link to={progress.next.href}>{t(`parts.${progress.next.key}`)}</Link>
          </p>
        ) : null}
        <p className="meta">{t("completeness.tip")}</p>
      </section>

      <DocumentLinks print={{ to: "/cv/vis", label: t("previewLink") }} pdf={{ href: "/cv/cv.pdf", label: t("pdf") }} />

      <section aria-labelledby="cv-heading">
        <h2 id="cv-heading">{t("overview.cvHeading")}</h2>
        <PartList parts={progress.cvParts} />
        {loaderData.gap ? (
          <div className="panel cv-gap">
            <h3>{t("gap.heading")}</h3>
            <p>{t("gap.text")}</p>
            <p>
              <Link to="/cv/frivilligt">{t("gap.link")}</Link>
            </p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="wishes-heading">
        <h2 id="wishes-heading">{t("overview.wishesHeading")}</h2>
        <PartList parts={progress.wishParts} />
      </section>

      <section className="panel cv-share" aria-labelledby="share-heading" id="del">
        <h2 id="share-heading">{t("share.heading")}</h2>
        <p>{t("share.text")}</p>
        <p className="cv-share__when">
          {loaderData.sharedAt
            ? t("share.last", { when: formatMoment(loaderData.sharedAt, i18n.language) })
            : t("share.never")}
        </p>
        {loaderData.changedSinceShared ? <p>{t("share.changedSince")}</p> : null}
        <p>
          <Link to="/cv/del" className="button">
            {t("share.reviewLink")}
          </Link>
        </p>
      </section>
    </>
  );
}
