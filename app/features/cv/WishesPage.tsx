import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { summaryErrors } from "~/components/form/errors";
import { Field, RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import type { WishesInput } from "./commands.server";
import { Checkbox, CvFormButtons, CvFormHead } from "./components";
import { editableHours, formatHours } from "./hours";
import type { CvData } from "./queries.server";
import { commuteOptions, wishesFieldOrder, wishesMaxByMessage, wishesSchema } from "./schema";
import { ACCOMMODATIONS_MAX, FIELDS_MAX } from "./sections";

/** "Jobønsker" (/cv/jobonsker): kinds of work, hours, travel time, areas and skånehensyn; a 409 shows what is saved. */
export function WishesPage({
  loaderData,
  actionData,
}: {
  loaderData: { wishes: CvData["wishes"]; saved: boolean };
  actionData?: { result: SubmissionResult<string[]>; conflict: { saved: WishesInput; savedVersion: number } | null };
}) {
  const { t } = useTranslation("cv");
  const conflict = actionData?.conflict ?? null;
  const [form, fields] = useForm<z.input<typeof wishesSchema>>({
    lastResult: actionData?.result,
  });
  const translate = (key: string) => t(key, { max: wishesMaxByMessage[key] });
  const errors = summaryErrors(form.allErrors, wishesFieldOrder, translate);
  const error = (name: string) => {
    const first = form.allErrors[name]?.[0];
    return first ? translate(first) : undefined;
  };
  const submitted = Boolean(actionData);
  const typed = (name: keyof typeof fields) => {
    const value = fields[name].initialValue;
    return typeof value === "string" ? value : "";
  };
  const { wishes } = loaderData;

  return (
    <>
      <CvFormHead page="wishes" conflict={Boolean(conflict)} errors={errors} saved={Boolean(loaderData.saved && !actionData)} />
      {conflict ? (
        <div data-focus-on-load="" tabIndex={-1} className="notice notice--warning plan-conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t("wishes.conflictTitle")}</h2>
          <p>{t("wishes.conflictText")}</p>
          <SummaryList>
            <SummaryRow label={t("doc.fields")}>{conflict.saved.fields.join(", ") || t("wishes.notSet")}</SummaryRow>
            <SummaryRow label={t("doc.hours")}>
              {formatHours(conflict.saved.hoursPerWeek, conflict.saved.hoursPerWeekMax, t) || t("wishes.notSet")}
            </SummaryRow>
            <SummaryRow label={t("doc.areas")}>{conflict.saved.areas ?? t("wishes.notSet")}</SummaryRow>
            <SummaryRow label={t("doc.accommodations")} preWrap>
              {conflict.saved.accommodations ?? t("wishes.notSet")}
            </SummaryRow>
          </SummaryList>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="version" value={conflict ? conflict.savedVersion : wishes.version} />
        <TextareaField
          id="fields"
          name="fields"
          label={t("wishes.fieldsLabel")}
          hint={t("wishes.fieldsHint")}
          error={error("fields")}
          optional
          maxLength={FIELDS_MAX}
          rows={4}
          defaultValue={submitted ? typed("fields") : wishes.fields.join("\n")}
        />
        <p>
          <Link to="/cv/opgaver">{t("parts.tasks")}</Link>
        </p>
        <Field id="hoursPerWeek" label={t("wishes.hoursLabel")} hint={t("wishes.hoursHint")} error={error("hoursPerWeek")} optional>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="hoursPerWeek"
              className="input input--width-4"
              autoComplete="off"
              defaultValue={submitted ? typed("hoursPerWeek") : editableHours(wishes.hoursPerWeek, wishes.hoursPerWeekMax, t("wishes.upTo"))}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <RadioGroup
          name="commute"
          legend={`${t("wishes.commuteLegend")} ${t("form.levelOptional")}`}
          error={error("commute")}
          defaultValue={submitted ? typed("commute") : (wishes.maxCommuteMinutes?.toString() ?? "")}
          options={commuteOptions.map((minutes) => ({ value: minutes, label: t(`wishes.commute.${minutes}`) }))}
        />
        <Field id="areas" label={t("wishes.areasLabel")} hint={t("wishes.areasHint")} error={error("areas")} optional>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="areas"
              className="input"
              autoComplete="off"
              defaultValue={submitted ? typed("areas") : (wishes.areas ?? "")}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <section aria-labelledby="accommodations-heading" className="cv-accommodations">
          <h2 id="accommodations-heading">{t("wishes.accommodationsHeading")}</h2>
          <p>{t("wishes.accommodationsIntro")}</p>
          <TextareaField
            id="accommodations"
            name="accommodations"
            label={t("wishes.accommodationsLabel")}
            hint={t("wishes.accommodationsHint")}
            error={error("accommodations")}
            optional
            maxLength={ACCOMMODATIONS_MAX}
            rows={4}
            defaultValue={submitted ? typed("accommodations") : (wishes.accommodations ?? "")}
          />
          <Checkbox
            name="showAccommodations"
            label={t("wishes.showAccommodations")}
            hint={t("wishes.showAccommodationsHint")}
            defaultChecked={submitted ? typed("showAccommodations") === "on" : wishes.showAccommodationsOnCv}
          />
        </section>
        <CvFormButtons submit={t("wishes.submit")} cancel={t("cancel")} />
      </Form>
    </>
  );
}
