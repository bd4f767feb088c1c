import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { formatWeekdayMoment } from "~/lib/dates";
import { MapLegend, NetworkMap } from "./NetworkMap";
import type { networkPage } from "./pages.server";
import { PeopleList } from "./PeopleList";

type NetworkPageData = Awaited<ReturnType<typeof networkPage>>;

/** "Mit netværk" (/netvaerk): the map, the same people as a list, and whether it is shared. */
export function NetworkPage({ loaderData }: { loaderData: NetworkPageData }) {
  const { t, i18n } = useTranslation("network");
  const { people, share, notice } = loaderData;
  const wanted = people.filter((p) => p.wantedAtMeeting);

  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      {notice ? (
        <div data-focus-on-load="" className="notice" id="network-notice" tabIndex={-1} role="status">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      <p className="lead">{t("intro")}</p>

      {people.length > 0 ? (
        // With nobody on the map yet, the empty state below holds the one "add" button.
        <p className="network-actions">
          <Link to="/netvaerk/ny" className="button">
            {t("add")}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/netvaerk/tidligere">{t("snapshotsLink")}</Link>
      </p>
      <DocumentLinks print={{ to: "/netvaerk/udskriv", label: t("printLink") }} />

      {people.length > 0 ? (
        <nav aria-labelledby="network-contents-heading" className="page-contents">
          <h2 id="network-contents-heading" className="page-contents__heading">
            {t("contents.heading")}
          </h2>
          <ul className="page-contents__list">
            <li>
              <a href="#map-heading">{t("map.heading")}</a>
            </li>
            <li>
              <a href="#list-heading">{t("list.heading", { count: people.length })}</a>
            </li>
            <li>
              <a href="#deling">{t("share.heading")}</a>
            </li>
          </ul>
        </nav>
      ) : null}

      <details className="plan-explain network-privacy">
        <summary>{t("privacy.summary")}</summary>
        <div className="plan-explain__body">
          <p>{t("privacy.you")}</p>
          <p>
            {share.sharedAt
              ? share.stanceShared
                ? t("privacy.caseworkerWithStance")
                : t("privacy.caseworkerWithoutStance")
              : t("privacy.caseworkerNotShared")}
          </p>
          <p>{t("privacy.relatives")}</p>
        </div>
      </details>

      {people.length === 0 ? (
        <section
          aria-labelledby="empty-heading"
          className="panel network-empty"
        >
          <h2 id="empty-heading">{t("empty.heading")}</h2>
          <p>{t("empty.text")}</p>
          <p>{t("empty.tip")}</p>
          <Link to="/netvaerk/ny" className="button">
            {t("empty.add")}
          </Link>
        </section>
      ) : (
        <>
          <section aria-labelledby="map-heading">
            <h2 id="map-heading">{t("map.heading")}</h2>
            <p>{t("map.intro")}</p>
            {/* Below 40em the drawing is hidden (its words would be ~6 px): the list comes first,
                and the map is one link away at a size where it can be read. */}
            <p className="network-map-small-note">{t("map.smallScreen")}</p>
            <p>
              <Link to="/netvaerk/kort">{t("map.largeLink")}</Link>
            </p>
            <figure className="network-figure network-figure--page">
              <NetworkMap
                people={people}
                centreName={loaderData.firstName}
                showStance
              />
              <figcaption>
                <MapLegend showStance />
                <p className="meta">{t("map.sameAsList")}</p>
              </figcaption>
            </figure>
          </section>
          <section aria-labelledby="list-heading">
            <h2 id="list-heading">
              {t("list.heading", { count: people.length })}
            </h2>
            {wanted.length > 0 ? (
              <p>
                {t("list.wantedSummary", {
                  names: wanted.map((p) => p.name).join(", "),
                  count: wanted.length,
                })}
              </p>
            ) : null}
            <PeopleList people={people} editable />
          </section>
        </>
      )}

      <section aria-labelledby="deling" className="panel network-share">
        <h2 id="deling" tabIndex={-1}>
          {t("share.heading")}
        </h2>
        {share.sharedAt ? (
          <>
            <p>
              {t("share.isShared", {
                when: formatWeekdayMoment(share.sharedAt, i18n.language),
              })}
            </p>
            <p>
              {share.stanceShared
                ? t("share.withStance")
                : t("share.withoutStance")}
            </p>
          </>
        ) : (
          <>
            <p>{t("share.notShared")}</p>
            <p>{t("share.beforeSharing")}</p>
          </>
        )}
        <p>
          <Link to="/netvaerk/del" className="button button--secondary">
            {share.sharedAt ? t("share.reviewOrStop") : t("share.review")}
          </Link>
        </p>
      </section>
    </>
  );
}
