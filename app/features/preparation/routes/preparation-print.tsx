import type { Route } from "./+types/preparation-print";
import { PageTitle } from "~/components/layout/PageTitle";
import { PrintActions } from "~/components/ui/DocumentLinks";
import { PartAnswers } from "../components";
import { getPreparation } from "../queries.server";
import { getMeetingFor } from "../setting.server";
import { requireParticipant } from "~/lib/auth.server";
import { formatDocumentDate, formatTime } from "~/lib/dates";
import { usePreparationText } from "../setting";

export async function loader({ context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const [preparation, meeting] = await Promise.all([getPreparation(user.participant.id), getMeetingFor(user.participant)]);
  return {
    parts: preparation.parts.filter((part) => part.key !== "about_meeting"),
    tasks: preparation.tasks,
    meetingAt: meeting?.startsAt ?? null,
    name: `${user.firstName} ${user.lastName}`,
    printedAt: new Date(),
  };
}

export default function PreparationPrintPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n, context } = usePreparationText();
  return (
    <>
      <PageTitle title={t("print.title")} />
      <PrintActions
        back={{ to: "/forberedelse", label: t("form.back") }}
        intro={t("print.intro")}
        printLabel={t("print.button")}
        pdf={{ href: "/forberedelse/forberedelse.pdf", label: t("taskList.pdfLink") }}
      />
      <article className="plan-document prep-document" aria-labelledby="prep-document-title">
        <header className="plan-document__header">
          <h1 id="prep-document-title" tabIndex={-1}>
            {t("print.heading")}
          </h1>
          <p>{t("print.forName", { name: loaderData.name })}</p>
          {loaderData.meetingAt ? <p>{t("print.meeting", { when: t("when", { date: formatDocumentDate(loaderData.meetingAt, i18n.language), time: formatTime(loaderData.meetingAt, i18n.language) }) })}</p> : null}
        </header>
        {loaderData.parts.map((part) => (
          <section key={part.key} aria-labelledby={`doc-${part.slug}`} className="plan-document__item">
            <h2 id={`doc-${part.slug}`}>{t(`parts.${part.key}.title`)}</h2>
            <PartAnswers partKey={part.key} answers={part.answers} tasks={loaderData.tasks} emptyText={t("print.empty")} forDocument context={context} />
          </section>
        ))}
        <footer className="plan-document__footer">
          <p className="meta">{t("print.printedAt", { date: formatDocumentDate(loaderData.printedAt, i18n.language) })}</p>
        </footer>
      </article>
    </>
  );
}
