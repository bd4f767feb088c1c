import { focusOnLoad } from "~/components/ui/focus";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMonthYear, formatWeekdayMoment } from "~/lib/dates";
import type { snapshotsPage } from "./pages.server";
import { helpKindsText } from "./PeopleList";
import { NOW, type NetworkChange } from "./snapshot";

type SnapshotsPageData = Awaited<ReturnType<typeof snapshotsPage>>;

/** One change between two states of the network, in a sentence. */
function ChangeText({ change }: { change: NetworkChange }) {
  const { t } = useTranslation("network");
  switch (change.kind) {
    case "added":
      return (
        <>
          {t("changes.added", {
            name: change.name,
            sector: t(`sectors.${change.person.sector}`),
            ring: t(`closeness.${change.person.closeness}`),
          })}
        </>
      );
    case "removed":
      return <>{t("changes.removed", { name: change.name })}</>;
    case "closeness":
      return (
        <>
          {t("changes.closeness", {
            name: change.name,
            from: t(`closeness.${change.from}`),
            to: t(`closeness.${change.to}`),
          })}
        </>
      );
    case "sector":
      return (
        <>
          {t("changes.sector", {
            name: change.name,
            from: t(`sectors.${change.from}`),
            to: t(`sectors.${change.to}`),
          })}
        </>
      );
    case "stance":
      return (
        <>
          {t("changes.stance", {
            name: change.name,
            from: t(`stances.${change.from}`),
            to: t(`stances.${change.to}`),
          })}
        </>
      );
    case "wanted":
      return (
        <>
          {change.to
            ? t("changes.wantedOn", { name: change.name })
            : t("changes.wantedOff", { name: change.name })}
        </>
      );
    case "helpKinds":
      return (
        <>
          {t("changes.helpKinds", {
            name: change.name,
            to: helpKindsText(change.to, t) || "–",
          })}
        </>
      );
    case "relation":
      return (
        <>
          {t("changes.relation", { name: change.name, to: change.to || "–" })}
        </>
      );
    case "renamed":
      return (
        <>{t("changes.renamed", { name: change.name, from: change.from })}</>
      );
  }
}

export function SnapshotsPage({ loaderData }: { loaderData: SnapshotsPageData }) {
  const { t, i18n } = useTranslation("network");
  const { snapshots, comparison, saved, unchanged } = loaderData;
  const labelFor = (id: string) => {
    if (id === NOW) return t("snapshots.now");
    const s = snapshots.find((x) => x.id === id);
    return s
      ? t("snapshots.label", {
          month: formatMonthYear(s.createdAt, i18n.language),
        })
      : "";
  };
  const defaultFrom = loaderData.query.from ?? snapshots[0]?.id ?? "";
  const defaultTo = loaderData.query.to ?? NOW;

  return (
    <>
      <PageTitle
        title={t("snapshots.title")}
        hasErrors={loaderData.compareError}
      />
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("snapshots.title")}</h1>
      {saved ? (
        <div data-focus-on-load="" className="notice" id="snapshot-saved" tabIndex={-1} role="status">
          <p>{t("snapshots.saved")}</p>
        </div>
      ) : null}
      {unchanged && snapshots[0] ? (
        <div data-focus-on-load="" className="notice" id="snapshot-saved" tabIndex={-1} role="status">
          <p>
            {t("snapshots.unchanged", {
              when: formatWeekdayMoment(snapshots[0].createdAt, i18n.language),
            })}
          </p>
        </div>
      ) : null}
      <p className="lead">{t("snapshots.intro")}</p>
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value="save-snapshot"
          className="button"
        >
          {t("snapshots.save", {
            month: formatMonthYear(new Date(), i18n.language),
          })}
        </button>
      </Form>

      <section aria-labelledby="saved-heading">
        <h2 id="saved-heading">{t("snapshots.listHeading")}</h2>
        {snapshots.length === 0 ? (
          <p>{t("snapshots.none")}</p>
        ) : (
          <ul
            className="plan-list network-snapshots"
            data-testid="snapshot-list"
          >
            {snapshots.map((s) => (
              <li key={s.id} className="card">
                <p className="card__title">
                  {t("snapshots.label", {
                    month: formatMonthYear(s.createdAt, i18n.language),
                  })}
                </p>
                <p className="meta">
                  {t("snapshots.meta", {
                    when: formatWeekdayMoment(s.createdAt, i18n.language),
                    count: s.count,
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {snapshots.length > 0 ? (
        <section aria-labelledby="compare-heading" className="panel">
          <h2 id="compare-heading">{t("snapshots.compareHeading")}</h2>
          <p>{t("snapshots.compareIntro")}</p>
          {loaderData.compareError ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              <h3 className="error-summary__title">
                {t("common:form.errorSummaryTitle")}
              </h3>
              <ul className="error-summary__list">
                <li>
                  <a href="#fra">{t("snapshots.compareError")}</a>
                </li>
              </ul>
            </div>
          ) : null}
          <Form
            method="get"
            action="/netvaerk/tidligere"
            key={`${defaultFrom}-${defaultTo}`}
          >
            <div className="network-compare">
              <div className="field">
                <label htmlFor="fra" className="field__label">
                  {t("snapshots.from")}
                </label>
                <select
                  id="fra"
                  name="fra"
                  className="input network-select"
                  defaultValue={defaultFrom}
                >
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {`${labelFor(s.id)} (${formatWeekdayMoment(s.createdAt, i18n.language)})`}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="til" className="field__label">
                  {t("snapshots.to")}
                </label>
                <select
                  id="til"
                  name="til"
                  className="input network-select"
                  defaultValue={defaultTo}
                >
                  <option value={NOW}>{t("snapshots.now")}</option>
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {`${labelFor(s.id)} (${formatWeekdayMoment(s.createdAt, i18n.language)})`}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" className="button button--secondary">
              {t("snapshots.compare")}
            </button>
          </Form>
          {comparison ? (
            <div className="network-changes">
              <h3 id="comparison-heading" tabIndex={-1} {...focusOnLoad(!saved && !unchanged)}>
                {t("snapshots.changesHeading", {
                  from: labelFor(comparison.fromId),
                  to: labelFor(comparison.toId),
                })}
              </h3>
              {comparison.changes.length === 0 ? (
                <p>{t("snapshots.noChanges")}</p>
              ) : (
                <ul data-testid="network-changes">
                  {comparison.changes.map((change, index) => (
                    <li key={index}>
                      <ChangeText change={change} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
