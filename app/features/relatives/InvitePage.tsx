import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import type { Route } from "./routes/+types/relatives-invite";
import { INVITE_FIELDS, inviteSchema, NAME_MAX, RELATION_MAX } from "./schema";
import { MAX_MONTHS } from "./scopes";
import { TermsFields } from "./TermsFields";

/** "Inviter en pårørende": who, what they may see, and until when. */
export function InvitePage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation("relatives");
  const navigation = useNavigation();
  const { rules, appointments, latest } = loaderData;
  const [form] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema(rules) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const translate = (key: string) => t(key, { max: key.includes("name") ? NAME_MAX : RELATION_MAX, months: MAX_MONTHS });
  const errors = summaryErrors(form.allErrors, [...INVITE_FIELDS], translate);
  const error = (name: (typeof INVITE_FIELDS)[number]) => {
    const key = form.allErrors[name]?.[0];
    return key ? translate(key) : undefined;
  };
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
      <Form method="post" {...getFormProps(form)} noValidate>
        <Field id="name" label={t("form.name")} hint={t("form.nameHint", { max: NAME_MAX })} error={error("name")}>
          {(ids) => (
            <input
              id={ids.id}
              name="name"
              className="input relatives-input"
              autoComplete="off"
              defaultValue={values.name}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <Field id="email" label={t("form.email")} hint={t("form.emailHint")} error={error("email")}>
          {(ids) => (
            <input
              id={ids.id}
              name="email"
              type="email"
              className="input relatives-input"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.email}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <Field id="relation" label={t("form.relation")} hint={t("form.relationHint")} error={error("relation")}>
          {(ids) => (
            <input
              id={ids.id}
              name="relation"
              className="input relatives-input relatives-input--short"
              autoComplete="off"
              defaultValue={values.relation}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>

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
