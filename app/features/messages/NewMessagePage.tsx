import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import type { FormAnswer } from "./actions.server";
import { AnswerPromise, MessageForm, useWhen } from "./components";
import type { newMessagePage } from "./pages.server";
import { limitValues } from "./schema";

type Data = Awaited<ReturnType<typeof newMessagePage>>;

/** `/beskeder/ny`: a new message to the caseworker, maybe about one meeting. */
export function NewMessagePage({ data, actionData }: { data: Data; actionData: FormAnswer | undefined }) {
  const { t } = useTranslation("messages");
  const when = useWhen();
  const [search] = useSearchParams();
  const name = data.caseworker?.name ?? t("yourCaseworker");
  const errors = actionData?.errors ?? {};
  const summary = (["subject", "body"] as const).flatMap((field) =>
    errors[field] ? [{ fieldId: field, message: t(errors[field]!, limitValues) }] : [],
  );
  const defaultSubject = data.about ? t("new.aboutMeeting", { title: data.about.title }) : "";
  const values = actionData?.values;
  const title = data.about ? t("new.titleAboutMeeting", { name }) : t("new.title", { name });
  return (
    <>
      <PageTitle title={title} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} />
      <p className="back-link">
        <Link to={data.about ? `/moeder/${data.about.appointmentId}` : "/beskeder"}>{data.about ? t("new.backToMeeting") : t("backToList")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {search.get("kladde") === "gemt" ? (
        <div className="notice" role="status">
          <p>{t("form.draftSaved")}</p>
        </div>
      ) : null}
      {data.about ? (
        <section aria-labelledby="about-heading" className="card">
          <h2 id="about-heading" className="card__label">
            {t("new.meetingHeading")}
          </h2>
          <p className="card__title" lang="da">
            {data.about.title}
          </p>
          <p>{when(data.about.startsAt)}</p>
        </section>
      ) : null}
      <p className="lead">{t("new.intro", { name })}</p>
      <AnswerPromise workdays={data.answerWorkdays} />
      <MessageForm
        formId="new-message"
        hidden={{ submissionId: data.submissionId, ...(data.about ? { appointmentId: data.about.appointmentId } : {}) }}
        subject={{ defaultValue: values?.subject ?? data.draft?.subject ?? defaultSubject, error: errors.subject ? t(errors.subject, limitValues) : undefined }}
        body={{
          label: t("form.body"),
          defaultValue: values?.body ?? data.draft?.body ?? "",
          error: errors.body ? t(errors.body, limitValues) : undefined,
        }}
        sendLabel={t("form.send")}
        draftSavedAt={data.draft?.updatedAt ?? null}
      />
      <p>
        <Link to="/beskeder/ring-mig-op">{t("new.orCallback")}</Link>
      </p>
    </>
  );
}
