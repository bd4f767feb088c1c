import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { newMessageHref } from "~/features/messages";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";
import { formatMoment } from "~/lib/dates";
import { SubGoalDetails } from "./PlanParts";
import type { openSubGoalPage } from "./page.server";
import { SUB_GOAL_COMMENT_MAX, subGoalMarkSchema } from "./schema";
import { subGoalStatuses } from "./snapshot";

export type SubGoalPageData = NonNullable<Awaited<ReturnType<typeof openSubGoalPage>>>;

/** "i dag kl. 14.27" starts a line here: "I dag kl. 14.27: Jeg er i gang". */
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** /min-plan/delmaal/:id: one sub-goal, the form to mark how it is going, and the earlier marks. */
export function SubGoalPage({
  page,
  result,
}: {
  page: SubGoalPageData;
  result: SubmissionResult<string[]> | undefined;
}) {
  const { t, i18n } = useTranslation("plan");
  const { goal } = page;
  const [form, fields] = useForm<z.input<typeof subGoalMarkSchema>>({
    lastResult: result,
  });
  const translate = (key: string) => t(key, { max: SUB_GOAL_COMMENT_MAX });
  const errors = summaryErrors(form.allErrors, ["status", "comment"], translate);
  const statusError = fields.status.errors?.[0];
  const commentError = fields.comment.errors?.[0];
  const submittedStatus = typeof fields.status.initialValue === "string" ? fields.status.initialValue : undefined;
  const submittedComment = typeof fields.comment.initialValue === "string" ? fields.comment.initialValue : undefined;

  return (
    <>
      <PageTitle title={t("subGoal.pageTitle", { title: goal.title })} hasErrors={errors.length > 0} />
      <p>
        <Link to={`/min-plan#delmaal-${goal.id}`} className="plan-back">
          {t("backToPlan")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>
        <span className="plan-caption">{t("subGoal.caption")}</span>
        <span lang="da">{goal.title}</span>
      </h1>
      {goal.description ? (
        <p className="lead" lang="da">
          {goal.description}
        </p>
      ) : null}
      <WrittenInDanish />
      <SubGoalDetails goal={goal} />

      <h2>{t("subGoal.formHeading")}</h2>
      <p>{t("subGoal.formIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="submissionId" value={page.submissionId} />
        <RadioGroup
          name={fields.status.name}
          legend={t("subGoal.legend")}
          error={statusError ? translate(statusError) : undefined}
          defaultValue={submittedStatus ?? page.defaults.status ?? undefined}
          options={subGoalStatuses.map((status) => ({
            value: status,
            label: t(`subGoal.options.${status}`),
            hint: status === "paused" ? t("subGoal.pausedHint") : undefined,
          }))}
        />
        <TextareaField
          id="comment"
          name={fields.comment.name}
          label={t("subGoal.commentLabel")}
          hint={page.defaults.comment ? t("subGoal.commentKeptHint") : t("subGoal.commentHint")}
          optional
          error={commentError ? translate(commentError) : undefined}
          maxLength={SUB_GOAL_COMMENT_MAX}
          rows={3}
          // The latest comment stays in the box: saving a new status never erases the person's words.
          defaultValue={submittedComment ?? page.defaults.comment}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("subGoal.submit")}
          </button>
          <Link to={`/min-plan#delmaal-${goal.id}`} className="button button--secondary">
            {t("cancel")}
          </Link>
        </div>
      </Form>

      {goal.updates.length > 0 ? (
        <section aria-labelledby="history-heading" id="historik">
          <h2 id="history-heading">{t("subGoal.historyHeading")}</h2>
          <p>{t("subGoal.historyIntro")}</p>
          <ul className="plan-list">
            {goal.updates.map((update) => (
              <li key={update.id} className="plan-history-item">
                <p className="meta">
                  {update.createdAt.getTime() > 0 ? capitalise(formatMoment(update.createdAt, i18n.language)) : t("subGoal.historyUndated")}
                  {update.status ? `: ${t(`subGoal.options.${update.status}`)}` : null}
                </p>
                {update.comment ? (
                  <blockquote className="own-words">
                    <p>{update.comment}</p>
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to={newMessageHref({ subGoalId: goal.id })}>{t("subGoal.writeAbout")}</Link>
      </p>
    </>
  );
}
