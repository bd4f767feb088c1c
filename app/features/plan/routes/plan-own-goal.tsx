import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/plan-own-goal";
import { ConflictPanel } from "~/components/form/ConflictPanel";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { saveOwnGoal } from "~/features/plan/commands.server";
import { formatMoment } from "~/lib/dates";
import { findPlan, getOwnGoalHistory } from "~/features/plan/queries.server";
import { OWN_GOAL_MAX, ownGoalSchema } from "~/features/plan/schema";
import { notFound, requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const plan = await findPlan(user.participant.id);
  // The own goal lives in the plan: without a plan there is nothing to write it in yet.
  if (!plan) throw redirect("/min-plan");
  const history = await getOwnGoalHistory(plan, user.personId);
  return {
    ownGoal: plan.ownGoal ?? "",
    version: plan.ownGoalVersion,
    employmentGoal: plan.employmentGoal,
    earlier: history.slice(1),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  // "Behold den gemte tekst" after a conflict: nothing to save.
  if (formData.get("intent") === "keep-saved") return redirect("/min-plan#eget-maal");
  const submission = parseSubmission(formData, { schema: ownGoalSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), conflict: null }, { status: 400 });
  }
  const result = await saveOwnGoal(
    participantActor(context, user),
    submission.value.ownGoal,
    submission.value.version,
  );
  if (result.status === "missing") throw notFound();
  if (result.status === "conflict") {
    // Nothing the person typed is lost: both texts go back to the page.
    return data(
      {
        result: submission.reply(),
        conflict: {
          mine: submission.value.ownGoal,
          saved: result.saved,
          savedVersion: result.savedVersion,
          savedAt: result.savedAt,
          savedBy: result.savedBy,
        },
      },
      { status: 409 },
    );
  }
  return redirect("/min-plan?gemt=eget-maal#eget-maal");
}

export default function OwnGoalPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("plan");
  const navigation = useNavigation();
  const conflict = navigation.state === "idle" ? actionData?.conflict : null;
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: conflict ? undefined : ({ formData }) => parseWithZod(formData, { schema: ownGoalSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { max: OWN_GOAL_MAX });
  const errors = summaryErrors(form.allErrors, ["ownGoal"], translate);
  const ownGoalError = fields.ownGoal.errors?.[0];
  const conflictRef = useRef<HTMLDivElement>(null);

  useFocusAfterFrame(conflict ? conflictRef : null, conflict);

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
        <p lang="da">{loaderData.employmentGoal}</p>
      </div>

      <Form method="post" {...getFormProps(form)}>
        {conflict ? (
          <div ref={conflictRef} tabIndex={-1} className="plan-conflict">
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
            <input type="hidden" name="version" value={loaderData.version} />
            <TextareaField
              id="ownGoal"
              name={fields.ownGoal.name}
              label={t("ownGoal.label")}
              hint={t("ownGoal.hint")}
              error={ownGoalError ? translate(ownGoalError) : undefined}
              maxLength={OWN_GOAL_MAX}
              rows={6}
              defaultValue={submittedText ?? loaderData.ownGoal}
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

      {loaderData.earlier.length > 0 ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t("ownGoal.earlierHeading")}</h2>
          <ul className="plan-list">
            {loaderData.earlier.map((entry) => {
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
