import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/network-print";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMoment } from "~/features/network/format";
import { MapLegend, NetworkMap } from "~/features/network/NetworkMap";
import { PeopleTable } from "~/features/network/PeopleList";
import { listPeople } from "~/features/network/queries.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const people = await listPeople(user.participant.id, { includeStance: true });
  return {
    people,
    firstName: user.firstName,
    name: `${user.firstName} ${user.lastName}`,
    printedAt: new Date(),
  };
}

/** The print button needs JavaScript; without it the page says how to print from the browser. */
function PrintButton() {
  const { t } = useTranslation("network");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("print.button")}
    </button>
  );
}

export default function NetworkPrintPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("network");
  const { people } = loaderData;
  return (
    <>
      <PageTitle title={t("print.title")} />
      <div className="network-print-actions">
        <p className="back-link">
          <Link to="/netvaerk">{t("back")}</Link>
        </p>
        <p>{t("print.intro")}</p>
        <p className="meta">{t("print.howTo")}</p>
        <PrintButton />
      </div>
      <article className="network-document">
        <h1 tabIndex={-1}>{t("print.heading", { name: loaderData.name })}</h1>
        <p className="meta">
          {t("print.printedAt", {
            when: formatMoment(loaderData.printedAt, i18n.language),
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
