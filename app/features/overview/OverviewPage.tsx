import { useTranslation } from "~/lib/i18n/react";
import { explanationFor } from "~/features/content";
import { programmeKinds, REFORM_PAGE } from "~/lib/programmes";
import { PlanNewsCard } from "~/features/plan";
import { ProgressCard } from "~/features/progress";
import { NOTIFICATION_SETTINGS_PATH } from "~/features/notifications";
import { HelpingCard, HelpingChooser } from "~/features/relatives";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { NextAppointment } from "./NextAppointment";
import type { OverviewPageData } from "./queries.server";

const moreLinks = { cv: "/cv", network: "/netvaerk", relatives: "/paaroerende" } as const;

/** "/": the landing page, with cards from the participant's areas. */
export function OverviewPage({ page }: { page: OverviewPageData }) {
  const { t } = useTranslation("overview");
  const { overview, participant } = page;
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("greeting", { name: page.firstName })}</h1>
      {overview && participant ? (
        <>
          <p className="lead">
            {t(`programme.${participant.programme}`)} {t("intro")}
          </p>
          <p>
            <a href={explanationFor("programme", participant.programme)}>{t(`programmeLink.${participant.programme}`)}</a>
          </p>
          {programmeKinds[participant.programme].closedToNewPeople ? (
            <section aria-labelledby="reform-heading" className="card overview-notice">
              <h2 id="reform-heading">{t("reform.heading")}</h2>
              <p>{t(`reform.${participant.programme}`)}</p>
              <p>
                <a href={REFORM_PAGE}>{t("reform.link")}</a>
              </p>
            </section>
          ) : null}
          <div className="overview-grid">
            <NextAppointment appointment={overview.nextAppointment} />
            {page.unreadMessages > 0 ? (
              <section aria-labelledby="messages-heading" className="card card--highlight">
                <h2 id="messages-heading">{t("messages.heading")}</h2>
                <p>{t("messages.unread", { count: page.unreadMessages, name: overview.caseworker?.name ?? t("messages.yourCaseworker") })}</p>
                <p>
                  <a href="/beskeder">{t("messages.link")}</a>
                </p>
              </section>
            ) : null}
            {page.planNews ? <PlanNewsCard news={page.planNews} /> : null}
            {page.preparation ? (
              <section aria-labelledby="preparation-heading" className="card">
                <h2 id="preparation-heading">{t("preparation.heading")}</h2>
                <p>
                  {page.preparation.done === 0
                    ? t("preparation.notStarted")
                    : t("preparation.progress", { done: page.preparation.done, total: page.preparation.total })}
                </p>
                <p>
                  <a href="/forberedelse">{t("preparation.link")}</a>
                </p>
              </section>
            ) : null}
            {page.progress ? <ProgressCard state={page.progress} /> : null}
            {overview.goal ? (
              <section aria-labelledby="goal-heading" className="card">
                <h2 id="goal-heading">{t("goal.heading")}</h2>
                <h3 className="card__label">{t("goal.own")}</h3>
                {overview.goal.ownGoal ? (
                  <blockquote className="own-words">
                    <p>{overview.goal.ownGoal}</p>
                  </blockquote>
                ) : (
                  <p>{t("goal.ownMissing")}</p>
                )}
                <h3 className="card__label">{t("goal.plan")}</h3>
                <p>{overview.goal.employmentGoal}</p>
              </section>
            ) : null}
            {overview.goal?.nextStep ? (
              <section aria-labelledby="next-step-heading" className="card">
                <h2 id="next-step-heading">{t("nextStep.heading")}</h2>
                <p>{overview.goal.nextStep}</p>
              </section>
            ) : null}
            {overview.caseworker ? (
              <section aria-labelledby="contact-heading" className="card">
                <h2 id="contact-heading">{t("contact.heading")}</h2>
                <p className="card__title">{overview.caseworker.name}</p>
                <SummaryList>
                  {overview.caseworker.phone ? (
                    <SummaryRow label={t("contact.phone")}>
                      <a href={`tel:${overview.caseworker.phone.replace(/\s+/g, "")}`}>{overview.caseworker.phone}</a>
                    </SummaryRow>
                  ) : null}
                  {overview.caseworker.reachableText ? (
                    <SummaryRow label={t("contact.reachable")}>{overview.caseworker.reachableText}</SummaryRow>
                  ) : null}
                  {overview.caseworker.email ? (
                    <SummaryRow label={t("contact.email")}>
                      <a href={`mailto:${overview.caseworker.email}`}>{overview.caseworker.email}</a>
                    </SummaryRow>
                  ) : null}
                </SummaryList>
              </section>
            ) : null}
            <HelpingCard helped={page.helped} />
          </div>
          <section aria-labelledby="more-heading">
            <h2 id="more-heading">{t("more.heading")}</h2>
            <ul className="content-list">
              {(["cv", "network", "relatives"] as const).map((area) => (
                <li key={area}>
                  <a href={moreLinks[area]} className="content-list__link">
                    {t(`more.${area}.title`)}
                  </a>
                  <p>{t(`more.${area}.text`)}</p>
                </li>
              ))}
              <li>
                <a href={NOTIFICATION_SETTINGS_PATH} className="content-list__link">
                  {t("notifications:link.title")}
                </a>
                <p>{t("notifications:link.text")}</p>
              </li>
            </ul>
          </section>
        </>
      ) : (
        <>
          <p className="lead">{t("noProgramme.text")}</p>
          {page.helped.length > 0 ? (
            <HelpingChooser helped={page.helped} />
          ) : (
            <p>{page.isCaseworker ? t("noProgramme.caseworker") : t("noProgramme.relative")}</p>
          )}
          {!page.isCaseworker ? (
            <ul className="content-list">
              <li>
                <a href={NOTIFICATION_SETTINGS_PATH} className="content-list__link">
                  {t("notifications:link.title")}
                </a>
                <p>{t("notifications:link.text")}</p>
              </li>
            </ul>
          ) : null}
          {page.isCaseworker ? (
            <p>
              <a href="/sagsbehandler">{t("caseworker:overviewLink")}</a>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
