import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/network";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { setSharing, setStanceSharing } from "~/features/network/commands.server";
import { formatMoment } from "~/features/network/format";
import { MapLegend, NetworkMap } from "~/features/network/NetworkMap";
import { PeopleList } from "~/features/network/PeopleList";
import { getShareState, listPeople } from "~/features/network/queries.server";
import { shareSchema } from "~/features/network/schema";
import { requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";

/** What a redirect after a save may ask the page to say (`?gemt=`). */
const notices = [
  "tilfoejet",
  "rettet",
  "fjernet",
  "delt",
  "stoppet",
  "vurdering-delt",
  "vurdering-stoppet",
  "uaendret",
] as const;
type Notice = (typeof notices)[number];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const [people, share] = await Promise.all([
    listPeople(user.participant.id, { includeStance: true }),
    getShareState(user.participant.id),
  ]);
  const saved = new URL(request.url).searchParams.get("gemt");
  return {
    people,
    share,
    firstName: user.firstName,
    notice: (notices as readonly string[]).includes(saved ?? "")
      ? (saved as Notice)
      : null,
  };
}

/**
 * The share switch. Adding, changing and removing people have their own pages. Sharing the map
 * names the people on it to the municipality; the judgement goes along only with its own box
 * (`includeStance`) or, while shared, its own button (`share-stance`). Never by default.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(request);
  const submission = parseSubmission(await request.formData(), {
    schema: shareSchema,
  });
  if (submission.status !== "success")
    return data({ refused: true }, { status: 400 });
  const actor = {
    personId: user.personId,
    participantId: user.participant.id,
    requestId: (context as { requestId?: string }).requestId ?? null,
  };
  const { intent } = submission.value;
  if (intent === "share-stance" || intent === "stop-stance") {
    const include = intent === "share-stance";
    const changed = await setStanceSharing(actor, include);
    // Not shared (another tab stopped it): the judgement is never shared on its own.
    if (!changed) return redirect("/netvaerk?gemt=uaendret#deling");
    return redirect(`/netvaerk?gemt=${include ? "vurdering-delt" : "vurdering-stoppet"}#deling`);
  }
  const share = intent === "share";
  await setSharing(actor, share, share && submission.value.includeStance);
  return redirect(`/netvaerk?gemt=${share ? "delt" : "stoppet"}#deling`);
}

function useFocusNotice(notice: string | null) {
  const location = useLocation();
  useEffect(() => {
    if (!notice) return;
    const frame = requestAnimationFrame(() =>
      document.getElementById("network-notice")?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [notice, location.key]);
}

export default function NetworkPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("network");
  const { people, share, notice } = loaderData;
  useFocusNotice(notice);
  const wanted = people.filter((p) => p.wantedAtMeeting);

  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      {notice ? (
        <div className="notice" id="network-notice" tabIndex={-1} role="status">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      <p className="lead">{t("intro")}</p>

      {people.length > 0 ? (
        // With nobody on the map yet, the empty state below holds the one "add" button.
        <p className="network-actions">
          <Link to="/netvaerk/ny" className="button">
            {t("add")}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/netvaerk/tidligere">{t("snapshotsLink")}</Link>
      </p>
      <DocumentLinks print={{ to: "/netvaerk/udskriv", label: t("printLink") }} />

      {people.length > 0 ? (
        <nav aria-labelledby="network-contents-heading" className="page-contents">
          <h2 id="network-contents-heading" className="page-contents__heading">
            {t("contents.heading")}
          </h2>
          <ul className="page-contents__list">
            <li>
              <a href="#map-heading">{t("map.heading")}</a>
            </li>
            <li>
              <a href="#list-heading">{t("list.heading", { count: people.length })}</a>
            </li>
            <li>
              <a href="#deling">{t("share.heading")}</a>
            </li>
          </ul>
        </nav>
      ) : null}

      <details className="plan-explain network-privacy">
        <summary>{t("privacy.summary")}</summary>
        <div className="plan-explain__body">
          <p>{t("privacy.you")}</p>
          <p>
            {share.sharedAt
              ? share.stanceShared
                ? t("privacy.caseworkerWithStance")
                : t("privacy.caseworkerWithoutStance")
              : t("privacy.caseworkerNotShared")}
          </p>
          <p>{t("privacy.relatives")}</p>
        </div>
      </details>

      {people.length === 0 ? (
        <section
          aria-labelledby="empty-heading"
          className="panel network-empty"
        >
          <h2 id="empty-heading">{t("empty.heading")}</h2>
          <p>{t("empty.text")}</p>
          <p>{t("empty.tip")}</p>
          <Link to="/netvaerk/ny" className="button">
            {t("empty.add")}
          </Link>
        </section>
      ) : (
        <>
          <section aria-labelledby="map-heading">
            <h2 id="map-heading">{t("map.heading")}</h2>
            <p>{t("map.intro")}</p>
            {/* Below 40em the drawing is hidden (its words would be ~6 px): the list comes first,
                and the map is one link away at a size where it can be read. */}
            <p className="network-map-small-note">{t("map.smallScreen")}</p>
            <p>
              <Link to="/netvaerk/kort">{t("map.largeLink")}</Link>
            </p>
            <figure className="network-figure network-figure--page">
              <NetworkMap
                people={people}
                centreName={loaderData.firstName}
                showStance
              />
              <figcaption>
                <MapLegend showStance />
                <p className="meta">{t("map.sameAsList")}</p>
              </figcaption>
            </figure>
          </section>
          <section aria-labelledby="list-heading">
            <h2 id="list-heading">
              {t("list.heading", { count: people.length })}
            </h2>
            {wanted.length > 0 ? (
              <p>
                {t("list.wantedSummary", {
                  names: wanted.map((p) => p.name).join(", "),
                  count: wanted.length,
                })}
              </p>
            ) : null}
            <PeopleList people={people} editable />
          </section>
        </>
      )}

      <section aria-labelledby="deling" className="panel network-share">
        <h2 id="deling" tabIndex={-1}>
          {t("share.heading")}
        </h2>
        {share.sharedAt ? (
          <>
            <p>
              <strong>
                {t("share.isShared", {
                  when: formatMoment(share.sharedAt, i18n.language),
                })}
              </strong>
            </p>
            <p>{t("share.sharedNamed", { count: people.length })}</p>
            <SharedNames people={people} />
            <h3>{t("share.stanceHeading")}</h3>
            <p>
              {share.stanceShared
                ? t("share.withStance")
                : t("share.withoutStance")}
            </p>
            <Form method="post">
              {share.stanceShared ? (
                <button
                  type="submit"
                  name="intent"
                  value="stop-stance"
                  className="button button--secondary"
                >
                  {t("share.stopStance")}
                </button>
              ) : (
                <>
                  <p>{t("share.stanceExplain")}</p>
                  <button
                    type="submit"
                    name="intent"
                    value="share-stance"
                    className="button button--secondary"
                  >
                    {t("share.shareStance")}
                  </button>
                </>
              )}
            </Form>
            <h3>{t("share.stopHeading")}</h3>
            <p>{t("share.stopExplain")}</p>
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="stop-sharing"
                className="button button--secondary"
              >
                {t("share.stop")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{t("share.notShared")}</p>
            <h3>{t("share.whatHeading")}</h3>
            <p>{t("share.named")}</p>
            <ul>
              <li>{t("share.seesNames")}</li>
              <li>{t("share.seesRelation")}</li>
              <li>{t("share.seesHelp")}</li>
              <li>{t("share.seesContact")}</li>
              <li>{t("share.seesMeeting")}</li>
            </ul>
            <p>{t("share.notNotes")}</p>
            <SharedNames people={people} />
            <p>{t("share.tellThem")}</p>
            <Form method="post">
              <fieldset className="field fieldset">
                <legend className="fieldset__legend">
                  {t("share.stanceHeading")}
                </legend>
                <div className="radios__item">
                  <input
                    className="radios__input"
                    type="checkbox"
                    id="includeStance"
                    name="includeStance"
                    aria-describedby="includeStance-hint"
                  />
                  <label className="radios__label" htmlFor="includeStance">
                    {t("share.includeStance")}
                  </label>
                  <div id="includeStance-hint" className="radios__hint">
                    {t("share.includeStanceHint")}
                  </div>
                </div>
              </fieldset>
              <p>{t("share.stopAnyTime")}</p>
              <button
                type="submit"
                name="intent"
                value="share"
                className="button button--secondary"
              >
                {t("share.share")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}

/** The people the caseworker can read by name, as the participant wrote them. */
function SharedNames({ people }: { people: { id: string; name: string; relation: string | null }[] }) {
  const { t } = useTranslation("network");
  if (people.length === 0) return <p>{t("share.noPeople")}</p>;
  return (
    <p>
      {t("share.namesLead", { count: people.length })}{" "}
      {people
        .map((person) =>
          person.relation ? t("share.nameWithRelation", { name: person.name, relation: person.relation }) : person.name,
        )
        .join(", ")}
      .
    </p>
  );
}
