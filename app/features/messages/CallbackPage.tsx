import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Field, RadioGroup } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDate } from "~/lib/dates";
import type { FormAnswer } from "./actions.server";
import { CaseworkerPhone } from "./components";
import type { callbackPage } from "./pages.server";
import { LIMITS, limitValues } from "./schema";

type Data = Awaited<ReturnType<typeof callbackPage>>;

/** `/beskeder/ring-mig-op`: "Ring mig op", on a working day and in a part of the day she chooses. */
export function CallbackPage({ data, actionData }: { data: Data; actionData: FormAnswer | undefined }) {
  const { t, i18n } = useTranslation("messages");
  const name = data.caseworker?.name ?? t("yourCaseworker");
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const message = (field: keyof FormAnswer["errors"]) => (errors[field] ? t(errors[field]!, limitValues) : undefined);
  const summary = (["day", "window", "phone", "about"] as const).flatMap((field) =>
    errors[field] ? [{ fieldId: field, message: t(errors[field]!, limitValues) }] : [],
  );
  return (
    <>
      <PageTitle title={t("callback.title")} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} />
      <p className="back-link">
        <Link to="/beskeder">{t("backToList")}</Link>
      </p>
      <h1 tabIndex={-1}>{t("callback.title")}</h1>
      <p className="lead">{t("callback.intro", { name })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="submissionId" value={data.submissionId} />
        <RadioGroup
          name="day"
          legend={t("callback.day")}
          error={message("day")}
          defaultValue={values?.day}
          options={data.days.map((day) => ({ value: day, label: formatDate(`${day}T12:00:00Z`, i18n.language) }))}
        />
        <RadioGroup
          name="window"
          legend={t("callback.window")}
          error={message("window")}
          defaultValue={values?.window}
          options={(["morning", "afternoon", "any"] as const).map((window) => ({ value: window, label: t(`callback.windows.${window}`) }))}
        />
        <Field id="phone" label={t("callback.phone")} hint={t("callback.phoneHint")} error={message("phone")}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="phone"
              type="tel"
              autoComplete="tel"
              className="input input--width-10"
              maxLength={LIMITS.phone}
              defaultValue={values?.phone ?? data.phone ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
            />
          )}
        </Field>
        <TextareaField
          id="about"
          name="about"
          label={t("callback.about")}
          hint={t("callback.aboutHint")}
          optional
          maxLength={500}
          rows={3}
          defaultValue={values?.about}
          error={message("about")}
        />
        <button type="submit" className="button">
          {t("callback.submit")}
        </button>
      </Form>
      <CaseworkerPhone caseworker={data.caseworker} />
    </>
  );
}
