import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/plan-print";
import { PageTitle } from "~/components/layout/PageTitle";
import { getPlanView } from "~/features/plan/page.server";
import { PlanDocument } from "~/features/plan/PlanDocument";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const view = await getPlanView({ participantId: user.participant.id, personId: user.personId });
  return { view, name: `${user.firstName} ${user.lastName}`, printedAt: new Date() };
}

/** The print button needs JavaScript; without it the page says how to print from the browser. */
function PrintButton() {
  const { t } = useTranslation("plan");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("print.button")}
    </button>
  );
}

export default function PlanPrintPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("plan");
  const { view } = loaderData;
  return (
    <>
      <PageTitle title={t("print.title")} />
      <div className="plan-print-actions">
        <p>
          <Link to="/min-plan" className="plan-back">
            {t("backToPlan")}
          </Link>
        </p>
        <p>{t("print.intro")}</p>
        <p className="meta">{t("print.howTo")}</p>
        <div className="button-group">
          <PrintButton />
          <a href="/min-plan/min-plan.pdf" download className="button button--secondary">
            {t("links.pdf")}
          </a>
        </div>
      </div>
      {view ? (
        <PlanDocument view={view} name={loaderData.name} printedAt={loaderData.printedAt} />
      ) : (
        <>
          <h1 tabIndex={-1}>{t("print.title")}</h1>
          <p>{t("noPlan")}</p>
        </>
      )}
    </>
  );
}
