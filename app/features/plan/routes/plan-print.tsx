import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/plan-print";
import { PageTitle } from "~/components/layout/PageTitle";
import { PrintActions } from "~/components/ui/DocumentLinks";
import { getPlanView } from "../page.server";
import { PlanDocument } from "../PlanDocument";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const view = await getPlanView({ participantId: user.participant.id, personId: user.personId });
  return { view, name: `${user.firstName} ${user.lastName}`, printedAt: new Date() };
}

export default function PlanPrintPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("plan");
  const { view } = loaderData;
  return (
    <>
      <PageTitle title={t("print.title")} />
      <PrintActions
        back={{ to: "/min-plan", label: t("backToPlan") }}
        intro={t("print.intro")}
        printLabel={t("print.button")}
        pdf={{ href: "/min-plan/min-plan.pdf", label: t("links.pdf") }}
      />
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
