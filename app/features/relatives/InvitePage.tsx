import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { DateInput } from "~/components/form/DateInput";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import type { Route } from "./routes/+types/relatives-invite";
import { INVITE_FIELDS, NAME_MAX, RELATION_MAX } from "./schema";
import { MAX_MONTHS } from "./scopes";
import { GrantForm, useGrantForm } from "./GrantForm";

/** One line about the person invited: name, e-mail or relation. */
function PersonField(props: { name: "name" | "email" | "relation"; label: string; hint: string; error?: string; defaultValue: string; short?: boolean }) {
  const email = props.name === "email";
  return (
    <Field id={props.name} label={props.label} hint={props.hint} error={props.error}>
      {(ids) => (
        <input
          id={ids.id}
          name={props.name}
          type={email ? "email" : undefined}
          className={props.short ? "input relatives-input relatives-input--short" : "input relatives-input"}
          autoComplete="off"
          spellCheck={email ? false : undefined}
          defaultValue={props.defaultValue}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
        />
      )}
    </Field>
  );
}

/** "Inviter en pårørende": who, what they may see, and until when. */
export function InvitePage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation("relatives");
  const { appointments, latest } = loaderData;
  const translate = (key: string) => t(key, { max: key.includes("name") ? NAME_MAX : RELATION_MAX, months: MAX_MONTHS });
  const { form, errors, error } = useGrantForm({ fields: INVITE_FIELDS, result: actionData?.result, translate });
  const values = actionData?.values ?? loaderData.initial;

  return (
    <>
      <PageTitle title={t("form.title")} hasErrors={errors.length > 0} />
      <p className="back-link">
        <Link to="/paaroerende">{t("backToList")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("form.title")}</h1>
      <p className="lead">{t("form.intro")}</p>
      <p>{t("form.intro2")}</p>
      <GrantForm form={form} values={values} appointments={appointments} latest={latest} error={error}>
        <PersonField name="name" label={t("form.name")} hint={t("form.nameHint", { max: NAME_MAX })} error={error("name")} defaultValue={values.name} />
        <PersonField name="email" label={t("form.email")} hint={t("form.emailHint")} error={error("email")} defaultValue={values.email} />
        <PersonField
          name="relation"
          label={t("form.relation")}
          hint={t("form.relationHint")}
          error={error("relation")}
          defaultValue={values.relation}
          short
        />
        <DateInput
          name="birthDate"
          legend={t("form.birthDateLegend")}
          hint={t("form.birthDateHint")}
          error={error("birthDate")}
          defaultValue={values.birthDate}
        />
      </GrantForm>
    </>
  );
}
