import { useTranslation } from "~/lib/i18n/react";
import { useSearchParams } from "react-router";
import { Link } from "~/components/ui/Link";
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
  const about = data.about;
  const aboutTitle = !about ? null : about.kind === "preparation" ? t(`preparation:parts.${about.partKey}.title`) : about.title;
  const defaultSubject = about ? t(`new.about.${about.kind}`, { title: aboutTitle }) : "";
  const values = actionData?.values;
  const title = about ? t(`new.titleAbout.${about.kind}`, { name }) : t("new.title", { name });
  const hidden: Record<string, string> = { submissionId: data.submissionId };
  if (about?.kind === "appointment") hidden.appointmentId = about.appointmentId;
  if (about?.kind === "subGoal") hidden.subGoalId = about.subGoalId;
  if (about?.kind === "preparation") hidden.preparationPart = about.slug;
  return (
    <>
      <PageTitle title={title} hasErrors={summary.length > 0} />
      <ErrorSummary errors={summary} />
      <p className="back-link">
        <Link to={data.backHref}>{about ? t(`new.back.${about.kind}`) : t("backToList")}</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {search.get("kladde") === "gemt" ? (
        <div className="notice" role="status">
          <p>{t("form.draftSaved")}</p>
        </div>
      ) : null}
      {about ? (
        <section aria-labelledby="about-heading" className="card messages-card">
          <h2 id="about-heading" className="card__label">
            {t(`new.aboutHeading.${about.kind}`)}
          </h2>
          <p className="card__title" lang={about.kind === "preparation" ? undefined : "da"}>
            {aboutTitle}
          </p>
          {about.kind === "appointment" ? <p>{when(about.startsAt)}</p> : null}
        </section>
      ) : null}
      <p className="lead">{t("new.intro", { name })}</p>
      <AnswerPromise workdays={data.answerWorkdays} />
      <MessageForm
        formId="new-message"
        hidden={hidden}
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
