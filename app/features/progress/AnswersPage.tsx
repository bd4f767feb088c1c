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
import { formatMonth } from "./calendar";
import { AnswerSummary, paths } from "./components";
import { FACTORS, LEVELS, LIMITS, isLevel, type Factor, type Level } from "./levels";
import type { AnswerSetView } from "./queries.server";
import { ANSWER_FIELDS, answersSchema, limitValues, noteField } from "./schema";

/** The form's values: a step per factor (or none), her words per factor, and the two texts. */
interface Values {
  levels: Partial<Record<Factor, Level>>;
  notes: Partial<Record<Factor, string>>;
  whatHelps: string;
  somethingElse: string;
}

function fromSaved(set: AnswerSetView | null): Values {
  const values: Values = { levels: {}, notes: {}, whatHelps: set?.whatHelps ?? "", somethingElse: set?.somethingElse ?? "" };
  for (const factor of FACTORS) {
    const level = set?.levels[factor];
    if (level) values.levels[factor] = level;
    values.notes[factor] = set?.notes[factor] ?? "";
  }
  return values;
}

/** What was typed, read back from the submission, so nothing is lost on an error or a conflict. */
function fromTyped(initial: unknown): Values | null {
  if (!initial || typeof initial !== "object") return null;
  const typed = initial as Record<string, unknown>;
  const text = (key: string) => (typeof typed[key] === "string" ? (typed[key] as string) : "");
  const values: Values = { levels: {}, notes: {}, whatHelps: text("whatHelps"), somethingElse: text("somethingElse") };
  for (const factor of FACTORS) {
    if (isLevel(typed[factor])) values.levels[factor] = typed[factor];
    values.notes[factor] = text(noteField(factor));
  }
  return values;
}

export interface AnswersActionData {
  result: SubmissionResult<string[]>;
  conflict: { saved: AnswerSetView } | null;
}

/** /saadan-gaar-det/svar: this month's questions, each with words at every step; all may be skipped. */
export function AnswersPage({
  month,
  saved,
  actionData,
}: {
  month: string;
  saved: AnswerSetView | null;
  actionData: AnswersActionData | undefined;
}) {
  const { t, i18n } = useTranslation("progress");
  const [form, fields] = useForm<z.input<typeof answersSchema>>({
    id: "progress-answers",
    lastResult: actionData?.result,
  });
  const conflict = actionData?.conflict ?? null;
  const translate = (key?: string) => (key ? t(key, limitValues) : undefined);
  const errors = summaryErrors(form.allErrors, ANSWER_FIELDS, (key) => t(key, limitValues));
  const values = fromTyped(form.initialValue) ?? fromSaved(saved);
  const version = conflict ? conflict.saved.version : (saved?.version ?? 0);
  const title = t("answers.title", { month: formatMonth(month, i18n.language) });
  const fieldErrors = fields as unknown as Record<string, { errors?: string[] } | undefined>;

  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0 || conflict !== null} />
      <p className="back-link">
        <Link to={paths.home}>{t("back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{t("answers.intro")}</p>
      {conflict ? (
        <div className="conflict" data-focus-on-load="" tabIndex={-1} role="group" aria-labelledby="answers-conflict-title">
          <h2 id="answers-conflict-title">{t("answers.conflictTitle")}</h2>
          <p>{t("answers.conflictText")}</p>
          <AnswerSummary set={conflict.saved} />
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="version" value={version} />
        {FACTORS.map((factor) => (
          <div className="progress-question" key={factor}>
            <div className="progress-scale">
              <RadioGroup
                name={factor}
                legend={t(`factors.${factor}.question`)}
                hint={factor === "energy" ? t("answers.scaleHint") : undefined}
                error={translate(fieldErrors[factor]?.errors?.[0])}
                defaultValue={values.levels[factor]}
                options={LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
              />
            </div>
            <Field
              id={noteField(factor)}
              label={t(`factors.${factor}.noteLabel`)}
              optional
              error={translate(fieldErrors[noteField(factor)]?.errors?.[0])}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name={noteField(factor)}
                  className="input"
                  defaultValue={values.notes[factor] ?? ""}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  autoComplete="off"
                />
              )}
            </Field>
          </div>
        ))}
        <TextareaField
          id="whatHelps"
          name="whatHelps"
          label={t("whatHelps.label")}
          hint={t("whatHelps.hint")}
          optional
          maxLength={LIMITS.longText}
          rows={4}
          error={translate(fields.whatHelps.errors?.[0])}
          defaultValue={values.whatHelps}
        />
        <TextareaField
          id="somethingElse"
          name="somethingElse"
          label={t("somethingElse.label")}
          optional
          maxLength={LIMITS.longText}
          rows={4}
          error={translate(fields.somethingElse.errors?.[0])}
          defaultValue={values.somethingElse}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("answers.save")}
          </button>
          <Link to={paths.home} className="button button--secondary">
            {t("answers.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
