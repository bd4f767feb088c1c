import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/overview";
import { PageTitle } from "~/components/layout/PageTitle";
import { NextAppointment } from "~/features/overview/NextAppointment";
import { getOverview } from "~/features/overview/queries.server";
import { getPlanNews } from "~/features/plan/queries.server";
import type { PlanNews } from "~/features/plan/view";
import { explanationFor } from "~/features/content/catalogue";
import { getPreparation } from "~/features/preparation/queries.server";
import { HelpingCard, HelpingChooser } from "~/features/relatives/components";
import { pendingInvitationRedirect } from "~/features/relatives/invite.server";
import { listHelped } from "~/features/relatives/queries.server";
import { requireUser } from "~/lib/auth.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(context);
  // Back to the invitation the person opened before signing in (relatives).
  const pendingInvitation = await pendingInvitationRedirect(request);
  if (pendingInvitation) throw pendingInvitation;
  const helped = await listHelped(user.personId);
  if (!user.participant) {
    return { firstName: user.firstName, isCaseworker: user.isCaseworker, participant: null, overview: null, planNews: null, helped };
  }
  return {
    firstName: user.firstName,
    isCaseworker: user.isCaseworker,
    helped,
    participant: { programme: user.participant.programme },
    overview: await getOverview(user.participant.id),
    planNews: await getPlanNews(user.participant.id),
    preparation: preparationProgress(await getPreparation(user.participant.id)),
  };
}

const moreLinks = { cv: "/cv", network: "/netvaerk", relatives: "/paaroerende" } as const;

function preparationProgress({ parts }: Awaited<ReturnType<typeof getPreparation>>) {
  return { done: parts.filter((part) => part.status === "done").length, total: parts.length };
}

/**
 * "Din plan": what the jobcentre changed that the participant has not yet marked as read. Worded
 * in the plan's own terms (locales/plan.json): the count stays until "Jeg har læst planen" or
 * "Marker som læst" on /min-plan, so it never says "since you last looked".
 */
function PlanNewsCard({ news }: { news: PlanNews }) {
  const { t } = useTranslation("plan");
  if (news.state === "no-plan") return null;
  return (
    <section aria-labelledby="plan-news-heading" className={news.state === "changed" ? "card card--highlight" : "card"}>
      <h2 id="plan-news-heading">{t("overviewCard.heading")}</h2>
      <p>
        {news.state === "changed"
          ? t("overviewCard.changed", { count: news.count })
          : news.state === "never-seen"
            ? t("overviewCard.neverSeen")
            : t("overviewCard.upToDate")}
      </p>
      <p>
        <Link to={news.state === "changed" ? "/min-plan#nyt" : "/min-plan"}>
          {news.state === "changed" ? t("overviewCard.seeChanges") : t("overviewCard.seePlan")}
        </Link>
      </p>
    </section>
  );
}

export default function OverviewPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("overview");
  const { overview, participant } = loaderData;
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("greeting", { name: loaderData.firstName })}</h1>
      {overview && participant ? (
        <>
          <p className="lead">
            {t(`programme.${participant.programme}`)} {t("intro")}
          </p>
          <p>
            <a href={explanationFor("programme", participant.programme)}>{t(`programmeLink.${participant.programme}`)}</a>
          </p>
          <div className="overview-grid">
            <NextAppointment appointment={overview.nextAppointment} />
            {loaderData.planNews ? <PlanNewsCard news={loaderData.planNews} /> : null}
            {"preparation" in loaderData && loaderData.preparation ? (
              <section aria-labelledby="preparation-heading" className="card">
                <h2 id="preparation-heading">{t("preparation.heading")}</h2>
                <p>
                  {loaderData.preparation.done === 0
                    ? t("preparation.notStarted")
                    : t("preparation.progress", { done: loaderData.preparation.done, total: loaderData.preparation.total })}
                </p>
                <p>
                  <a href="/forberedelse">{t("preparation.link")}</a>
                </p>
              </section>
            ) : null}
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
                <dl className="summary-list">
                  {overview.caseworker.phone ? (
                    <div className="summary-list__row">
                      <dt>{t("contact.phone")}</dt>
                      <dd>
                        <a href={`tel:${overview.caseworker.phone.replace(/\s+/g, "")}`}>{overview.caseworker.phone}</a>
                      </dd>
                    </div>
                  ) : null}
                  {overview.caseworker.reachableText ? (
                    <div className="summary-list__row">
                      <dt>{t("contact.reachable")}</dt>
                      <dd>{overview.caseworker.reachableText}</dd>
                    </div>
                  ) : null}
                  {overview.caseworker.email ? (
                    <div className="summary-list__row">
                      <dt>{t("contact.email")}</dt>
                      <dd>
                        <a href={`mailto:${overview.caseworker.email}`}>{overview.caseworker.email}</a>
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </section>
            ) : null}
            <HelpingCard helped={loaderData.helped} />
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
            </ul>
          </section>
        </>
      ) : (
        <>
          <p className="lead">{t("noProgramme.text")}</p>
          {loaderData.helped.length > 0 ? (
            <HelpingChooser helped={loaderData.helped} />
          ) : (
            <p>{loaderData.isCaseworker ? t("noProgramme.caseworker") : t("noProgramme.relative")}</p>
          )}
          {loaderData.isCaseworker ? (
            <p>
              <a href="/sagsbehandler">{t("caseworker:overviewLink")}</a>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
