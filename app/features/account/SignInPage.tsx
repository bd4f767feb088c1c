import { getFormProps, useForm } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import type { Route } from "./routes/+types/sign-in";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { RadioGroup } from "~/components/form/Field";
import { PageTitle } from "~/components/layout/PageTitle";
import { demoSignInSchema } from "./schema";

/** /log-ind: MitID (when configured) and, in the demo, a list of people to sign in as. */
export function SignInPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t } = useTranslation(["account", "common"]);
  const [form, fields] = useForm<z.input<typeof demoSignInSchema>>({
    lastResult: actionData?.result,
  });
  const errors = summaryErrors(form.allErrors, ["person"], (key) => t(key));
  const personError = fields.person.errors?.[0];

  return (
    <>
      <PageTitle title={t("signIn.title")} hasErrors={errors.length > 0 || Boolean(actionData?.refused)} />
      <ErrorSummary errors={errors} />
      {loaderData.notice ? (
        <div className="notice" role="status">
          <p>{t(`signIn.${loaderData.notice}`, { minutes: loaderData.idleMinutes })}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("signIn.title")}</h1>
      {loaderData.demoEnabled || loaderData.testMitid ? (
        <div className="notice">
          <p>{t("signIn.demoNotice")}</p>
        </div>
      ) : null}
      <p className="lead">{t("signIn.intro")}</p>

      <section aria-labelledby="mitid-heading" className="panel">
        <h2 id="mitid-heading">{t("signIn.mitidHeading")}</h2>
        {loaderData.mitidEnabled ? (
          <Form method="post" action="/log-ind/mitid">
            <button type="submit" className="button">
              {t(loaderData.testMitid ? "signIn.testMitidButton" : "signIn.mitidButton")}
            </button>
          </Form>
        ) : (
          <p>{t("signIn.mitidNotConfigured")}</p>
        )}
      </section>

      {actionData?.refused ? (
        <div className="notice notice--warning" role="alert">
          <p>{t("signIn.demoRefused")}</p>
        </div>
      ) : null}

      {loaderData.demoEnabled ? (
        <section aria-labelledby="demo-heading" className="panel">
          <h2 id="demo-heading">{t("signIn.demoHeading")}</h2>
          <p>{t("signIn.demoIntro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <RadioGroup
              name={fields.person.name}
              legend={t("signIn.demoLegend")}
              error={personError ? t(personError) : undefined}
              options={loaderData.demoPeople.map((person) => ({
                value: person.key,
                label: person.name,
                hint: t(`signIn.roles.${person.role}`),
              }))}
            />
            <button type="submit" className="button">
              {t("signIn.demoSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      {loaderData.caseworkerEnabled ? (
        <section aria-labelledby="caseworker-heading" className="panel">
          <h2 id="caseworker-heading">{t("caseworkerSignIn.heading")}</h2>
          <p>
            <a href="/medarbejder/log-ind">{t("caseworkerSignIn.link")}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}
