import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/network-print";
import { PageTitle } from "~/components/layout/PageTitle";
import { PrintActions } from "~/components/ui/DocumentLinks";
import { formatDocumentMoment } from "~/lib/dates";
import { MapLegend, NetworkMap } from "../NetworkMap";
import { PeopleTable } from "../PeopleList";
import { mapPage } from "../pages.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return {
    ...(await mapPage(user.participant.id, user.firstName)),
    name: `${user.firstName} ${user.lastName}`,
    printedAt: new Date(),
  };
}

export default function NetworkPrintPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("network");
  const { people } = loaderData;
  return (
    <>
      <PageTitle title={t("print.title")} />
      <PrintActions back={{ to: "/netvaerk", label: t("back") }} intro={t("print.intro")} printLabel={t("print.button")} />
      <article className="network-document">
        <h1 tabIndex={-1}>{t("print.heading", { name: loaderData.name })}</h1>
        <p className="meta">
          {t("print.printedAt", {
            when: formatDocumentMoment(loaderData.printedAt, i18n.language),
          })}
        </p>
        <p className="network-print-private">{t("print.private")}</p>
        {people.length === 0 ? (
          <p>{t("empty.text")}</p>
        ) : (
          <>
            <figure className="network-figure network-figure--print">
              <NetworkMap
                people={people}
                centreName={loaderData.firstName}
                showStance
                idPrefix="print-map"
              />
              <figcaption>
                <MapLegend showStance idPrefix="print-legend" />
              </figcaption>
            </figure>
            <PeopleTable people={people} showStance />
          </>
        )}
      </article>
    </>
  );
}
