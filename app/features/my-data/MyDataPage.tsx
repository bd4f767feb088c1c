import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import type { PartKey } from "./parts";

export const paths = {
  home: "/mine-data",
  json: "/mine-data/mine-data.json",
  pdf: "/mine-data/mine-data.pdf",
  delete: "/mine-data/slet",
  confirm: "/mine-data/slet/bekraeft",
  request: "/mine-data/bed-om-sletning",
  log: "/paaroerende/log",
} as const;

export interface MyDataPageData {
  kind: "participant" | "relative";
  parts: PartKey[];
  /** Whether she has anything of her own to delete now (participants only). */
  hasDeletable: boolean;
  notice: "deleted" | "nothing" | null;
}

function Notice({ notice }: { notice: MyDataPageData["notice"] }) {
  const { t } = useTranslation("my-data");
  if (!notice) return null;
  return (
    <div data-focus-on-load="" className="notice" id="my-data-notice" tabIndex={-1} role="status">
      <p>{t(`notice.${notice}`)}</p>
    </div>
  );
}

/**
 * /mine-data (issue 22): download everything (PDF to read, JSON for another system), what the
 * file holds, then what she can delete herself and what the municipality must keep. A tired
 * person sees the two downloads first; deletion is a calm second step behind its own pages.
 */
export function MyDataPage({ page }: { page: MyDataPageData }) {
  const { t } = useTranslation("my-data");
  const participant = page.kind === "participant";
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <Notice notice={page.notice} />
      <p className="lead">{participant ? t("lead") : t("leadRelative")}</p>
      {participant ? null : <p>{t("relativeText")}</p>}

      <section aria-labelledby="download-heading" className="my-data-section">
        <h2 id="download-heading">{t("download.heading")}</h2>
        <p>{t("download.text")}</p>
        <div className="my-data-download">
          <DocumentLinks pdf={{ href: paths.pdf, label: t("download.pdf") }} />
          <p className="meta">{t("download.pdfHint")}</p>
        </div>
        <div className="my-data-download">
          <DocumentLinks pdf={{ href: paths.json, label: t("download.json") }} />
          <p className="meta">{t("download.jsonHint")}</p>
        </div>
        <p>
          {t("download.logged")}
          {participant ? (
            <>
              {" "}
              <Link to={paths.log}>{t("download.logLink")}</Link>.
            </>
          ) : null}
        </p>
        <details className="plan-explain my-data-parts">
          <summary>{t("download.contains")}</summary>
          <div className="plan-explain__body">
            <p>{t("download.containsText")}</p>
            <dl className="my-data-parts__list">
              {page.parts.map((key) => (
                <div key={key}>
                  <dt>{t(`parts.${key}.name`)}</dt>
                  <dd>{t(`parts.${key}.description`)}</dd>
                </div>
              ))}
            </dl>
          </div>
        </details>
      </section>

      {participant ? (
        <>
          <section aria-labelledby="own-heading" className="my-data-section">
            <h2 id="own-heading">{t("own.heading")}</h2>
            <p>{t("own.text")}</p>
            <p>{t("own.examples")}</p>
            <p>{t("own.shared")}</p>
            {page.hasDeletable ? (
              <p>
                <Link to={paths.delete} className="button button--secondary">
                  {t("own.button")}
                </Link>
              </p>
            ) : (
              <p className="meta">{t("own.none")}</p>
            )}
          </section>
          <section aria-labelledby="keep-heading" className="my-data-section">
            <h2 id="keep-heading">{t("keep.heading")}</h2>
            <p>{t("keep.law")}</p>
            <p>{t("keep.examples")}</p>
            <p>{t("keep.ask")}</p>
            <p>{t("keep.doubt")}</p>
            <p>
              <Link to={paths.request} className="button button--secondary">
                {t("keep.button")}
              </Link>
            </p>
          </section>
        </>
      ) : (
        <section aria-labelledby="relative-delete-heading" className="my-data-section">
          <h2 id="relative-delete-heading">{t("relativeDelete.heading")}</h2>
          <p>{t("relativeDelete.text")}</p>
        </section>
      )}
    </>
  );
}
