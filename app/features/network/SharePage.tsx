import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatWeekdayMoment } from "~/lib/dates";
import type { sharePage } from "./pages.server";
import { StanceText } from "./PeopleList";
import { SharedPeople } from "./SharedPeople";

type SharePageData = Awaited<ReturnType<typeof sharePage>>;

/**
 * "Del med din sagsbehandler" (/netvaerk/del, issue 14, points 1, 6 and 12): exactly what the
 * caseworker reads in `caseworker.network_people`, person by person; says that the people are
 * named to the municipality, and asks separately (unticked) about the judgement. While shared,
 * the judgement and the whole map can be stopped here.
 */
export function SharePage({ loaderData }: { loaderData: SharePageData }) {
  const { t, i18n } = useTranslation("network");
  const { people, share, notice } = loaderData;
  const shared = share.sharedAt !== null;
  const judged = people.filter((person) => person.stance !== null);

  return (
    <>
      <PageTitle title={t("sharePage.title")} />
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("sharePage.title")}</h1>
      {notice ? (
        <div data-focus-on-load="" className="notice" id="network-notice" tabIndex={-1} role="status">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      <p className="lead">{shared ? t("sharePage.introShared") : t("sharePage.intro")}</p>
      <p>
        <strong>
          {share.sharedAt
            ? t("share.isShared", { when: formatWeekdayMoment(share.sharedAt, i18n.language) })
            : t("share.notShared")}
        </strong>
      </p>

      <section className="panel network-share-review" aria-labelledby="review-heading">
        <h2 id="review-heading">{t("sharePage.readsHeading")}</h2>
        {people.length === 0 ? (
          <p>{t("sharePage.noPeople")}</p>
        ) : (
          <>
            <p>{shared ? t("sharePage.namedShared") : t("sharePage.named")}</p>
            <SharedPeople people={people} showStance={share.stanceShared} />
          </>
        )}
        <p>{t("sharePage.notNotes")}</p>
        <p>{t("sharePage.live")}</p>
        <p>{t("sharePage.tellThem")}</p>
      </section>

      {shared ? (
        <>
          <section aria-labelledby="stance-heading">
            <h2 id="stance-heading">{t("sharePage.stanceHeading")}</h2>
            {share.stanceShared ? (
              <>
                <p>{t("share.withStance")}</p>
                <Form method="post" action="/netvaerk/del">
                  <button type="submit" name="intent" value="stop-stance" className="button button--secondary">
                    {t("sharePage.stopStance")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <p>{t("share.withoutStance")}</p>
                <StanceChoices people={judged} />
                <p>{t("sharePage.stanceExplain")}</p>
                <Form method="post" action="/netvaerk/del">
                  <button type="submit" name="intent" value="share-stance" className="button button--secondary">
                    {t("sharePage.shareStance")}
                  </button>
                </Form>
              </>
            )}
          </section>
          <section aria-labelledby="stop-heading">
            <h2 id="stop-heading">{t("sharePage.stopHeading")}</h2>
            <p>{t("sharePage.stopExplain")}</p>
            <Form method="post" action="/netvaerk/del">
              <button type="submit" name="intent" value="stop-sharing" className="button button--secondary">
                {t("sharePage.stop")}
              </button>
            </Form>
          </section>
        </>
      ) : (
        <Form method="post" action="/netvaerk/del">
          <section aria-labelledby="stance-heading">
            <h2 id="stance-heading">{t("sharePage.stanceHeading")}</h2>
            <StanceChoices people={judged} />
            <div className="radios__item">
              <input
                className="radios__input"
                type="checkbox"
                id="includeStance"
                name="includeStance"
                aria-describedby="includeStance-hint"
              />
              <label className="radios__label" htmlFor="includeStance">
                {t("sharePage.includeStance")}
              </label>
              <div id="includeStance-hint" className="radios__hint">
                {t("sharePage.includeStanceHint")}
              </div>
            </div>
          </section>
          <p>{t("sharePage.stopAnyTime")}</p>
          <div className="button-group">
            <button type="submit" name="intent" value="share" className="button">
              {t("sharePage.share")}
            </button>
            <Link to="/netvaerk" className="button button--secondary">
              {t("sharePage.notNow")}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}

/**
 * The judgement as the caseworker would read it if the person chooses to share it: said before
 * the choice, so nothing on the page is a surprise afterwards.
 */
function StanceChoices({ people }: { people: { id: string; name: string; stance: Parameters<typeof StanceText>[0]["stance"] }[] }) {
  const { t } = useTranslation("network");
  if (people.length === 0) return null;
  return (
    <>
      <p>{t("sharePage.stanceIntro")}</p>
      <ul className="network-share-stances">
        {people.map((person) => (
          <li key={person.id}>
            {person.name}: <StanceText stance={person.stance} idPrefix={`choice-${person.id}`} />
          </li>
        ))}
      </ul>
    </>
  );
}
