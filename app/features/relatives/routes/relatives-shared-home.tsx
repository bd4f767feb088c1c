import { ConfirmAction } from "~/components/ui/ConfirmAction";
import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/relatives-shared-home";
import { PageTitle } from "~/components/layout/PageTitle";
import { sharedLinks, usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { openSharedFrame } from "~/features/relatives/access.server";
import { recordView } from "~/features/relatives/commands.server";
import { requestIdOf } from "~/lib/request.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, grant } = await openSharedFrame(context, params.participantId);
  const person = await participantName(params.participantId);
  if (!person) throw notFound();
  await recordView({
    grantId: grant.id,
    relativePersonId: user.personId,
    participantId: params.participantId,
    page: "home",
    requestId: requestIdOf(context),
  });
  return {
    participantId: params.participantId,
    firstName: person.firstName,
    scopes: grant.scopes,
    mayComment: grant.mayComment,
    mayWriteMessages: grant.mayWriteMessages && grant.scopes.includes("messages"),
    bisidderCount: grant.bisidderAppointmentIds.length,
    links: sharedLinks(params.participantId, grant.scopes),
    welcome: new URL(request.url).searchParams.has("velkommen"),
  };
}

export default function SharedHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const owner = usePossessive();
  const { participantId, firstName, scopes, links, welcome, bisidderCount, mayWriteMessages } = loaderData;
  const title = t("shared.homeTitle", { owner: owner(firstName) });
  return (
    <>
      <PageTitle title={title} />
      {welcome ? (
        <div className="notice" role="status">
          <p>{t("shared.welcome", { name: firstName })}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("shared.homeIntro", { name: firstName })}</p>
      <ul className="relatives-links">
        {scopes.map((scope) => {
          const link = links.find((entry) => entry.scope === scope);
          return (
            <li key={scope}>
              {link ? <Link to={link.path}>{t(`shared.open.${scope}`, { owner: owner(firstName) })}</Link> : t(`scopesOther.${scope}`)}
            </li>
          );
        })}
      </ul>
      {mayWriteMessages ? <p>{t("shared.mayWriteMessages", { owner: owner(firstName) })}</p> : null}
      {bisidderCount > 0 ? <p>{t("shared.bisidder", { count: bisidderCount, name: firstName })}</p> : null}
      <section aria-labelledby="stop-heading" className="panel">
        <h2 id="stop-heading">{t("end.heading")}</h2>
        <p>{t("end.intro", { name: firstName })}</p>
        <ConfirmAction
          href={`/hjaelper/${participantId}/stop`}
          label={t("end.button")}
          hiddenLabel={t("end.hiddenLabel", { name: firstName })}
        />
      </section>
    </>
  );
}
