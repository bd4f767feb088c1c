import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ConflictPanel } from "~/components/form/ConflictPanel";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { formatMoment } from "~/lib/dates";
import { CvFormHead } from "./components";
import { summarySchema } from "./schema";
import { SUMMARY_MAX } from "./sections";

/** "Kort om mig" (/cv/om-mig); a 409 shows both texts (ConflictPanel). */
export function AboutPage({
  loaderData,
  actionData,
}: {
  loaderData: { summary: string; version: number; saved: boolean };
  actionData?: { result: SubmissionResult<string[]>; conflict: { mine: string; saved: string; savedVersion: number; savedAt: Date } | null };
}) {
  const { t, i18n } = useTranslation("cv");
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm<z.input<typeof summarySchema>>({
    lastResult: actionData?.result,
  });
  const translate = (key: string) => t(key, { max: SUMMARY_MAX });
  const errors = summaryErrors(form.allErrors, ["summary"], translate);
  const error = fields.summary.errors?.[0];
  const typed = typeof fields.summary.initialValue === "string" ? fields.summary.initialValue : undefined;

  return (
    <>
      <CvFormHead page="about" conflict={Boolean(conflict)} errors={errors} saved={Boolean(loaderData.saved && !actionData)} />
      <Form method="post" {...getFormProps(form)}>
        {conflict ? (
          <div data-focus-on-load="" tabIndex={-1} className="plan-conflict">
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
