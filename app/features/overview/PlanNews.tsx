import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlanNews as PlanNewsState } from "~/features/plan/view";

/** "Din plan": how many things the jobcentre changed since the participant last looked, with a link. */
export function PlanNews({ news }: { news: PlanNewsState }) {
  const { t } = useTranslation("overview");
  if (news.state === "no-plan") return null;
  return (
    <section aria-labelledby="plan-news-heading" className={news.state === "changed" ? "card card--highlight" : "card"}>
      <h2 id="plan-news-heading">{t("planNews.heading")}</h2>
      <p>
        {news.state === "changed"
          ? t("planNews.changed", { count: news.count })
          : news.state === "never-seen"
            ? t("planNews.neverSeen")
            : t("planNews.upToDate")}
      </p>
      <p>
        <Link to="/min-plan">{news.state === "changed" ? t("planNews.seeChanges") : t("planNews.seePlan")}</Link>
      </p>
    </section>
  );
}
