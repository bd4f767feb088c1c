import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDate } from "~/lib/dates";
import { AppointmentPlace, AppointmentTime, JOBCENTRE_LANGUAGE, UrgentContact, useFormatWhen } from "./components";
import type { absencePage } from "./pages.server";
import { absenceSchema, LIMITS, limitValues } from "./schema";

type AbsencePageData = NonNullable<Awaited<ReturnType<typeof absencePage>>>;

/** "Jeg kan ikke komme" (/moeder/:id/kan-ikke-komme): a short reason and an optional wish for a new time. */
export function AbsencePage({
  loaderData,
  actionData,
}: {
  loaderData: AbsencePageData;
  actionData: { result: SubmissionResult<string[]> | null; refused: "past" | "cancelled" | null } | undefined;
}) {
  const { t, i18n } = useTranslation("appointments");
  const formatWhen = useFormatWhen();
  const { appointment, caseworker, now } = loaderData;
  const state = actionData?.refused ?? loaderData.state;
  const [form, fields] = useForm<z.input<typeof absenceSchema>>({
    id: "absence",
    lastResult: actionData?.result,
  });
  const translate = (key?: string) => (key ? t(key, limitValues) : undefined);
  const errors = summaryErrors(form.allErrors, ["reason", "wish"], (key) => t(key, limitValues));
  const typed = (name: "reason" | "wish") =>
    typeof fields[name].initialValue === "string" ? fields[name].initialValue : undefined;
  const heading =
    state === "past"
      ? loaderData.isPast
        ? t("absence.pastTitle")
        : t("absence.startedTitle")
      : state === "cancelled" ? t("absence.cancelledTitle") : t("absence.title");

  return (
    <>
      <PageTitle
        title={`${heading}: ${appointment.title}, ${formatDate(appointment.startsAt, i18n.language)}`}
        hasErrors={errors.length > 0 || Boolean(actionData?.refused)}
      />
      {state === "open" ? <ErrorSummary errors={errors} /> : null}
      <p className="back-link">
        <Link to={`/moeder/${appointment.id}`}>{t("absence.back")}</Link>
      </p>
      <h1 tabIndex={-1} className="appointment-heading">
        {heading}
      </h1>

      <section aria-labelledby="meeting-heading" className="card absence-meeting">
        <h2 id="meeting-heading" className="card__label">
          {t("absence.meetingHeading")}
        </h2>
        <p className="card__title" lang={JOBCENTRE_LANGUAGE}>
          {appointment.title}
        </p>
        <p>
          <AppointmentTime appointment={appointment} now={now} relative />
          <br />
          <AppointmentPlace appointment={appointment} />
        </p>
      </section>

      {state === "open" ? (
        <>
          {loaderData.lastNoticeAt ? (
            <div className="notice">
              <p>{t("absence.alreadySent", { when: formatWhen(loaderData.lastNoticeAt) })}</p>
            </div>
          ) : null}
          <p className="lead">{t("absence.intro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <TextareaField
              id="reason"
              name="reason"
              label={t("absence.reasonLabel")}
              hint={t("absence.reasonHint")}
              maxLength={LIMITS.reason}
              rows={4}
              defaultValue={typed("reason")}
              error={translate(fields.reason.errors?.[0])}
            />
            <TextareaField
              id="wish"
              name="wish"
              label={t("absence.wishLabel")}
              hint={t("absence.wishHint")}
              optional
              maxLength={LIMITS.wish}
              rows={3}
              defaultValue={typed("wish")}
              error={translate(fields.wish.errors?.[0])}
            />
            <div className="button-group">
              <button type="submit" className="button">
                {t("absence.submit")}
              </button>
              <Link to={`/moeder/${appointment.id}`} className="button button--secondary">
                {t("absence.back")}
              </Link>
            </div>
          </Form>
        </>
      ) : (
        <div className={actionData?.refused ? "notice notice--warning" : "notice"} role={actionData?.refused ? "alert" : undefined}>
          {state === "past" ? (
            <>
              <p>{t("absence.pastText")}</p>
              <p>{t("absence.pastNext")}</p>
            </>
          ) : (
            <p>{t("absence.cancelledText")}</p>
          )}
        </div>
      )}
      <UrgentContact contact={caseworker} />
    </>
  );
}
