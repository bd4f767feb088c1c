import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/network-share";
import { PageTitle } from "~/components/layout/PageTitle";
import { parseSubmission } from "~/components/form/submission.server";
import { setSharing, setStanceSharing } from "../commands.server";
import { formatWeekdayMoment } from "~/lib/dates";
import { StanceText } from "../PeopleList";
import { getShareState, listPeople } from "../queries.server";
import { shareSchema } from "../schema";
import { asShared, SharedPeople } from "../SharedPeople";
import { requireParticipant } from "~/lib/auth.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

/** What a redirect after a switch may ask the page to say (`?gemt=`). */
const notices = ["delt", "stoppet", "vurdering-delt", "vurdering-stoppet", "uaendret"] as const;
type Notice = (typeof notices)[number];

/**
 * "Del med din sagsbehandler" for the network map (issue 14, points 1, 6 and 12): the page shows
 * exactly what the caseworker reads in `caseworker.network_people`, person by person, says that
 * the people are named to the municipality, and asks separately (unticked) about the judgement.
 * Nothing is shared before the button is pressed. While shared, the judgement and the whole map
 * can be stopped here.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const [people, share] = await Promise.all([
    listPeople(user.participant.id, { includeStance: true }),
    getShareState(user.participant.id),
  ]);
  const saved = new URL(request.url).searchParams.get("gemt");
  return {
    people: people.map(asShared),
    share,
    notice: (notices as readonly string[]).includes(saved ?? "") ? (saved as Notice) : null,
  };
}

/**
 * The share switch. Sharing names the people on the map to the municipality; the judgement goes
 * along only with its own box (`includeStance`) or, while shared, its own button
 * (`share-stance`). Never by default, and never on its own while the map is not shared.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: shareSchema });
  if (submission.status !== "success") return data({ refused: true }, { status: 400 });
  const actor = participantActor(context, user);
  const { intent } = submission.value;
  if (intent === "share-stance" || intent === "stop-stance") {
    const include = intent === "share-stance";
    const changed = await setStanceSharing(actor, include);
    // Not shared (another tab stopped it): the judgement is never shared on its own.
    if (!changed) return redirect("/netvaerk/del?gemt=uaendret");
    return redirect(`/netvaerk/del?gemt=${include ? "vurdering-delt" : "vurdering-stoppet"}`);
  }
  const share = intent === "share";
  await setSharing(actor, share, share && submission.value.includeStance);
  return redirect(`/netvaerk/del?gemt=${share ? "delt" : "stoppet"}`);
}

export default function NetworkSharePage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("network");
  const { people, share, notice } = loaderData;
  useFocusAfterFrame(notice ? "network-notice" : null, notice);
  const shared = share.sharedAt !== null;
  const judged = people.filter((person) => person.stance !== null);

  return (
    <>
      <PageTitle title={t("sharePage.title")} />
      <p className="back-link">
        <Link to="/netvaerk">{t("back")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("sharePage.title")}</h1>
      {notice ? (
        <div className="notice" id="network-notice" tabIndex={-1} role="status">
          <p>{t(`notices.${notice}`)}</p>
        </div>
      ) : null}
      <p className="lead">{shared ? t("sharePage.introShared") : t("sharePage.intro")}</p>
      <p>
        <strong>
          {share.sharedAt
            ? t("share.isShared", { when: formatWeekdayMoment(share.sharedAt, i18n.language) })
            : t("share.notShared")}
        </strong>
      </p>

      <section className="panel network-share-review" aria-labelledby="review-heading">
        <h2 id="review-heading">{t("sharePage.readsHeading")}</h2>
        {people.length === 0 ? (
          <p>{t("sharePage.noPeople")}</p>
        ) : (
          <>
            <p>{shared ? t("sharePage.namedShared") : t("sharePage.named")}</p>
            <SharedPeople people={people} showStance={share.stanceShared} />
          </>
        )}
        <p>{t("sharePage.notNotes")}</p>
        <p>{t("sharePage.live")}</p>
        <p>{t("sharePage.tellThem")}</p>
      </section>

      {shared ? (
        <>
          <section aria-labelledby="stance-heading">
            <h2 id="stance-heading">{t("sharePage.stanceHeading")}</h2>
            {share.stanceShared ? (
              <>
                <p>{t("share.withStance")}</p>
                <Form method="post" action="/netvaerk/del">
                  <button type="submit" name="intent" value="stop-stance" className="button button--secondary">
                    {t("sharePage.stopStance")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <p>{t("share.withoutStance")}</p>
                <StanceChoices people={judged} />
                <p>{t("sharePage.stanceExplain")}</p>
                <Form method="post" action="/netvaerk/del">
                  <button type="submit" name="intent" value="share-stance" className="button button--secondary">
                    {t("sharePage.shareStance")}
                  </button>
                </Form>
              </>
            )}
          </section>
          <section aria-labelledby="stop-heading">
            <h2 id="stop-heading">{t("sharePage.stopHeading")}</h2>
            <p>{t("sharePage.stopExplain")}</p>
            <Form method="post" action="/netvaerk/del">
              <button type="submit" name="intent" value="stop-sharing" className="button button--secondary">
                {t("sharePage.stop")}
              </button>
            </Form>
          </section>
        </>
      ) : (
        <Form method="post" action="/netvaerk/del">
          <section aria-labelledby="stance-heading">
            <h2 id="stance-heading">{t("sharePage.stanceHeading")}</h2>
            <StanceChoices people={judged} />
            <div className="radios__item">
              <input
                className="radios__input"
                type="checkbox"
                id="includeStance"
                name="includeStance"
                aria-describedby="includeStance-hint"
              />
              <label className="radios__label" htmlFor="includeStance">
                {t("sharePage.includeStance")}
              </label>
              <div id="includeStance-hint" className="radios__hint">
                {t("sharePage.includeStanceHint")}
              </div>
            </div>
          </section>
          <p>{t("sharePage.stopAnyTime")}</p>
          <div className="button-group">
            <button type="submit" name="intent" value="share" className="button">
              {t("sharePage.share")}
            </button>
            <Link to="/netvaerk" className="button button--secondary">
              {t("sharePage.notNow")}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}

/**
 * The judgement as the caseworker would read it if the person chooses to share it: said before
 * the choice, so nothing on the page is a surprise afterwards.
 */
function StanceChoices({ people }: { people: { id: string; name: string; stance: Parameters<typeof StanceText>[0]["stance"] }[] }) {
  const { t } = useTranslation("network");
  if (people.length === 0) return null;
  return (
    <>
      <p>{t("sharePage.stanceIntro")}</p>
      <ul className="network-share-stances">
        {people.map((person) => (
          <li key={person.id}>
            {person.name}: <StanceText stance={person.stance} idPrefix={`choice-${person.id}`} />
          </li>
        ))}
      </ul>
    </>
  );
}
