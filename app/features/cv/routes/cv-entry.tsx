import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/cv-entry";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field, RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { createEntry, updateEntry, type Actor } from "~/features/cv/commands.server";
import { Checkbox, EntrySummary } from "~/features/cv/components";
import { editablePartialDate } from "~/features/cv/partial-date";
import { findEntry, type CvEntry } from "~/features/cv/queries.server";
import { entrySchema } from "~/features/cv/schema";
import { DETAILS_MAX, isSectionSlug, ORGANISATION_MAX, sections, TITLE_MAX, type SectionConfig } from "~/features/cv/sections";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

const NEW = "ny";
const FIELD_ORDER = ["entryKind", "title", "organisation", "from", "to", "level", "category", "details"];
const MAX_BY_MESSAGE: Record<string, number> = {
  "errors.titleTooLong": TITLE_MAX,
  "errors.organisationTooLong": ORGANISATION_MAX,
  "errors.detailsTooLong": DETAILS_MAX,
};

function sectionOf(params: { section?: string }): SectionConfig {
  if (!isSectionSlug(params.section)) throw notFound();
  return sections[params.section];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  if (params.entryId === NEW) {
    return { slug: section.slug, entry: null, submissionId: crypto.randomUUID() };
  }
  const entry = await findEntry(user.participant.id, params.entryId);
  // Someone else's entry, a deleted one, or one from another section: it does not exist here.
  if (!entry || !section.kinds.includes(entry.kind)) throw notFound();
  return { slug: section.slug, entry, submissionId: null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const section = sectionOf(params);
  const actor: Actor = participantActor(context, user);
  const isNew = params.entryId === NEW;
  let existing: CvEntry | null = null;
  if (!isNew) {
    existing = await findEntry(user.participant.id, params.entryId);
    if (!existing || !section.kinds.includes(existing.kind)) throw notFound();
  }
  const formData = await request.formData();
  if (formData.get("intent") === "keep-saved") return redirect(`/cv/${section.slug}?gemt=${existing!.id}#cv-status`);

  const submission = parseSubmission(formData, { schema: entrySchema(section) });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  if (isNew) {
    const created = await createEntry(actor, section, submission.value);
    return redirect(`/cv/${section.slug}?gemt=${created.id}#cv-status`);
  }
  const result = await updateEntry(actor, existing!.id, submission.value, submission.value.version ?? -1);
  if (result.status === "missing") throw notFound();
  if (result.status === "conflict") {
    return data({ result: submission.reply(), conflict: result.saved }, { status: 409 });
  }
  return redirect(`/cv/${section.slug}?gemt=${existing!.id}#cv-status`);
}

export default function CvEntryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("cv");
  const navigation = useNavigation();
  const section = sections[loaderData.slug];
  const { entry } = loaderData;
  const conflict = navigation.state === "idle" ? (actionData?.conflict ?? null) : null;
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: entrySchema(section) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { max: MAX_BY_MESSAGE[key] });
  const errors = summaryErrors(form.allErrors, FIELD_ORDER, translate);
  const error = (name: string) => {
    const first = form.allErrors[name]?.[0];
    return first ? translate(first) : undefined;
  };
  const typed = (name: keyof typeof fields) => {
    const value = fields[name].initialValue;
    return typeof value === "string" ? value : undefined;
  };
  const submitted = form.status !== undefined || Boolean(actionData);
  const conflictRef = useRef<HTMLDivElement>(null);
  useFocusAfterFrame(conflict ? conflictRef : null, conflict);

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
        <div ref={conflictRef} tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
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
