import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/relatives-shared-appointment";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentDetails, AppointmentTime, JOBCENTRE_LANGUAGE } from "~/features/appointments";
import { getAppointmentPage } from "~/features/appointments/index.server";
import { openSharedView } from "~/features/relatives/access.server";
import { RelativeKindExplanation, usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { aboutParticipant } from "~/lib/addressee";
import { formatDate } from "~/lib/dates";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";

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
  // The jobcentre wrote these to the participant ("Dine noter …", "Din mentor"): worded about her.
  const about = (text: string) => aboutParticipant(text, person.firstName);
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
      purpose: about(appointment.purpose),
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      mode: appointment.mode,
      placeName: appointment.placeName,
      address: appointment.address,
      directions: appointment.directions && about(appointment.directions),
      phoneNote: appointment.phoneNote && about(appointment.phoneNote),
      videoNote: appointment.videoNote && about(appointment.videoNote),
      bringItems: appointment.bringItems.map(about),
      supportPersonAllowed: appointment.supportPersonAllowed,
      status: appointment.status,
    },
    attendees: page.attendees.map((attendee) => ({ ...attendee, roleText: about(attendee.roleText) })),
  };
}

export default function SharedAppointmentPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("relatives");
  const { t: ta } = useTranslation("appointments");
  const owner = usePossessive();
  const { appointment, attendees, participantId, firstName, fullName, bisidder, now, isPast } = loaderData;
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
      <WrittenInDanish participantName={firstName} />
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
      <RelativeKindExplanation kind={appointment.kind} purpose={appointment.purpose} name={firstName} />
      <section aria-labelledby="practical-heading">
        <h2 id="practical-heading">{ta("detail.practicalHeading")}</h2>
        <AppointmentDetails
          appointment={appointment}
          attendees={attendees}
          otherReader={{
            participantName: fullName,
            directions: t("shared.directions"),
            bring: t("shared.bring", { name: firstName }),
            bringNone: t("shared.bringNone"),
            supportHeading: t("shared.supportHeading"),
            supportYes: t("shared.supportYes", { name: firstName }),
            supportNo: t("shared.supportNo", { name: firstName }),
          }}
        />
      </section>
    </>
  );
}
