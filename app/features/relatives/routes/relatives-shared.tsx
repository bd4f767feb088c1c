import { useTranslation } from "~/lib/i18n/react";
import { isRouteErrorResponse, NavLink, Outlet } from "react-router";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/relatives-shared";
import { ErrorContent } from "~/components/layout/ErrorContent";
import { PageTitle } from "~/components/layout/PageTitle";
import { sharedLinks, Until, usePossessive } from "~/features/relatives/components";
import { formatDay } from "~/lib/dates";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { openSharedFrame } from "~/features/relatives/access.server";
import { ENDED_ACCESS_STATUS, type EndedAccessError } from "~/features/relatives/status";

/**
 * The frame of a relative's pages: whose pages these are, until when, read-only, and the parts
 * shared. Each page below checks access again itself (requireAccess with its scope).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { grant } = await openSharedFrame(context, params.participantId);
  const person = await participantName(params.participantId);
  if (!person) throw notFound();
  return {
    participantId: params.participantId,
    firstName: person.firstName,
    fullName: `${person.firstName} ${person.lastName}`,
    validUntil: grant.validUntil,
    mayWriteMessages: grant.mayWriteMessages && grant.scopes.includes("messages"),
    links: sharedLinks(params.participantId, grant.scopes),
  };
}

export default function SharedLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const owner = usePossessive();
  const { participantId, firstName, fullName, validUntil, links, mayWriteMessages } = loaderData;
  return (
    <>
      <div className="relatives-banner" role="region" aria-label={t("shared.bannerLabel")}>
        <p className="relatives-banner__who">{t("shared.banner", { owner: owner(fullName) })}</p>
        <p>
          {t(mayWriteMessages ? "shared.readAndWriteMessages" : "shared.readOnly")} {t("shared.until")} <Until day={validUntil} />.
        </p>
      </div>
      <nav aria-label={t("shared.navLabel", { owner: owner(firstName) })} className="relatives-nav">
        <ul className="plain-list relatives-nav__list">
          <li>
            <NavLink to={`/hjaelper/${participantId}`} end className="relatives-nav__link">
              {t("shared.nav.home")}
            </NavLink>
          </li>
          {links.map((link) => (
            <li key={link.scope}>
              <NavLink to={link.path} className="relatives-nav__link">
                {t(`shared.nav.${link.scope}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

/**
 * A relative whose access has ended (withdrawn, expired, or stopped by themselves) opens any of
 * these pages: a calm page that says so, when, and what they can do. Only her first name and the
 * day: nothing else of hers. Every other error is the portal's generic page.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const ended =
    isRouteErrorResponse(error) && error.status === ENDED_ACCESS_STATUS
      ? (error.data as Partial<EndedAccessError> | undefined)?.endedAccess
      : undefined;
  if (!ended) return <ErrorContent error={error} />;
  return <EndedAccessPage ended={ended} />;
}

function EndedAccessPage({ ended }: { ended: EndedAccessError["endedAccess"] }) {
  const { t, i18n } = useTranslation("relatives");
  const owner = usePossessive();
  const name = ended.firstName;
  const title = t("endedAccess.title");
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">
        {t(`endedAccess.${ended.reason}`, { name, owner: owner(name), day: formatDay(ended.day, i18n.language) })}
      </p>
      <p>{t("endedAccess.nothing", { owner: owner(name) })}</p>
      <p>{t("endedAccess.next", { name })}</p>
      <p>
        <Link to="/hjaelper">{t("endedAccess.back")}</Link>
      </p>
    </>
  );
}
