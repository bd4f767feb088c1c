import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { DayAndTimes } from "~/features/appointments";
import type { Overview } from "./queries.server";

type Appointment = NonNullable<Overview["nextAppointment"]>;

export function NextAppointment({ appointment }: { appointment: Appointment | null }) {
  const { t } = useTranslation("overview");
  return (
    <section aria-labelledby="next-appointment-heading" className="card card--highlight">
      <h2 id="next-appointment-heading">{t("nextAppointment.heading")}</h2>
      {appointment ? (
        <>
          <p className="card__title">{appointment.title}</p>
          <SummaryList>
            <SummaryRow label={t("nextAppointment.when")}>
              <DayAndTimes appointment={appointment} />
            </SummaryRow>
            <SummaryRow label={t("nextAppointment.where")}>
              {appointment.mode === "phone" ? (
                <>
                  {t("nextAppointment.byPhone")}
                  {appointment.phoneNote ? <>. {appointment.phoneNote}</> : null}
                </>
              ) : appointment.mode === "video" ? (
                t("nextAppointment.byVideo")
              ) : (
                <>
                  {appointment.placeName}
                  {appointment.address ? (
                    <>
                      <br />
                      {appointment.address}
                    </>
                  ) : null}
                </>
              )}
            </SummaryRow>
            {appointment.attendees.length > 0 ? (
              <SummaryRow label={t("nextAppointment.who")}>
                <ul className="plain-list">
                  {appointment.attendees.map((person) => (
                    <li key={person.name + person.roleText}>
                      {person.name}, {person.roleText}
                    </li>
                  ))}
                </ul>
              </SummaryRow>
            ) : null}
          </SummaryList>
          <p>
            <Link to={`/moeder/${appointment.id}`}>{t("appointments:overviewLink")}</Link>
          </p>
        </>
      ) : (
        <p>{t("nextAppointment.none")}</p>
      )}
    </section>
  );
}
