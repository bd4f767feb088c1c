import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field, RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { Checkbox, EntrySummary } from "./components";
import { editablePartialDate } from "./partial-date";
import type { CvEntry } from "./queries.server";
import { entryFieldOrder, entryMaxByMessage, entrySchema } from "./schema";
import { DETAILS_MAX, sections, type SectionSlug } from "./sections";

/** A new entry (/cv/:section/ny) or a change to one (/cv/:section/:entryId); a 409 shows what is saved. */
export function EntryPage({
  loaderData,
  actionData,
}: {
  loaderData: { slug: SectionSlug; entry: CvEntry | null; submissionId: string | null };
  actionData?: { result: SubmissionResult<string[]>; conflict: CvEntry | null };
}) {
  const { t } = useTranslation("cv");
  const section = sections[loaderData.slug];
  const { entry } = loaderData;
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm<z.input<ReturnType<typeof entrySchema>>>({
    lastResult: actionData?.result,
  });
  const translate = (key: string) => t(key, { max: entryMaxByMessage[key] });
  const errors = summaryErrors(form.allErrors, entryFieldOrder, translate);
  const error = (name: string) => {
    const first = form.allErrors[name]?.[0];
    return first ? translate(first) : undefined;
  };
  const typed = (name: keyof typeof fields) => {
    const value = fields[name].initialValue;
    return typeof value === "string" ? value : undefined;
  };
  const submitted = form.status !== undefined || Boolean(actionData);

  const key = section.key;
  const title = entry ? t(`sections.${key}.editTitle`) : t(`sections.${key}.newTitle`);
  const sectionTitle = t(`sections.${key}.title`);
  const value = (name: keyof typeof fields, fallback: string | null | undefined) =>
    submitted ? (typed(name) ?? "") : (fallback ?? "");

  return (
    <>
      <PageTitle title={conflict ? t("entryConflict.title") : title} hasErrors={errors.length > 0} />
      <p>
        <Link to={`/cv/${section.slug}`} className="plan-back">
          {t("backToSection", { section: sectionTitle })}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t(`sections.${key}.intro`)}</p>

      {conflict ? (
        <div data-focus-on-load="" tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("entryConflict.title")}</h2>
          <p>{t("entryConflict.text")}</p>
          <p className="cv-entry__text">
            <EntrySummary entry={conflict} section={section} />
          </p>
          {conflict.details ? <p className="pre-wrap">{conflict.details}</p> : null}
          <Form method="post">
            <button type="submit" name="intent" value="keep-saved" className="button button--secondary">
              {t("entryConflict.keepSaved")}
            </button>
          </Form>
        </div>
      ) : null}

      <Form method="post" {...getFormProps(form)}>
        {loaderData.submissionId ? <input type="hidden" name="submissionId" value={loaderData.submissionId} /> : null}
        {entry ? <input type="hidden" name="version" value={conflict ? conflict.version : entry.version} /> : null}

        {section.kinds.length > 1 ? (
          <RadioGroup
            name="entryKind"
            legend={t(`sections.${key}.kindLegend`)}
            error={error("entryKind")}
            defaultValue={value("entryKind", entry?.kind)}
            options={section.kinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
        ) : null}

        <Field id="title" label={t(`sections.${key}.titleLabel`)} hint={t(`sections.${key}.titleHint`)} error={error("title")}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="title"
              className="input"
              defaultValue={value("title", entry?.title)}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete={key === "work" ? "organization-title" : "off"}
            />
          )}
        </Field>

        {section.dated ? (
          <>
            <Field
              id="organisation"
              label={t(`sections.${key}.organisationLabel`)}
              hint={t(`sections.${key}.organisationHint`)}
              error={error("organisation")}
              optional
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="organisation"
                  className="input"
                  defaultValue={value("organisation", entry?.organisation)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  autoComplete="off"
                />
              )}
            </Field>
            <fieldset className="field fieldset cv-period">
              <legend className="fieldset__legend">{t("form.periodLegend")}</legend>
              <div id="period-hint" className="field__hint">
                {t("form.dateHint")}
              </div>
              <div className="cv-period__fields">
                {(["from", "to"] as const).map((name) => (
                  <Field key={name} id={name} label={t(`form.${name}`)} error={error(name)}>
                    {({ id, describedBy, invalid }) => (
                      <input
                        id={id}
                        name={name}
                        className="input cv-period__input"
                        inputMode="numeric"
                        spellCheck={false}
                        autoComplete="off"
                        defaultValue={value(name, editablePartialDate(name === "from" ? entry?.fromText : entry?.toText))}
                        aria-describedby={["period-hint", describedBy].filter(Boolean).join(" ")}
                        aria-invalid={invalid || undefined}
                      />
                    )}
                  </Field>
                ))}
              </div>
              <Checkbox
                name="ongoing"
                label={t(`sections.${key}.ongoing`)}
                defaultChecked={submitted ? typed("ongoing") === "on" : Boolean(entry?.isOngoing)}
              />
            </fieldset>
          </>
        ) : null}

        {section.levels ? (
          <RadioGroup
            name="level"
            legend={
              <>
                {t(`sections.${key}.levelLegend`)}
                {key === "languages" ? null : ` ${t("form.levelOptional")}`}
              </>
            }
            error={error("level")}
            defaultValue={value("level", entry?.level)}
            options={section.levels.map((level) => ({ value: level, label: t(`levels.${key}.${level}`) }))}
          />
        ) : null}

        {section.categories ? (
          <RadioGroup
            name="category"
            legend={t("categories.legend")}
            error={error("category")}
            defaultValue={value("category", entry?.category)}
            options={section.categories.map((category) => ({
              value: category,
              label: t(`categories.${category}`),
              hint: t(`categories.${category}Hint`),
            }))}
          />
        ) : null}

        {section.details ? (
          <TextareaField
            id="details"
            name="details"
            label={t(`sections.${key}.detailsLabel`)}
            hint={t(`sections.${key}.detailsHint`)}
            error={error("details")}
            optional
            maxLength={DETAILS_MAX}
            rows={5}
            defaultValue={value("details", entry?.details)}
          />
        ) : null}

        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            {entry ? t("form.submitEdit") : t("form.submitNew")}
          </button>
          <Link to={`/cv/${section.slug}`} className="button button--secondary">
            {t("cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
