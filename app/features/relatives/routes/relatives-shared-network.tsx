import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/relatives-shared-network";
import { PageTitle } from "~/components/layout/PageTitle";
import { MapLegend, NetworkMap, PeopleList } from "~/features/network";
import { listPeople } from "~/features/network/index.server";
import { openSharedView } from "~/features/relatives/access.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";

/**
 * The participant's network map, read-only, for a relative with the "network" scope. The private
 * judgement (`stance`: helps / holds back / both) never reaches a relative: a grant cannot carry it,
 * so `listPeople` is called with `includeStance: false`. The participant's "notes to yourself" stay
 * theirs too. The map is the same server-rendered SVG, drawn without the judgement's shapes.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { participantId, viewed } = await openSharedView(request, params.participantId, "network", "network", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const people = await listPeople(participantId, { includeStance: false });
  await viewed();
  return {
    firstName: person.firstName,
    people: people.map((entry) => ({
      id: entry.id,
      name: entry.name,
      relation: entry.relation,
      sector: entry.sector,
      closeness: entry.closeness,
      helpKinds: entry.helpKinds,
      contactFrequency: entry.contactFrequency,
      wantedAtMeeting: entry.wantedAtMeeting,
      // Never sent to a relative: the judgement and the notes.
      stance: null,
      note: null,
      version: 0,
      updatedAt: "",
    })),
  };
}

export default function SharedNetworkPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const { t: tn } = useTranslation("network");
  const owner = usePossessive();
  const { firstName, people } = loaderData;
  const title = t("shared.networkTitle", { owner: owner(firstName) });
  const wanted = people.filter((entry) => entry.wantedAtMeeting);
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("shared.networkIntro", { name: firstName })}</p>
      <p>{t("shared.networkPrivate", { name: firstName, owner: owner(firstName) })}</p>
      {people.length === 0 ? (
        <p>{t("shared.networkEmpty", { name: firstName })}</p>
      ) : (
        <>
          <section aria-labelledby="map-heading">
            <h2 id="map-heading">{tn("map.heading")}</h2>
            <figure className="network-figure">
              {/* A fixed size where the names can be read (~13 px), in a frame that scrolls
                  sideways on a small screen instead of shrinking them to ~6 px (issue 14, point 15). */}
              <div className="network-map-large" role="region" aria-label={tn("largeMap.frame")} tabIndex={0}>
                <NetworkMap
                  people={people}
                  centreName={firstName}
                  showStance={false}
                  title={t("shared.networkMapTitle", { owner: owner(firstName) })}
                />
              </div>
              <figcaption>
                <MapLegend showStance={false} />
                <p className="meta">{tn("map.sameAsList")}</p>
              </figcaption>
            </figure>
          </section>
          <section aria-labelledby="list-heading">
            <h2 id="list-heading">{tn("list.heading", { count: people.length })}</h2>
            {wanted.length > 0 ? (
              <p>{t("shared.networkWanted", { name: firstName, names: wanted.map((entry) => entry.name).join(", "), count: wanted.length })}</p>
            ) : null}
            <PeopleList people={people} editable={false} wantedYes={t("shared.networkWantedYes", { name: firstName })} />
          </section>
        </>
      )}
    </>
  );
}
