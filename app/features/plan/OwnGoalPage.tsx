import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ConflictPanel } from "~/components/form/ConflictPanel";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMoment } from "~/lib/dates";
import type { SaveOwnGoalResult } from "./commands.server";
import type { openOwnGoalPage } from "./page.server";
import { OWN_GOAL_MAX, ownGoalSchema } from "./schema";

export type OwnGoalPageData = NonNullable<Awaited<ReturnType<typeof openOwnGoalPage>>>;

/** Both texts after a conflict: nothing the person typed is lost. */
export type OwnGoalConflict = Omit<Extract<SaveOwnGoalResult, { status: "conflict" }>, "status"> & { mine: string };

export interface OwnGoalActionData {
  result: SubmissionResult<string[]>;
  conflict: OwnGoalConflict | null;
}

/** /min-plan/eget-maal: the participant's own goal in their own words; on a conflict, both texts. */
export function OwnGoalPage({ page, actionData }: { page: OwnGoalPageData; actionData: OwnGoalActionData | undefined }) {
  const { t, i18n } = useTranslation("plan");
  const conflict = actionData?.conflict;
  const [form, fields] = useForm<z.input<typeof ownGoalSchema>>({
    lastResult: actionData?.result,
  });
  const translate = (key: string) => t(key, { max: OWN_GOAL_MAX });
  const errors = summaryErrors(form.allErrors, ["ownGoal"], translate);
  const ownGoalError = fields.ownGoal.errors?.[0];

  const title = conflict ? t("ownGoal.conflictTitle") : t("ownGoal.title");
  const submittedText = typeof fields.ownGoal.initialValue === "string" ? fields.ownGoal.initialValue : undefined;

  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <p>
        <Link to="/min-plan" className="plan-back">
          {t("backToPlan")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("ownGoal.title")}</h1>
      <p className="lead">{t("ownGoal.intro")}</p>
      <div className="panel plan-reference">
        <h2 className="card__label">{t("ownGoal.planGoal")}</h2>
        <p lang="da">{page.employmentGoal}</p>
      </div>

      <Form method="post" {...getFormProps(form)}>
        {conflict ? (
          <div data-focus-on-load="" tabIndex={-1} className="plan-conflict">
            <ConflictPanel
              name="ownGoal"
              id="ownGoal"
              label={t("ownGoal.label")}
              maxLength={OWN_GOAL_MAX}
              mine={conflict.mine}
              saved={conflict.saved}
              savedVersion={conflict.savedVersion}
              savedBy={
                conflict.savedBy.kind === "you"
                  ? t("ownGoal.savedByYou")
                  : (conflict.savedBy.name ?? t("ownGoal.savedBySomeone"))
              }
              savedWhen={conflict.savedAt ? formatMoment(conflict.savedAt, i18n.language) : ""}
            />
          </div>
        ) : (
          <>
            <input type="hidden" name="version" value={page.version} />
            <TextareaField
              id="ownGoal"
              name={fields.ownGoal.name}
              label={t("ownGoal.label")}
              hint={t("ownGoal.hint")}
              error={ownGoalError ? translate(ownGoalError) : undefined}
              maxLength={OWN_GOAL_MAX}
              rows={6}
              defaultValue={submittedText ?? page.ownGoal}
            />
            <div className="button-group">
              <button type="submit" name="intent" value="save" className="button">
                {t("ownGoal.submit")}
              </button>
              <Link to="/min-plan" className="button button--secondary">
                {t("cancel")}
              </Link>
            </div>
          </>
        )}
      </Form>

      {page.earlier.length > 0 ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t("ownGoal.earlierHeading")}</h2>
          <ul className="plan-list">
            {page.earlier.map((entry) => {
              const when = entry.createdAt ? formatMoment(entry.createdAt, i18n.language) : null;
              return (
                <li key={entry.version} className="plan-history-item">
                  <p className="meta">
                    {entry.author.kind === "you"
                      ? when
                        ? t("goal.own.byYou", { when })
                        : t("goal.own.byYouNoDate")
                      : entry.author.name
                        ? when
                          ? t("goal.own.byOther", { name: entry.author.name, when })
                          : entry.author.name
                        : when
                          ? t("goal.own.byUnknown", { when })
                          : t("goal.own.earlierText")}
                  </p>
                  <blockquote className="own-words">
                    <p>{entry.text}</p>
                  </blockquote>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
