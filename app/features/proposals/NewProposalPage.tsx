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
import { proposalSchema, SHORT_MAX, TITLE_MAX, WHY_MAX } from "./schema";

const FIELDS = ["kind", "title", "why", "whenText", "howMuch"];

/** /min-plan/forslag/ny: a sub-goal or an activity for her plan, in her own words. Only "what" is required. */
export function NewProposalPage({ submissionId, result }: { submissionId: string; result: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("proposals");
  const [form, fields] = useForm<z.input<typeof proposalSchema>>({
    lastResult: result,
  });
  const translate = (key: string) => t(key, { max: key.endsWith("titleTooLong") ? TITLE_MAX : key.endsWith("whyTooLong") ? WHY_MAX : SHORT_MAX });
  const errors = summaryErrors(form.allErrors, FIELDS, translate);
  const error = (name: string) => {
    const key = form.allErrors[name]?.[0];
    return key ? translate(key) : undefined;
  };
  const value = (name: keyof typeof fields) => {
    const initial = fields[name].initialValue;
    return typeof initial === "string" ? initial : undefined;
  };

  return (
    <>
      <PageTitle title={t("form.title")} hasErrors={errors.length > 0} />
      <p>
        <Link to="/min-plan/forslag">{t("backToList")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("form.title")}</h1>
      <p className="lead">{t("form.intro")}</p>
      <p>{t("form.answer")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="submissionId" value={submissionId} />
        <RadioGroup
          name="kind"
          legend={t("form.kindLegend")}
          error={error("kind")}
          defaultValue={value("kind")}
          options={[
            { value: "sub_goal", label: t("kinds.sub_goal"), hint: t("form.kindSubGoalHint") },
            { value: "activity", label: t("kinds.activity"), hint: t("form.kindActivityHint") },
          ]}
        />
        <Field id="title" label={t("form.titleLabel")} hint={t("form.titleHint", { max: TITLE_MAX })} error={error("title")}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="title"
              className="input"
              defaultValue={value("title")}
              maxLength={TITLE_MAX}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
            />
          )}
        </Field>
        <TextareaField
          id="why"
          name="why"
          label={t("form.whyLabel")}
          hint={t("form.whyHint")}
          error={error("why")}
          optional
          maxLength={WHY_MAX}
          rows={4}
          defaultValue={value("why")}
        />
        <Field id="whenText" label={t("form.whenLabel")} hint={t("form.whenHint")} error={error("whenText")} optional>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="whenText"
              className="input"
              defaultValue={value("whenText")}
              maxLength={SHORT_MAX}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
            />
          )}
        </Field>
        <Field id="howMuch" label={t("form.howMuchLabel")} hint={t("form.howMuchHint")} error={error("howMuch")} optional>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="howMuch"
              className="input"
              defaultValue={value("howMuch")}
              maxLength={SHORT_MAX}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              autoComplete="off"
            />
          )}
        </Field>
        <div className="button-group">
          <button type="submit" className="button">
            {t("form.submit")}
          </button>
          <Link to="/min-plan/forslag" className="button button--secondary">
            {t("cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
