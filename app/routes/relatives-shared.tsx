import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import type { Route } from "./+types/relatives-shared";
import { sharedLinks, Until, usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound, requireRelative } from "~/lib/auth.server";

/**
 * The frame of a relative's pages: whose pages these are, until when, read-only, and the parts
 * shared. Each page below checks access again itself (requireAccess with its scope).
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { grant } = await requireRelative(request, params.participantId);
  const person = await participantName(params.participantId);
  if (!person) throw notFound();
  return {
    participantId: params.participantId,
    firstName: person.firstName,
    fullName: `${person.firstName} ${person.lastName}`,
    validUntil: grant.validUntil,
    links: sharedLinks(params.participantId, grant.scopes),
  };
}

export default function SharedLayout({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const owner = usePossessive();
  const { participantId, firstName, fullName, validUntil, links } = loaderData;
  return (
    <>
      <div className="relatives-banner" role="region" aria-label={t("shared.bannerLabel")}>
        <p className="relatives-banner__who">{t("shared.banner", { owner: owner(fullName) })}</p>
        <p>
          {t("shared.readOnly")} {t("shared.until")} <Until day={validUntil} />.
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
