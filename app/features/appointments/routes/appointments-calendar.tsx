import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/appointments-calendar";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "../components";
import { newFeedTokenCookie } from "../calendar.server";
import { publicOrigin } from "~/lib/env.server";
import { createCalendarFeed, revokeCalendarFeed } from "../commands.server";
import { getActiveFeed, hashFeedToken } from "../queries.server";
import { feedActionSchema } from "../schema";
import { requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { CopyButton } from "~/components/ui/CopyButton";
import { participantActor } from "~/lib/actor.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const feed = await getActiveFeed(user.participant.id);
  // The address is shown only right after it was made: the database keeps just its hash.
  const token: unknown = await newFeedTokenCookie.parse(request.headers.get("Cookie"));
  const fresh = feed && typeof token === "string" && hashFeedToken(token) === feed.tokenHash ? token : null;
  const address = fresh ? `${publicOrigin(request)}/kalender/${fresh}/moeder.ics` : null;
  return {
    feed: feed ? { createdAt: feed.createdAt } : null,
    address,
    revoked: !feed && new URL(request.url).searchParams.has("stoppet"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const submission = parseSubmission(await request.formData(), { schema: feedActionSchema });
  if (submission.status !== "success") return data(null, { status: 400 });
  const actor = participantActor(context, user);
  if (submission.value.intent === "create") {
    const token = await createCalendarFeed(actor);
    return redirect("/moeder/kalender#adresse", {
      headers: { "Set-Cookie": await newFeedTokenCookie.serialize(token) },
    });
  }
  await revokeCalendarFeed(actor);
  return redirect("/moeder/kalender?stoppet=1", {
    headers: { "Set-Cookie": await newFeedTokenCookie.serialize("", { maxAge: 0 }) },
  });
}

export default function CalendarFeedPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("appointments");
  const formatWhen = useFormatWhen();
  const { feed, address, revoked } = loaderData;
  // The button just pressed is gone after the redirect: move focus to what replaced it.
  const addressHeading = useRef<HTMLHeadingElement>(null);
  const revokedNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (address) addressHeading.current?.focus();
  }, [address]);
  useEffect(() => {
    if (revoked) revokedNotice.current?.focus();
  }, [revoked]);
  return (
    <>
      <PageTitle title={t("feed.title")} />
      <p className="back-link">
        <Link to="/moeder">{t("feed.back")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("feed.title")}</h1>
      <p className="lead">{t("feed.intro")}</p>
      <p>{t("feed.privacy")}</p>
      <div className="notice">
        <p>{t("feed.secret")}</p>
      </div>

      {revoked ? (
        <div className="notice" role="status" tabIndex={-1} ref={revokedNotice}>
          <p>{t("feed.revoked")}</p>
        </div>
      ) : null}

      {address ? (
        <section aria-labelledby="address-heading" id="adresse" className="panel">
          <h2 id="address-heading" tabIndex={-1} ref={addressHeading}>
            {t("feed.created")}
          </h2>
          <div className="field">
            <label htmlFor="feed-address" className="field__label">
              {t("feed.addressLabel")}
            </label>
            <div id="feed-address-hint" className="field__hint">
              {t("feed.addressHint")}
            </div>
            <textarea
              id="feed-address"
              className="textarea feed-address"
              readOnly
              rows={4}
              value={address}
              aria-describedby="feed-address-hint"
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <CopyButton text={address} label={t("feed.copy")} copied={t("feed.copied")} failed={t("feed.copyFailed")} />
          <p>
            <a href={address.replace(/^https?:/, "webcal:")}>{t("feed.open")}</a>
          </p>
        </section>
      ) : feed ? (
        <p>{t("feed.active", { when: formatWhen(feed.createdAt) })}</p>
      ) : (
        <>
          <p>{t("feed.noneYet")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="create" className="button">
              {t("feed.create")}
            </button>
          </Form>
        </>
      )}

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">{t("feed.howHeading")}</h2>
        <ul>
          <li>{t("feed.howIphone")}</li>
          <li>{t("feed.howGoogle")}</li>
          <li>{t("feed.howOutlook")}</li>
        </ul>
      </section>

      {feed ? (
        <section aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("feed.manageHeading")}</h2>
          <p>{t("feed.lost")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="create" className="button button--secondary">
              {t("feed.replace")}
            </button>
          </Form>
          <p>{t("feed.revokeHint")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="revoke" className="button button--secondary">
              {t("feed.revoke")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
