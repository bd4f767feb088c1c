import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { QUESTION_MAX, questionSchema } from "./schema";

/** /min-plan/spoergsmaal: "Jeg er ikke enig / Jeg har spørgsmål" about one version of the plan. */
export function QuestionPage({
  planVersion,
  submissionId,
  result,
}: {
  planVersion: number;
  submissionId: string;
  result: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("plan");
  const [form, fields] = useForm<z.input<typeof questionSchema>>({
    lastResult: result,
  });
  const translate = (key: string) => t(key, { max: QUESTION_MAX });
  const errors = summaryErrors(form.allErrors, ["comment"], translate);
  const commentError = fields.comment.errors?.[0];
  const submittedComment = typeof fields.comment.initialValue === "string" ? fields.comment.initialValue : undefined;
  const formError = form.errors?.[0];

  return (
    <>
      <PageTitle title={t("question.title")} hasErrors={errors.length > 0 || Boolean(formError)} />
      <p>
        <Link to="/min-plan#laest" className="plan-back">
          {t("backToPlan")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      {formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{translate(formError)}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("question.title")}</h1>
      <p className="lead">{t("question.intro")}</p>
      <p>{t("question.aboutVersion", { version: planVersion })}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="planVersion" value={planVersion} />
        <input type="hidden" name="submissionId" value={submissionId} />
        <TextareaField
          id="comment"
          name={fields.comment.name}
          label={t("question.label")}
          hint={t("question.hint")}
          error={commentError ? translate(commentError) : undefined}
          maxLength={QUESTION_MAX}
          rows={8}
          defaultValue={submittedComment}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("question.submit")}
          </button>
          <Link to="/min-plan#laest" className="button button--secondary">
            {t("cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
