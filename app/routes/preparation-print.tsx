import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/preparation-print";
import { PageTitle } from "~/components/layout/PageTitle";
import { useFormatWhen } from "~/features/appointments/components";
import { PartAnswers } from "~/features/preparation/components";
import { getPreparation, getTeamMeeting } from "~/features/preparation/queries.server";
import { requireParticipant } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireParticipant(request);
  const [preparation, meeting] = await Promise.all([getPreparation(user.participant.id), getTeamMeeting(user.participant.id)]);
  return {
    parts: preparation.parts.filter((part) => part.key !== "about_meeting"),
    tasks: preparation.tasks,
    meetingAt: meeting?.startsAt ?? null,
    name: `${user.firstName} ${user.lastName}`,
    printedAt: new Date(),
  };
}

/** The print button needs JavaScript; without it the page says how to print from the browser. */
function PrintButton() {
  const { t } = useTranslation("preparation");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("print.button")}
    </button>
  );
}

export default function PreparationPrintPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("preparation");
  const formatWhen = useFormatWhen();
  return (
    <>
      <PageTitle title={t("print.title")} />
      <div className="plan-print-actions">
        <p className="back-link">
          <Link to="/forberedelse">{t("form.back")}</Link>
        </p>
        <p>{t("print.intro")}</p>
        <p className="meta">{t("print.howTo")}</p>
        <div className="button-group">
          <PrintButton />
          <a href="/forberedelse/forberedelse.pdf" download className="button button--secondary">
            {t("taskList.pdfLink")}
          </a>
        </div>
      </div>
      <article className="plan-document prep-document" aria-labelledby="prep-document-title">
        <header className="plan-document__header">
          <h1 id="prep-document-title" tabIndex={-1}>
            {t("print.heading")}
          </h1>
          <p>{t("print.forName", { name: loaderData.name })}</p>
          {loaderData.meetingAt ? <p>{t("print.meeting", { when: formatWhen(new Date(loaderData.meetingAt)) })}</p> : null}
        </header>
        {loaderData.parts.map((part) => (
          <section key={part.key} aria-labelledby={`doc-${part.slug}`} className="plan-document__item">
            <h2 id={`doc-${part.slug}`}>{t(`parts.${part.key}.title`)}</h2>
            <PartAnswers partKey={part.key} answers={part.answers} tasks={loaderData.tasks} emptyText={t("print.empty")} forDocument />
          </section>
        ))}
        <footer className="plan-document__footer">
          <p className="meta">{t("print.printedAt", { date: formatDate(new Date(loaderData.printedAt), i18n.language) })}</p>
        </footer>
      </article>
    </>
  );
}
