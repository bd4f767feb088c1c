import type { SubmissionResult } from "@conform-to/react";
import { messagesHref, newMessageHref } from "~/features/messages";
import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { PageTitle } from "~/components/layout/PageTitle";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";
import { formatDate } from "~/lib/dates";
import { AppointmentHeading, JOBCENTRE_LANGUAGE, StatusTags, UrgentContact, useFormatWhen } from "./components";
import { AppointmentDetails, KindExplanation, RehabGuide, hasMeetingGuide } from "./details";
import type { appointmentPage } from "./pages.server";
import { PreparationForm, usePreparationForm, type PreparationConflict } from "./PreparationForm";
import { limitValues } from "./schema";

type AppointmentPageData = NonNullable<Awaited<ReturnType<typeof appointmentPage>>>;

/** One meeting (/moeder/:id): what it is, the practical details, the preparation, "kan ikke komme". */
export function AppointmentPage({
  loaderData,
  actionData,
  summary,
}: {
  loaderData: AppointmentPageData;
  actionData: { result: SubmissionResult<string[]>; conflict: PreparationConflict | null } | undefined;
  /** "Det aftalte vi" after a past meeting (the summaries area renders it; the route passes it in). */
  summary?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation("appointments");
  const formatWhen = useFormatWhen();
  const { appointment, attendees, preparation, absence, caseworker, isPast, now } = loaderData;
  const state = usePreparationForm(actionData?.result);
  const [form] = state;
  const conflict = actionData?.conflict;
  const errors = [
    // A stale form is listed like an error, so the person (and focus) is sent down to it.
    ...(conflict ? [{ fieldId: "notes", message: t("prep.conflictTitle") }] : []),
    ...summaryErrors(form.allErrors, ["notes", "questions"], (key) => t(key, limitValues)),
  ];
  const upcomingAbsence = absence && !isPast && appointment.status !== "cancelled";

  return (
    <>
      <PageTitle
        title={`${appointment.title}, ${formatDate(appointment.startsAt, i18n.language)}`}
        hasErrors={errors.length > 0}
      />
      <ErrorSummary errors={errors} />
      <p className="back-link">
        <Link to={isPast ? "/moeder/tidligere" : "/moeder"}>{isPast ? t("detail.backPast") : t("detail.backUpcoming")}</Link>
      </p>
      <AppointmentHeading appointment={appointment} now={now} isPast={isPast} />
      <WrittenInDanish />
      <StatusTags appointment={appointment} showAbsence={false} />

      {appointment.status === "cancelled" ? (
        <div className="notice notice--warning">
          <p>{t("detail.cancelled")}</p>
        </div>
      ) : appointment.status === "moved" && !isPast ? (
        <div className="notice">
          <p>{t("detail.moved")}</p>
        </div>
      ) : isPast ? (
        <div className="notice">
          <p>{t("detail.past")}</p>
        </div>
      ) : null}

      {summary}

      {upcomingAbsence ? (
        <section aria-labelledby="absence-sent-heading" className="notice absence-sent">
          <h2 id="absence-sent-heading">{t("sent.heading")}</h2>
          <p>{t("sent.when", { when: formatWhen(absence.createdAt) })}</p>
          <p>{t("sent.who")}</p>
          <p>{t("sent.next")}</p>
          <p>{t("sent.call")}</p>
          <UrgentContact contact={caseworker} />
          <p className="card__label">{t("sent.yourMessage")}</p>
          <blockquote className="own-words pre-wrap">
            <p>{absence.reason}</p>
          </blockquote>
          {absence.wishForNewTime ? (
            <>
              <p className="card__label">{t("sent.yourWish")}</p>
              <blockquote className="own-words pre-wrap">
                <p>{absence.wishForNewTime}</p>
              </blockquote>
            </>
          ) : null}
          <p>
            <Link to={messagesHref}>{t("sent.seeAnswer")}</Link>
          </p>
          {loaderData.absenceState === "open" ? (
            <p>
              <Link to={`/moeder/${appointment.id}/kan-ikke-komme`}>{t("sent.again")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <KindExplanation kind={appointment.kind} purpose={appointment.purpose} />

      <section aria-labelledby="practical-heading">
        <h2 id="practical-heading">{t("detail.practicalHeading")}</h2>
        <AppointmentDetails appointment={appointment} attendees={attendees} />
      </section>

      {hasMeetingGuide(appointment.kind) ? <RehabGuide kind={appointment.kind} preparationHref="/forberedelse" /> : null}

      {appointment.afterwards ? (
        <section aria-labelledby="afterwards-heading">
          <h2 id="afterwards-heading">{t("detail.afterHeading")}</h2>
          <p lang={JOBCENTRE_LANGUAGE}>{appointment.afterwards}</p>
        </section>
      ) : null}

      {!isPast && appointment.status !== "cancelled" ? (
        <section aria-labelledby="calendar-file-heading">
          <h2 id="calendar-file-heading">{t("detail.calendarHeading")}</h2>
          <p>{t("detail.calendarHint")}</p>
          <p>
            <a href={`/moeder/${appointment.id}/kalender.ics`} download>
              {t("detail.calendarLink")}
            </a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="preparation-heading" id="forberedelse" className="panel">
        <h2 id="preparation-heading">{t("prep.heading")}</h2>
        <p>{t("prep.intro")}</p>
        <PreparationForm state={state} preparation={preparation} conflict={conflict} justSaved={loaderData.justSaved} />
      </section>

      <section aria-labelledby="write-heading">
        <h2 id="write-heading">{t("detail.writeHeading")}</h2>
        <p>
          <Link to={newMessageHref({ appointmentId: appointment.id })}>
            {t("detail.writeLink", { name: caseworker?.name ?? t("detail.yourCaseworker") })}
          </Link>
        </p>
      </section>

      {loaderData.absenceState === "open" && !upcomingAbsence ? (
        <section aria-labelledby="cannot-come-heading" className="panel">
          <h2 id="cannot-come-heading">{t("detail.cannotComeHeading")}</h2>
          <p>{t("detail.cannotComeText")}</p>
          <p>
            <Link to={`/moeder/${appointment.id}/kan-ikke-komme`} className="button button--secondary">
              {t("detail.cannotComeLink")}
            </Link>
          </p>
          <UrgentContact contact={caseworker} />
        </section>
      ) : null}
    </>
  );
}
