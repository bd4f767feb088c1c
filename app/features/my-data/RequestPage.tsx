import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { paths } from "./MyDataPage";
import { REQUEST_MAX } from "./schema";

export interface RequestActionData {
  error: string;
  text: string;
}

/** /mine-data/bed-om-sletning: a message to the municipality, in her words or in ours. */
export function RequestPage({ submissionId, actionData }: { submissionId: string; actionData?: RequestActionData }) {
  const { t } = useTranslation("my-data");
  const error = actionData ? t(actionData.error, { max: REQUEST_MAX }) : undefined;
  return (
    <>
      <PageTitle title={t("request.title")} hasErrors={Boolean(error)} />
      <p className="back-link">
        <Link to={paths.home}>{t("request.cancel")}</Link>
      </p>
      <ErrorSummary errors={error ? [{ fieldId: "text", message: error }] : []} />
      <h1 tabIndex={-1}>{t("request.title")}</h1>
      <p className="lead">{t("request.lead")}</p>
      <p>{t("request.law")}</p>
      <p>{t("request.where")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="submissionId" value={submissionId} />
        <TextareaField
          id="text"
          name="text"
          label={t("request.label")}
          hint={t("request.hint")}
          optional
          maxLength={REQUEST_MAX}
          rows={6}
          error={error}
          defaultValue={actionData?.text}
        />
        <button type="submit" className="button">
          {t("request.send")}
        </button>
      </Form>
    </>
  );
}
