import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { ErrorMessage } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { paths } from "./MyDataPage";
import type { Deletable } from "./parts";

/** Kinds whose hint says how many (the rest say what, not how many). */
const COUNTED: readonly Deletable[] = ["dagbog", "maanedssvar", "forberedelse", "moedenoter", "beskedkladder"];

export interface ChoosePageData {
  /** Her private things that hold something now, with how much. */
  choices: { key: Deletable; count: number }[];
  /** What she chose before (back from the confirmation page). */
  chosen: Deletable[];
}

function hintOf(t: (key: string, options?: Record<string, unknown>) => string, key: Deletable, count: number) {
  return COUNTED.includes(key) ? t(`deletable.${key}.hint`, { count }) : t(`deletable.${key}.hint`);
}

/** /mine-data/slet: choose what to delete (only what holds something); the next page asks first. */
export function ChoosePage({ page, error }: { page: ChoosePageData; error?: string }) {
  const { t } = useTranslation("my-data");
  const message = error ? t(error) : undefined;
  return (
    <>
      <PageTitle title={t("delete.title")} hasErrors={Boolean(message)} />
      <p className="back-link">
        <Link to={paths.home}>{t("delete.back")}</Link>
      </p>
      <ErrorSummary errors={message ? [{ fieldId: "dele", message }] : []} />
      <h1 tabIndex={-1}>{t("delete.title")}</h1>
      <p className="lead">{t("delete.lead")}</p>
      <p>
        {t("delete.first")} <Link to={paths.home}>{t("download.heading")}</Link>.
      </p>
      {page.choices.length === 0 ? (
        <p>{t("own.none")}</p>
      ) : (
        <Form method="post" noValidate>
          <fieldset className={message ? "field field--error fieldset my-data-choices" : "field fieldset my-data-choices"} aria-describedby={message ? "dele-hint dele-error" : "dele-hint"}>
            <legend className="fieldset__legend">{t("delete.legend")}</legend>
            <div id="dele-hint" className="field__hint">
              {t("delete.hint")}
            </div>
            <ErrorMessage id="dele" message={message} />
            {page.choices.map(({ key, count }, index) => (
              <div className="radios__item" key={key}>
                <input
                  className="radios__input"
                  type="checkbox"
                  id={index === 0 ? "dele" : `dele-${key}`}
                  name="dele"
                  value={key}
                  defaultChecked={page.chosen.includes(key)}
                  aria-describedby={`dele-${key}-hint`}
                />
                <label className="radios__label" htmlFor={index === 0 ? "dele" : `dele-${key}`}>
                  {t(`deletable.${key}.label`)}
                </label>
                <div id={`dele-${key}-hint`} className="radios__hint">
                  {hintOf(t, key, count)}
                </div>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("delete.continue")}
          </button>
        </Form>
      )}
    </>
  );
}

export interface ConfirmPageData {
  chosen: { key: Deletable; count: number }[];
}

/** /mine-data/slet/bekraeft: what will be deleted, said once more; only the POST with `confirm=yes` deletes. */
export function ConfirmPage({ page }: { page: ConfirmPageData }) {
  const { t } = useTranslation("my-data");
  const keys = page.chosen.map((choice) => choice.key);
  return (
    <>
      <PageTitle title={t("confirm.title")} />
      <h1 tabIndex={-1}>{t("confirm.title")}</h1>
      <ul className="my-data-chosen">
        {page.chosen.map(({ key, count }) => (
          <li key={key}>
            <span className="emphasis">{t(`deletable.${key}.label`)}</span>. {hintOf(t, key, count)}
          </li>
        ))}
      </ul>
      <p className="lead">{t("confirm.warning")}</p>
      <p>{t("confirm.keeps")}</p>
      <div className="button-group">
        <Form method="post">
          <input type="hidden" name="dele" value={keys.join(",")} />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" className="button button--warning">
            {t("confirm.yes")}
          </button>
        </Form>
        <Link to={`${paths.delete}?dele=${keys.join(",")}`} className="button button--secondary">
          {t("confirm.no")}
        </Link>
      </div>
    </>
  );
}
