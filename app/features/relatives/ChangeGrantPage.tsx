import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import type { Route } from "./routes/+types/relatives-change";
import { CHANGE_FIELDS, changeSchema } from "./schema";
import { MAX_MONTHS } from "./scopes";
import { TermsFields } from "./TermsFields";

/** "Ret adgangen": the terms of an open grant; who it is for stays. */
export function ChangeGrantPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation("relatives");
  const navigation = useNavigation();
  const { grant, rules, appointments, latest, basis } = loaderData;
  const [form] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeSchema(rules) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { months: MAX_MONTHS });
  const errors = summaryErrors(form.allErrors, [...CHANGE_FIELDS], translate);
  const error = (name: (typeof CHANGE_FIELDS)[number]) => {
    const key = form.allErrors[name]?.[0];
    return key ? translate(key) : undefined;
  };
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
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="basis" value={basis} />
        <TermsFields values={values} appointments={appointments} latest={latest} error={error} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("form.continue")}
          </button>
          <Link to="/paaroerende" className="button button--secondary">
            {t("form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
