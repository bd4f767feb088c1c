import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/appointments";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentList } from "../components";
import { listUpcomingAppointments } from "../queries.server";
import { groupByWeek } from "../time";
import { requireParticipant } from "~/lib/auth.server";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const now = new Date();
  const upcoming = await listUpcomingAppointments(user.participant.id, now);
  return { now, ...groupByWeek(upcoming, now) };
}

export default function AppointmentsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("appointments");
  const { thisWeek, nextWeek, later, now } = loaderData;
  const groups = [
    { key: "thisWeek", items: thisWeek },
    { key: "nextWeek", items: nextWeek },
    { key: "later", items: later },
  ] as const;
  return (
    <>
      <PageTitle title={t("list.title")} />
      <h1 tabIndex={-1}>{t("list.title")}</h1>
      {thisWeek.length + nextWeek.length + later.length === 0 ? (
        <p className="lead">{t("list.none")}</p>
      ) : (
        <>
          <p className="lead">{t("list.intro")}</p>
          <WrittenInDanish />
          {groups.map(({ key, items }) =>
            items.length > 0 ? (
              <section key={key} aria-labelledby={`${key}-heading`}>
                <h2 id={`${key}-heading`}>{t(`list.${key}`)}</h2>
                <AppointmentList items={items} headingLevel={3} now={now} />
              </section>
            ) : null,
          )}
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
