import { focusOnLoad } from "~/components/ui/focus";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { CopyButton } from "~/components/ui/CopyButton";
import { useFormatWhen } from "./components";
import type { calendarFeedPage } from "./pages.server";

type CalendarFeedPageData = Awaited<ReturnType<typeof calendarFeedPage>>;

/** "Mine møder i min egen kalender" (/moeder/kalender): make, replace or stop the subscribed feed. */
export function CalendarFeedPage({ loaderData }: { loaderData: CalendarFeedPageData }) {
  const { t } = useTranslation("appointments");
  const formatWhen = useFormatWhen();
  const { feed, address, revoked } = loaderData;
  // The button just pressed is gone after the redirect: move focus to what replaced it.
  return (
    <>
      <PageTitle title={t("feed.title")} />
      <p className="back-link">
        <Link to="/moeder">{t("feed.back")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("feed.title")}</h1>
      <p className="lead">{t("feed.intro")}</p>
      <p>{t("feed.privacy")}</p>
      <div className="notice">
        <p>{t("feed.secret")}</p>
      </div>

      {revoked ? (
        <div className="notice" role="status" tabIndex={-1} {...focusOnLoad(!address)}>
          <p>{t("feed.revoked")}</p>
        </div>
      ) : null}

      {address ? (
        <section aria-labelledby="address-heading" id="adresse" className="panel">
          <h2 id="address-heading" tabIndex={-1} data-focus-on-load="">
            {t("feed.created")}
          </h2>
          <div className="field">
            <label htmlFor="feed-address" className="field__label">
              {t("feed.addressLabel")}
            </label>
            <div id="feed-address-hint" className="field__hint">
              {t("feed.addressHint")}
            </div>
            <textarea
              id="feed-address"
              className="textarea feed-address"
              readOnly
              rows={4}
              value={address}
              aria-describedby="feed-address-hint"
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <CopyButton text={address} label={t("feed.copy")} copied={t("feed.copied")} failed={t("feed.copyFailed")} />
          <p>
            <a href={address.replace(/^https?:/, "webcal:")}>{t("feed.open")}</a>
          </p>
        </section>
      ) : feed ? (
        <p>{t("feed.active", { when: formatWhen(feed.createdAt) })}</p>
      ) : (
        <>
          <p>{t("feed.noneYet")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="create" className="button">
              {t("feed.create")}
            </button>
          </Form>
        </>
      )}

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("feed.howHeading")}</h2>
        <ul>
          <li>{t("feed.howIphone")}</li>
          <li>{t("feed.howGoogle")}</li>
          <li>{t("feed.howOutlook")}</li>
        </ul>
      </section>

      {feed ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("feed.manageHeading")}</h2>
          <p>{t("feed.lost")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="create" className="button button--secondary">
              {t("feed.replace")}
            </button>
          </Form>
          <p>{t("feed.revokeHint")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="revoke" className="button button--secondary">
              {t("feed.revoke")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
