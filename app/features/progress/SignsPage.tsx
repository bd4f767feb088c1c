import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { DocumentLinks } from "~/components/ui/DocumentLinks";
import { formatMomentDay } from "~/lib/dates";
import { Notice, paths } from "./components";
import { LIMITS } from "./levels";
import type { signsPage } from "./pages.server";
import type { SignsView } from "./queries.server";
import { SIGN_FIELDS, limitValues, signsSchema } from "./schema";

type PageData = Awaited<ReturnType<typeof signsPage>>;

export interface SignsActionData {
  result: SubmissionResult<string[]>;
  conflict: { saved: SignsView } | null;
}

/** Her two lists, as she wrote them (one item a line). */
export function SignLists({ signs, headingLevel = 2 }: { signs: Pick<SignsView, "warningSigns" | "strategies">; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("progress");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {(["warningSigns", "strategies"] as const).map((list) => (
        <div key={list} className="progress-signs-list">
          <Heading>{t(`signs.${list}`)}</Heading>
          {signs[list].length > 0 ? (
            <ul>
              {signs[list].map((item, index) => (
                <li key={`${index}-${item}`}>{item}</li>
              ))}
            </ul>
          ) : (
            <p>–</p>
          )}
        </div>
      ))}
    </>
  );
}

const typedText = (initial: unknown, name: string) => {
  const value = initial && typeof initial === "object" ? (initial as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : null;
};

/**
 * /saadan-gaar-det/tegn: two lists in her own words, printable, and one switch to share them with
 * the caseworker (a secondary button: saving is the page's main action).
 */
export function SignsPage({ page, actionData }: { page: PageData; actionData: SignsActionData | undefined }) {
  const { t, i18n } = useTranslation("progress");
  const [form, fields] = useForm<z.input<typeof signsSchema>>({
    id: "progress-signs",
    lastResult: actionData?.result,
  });
  const conflict = actionData?.conflict ?? null;
  const translate = (key?: string) => (key ? t(key, limitValues) : undefined);
  const errors = summaryErrors(form.allErrors, SIGN_FIELDS, (key) => t(key, limitValues));
  const { signs } = page;
  const warningSigns = typedText(form.initialValue, "warningSigns") ?? signs.warningSigns.join("\n");
  const strategies = typedText(form.initialValue, "strategies") ?? signs.strategies.join("\n");
  const version = conflict ? conflict.saved.version : signs.version;
  const hasLists = signs.warningSigns.length + signs.strategies.length > 0;
  const shared = signs.sharedAt !== null;

  return (
    <>
      <PageTitle title={t("signs.title")} hasErrors={errors.length > 0 || conflict !== null} />
      <p className="back-link">
        <Link to={paths.home}>{t("back")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{t("signs.title")}</h1>
      <Notice id="signs-notice" text={page.notice ? t(`signs.notices.${page.notice}`) : null} />
      <p className="lead">{t("signs.lead")}</p>
      <p>{t("signs.why")}</p>
      {hasLists ? <DocumentLinks print={{ to: paths.signsPrint, label: t("signs.printLink") }} /> : null}
      {conflict ? (
        <div className="conflict" data-focus-on-load="" tabIndex={-1} role="group" aria-labelledby="signs-conflict-title">
          <h2 id="signs-conflict-title">{t("signs.conflictTitle")}</h2>
          <p>{t("signs.conflictText")}</p>
          <SignLists signs={conflict.saved} headingLevel={3} />
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="version" value={version} />
        <TextareaField
          id="warningSigns"
          name="warningSigns"
          label={t("signs.warningSigns")}
          hint={t("signs.warningSignsHint")}
          maxLength={LIMITS.signText}
          rows={6}
          error={translate(fields.warningSigns.errors?.[0])}
          defaultValue={warningSigns}
        />
        <TextareaField
          id="strategies"
          name="strategies"
          label={t("signs.strategies")}
          hint={t("signs.strategiesHint")}
          maxLength={LIMITS.signText}
          rows={6}
          error={translate(fields.strategies.errors?.[0])}
          defaultValue={strategies}
        />
        <button type="submit" name="intent" value="save" className="button">
          {t("signs.save")}
        </button>
      </Form>

      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t("signs.shareHeading")}</h2>
        <p>
          <strong>{shared ? t("signs.isShared", { when: formatMomentDay(signs.sharedAt!, i18n.language) }) : t("signs.notShared")}</strong>
        </p>
        {shared ? (
          <>
            <p>{t("signs.stopExplain")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="stop-sharing" className="button button--secondary">
                {t("signs.stop")}
              </button>
            </Form>
          </>
        ) : hasLists ? (
          <>
            <p>{t("signs.shareExplain")}</p>
            <p>{t("signs.stopAnyTime")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="share" className="button button--secondary">
                {t("signs.share")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("signs.nothingToShare")}</p>
        )}
      </section>
    </>
  );
}
