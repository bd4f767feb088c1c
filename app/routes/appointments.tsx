import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/appointments";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentList } from "~/features/appointments/components";
import { listUpcomingAppointments } from "~/features/appointments/queries.server";
import { groupByWeek } from "~/features/appointments/time";
import { requireParticipant } from "~/lib/auth.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const now = new Date();
  const upcoming = await listUpcomingAppointments(user.participant.id, now);
  return { now, ...groupByWeek(upcoming, now) };
}

export default function AppointmentsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("appointments");
  const { thisWeek, later, now } = loaderData;
  return (
    <>
      <PageTitle title={t("list.title")} />
      <h1 tabIndex={-1}>{t("list.title")}</h1>
      {thisWeek.length + later.length === 0 ? (
        <p className="lead">{t("list.none")}</p>
      ) : (
        <>
          <p className="lead">{t("list.intro")}</p>
          {thisWeek.length > 0 ? (
            <section aria-labelledby="this-week-heading">
              <h2 id="this-week-heading">{t("list.thisWeek")}</h2>
              <AppointmentList items={thisWeek} headingLevel={3} now={now} />
            </section>
          ) : null}
          {later.length > 0 ? (
            <section aria-labelledby="later-heading">
              <h2 id="later-heading">{t("list.later")}</h2>
              <AppointmentList items={later} headingLevel={3} now={now} />
            </section>
          ) : null}
        </>
      )}
      <p>
        <Link to="/moeder/tidligere">{t("list.pastLink")}</Link>
      </p>
      <section aria-labelledby="calendar-heading" className="panel">
        <h2 id="calendar-heading">{t("list.calendarHeading")}</h2>
        <p>{t("list.calendarText")}</p>
        <p>
          <Link to="/moeder/kalender">{t("list.calendarLink")}</Link>
        </p>
      </section>
    </>
  );
}
