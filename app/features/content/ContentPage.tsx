import { Fragment } from "react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDay } from "~/lib/dates";

export interface ContentPageData {
  title: string;
  summary: string;
  lastReviewed: string;
  sources: { title: string; url: string; note?: string }[];
  related: { href: string; title: string }[];
  /** Rendered on the server by markdown-it with raw HTML turned off: it holds no HTML a person wrote. */
  html?: string;
}

/** The paragraph markdown-it makes of `[[name]]` on a line of its own: where a page's slot goes. */
export function slotMarker(name: string): string {
  return `<p>[[${name}]]</p>\n`;
}

/** A breadcrumb back to "Om dit forløb", for pages under /om/. */
export function AboutBreadcrumb() {
  const { t } = useTranslation("content");
  return (
    <nav aria-label={t("page.breadcrumbLabel")} className="content-breadcrumb">
      <ol>
        <li>
          <a href="/om">{t("about.title")}</a>
        </li>
      </ol>
    </nav>
  );
}

/**
 * A plain-language page: heading, summary, the Markdown body (or `children`), "Læs også", the
 * sources and the day it was last checked. Links are plain <a>: these pages run no JavaScript.
 */
export function ContentPage({
  page,
  breadcrumb = false,
  children,
  slot,
}: {
  page: ContentPageData;
  breadcrumb?: boolean;
  children?: React.ReactNode;
  /** Put `node` where the Markdown has a paragraph of just `[[name]]` (see PAGE_SLOT). */
  slot?: { name: string; node: React.ReactNode };
}) {
  const { t, i18n } = useTranslation("content");
  const parts = page.html && slot ? page.html.split(slotMarker(slot.name)) : page.html ? [page.html] : [];
  return (
    <>
      <PageTitle title={page.title} />
      {breadcrumb ? <AboutBreadcrumb /> : null}
      <h1 tabIndex={-1}>{page.title}</h1>
      <p className="lead">{page.summary}</p>
      {children}
      {parts.map((html, index) => (
        <Fragment key={index}>
          {index > 0 ? <div className="prose">{slot?.node}</div> : null}
          <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
        </Fragment>
      ))}
      <section aria-labelledby="content-read-also" className="content-read-also">
        <h2 id="content-read-also">{t("page.readAlso")}</h2>
        <ul>
          {page.related.map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.title}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="content-sources" className="content-sources">
        <h2 id="content-sources">{t("page.sources")}</h2>
        <p>{t("page.sourcesIntro")}</p>
        <ul>
          {page.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url}>{source.title}</a>
              {source.note ? <> {source.note}</> : null}
            </li>
          ))}
        </ul>
        <p className="meta">
          {t("page.lastReviewed")}{" "}
          <time dateTime={page.lastReviewed}>{formatDay(page.lastReviewed, i18n.language)}</time>
        </p>
      </section>
    </>
  );
}
