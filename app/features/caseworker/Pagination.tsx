import { useTranslation } from "~/lib/i18n/react";
import { PAGE_SIZE, pageHref, pageNumbers } from "./paging";

/** Which page of a list this is (50 a page), and how many there are in all. */
export interface ListPages {
  page: number;
  pageCount: number;
  total: number;
}

/**
 * Links to the other pages (GOV.UK's pattern): previous, the numbers around this one, next. `list`
 * is the list's address, `label` names the navigation ("Sider med deltagere").
 */
export function Pagination({ pages, list = "/sagsbehandler", label }: { pages: ListPages; list?: string; label: string }) {
  const { t } = useTranslation("caseworker");
  if (pages.pageCount <= 1) return null;
  const { page, pageCount } = pages;
  return (
    <nav className="cw-pagination" aria-label={label}>
      {page > 1 ? (
        <p className="cw-pagination__prev">
          <a href={pageHref(page - 1, list)} rel="prev">
            {t("pages.previous")}
          </a>
        </p>
      ) : null}
      <ul className="cw-pagination__list">
        {pageNumbers(page, pageCount).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} className="cw-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <a href={pageHref(n, list)} aria-current="page" aria-label={t("pages.page", { page: n })}>
                  {n}
                </a>
              ) : (
                <a href={pageHref(n, list)} aria-label={t("pages.page", { page: n })}>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <p className="cw-pagination__next">
          <a href={pageHref(page + 1, list)} rel="next">
            {t("pages.next")}
          </a>
        </p>
      ) : null}
    </nav>
  );
}

/**
 * Which of a list of several pages this page shows ("Deltager 51 til 100 af 302"; "… 301 af 301"
 * when one is left); nothing on a list of one page. `texts` are the list's two translations.
 */
export function PageRange({ pages, shown, texts }: { pages: ListPages; shown: number; texts: { some: string; last: string } }) {
  const { t } = useTranslation("caseworker");
  if (pages.pageCount <= 1) return null;
  const from = (pages.page - 1) * PAGE_SIZE + 1;
  return (
    <p className="meta">
      {shown === 1 ? t(texts.last as never, { count: pages.total, from }) : t(texts.some as never, { count: pages.total, from, to: from + shown - 1 })}
    </p>
  );
}
