import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDate } from "~/lib/dates";
import { LIMITS } from "./schema";

export interface RememberData {
  appointment: { id: string; title: string; startsAt: Date | string };
  point: { id: string; position: number; text: string };
  caseworker: { name: string } | null;
  submissionId: string;
  /** Where "Tilbage" goes: the meeting's page (hers, or the relative's view of it). */
  backHref: string;
}

export interface RememberAnswer {
  error: string | null;
  body: string;
}

/**
 * "Jeg husker det anderledes" about one point: the point quoted, one text field, and where it goes
 * (a conversation with her caseworker). Works without JavaScript; a refused send keeps the text.
 */
export function RememberPage({ data, answer }: { data: RememberData; answer: RememberAnswer | undefined }) {
  const { t, i18n } = useTranslation("summaries");
  const name = data.caseworker?.name ?? t("remember.yourCaseworker");
  const error = answer?.error ? t(answer.error, { max: LIMITS.recollection }) : undefined;
  const title = t("remember.title", { number: data.point.position });
  return (
    <>
      <PageTitle title={title} hasErrors={Boolean(error)} />
      <ErrorSummary errors={error ? [{ fieldId: "body", message: error }] : []} />
      <p className="back-link">
        <Link to={data.backHref}>{t("remember.back")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="meta">
        <span lang="da">{data.appointment.title}</span>, {formatDate(data.appointment.startsAt, i18n.language)}
      </p>
      <p className="card__label">{t("remember.pointSays", { number: data.point.position })}</p>
      <blockquote className="own-words pre-wrap" lang="da">
        <p>{data.point.text}</p>
      </blockquote>
      <p>{t("remember.intro", { name })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="submissionId" value={data.submissionId} />
        <TextareaField
          id="body"
          name="body"
          label={t("remember.label")}
          hint={t("remember.hint")}
          error={error}
          maxLength={LIMITS.recollection}
          defaultValue={answer?.body}
          rows={6}
        />
        <button type="submit" className="button">
          {t("remember.submit", { name })}
        </button>
      </Form>
    </>
  );
}
