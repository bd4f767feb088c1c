import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/content-about";
import { PageTitle } from "~/components/layout/PageTitle";
import { aboutSlugs, hrefFor } from "../catalogue";
import { noJavaScript } from "../handle";
import { findPage, requestLanguage, titleOf } from "../pages.server";

export const handle = noJavaScript;

/** The groups of /om, in reading order. */
const groups = [
  { id: "programme", slugs: ["reformen", "kontaktforloeb", "ressourceforloeb", "jobafklaringsforloeb", "hvem-er-hvem"] },
  { id: "decision", slugs: ["samlet-beskrivelse", "sundhedskoordinator", "rehabiliteringsteam"] },
  { id: "activities", slugs: ["virksomhedspraktik", "loentilskud", "mentor", "fleksjob"] },
  { id: "you", slugs: ["dine-rettigheder", "naar-det-er-svaert", "transport-og-praktisk"] },
] as const satisfies { id: string; slugs: (typeof aboutSlugs)[number][] }[];

/** /om: every plain-language page with a one-line summary. Readable signed out. */
export async function loader({ context }: Route.LoaderArgs) {
  const language = requestLanguage(context);
  return {
    groups: groups.map((group) => ({
      id: group.id,
      pages: group.slugs.map((slug) => {
        const page = findPage(language, slug);
        return { href: hrefFor(slug), title: page?.title ?? slug, summary: page?.summary ?? "" };
      }),
    })),
    more: (["ordliste", "hjaelp", "privatliv", "tilgaengelighed"] as const).map((slug) => ({
      href: hrefFor(slug),
      title: titleOf(language, slug),
    })),
  };
}

export default function AboutIndexPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("content");
  return (
    <>
      <PageTitle title={t("about.title")} />
      <h1 tabIndex={-1}>{t("about.title")}</h1>
      <p className="lead">{t("about.intro")}</p>
      <p>{t("about.pace")}</p>
      {loaderData.groups.map((group) => (
        <section key={group.id} aria-labelledby={`about-${group.id}`}>
          <h2 id={`about-${group.id}`}>{t(`about.groups.${group.id}`)}</h2>
          <ul className="content-list">
            {group.pages.map((page) => (
              <li key={page.href}>
                <a href={page.href} className="content-list__link">
                  {page.title}
                </a>
                <p>{page.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="about-more">
        <h2 id="about-more">{t("about.groups.more")}</h2>
        <ul>
          {loaderData.more.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.title}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
