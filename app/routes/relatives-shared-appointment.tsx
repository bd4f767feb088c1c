import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/relatives-shared-appointment";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentTime, JOBCENTRE_LANGUAGE } from "~/features/appointments/components";
import { KindExplanation } from "~/features/appointments/details";
import { getAppointmentPage } from "~/features/appointments/queries.server";
import { durationParts } from "~/features/appointments/time";
import { openSharedView } from "~/features/relatives/access.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";

/**
 * One meeting, read-only: what, when, where, who comes, what to bring. The participant's own
 * notes and questions and any "I cannot come" message are never sent to the relative.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { grant, participantId, viewed } = await openSharedView(request, params.participantId, "appointments", "appointment", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const now = new Date();
  const page = await getAppointmentPage(participantId, params.id, now);
  if (!page) throw notFound();
  await viewed();
  const { appointment } = page;
  return {
    now,
    participantId,
    firstName: person.firstName,
    fullName: `${person.firstName} ${person.lastName}`,
    bisidder: grant.bisidderAppointmentIds.includes(appointment.id),
    isPast: page.isPast,
    appointment: {
      id: appointment.id,
      kind: appointment.kind,
      title: appointment.title,
      purpose: appointment.purpose,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      mode: appointment.mode,
      placeName: appointment.placeName,
      address: appointment.address,
      directions: appointment.directions,
      phoneNote: appointment.phoneNote,
      videoNote: appointment.videoNote,
      bringItems: appointment.bringItems,
      supportPersonAllowed: appointment.supportPersonAllowed,
      status: appointment.status,
    },
    attendees: page.attendees,
  };
}

export default function SharedAppointmentPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("relatives");
  const { t: ta } = useTranslation("appointments");
  const owner = usePossessive();
  const { appointment, attendees, participantId, firstName, fullName, bisidder, now, isPast } = loaderData;
  const { hours, minutes } = durationParts(appointment.startsAt, appointment.endsAt);
  const hoursText = ta("detail.durationHours", { count: hours });
  const minutesText = ta("detail.durationMinutes", { count: minutes });
  const duration = hours > 0 && minutes > 0 ? ta("detail.durationBoth", { hours: hoursText, minutes: minutesText }) : hours > 0 ? hoursText : minutesText;
  const practicalNote = appointment.mode === "phone" ? appointment.phoneNote : appointment.mode === "video" ? appointment.videoNote : null;
  return (
    <>
      <PageTitle title={`${appointment.title}, ${formatDate(appointment.startsAt, i18n.language)}`} />
      <p className="back-link">
        <Link to={`/hjaelper/${participantId}/moeder`}>{t("shared.backToAppointments", { owner: owner(firstName) })}</Link>
      </p>
      <h1 tabIndex={-1} className="appointment-heading" lang={JOBCENTRE_LANGUAGE}>
        {appointment.title}
      </h1>
      <p className="lead">
        <AppointmentTime appointment={appointment} now={now} relative={!isPast} />
      </p>
      {appointment.status === "cancelled" ? (
        <div className="notice notice--warning">
          <p>{t("shared.cancelled", { name: firstName })}</p>
        </div>
      ) : null}
      {bisidder ? (
        <div className="notice relatives-bisidder">
          <p>{t("shared.bisidderText", { name: firstName })}</p>
        </div>
      ) : null}
      <KindExplanation kind={appointment.kind} purpose={appointment.purpose} />
      <section aria-labelledby="practical-heading">
        <h2 id="practical-heading">{ta("detail.practicalHeading")}</h2>
        <dl className="summary-list appointment-details">
          <div className="summary-list__row">
            <dt>{ta("detail.duration")}</dt>
            <dd>{duration}</dd>
          </div>
          {appointment.mode === "in_person" ? (
            <>
              <div className="summary-list__row">
                <dt>{ta("detail.where")}</dt>
                <dd>
                  {appointment.placeName}
                  {appointment.placeName && appointment.address ? <br /> : null}
                  {appointment.address}
                </dd>
              </div>
              {appointment.directions ? (
                <div className="summary-list__row">
                  <dt>{t("shared.directions")}</dt>
                  <dd lang={JOBCENTRE_LANGUAGE}>{appointment.directions}</dd>
                </div>
              ) : null}
            </>
          ) : (
            <div className="summary-list__row">
              <dt>{ta("detail.howItWorks")}</dt>
              <dd>
                <p>{appointment.mode === "phone" ? ta("detail.phoneWhere") : ta("detail.videoWhere")}</p>
                {practicalNote ? <p lang={JOBCENTRE_LANGUAGE}>{practicalNote}</p> : null}
              </dd>
            </div>
          )}
          <div className="summary-list__row">
            <dt>{ta("detail.who")}</dt>
            <dd>
              <ul className="plain-list attendee-list">
                <li>{fullName}</li>
                {attendees.map((person) => (
                  <li key={person.name + person.roleText}>
                    <span className="emphasis">{person.name}</span>
                    <br />
                    <span lang={JOBCENTRE_LANGUAGE}>{person.roleText}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>{t("shared.bring", { name: firstName })}</dt>
            <dd>
              {appointment.bringItems.length > 0 ? (
                <ul className="bring-list" lang={JOBCENTRE_LANGUAGE}>
                  {appointment.bringItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ) : (
                t("shared.bringNone")
              )}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>{t("shared.supportHeading")}</dt>
            <dd>{appointment.supportPersonAllowed ? t("shared.supportYes", { name: firstName }) : t("shared.supportNo", { name: firstName })}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
