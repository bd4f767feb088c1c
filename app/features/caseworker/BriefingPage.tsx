import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import { PrintButton } from "~/components/ui/DocumentLinks";
import { formatLongDate } from "./components";
import { PrintBriefing, printsWhole } from "./PrintBriefing";
import type { Briefing } from "./queries.server";
import { ScreenBriefing, type BriefingMessages } from "./ScreenBriefing";
import type { BriefingView } from "./shared-progress";

/**
 * `/sagsbehandler/<id>`: one participant's briefing. The header and the facts serve screen and
 * paper alike; below them the screen shows everything (ScreenBriefing) and paper one page
 * (PrintBriefing).
 */
export function BriefingPage({
  briefing,
  printedAt,
  messages,
  planProposals,
}: {
  briefing: BriefingView;
  printedAt: Date;
  messages?: BriefingMessages;
  /** Her proposals for the plan, on screen after the plan. */
  planProposals?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation("caseworker");
  const { participant } = briefing;
  const longDate = (value: Date | string) => formatLongDate(value, i18n.language);
  const title = t("briefing.title", { name: participant.name });
  return (
    <>
      <PageTitle title={title} />
      <p className="cw-actions">
        <a href="/sagsbehandler" className="back-link">
          {t("briefing.back")}
        </a>
      </p>
      <article className="cw-briefing">
        <header className="cw-briefing__header">
          <h1 tabIndex={-1}>{title}</h1>
          <p className="cw-screen-only">{t("briefing.intro", { name: participant.name })}</p>
          <p className="meta cw-screen-only">{t("briefing.logged", { name: participant.name })}</p>
          <div className="cw-actions cw-print-actions">
            <p className="meta">{t("briefing.printHowTo")}</p>
            <PrintButton label={t("briefing.printButton")} icon={false} />
          </div>
          <p className="meta cw-print-only">
            {t("briefing.printedAt", { date: longDate(printedAt) })}.
            {printsWhole(briefing) ? null : ` ${t("briefing.print.shortVersion")}`}
          </p>
          <h2 className="visually-hidden">{t("briefing.facts")}</h2>
          <Facts participant={participant} />
        </header>
        <PrintBriefing briefing={briefing} />
        <ScreenBriefing briefing={briefing} messages={messages} planProposals={planProposals} />
      </article>
    </>
  );
}

function Facts({ participant }: { participant: Briefing["participant"] }) {
  const { t, i18n } = useTranslation("caseworker");
  const longDate = (value: Date | string) => formatLongDate(value, i18n.language);
  return (
    <dl className="cw-facts">
      <div>
        <dt>{t("briefing.programme")}</dt>
        <dd>{t(`programme.${participant.programme}`)}</dd>
      </div>
      <div>
        <dt>{t("briefing.status")}</dt>
        <dd>{t(`status.${participant.status}`)}</dd>
      </div>
      {participant.startedOn ? (
        <div>
          <dt>{t("briefing.started")}</dt>
          <dd>{longDate(participant.startedOn)}</dd>
        </div>
      ) : null}
      {participant.expectedEndOn ? (
        <div>
          <dt>{t("briefing.expectedEnd")}</dt>
          <dd>{longDate(participant.expectedEndOn)}</dd>
        </div>
      ) : null}
      {participant.caseworkerName ? (
        <div>
          <dt>{t("briefing.caseworker")}</dt>
          <dd>{participant.caseworkerName}</dd>
        </div>
      ) : null}
    </dl>
  );
}
