import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/plan-question";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { sendQuestion } from "~/features/plan/commands.server";
import { findPlan } from "~/features/plan/queries.server";
import { QUESTION_MAX, questionSchema } from "~/features/plan/schema";
import { requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { participantActor } from "~/lib/actor.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const plan = await findPlan(user.participant.id);
  if (!plan) throw redirect("/min-plan");
  return { planVersion: plan.version, submissionId: crypto.randomUUID() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: questionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await sendQuestion(
    participantActor(context, user),
    {
      planVersion: submission.value.planVersion,
      comment: submission.value.comment,
      submissionId: submission.value.submissionId ?? null,
    },
  );
  if (result === "invalid") {
    return data({ result: submission.reply({ formErrors: ["question.errors.version"] }) }, { status: 400 });
  }
  return redirect("/min-plan?gemt=spoergsmaal#laest");
}

export default function QuestionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("plan");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: questionSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
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
      <p>{t("question.aboutVersion", { version: loaderData.planVersion })}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="planVersion" value={loaderData.planVersion} />
        <input type="hidden" name="submissionId" value={loaderData.submissionId} />
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
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
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
