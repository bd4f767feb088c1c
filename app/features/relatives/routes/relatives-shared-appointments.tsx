import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/relatives-shared-appointments";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentPlace, AppointmentTime, JOBCENTRE_LANGUAGE } from "~/features/appointments";
import { listUpcomingAppointments } from "~/features/appointments/index.server";
import { openSharedView } from "~/features/relatives/access.server";
import { usePossessive } from "~/features/relatives/components";
import { participantName } from "~/features/relatives/queries.server";
import { notFound } from "~/lib/auth.server";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { Tag } from "~/components/ui/Tag";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";

/** The participant's upcoming meetings, read-only: time, place and kind, never their notes. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { grant, participantId, viewed } = await openSharedView(request, params.participantId, "appointments", "appointments", context);
  const person = await participantName(participantId);
  if (!person) throw notFound();
  const now = new Date();
  const upcoming = await listUpcomingAppointments(participantId, now);
  await viewed();
  return {
    now,
    participantId,
    firstName: person.firstName,
    // Only what the list shows; "I cannot come" messages stay the participant's.
    appointments: upcoming.map(({ absenceSentAt: _absence, ...item }) => ({
      ...item,
      bisidder: grant.bisidderAppointmentIds.includes(item.id),
    })),
  };
}

export default function SharedAppointmentsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("relatives");
  const { t: ta } = useTranslation("appointments");
  const owner = usePossessive();
  const { appointments, firstName, participantId, now } = loaderData;
  const title = t("shared.appointmentsTitle", { owner: owner(firstName) });
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      {appointments.length === 0 ? (
        <p className="lead">{t("shared.noAppointments", { name: firstName })}</p>
      ) : (
        <>
          <p className="lead">{t("shared.appointmentsIntro", { name: firstName })}</p>
          <WrittenInDanish participantName={firstName} />
          <ul className="appointment-list">
            {appointments.map((item) => (
              <li key={item.id} className={item.status === "cancelled" ? "card appointment-card appointment-card--cancelled" : "card appointment-card"}>
                <h2 className="appointment-card__title">
                  <Link to={`/hjaelper/${participantId}/moeder/${item.id}`} lang={JOBCENTRE_LANGUAGE}>
                    {item.title}
                  </Link>
                </h2>
                {ta(`kinds.${item.kind}.name`) !== item.title ? (
                  <p className="appointment-card__kind">{t(`about.appointmentNames.${item.kind}`, { defaultValue: ta(`kinds.${item.kind}.name`) })}</p>
                ) : null}
                {item.status === "cancelled" || item.status === "moved" || item.bisidder ? (
                  <p className="tags">
                    {item.status === "cancelled" ? <Tag tone="red">{ta("status.cancelled")}</Tag> : null}
                    {item.status === "moved" ? <Tag>{ta("status.moved")}</Tag> : null}
                    {item.bisidder ? <Tag tone="green">{t("shared.bisidderTag")}</Tag> : null}
                  </p>
                ) : null}
                <SummaryList>
                  <SummaryRow label={ta("item.when")}>
                    <AppointmentTime appointment={item} now={now} relative />
                  </SummaryRow>
                  <SummaryRow label={ta("item.where")}>
                    <AppointmentPlace appointment={item} />
                  </SummaryRow>
                </SummaryList>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
