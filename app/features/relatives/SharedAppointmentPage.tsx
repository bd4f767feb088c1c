import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";
import { AppointmentDetails, AppointmentHeading } from "~/features/appointments";
import { formatDate } from "~/lib/dates";
import { MeetingSummary } from "~/features/summaries";
import { RelativeKindExplanation, usePossessive } from "./components";
import type { Route } from "./routes/+types/relatives-shared-appointment";

/** One meeting as a relative reads it: what, when, where, who comes, and whether they come along as bisidder. */
export function SharedAppointmentPage({ loaderData }: Pick<Route.ComponentProps, "loaderData">) {
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
      <AppointmentHeading appointment={appointment} now={now} isPast={isPast} />
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
      {loaderData.summary ? (
        <MeetingSummary
          summary={loaderData.summary.view}
          readerPersonId={loaderData.summary.readerPersonId}
          planHref={() => (loaderData.summary?.seesPlan ? `/hjaelper/${participantId}/min-plan` : null)}
          rememberHref={loaderData.summary.mayRemember ? (pointId) => `/hjaelper/${participantId}/moeder/${appointment.id}/referat/${pointId}` : null}
          conversationHref={(conversationId) => (loaderData.summary?.seesMessages ? `/hjaelper/${participantId}/beskeder/${conversationId}` : null)}
        />
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
