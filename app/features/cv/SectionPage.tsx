import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { Checkbox, EntryList, StatusNotice } from "./components";
import type { sectionPage } from "./section.server";
import { sections, suggestionCategory } from "./sections";

type SectionPageData = Awaited<ReturnType<typeof sectionPage>>;

/** One list section of the CV (/cv/erfaring, /cv/sprog ...): its entries, "Tilføj", suggestions. */
export function SectionPage({ loaderData, actionData }: { loaderData: SectionPageData; actionData?: { error: "none" | "unknown" } }) {
  const { t } = useTranslation("cv");
  const section = sections[loaderData.slug];
  const title = t(`sections.${section.key}.title`);
  // After "Flyt op / Flyt ned", keep the keyboard where the person was: on the entry that moved.
  const { moved } = loaderData;
  const suggestionError = actionData?.error === "none";

  return (
    <>
      <PageTitle title={title} hasErrors={suggestionError} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <ErrorSummary errors={suggestionError ? [{ fieldId: "suggestion", message: t("suggestions.none") }] : []} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t(`sections.${section.key}.intro`)}</p>

      {loaderData.deleted ? (
        <StatusNotice>
          <p>{t("delete.deleted", { title: loaderData.deleted.title })}</p>
          <Form method="post" action={`/cv/${section.slug}`}>
            <input type="hidden" name="entryId" value={loaderData.deleted.id} />
            <button type="submit" name="intent" value="undo" className="button button--secondary">
              {t("delete.undo")}
              <span className="visually-hidden"> {t("delete.undoHidden", { title: loaderData.deleted.title })}</span>
            </button>
          </Form>
        </StatusNotice>
      ) : loaderData.restored ? (
        <StatusNotice>
          <p>{t("delete.restored", { title: loaderData.restored })}</p>
        </StatusNotice>
      ) : loaderData.saved ? (
        <StatusNotice>
          <p>{t("form.saved")}</p>
        </StatusNotice>
      ) : loaderData.tooLate ? (
        <StatusNotice warning>
          <p>{t("delete.tooLate")}</p>
        </StatusNotice>
      ) : loaderData.added !== null ? (
        <StatusNotice>
          <p>{loaderData.added > 0 ? t("suggestions.added", { count: loaderData.added }) : t("suggestions.alreadyThere")}</p>
        </StatusNotice>
      ) : null}

      {loaderData.gap ? (
        <div className="panel cv-gap">
          <h2>{t("gap.heading")}</h2>
          <p>{t("gap.text")}</p>
          <p>
            <Link to="/cv/frivilligt">{t("gap.link")}</Link>
          </p>
        </div>
      ) : null}

      {loaderData.entries.length > 0 ? (
        <EntryList entries={loaderData.entries} section={section} moved={moved} />
      ) : (
        <p>{t(`sections.${section.key}.empty`)}</p>
      )}

      <p>
        <Link to={`/cv/${section.slug}/ny`} className="button">
          {t(`sections.${section.key}.add`)}
        </Link>
      </p>

      {section.suggestions && loaderData.suggestions.length > 0 ? (
        <section aria-labelledby="suggestions-heading" className="cv-suggestions">
          <h2 id="suggestions-heading">{t("suggestions.heading")}</h2>
          <Form method="post" action={`/cv/${section.slug}`}>
            <fieldset className={suggestionError ? "field field--error fieldset" : "field fieldset"}>
              <legend className="fieldset__legend">{t("suggestions.legend")}</legend>
              {suggestionError ? (
                <p className="error-message">
                  <span className="visually-hidden">{t("common:errorTitlePrefix")}</span>
                  {t("suggestions.none")}
                </p>
              ) : null}
              {section.categories
                ? (["professional", "personal"] as const).map((category) => {
                    const keys = loaderData.suggestions.filter((key) => suggestionCategory(key) === category);
                    if (keys.length === 0) return null;
                    return (
                      <div key={category} className="cv-suggestion-group">
                        <p className="cv-suggestion-group__label">{t(`suggestions.${category}`)}</p>
                        {keys.map((key) => (
                          <Checkbox
                            key={key}
                            id={key === loaderData.suggestions[0] ? "suggestion" : `suggestion-${key}`}
                            name="suggestion"
                            value={key}
                            label={t(`suggestions.${section.key}.${key}`)}
                          />
                        ))}
                      </div>
                    );
                  })
                : loaderData.suggestions.map((key, index) => (
                    <Checkbox
                      key={key}
                      id={index === 0 ? "suggestion" : `suggestion-${key}`}
                      name="suggestion"
                      value={key}
                      label={t(`suggestions.${section.key}.${key}`)}
                    />
                  ))}
            </fieldset>
            <button type="submit" name="intent" value="add-suggestions" className="button button--secondary">
              {t("suggestions.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
