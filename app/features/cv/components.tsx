import { focusOnLoad } from "~/components/ui/focus";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary, type FieldError } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { ConfirmAction } from "~/components/ui/ConfirmAction";
import { formatPeriod } from "./partial-date";
import type { CvEntry } from "./queries.server";
import type { SectionConfig } from "./sections";


/**
 * The head of a CV form page (/cv/om-mig, /cv/kontakt, /cv/jobonsker, /cv/opgaver): the tab
 * title (which says when the page shows errors or a conflict), the way back, the error summary,
 * the heading and its lead, and the "saved" notice after a redirect.
 */
export function CvFormHead({ page, conflict, errors, saved = false }: { page: string; conflict: boolean; errors: FieldError[]; saved?: boolean }) {
  const { t } = useTranslation("cv");
  return (
    <>
      <PageTitle title={conflict ? t(`${page}.conflictTitle`) : t(`${page}.title`)} hasErrors={errors.length > 0} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t(`${page}.title`)}</h1>
      <p className="lead">{t(`${page}.intro`)}</p>
      {saved ? (
        <StatusNotice>
          <p>{t(`${page}.saved`)}</p>
        </StatusNotice>
      ) : null}
    </>
  );
}

/** A CV form's end: the submit button, and a way back to the CV that saves nothing. */
export function CvFormButtons({ submit, cancel }: { submit: string; cancel: string }) {
  return (
    <div className="button-group">
      <button type="submit" className="button">
        {submit}
      </button>
      <Link to="/cv" className="button button--secondary">
        {cancel}
      </Link>
    </div>
  );
}

/** A calm "saved" message that takes focus after a redirect (after the shell has focused the h1). */
export function StatusNotice({ id = "cv-status", children, warning = false }: { id?: string; children: React.ReactNode; warning?: boolean }) {
  return (
    <div data-focus-on-load="" className={warning ? "notice notice--warning cv-status" : "notice cv-status"} id={id} tabIndex={-1} role="status">
      {children}
    </div>
  );
}

/** One checkbox with a label and an optional hint. */
export function Checkbox(props: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  defaultChecked?: boolean;
  id?: string;
  value?: string;
}) {
  const id = props.id ?? props.name;
  return (
    <div className="cv-checkbox">
      <input
        className="cv-checkbox__input"
        type="checkbox"
        id={id}
        name={props.name}
        value={props.value}
        defaultChecked={props.defaultChecked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
      />
      <label className="cv-checkbox__label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint ? (
        <div id={`${id}-hint`} className="cv-checkbox__hint">
          {props.hint}
        </div>
      ) : null}
    </div>
  );
}

/** What one entry says, in a line or two: title, where, when, level. */
export function EntrySummary({ entry, section }: { entry: CvEntry; section: SectionConfig }) {
  const { t, i18n } = useTranslation("cv");
  const period = formatPeriod(entry, i18n.language, t("now"));
  const extra = [
    section.kinds.length > 1 ? t(`kinds.${entry.kind}`) : null,
    entry.organisation,
    period || null,
    entry.level && section.levels ? t(`levels.${section.key}.${entry.level}`) : null,
    entry.category ? t(`categories.${entry.category}`) : null,
  ].filter(Boolean);
  return (
    <>
      <span className="cv-entry__title">{entry.title}</span>
      {extra.length ? <span className="cv-entry__meta">{extra.join(" · ")}</span> : null}
    </>
  );
}

/** Delete: a link to a page that asks first, whose button posts intent=delete to the section page. */
function DeleteControl({ entry, section }: { entry: CvEntry; section: SectionConfig }) {
  const { t } = useTranslation("cv");
  return (
    <ConfirmAction
      href={`/cv/${section.slug}/${entry.id}/slet`}
      className="button button--secondary button--small cv-entry__delete"
      label={t("deleteButton")}
      hiddenLabel={entry.title}
    />
  );
}

/** The entries of one section with "Ret", "Flyt op", "Flyt ned" and "Slet" (no dragging: WCAG 2.5.7). */
export function EntryList({ entries, section, moved }: { entries: CvEntry[]; section: SectionConfig; moved?: string | null }) {
  const { t } = useTranslation("cv");
  return (
    <ol className="cv-entries" aria-label={t(`sections.${section.key}.title`)}>
      {entries.map((entry, index) => (
        <li key={entry.id} className="cv-entry" id={`punkt-${entry.id}`} tabIndex={-1} {...focusOnLoad(entry.id === moved)}>
          <p className="cv-entry__text">
            <EntrySummary entry={entry} section={section} />
          </p>
          <div className="cv-entry__actions">
            <Link to={`/cv/${section.slug}/${entry.id}`} className="button button--secondary button--small">
              {t("edit")}
              <span className="visually-hidden"> {entry.title}</span>
            </Link>
            {entries.length > 1 ? (
              <Form method="post" action={`/cv/${section.slug}`} className="cv-entry__move" preventScrollReset>
                <input type="hidden" name="entryId" value={entry.id} />
                {index > 0 ? (
                  <button
                    type="submit"
                    name="intent"
                    value="move-up"
                    className="button button--secondary button--small"
                  >
                    {t("moveUp")}
                    <span className="visually-hidden"> {entry.title}</span>
                  </button>
                ) : null}
                {index < entries.length - 1 ? (
                  <button type="submit" name="intent" value="move-down" className="button button--secondary button--small">
                    {t("moveDown")}
                    <span className="visually-hidden"> {entry.title}</span>
                  </button>
                ) : null}
              </Form>
            ) : null}
            <DeleteControl entry={entry} section={section} />
          </div>
        </li>
      ))}
    </ol>
  );
}
