import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { PlanNews } from "./view";

/**
 * "Din plan": what the jobcentre changed that the participant has not yet marked as read. Worded
 * in the plan's own terms (locales/plan.json): the count stays until "Jeg har læst planen" or
 * "Marker som læst" on /min-plan, so it never says "since you last looked".
 */
export function PlanNewsCard({ news }: { news: PlanNews }) {
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
