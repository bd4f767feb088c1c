import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/sign-in";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { RadioGroup } from "~/components/form/Field";
import { ErrorContent } from "~/components/layout/ErrorContent";
import { PageTitle } from "~/components/layout/PageTitle";
import { demoSignInSchema } from "~/features/account/schema";
import { getCurrentUser, signIn } from "~/lib/auth.server";
import { demoProvider, listDemoPeople, nemLoginProvider } from "~/lib/auth/providers.server";
import { languageCookie } from "~/lib/i18n/i18n.server";
import { endSession } from "~/lib/session.server";
import { parseSubmission } from "~/components/form/submission.server";
import { requestIdOf } from "~/lib/request.server";
import { clientAddressOf, limitPage, refuseWhenLimited } from "~/lib/rate-limit.server";

/** At most RATE_LIMIT_SIGN_IN sign-in attempts per client address; showing the page is not one. */
export const middleware = limitPage("signIn", ({ request }) => clientAddressOf(request), { methods: ["POST"] });

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await getCurrentUser(context);
  if (user) throw redirect("/");
  const url = new URL(request.url);
  return {
    demoEnabled: demoProvider.enabled,
    mitidEnabled: nemLoginProvider.enabled,
    demoPeople: await listDemoPeople(),
    notice: url.searchParams.has("udloebet") ? "expired" : url.searchParams.has("logget-ud") ? "signedOut" : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  refuseWhenLimited(context);
  const formData = await request.formData();
  if (!demoProvider.enabled) {
    return data({ result: null, refused: true }, { status: 403 });
  }
  const submission = parseSubmission(formData, { schema: demoSignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), refused: false }, { status: 400 });
  }
  const requestId = requestIdOf(context);
  const signedIn = await signIn(demoProvider, submission.value.person, requestId);
  if (!signedIn) {
    return data(
      { result: submission.reply({ fieldErrors: { person: ["signIn.personUnknown"] } }), refused: false },
      { status: 400 },
    );
  }
  // A fresh session id at every sign-in: end whatever session the browser had before.
  await endSession(request);
  const headers = new Headers({ "Set-Cookie": signedIn.setCookie });
  // The person's own language, unless they have already chosen one with the switch.
  if ((await languageCookie.parse(request.headers.get("Cookie"))) == null) {
    headers.append("Set-Cookie", await languageCookie.serialize(signedIn.preferredLanguage));
  }
  return redirect("/", { headers });
}

/**
 * The app's error page inside the shell, so that the root's data (language, menu) is there: a
 * refusal from the action, such as the rate limit's 429, lands here rather than at the root.
 */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorContent error={error} />;
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation(["account", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: demoSignInSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const errors = summaryErrors(form.allErrors, ["person"], (key) => t(key));
  const personError = fields.person.errors?.[0];

  return (
    <>
      <PageTitle title={t("signIn.title")} hasErrors={errors.length > 0 || Boolean(actionData?.refused)} />
      <ErrorSummary errors={errors} />
      {loaderData.notice ? (
        <div className="notice" role="status">
          <p>{t(`signIn.${loaderData.notice}`)}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.intro")}</p>

      <section aria-labelledby="mitid-heading" className="panel">
        <h2 id="mitid-heading">{t("signIn.mitidHeading")}</h2>
        {loaderData.mitidEnabled ? (
          <Form method="post" action="/log-ind/mitid">
            <button type="submit" className="button">
              {t("signIn.mitidButton")}
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
    </>
  );
}
