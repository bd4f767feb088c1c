import { Trans, useTranslation } from "react-i18next";
import type { Route } from "./+types/help";
import { ContentPage } from "~/features/content/ContentPage";
import { hrefFor } from "~/features/content/catalogue";
import { noJavaScript } from "~/features/content/handle";
import { requestLanguage, titleOf } from "~/features/content/pages.server";
import { getCoordinatingCaseworker } from "~/features/content/queries.server";
import { getCurrentUser } from "~/lib/auth.server";

export const handle = noJavaScript;

/** The day the crisis numbers and the text below were last checked against their sources. */
export const HELP_LAST_REVIEWED = "2026-11-23";

/**
 * /hjaelp, linked from every page's footer. Readable signed out too: a relative or a worried
 * person must always find the crisis numbers. A signed-in participant also sees their own
 * coordinating caseworker; nobody else's contact is ever shown.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const [{ user }, language] = await Promise.all([getCurrentUser(context), requestLanguage(context)]);
  const caseworker = user?.participant ? await getCoordinatingCaseworker(user.participant.id) : null;
  return {
    signedIn: Boolean(user),
    isParticipant: Boolean(user?.participant),
    caseworker,
    related: (["naar-det-er-svaert", "dine-rettigheder", "om"] as const).map((slug) => ({
      href: hrefFor(slug),
      title: titleOf(language, slug),
    })),
  };
}

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
/** A phone number must not break over two lines: its spaces become non-breaking spaces. */
const keepTogether = (phone: string) => phone.replace(/ /g, "\u00a0");

export default function HelpPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("content");
  const { caseworker, isParticipant, signedIn, related } = loaderData;
  const page = {
    title: t("help.title"),
    summary: t("help.intro"),
    lastReviewed: HELP_LAST_REVIEWED,
    related,
    sources: [
      { title: "Livslinien", url: "https://www.livslinien.dk/", note: t("help.sources.livslinien") },
      { title: "sundhed.dk", url: "https://www.sundhed.dk/", note: t("help.sources.sundhed") },
    ],
  };
  return (
    <ContentPage page={page}>
      <section aria-labelledby="unwell-heading" className="card card--highlight help-crisis">
        <h2 id="unwell-heading">{t("help.unwell.heading")}</h2>
        <p className="emphasis">
          <Trans t={t} i18nKey="help.unwell.emergency" components={{ phone: <a href="tel:112" /> }} />
        </p>
        <p>
          <Trans t={t} i18nKey="help.unwell.livslinien" components={{ phone: <a href="tel:70201201" /> }} />
        </p>
        <p>
          <Trans
            t={t}
            i18nKey="help.unwell.livslinienHours"
            components={{ site: <a href="https://www.livslinien.dk/" /> }}
          />
        </p>
        <p>{t("help.unwell.doctor")}</p>
        <p>
          <Trans t={t} i18nKey="help.unwell.capital" components={{ phone: <a href="tel:1813" /> }} />
        </p>
        <p>{t("help.unwell.notAlone")}</p>
      </section>
      <section aria-labelledby="caseworker-heading">
        <h2 id="caseworker-heading">{t("help.caseworker.heading")}</h2>
        <p>{t("help.caseworker.text")}</p>
        {caseworker ? (
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t("help.caseworker.name")}</dt>
              <dd>{caseworker.name}</dd>
            </div>
            {caseworker.phone ? (
              <div className="summary-list__row">
                <dt>{t("help.caseworker.phone")}</dt>
                <dd>
                  <a href={telHref(caseworker.phone)}>{keepTogether(caseworker.phone)}</a>
                </dd>
              </div>
            ) : null}
            {caseworker.reachableText ? (
              <div className="summary-list__row">
                <dt>{t("help.caseworker.reachable")}</dt>
                <dd>{caseworker.reachableText}</dd>
              </div>
            ) : null}
            {caseworker.email ? (
              <div className="summary-list__row">
                <dt>{t("help.caseworker.email")}</dt>
                <dd>
                  <a href={`mailto:${caseworker.email}`}>{caseworker.email}</a>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p>
            {isParticipant
              ? t("help.caseworker.missing")
              : signedIn
                ? t("help.caseworker.notParticipant")
                : t("help.caseworker.signedOut")}
          </p>
        )}
        <p>{t("help.caseworker.privateNote")}</p>
      </section>
      <section aria-labelledby="portal-heading">
        <h2 id="portal-heading">{t("help.portal.heading")}</h2>
        <p>{t("help.portal.text")}</p>
      </section>
    </ContentPage>
  );
}
