import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import type { Route } from "./+types/appointments-past";
import { PageTitle } from "~/components/layout/PageTitle";
import { AppointmentList } from "../components";
import { listPastAppointments } from "../queries.server";
import { requireParticipant } from "~/lib/auth.server";
import { WrittenInDanish } from "~/components/ui/WrittenInDanish";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const now = new Date();
  return { now, past: await listPastAppointments(user.participant.id, now) };
}

export default function PastAppointmentsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("appointments");
  const { past, now } = loaderData;
  return (
    <>
      <PageTitle title={t("past.title")} />
      <h1 tabIndex={-1}>{t("past.title")}</h1>
      {past.length === 0 ? (
        <p className="lead">{t("past.none")}</p>
      ) : (
        <>
          <p className="lead">{t("past.intro")}</p>
          <WrittenInDanish />
          <AppointmentList items={past} headingLevel={2} now={now} past />
        </>
      )}
      <p>
        <Link to="/moeder">{t("past.back")}</Link>
      </p>
    </>
  );
}
