import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import type { Route } from "./routes/+types/relatives-change";
import { CHANGE_FIELDS } from "./schema";
import { MAX_MONTHS } from "./scopes";
import { GrantForm, useGrantForm } from "./GrantForm";

/** "Ret adgangen": the terms of an open grant; who it is for stays. */
export function ChangeGrantPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation("relatives");
  const { grant, appointments, latest, basis } = loaderData;
  const translate = (key: string) => t(key, { months: MAX_MONTHS });
  const { form, errors, error } = useGrantForm({ fields: CHANGE_FIELDS, result: actionData?.result, translate });
  const values = actionData?.values ?? loaderData.initial;
  const title = t("change.title", { name: grant.name });
  return (
    <>
      <PageTitle title={title} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/paaroerende">{t("backToList")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">{grant.active ? t("change.introActive", { name: grant.name }) : t("change.introInvited", { name: grant.name })}</p>
      <SummaryList className="relatives-check">
        <SummaryRow label={t("check.rows.name")}>{grant.name}</SummaryRow>
        <SummaryRow label={t("check.rows.email")}>{grant.email}</SummaryRow>
        <SummaryRow label={t("check.rows.relation")}>{grant.relation}</SummaryRow>
      </SummaryList>
      <p>{t("change.whoStays", { name: grant.name })}</p>
      <GrantForm form={form} values={values} appointments={appointments} latest={latest} error={error}>
        <input type="hidden" name="basis" value={basis} />
      </GrantForm>
    </>
  );
}
