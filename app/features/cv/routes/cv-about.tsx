import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/cv-about";
import { ConflictPanel } from "~/components/form/ConflictPanel";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { saveSummary } from "~/features/cv/commands.server";
import { StatusNotice } from "~/features/cv/components";
import { getCv } from "~/features/cv/queries.server";
import { summarySchema } from "~/features/cv/schema";
import { SUMMARY_MAX } from "~/features/cv/sections";
import { formatMoment } from "~/lib/dates";
import { requireParticipant } from "~/lib/auth.server";
import { parseSubmission } from "~/components/form/submission.server";
import { useFocusAfterFrame } from "~/components/ui/focus";
import { participantActor } from "~/lib/actor.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const cv = await getCv(user.participant.id);
  return { summary: cv.summary, version: cv.profileVersion, saved: new URL(request.url).searchParams.has("gemt") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireParticipant(context);
  const formData = await request.formData();
  if (formData.get("intent") === "keep-saved") return redirect("/cv/om-mig?gemt=1#cv-status");
  const submission = parseSubmission(formData, { schema: summarySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await saveSummary(
    participantActor(context, user),
    submission.value.summary,
    submission.value.version,
  );
  if (result.status === "conflict") {
    return data(
      {
        result: submission.reply(),
        conflict: { mine: submission.value.summary, saved: result.saved, savedVersion: result.savedVersion, savedAt: result.savedAt },
      },
      { status: 409 },
    );
  }
  return redirect("/cv/om-mig?gemt=1#cv-status");
}

export default function CvAboutPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("cv");
  const navigation = useNavigation();
  const conflict = navigation.state === "idle" ? (actionData?.conflict ?? null) : null;
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: conflict ? undefined : ({ formData }) => parseWithZod(formData, { schema: summarySchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { max: SUMMARY_MAX });
  const errors = summaryErrors(form.allErrors, ["summary"], translate);
  const error = fields.summary.errors?.[0];
  const typed = typeof fields.summary.initialValue === "string" ? fields.summary.initialValue : undefined;
  const conflictRef = useRef<HTMLDivElement>(null);
  useFocusAfterFrame(conflict ? conflictRef : null, conflict);

  return (
    <>
      <PageTitle title={conflict ? t("about.conflictTitle") : t("about.title")} hasErrors={errors.length > 0} />
      <p>
        <Link to="/cv" className="plan-back">
          {t("backToCv")}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("about.title")}</h1>
      <p className="lead">{t("about.intro")}</p>
      {loaderData.saved && !actionData ? (
        <StatusNotice>
          <p>{t("about.saved")}</p>
        </StatusNotice>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        {conflict ? (
          <div ref={conflictRef} tabIndex={-1} className="plan-conflict">
            <ConflictPanel
              name="summary"
              id="summary"
              label={t("about.label")}
              maxLength={SUMMARY_MAX}
              mine={conflict.mine}
              saved={conflict.saved}
              savedVersion={conflict.savedVersion}
              savedBy={t("about.savedBy")}
              savedWhen={formatMoment(conflict.savedAt, i18n.language)}
            />
          </div>
        ) : (
          <>
            <input type="hidden" name="version" value={loaderData.version} />
            <TextareaField
              id="summary"
              name="summary"
              label={t("about.label")}
              hint={t("about.hint")}
              error={error ? translate(error) : undefined}
              maxLength={SUMMARY_MAX}
              rows={6}
              defaultValue={typed ?? loaderData.summary}
            />
            <div className="button-group">
              <button type="submit" name="intent" value="save" className="button">
                {t("about.submit")}
              </button>
              <Link to="/cv" className="button button--secondary">
                {t("cancel")}
              </Link>
            </div>
          </>
        )}
      </Form>
    </>
  );
}
