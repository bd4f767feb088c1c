import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/network-map";
import { PageTitle } from "~/components/layout/PageTitle";
import { MapLegend, NetworkMap } from "../NetworkMap";
import { mapPage } from "../pages.server";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  return mapPage(user.participant.id, user.firstName);
}

/**
 * The map at a size where its words can be read (issue 14, point 15): on a small screen the map
 * on /netvaerk would shrink its labels to about 6 px, so it sends people to the list, and here.
 * The drawing keeps a fixed width (labels about 13 px) inside a frame that scrolls sideways; the
 * frame can be reached and scrolled with the keyboard.
 */
export default function NetworkMapPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("network");
  const { people } = loaderData;
  return (
    <>
      <PageTitle title={t("largeMap.title")} />
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("largeMap.title")}</h1>
      {people.length === 0 ? (
        <p>{t("empty.text")}</p>
      ) : (
        <>
          <p className="lead">{t("largeMap.intro")}</p>
          <p>
            <Link to="/netvaerk#list-heading">{t("largeMap.toList")}</Link>
          </p>
          <div className="network-map-large" role="region" aria-label={t("largeMap.frame")} tabIndex={0}>
            <NetworkMap people={people} centreName={loaderData.firstName} showStance idPrefix="large-map" />
          </div>
          <MapLegend showStance idPrefix="large-legend" />
        </>
      )}
    </>
  );
}
