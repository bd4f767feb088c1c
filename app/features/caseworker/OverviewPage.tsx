import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatDate } from "~/lib/dates";
import { MeetingTime } from "./components";
import { DisclosureLists } from "./Disclosure";
import type { ParticipantListItem } from "./queries.server";

/**
 * `/sagsbehandler`: the caseworker's participants, each with what they shared and what is new, and
 * how many of their conversations wait for her answer (`awaiting`, by participant id).
 */
export function OverviewPage({ participants, awaiting = {} }: { participants: ParticipantListItem[]; awaiting?: Record<string, number> }) {
  const { t } = useTranslation("caseworker");
  const waiting = Object.values(awaiting).reduce((sum, count) => sum + count, 0);
  return (
    <>
      <PageTitle title={t("title")} />
      <h1 tabIndex={-1}>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p className="meta">{t("readOnly")}</p>
      <p className="cw-messages-link">
        <a href="/sagsbehandler/beskeder">{waiting > 0 ? t("messagesLink", { count: waiting }) : t("messagesLinkNone")}</a>
      </p>
      {participants.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <h2 className="visually-hidden">{t("list.heading")}</h2>
          <ul className="cw-list">
            {participants.map((participant) => (
              <ParticipantCard key={participant.participantId} participant={participant} awaiting={awaiting[participant.participantId] ?? 0} />
            ))}
          </ul>
        </>
      )}
      <section aria-labelledby="cw-disclosure-heading" className="cw-disclosure">
        <h2 id="cw-disclosure-heading">{t("disclosure.caseworker.heading")}</h2>
        <DisclosureLists reader="caseworker" headingLevel={3} />
      </section>
    </>
  );
}

function ParticipantCard({ participant, awaiting }: { participant: ParticipantListItem; awaiting: number }) {
  const { t, i18n } = useTranslation("caseworker");
  const date = (value: Date | string) => formatDate(value, i18n.language);
  const shared = [
    participant.shared.preparationParts > 0 && participant.shared.preparationLatestAt
      ? t("list.preparation", { count: participant.shared.preparationParts, date: date(participant.shared.preparationLatestAt) })
      : null,
    participant.shared.cvSharedAt ? t("list.cv", { date: date(participant.shared.cvSharedAt) }) : null,
    participant.shared.networkSharedAt ? t("list.network", { date: date(participant.shared.networkSharedAt) }) : null,
  ].filter((line): line is string => line !== null);
  const attention = [
    awaiting > 0 ? t("list.awaitingMessages", { count: awaiting }) : null,
    participant.absenceRequests > 0 ? t("list.absence", { count: participant.absenceRequests }) : null,
    participant.planQuestions > 0 ? t("list.planQuestions", { count: participant.planQuestions }) : null,
    participant.hasQuestionsForNextMeeting ? t("list.meetingQuestions") : null,
  ].filter((line): line is string => line !== null);
  const headingId = `cw-participant-${participant.participantId}`;
  return (
    <li className="card cw-list__item">
      <h3 id={headingId} className="cw-list__name">
        {participant.name}
      </h3>
      <p className="cw-list__programme">
        {t(`programme.${participant.programme}`)} · {t(`status.${participant.status}`)}
      </p>
      <SummaryList>
        <SummaryRow label={t("list.nextMeeting")}>
          {participant.nextMeeting ? (
            <>
              {participant.nextMeeting.title}
              <br />
              <MeetingTime startsAt={participant.nextMeeting.startsAt} />
            </>
          ) : (
            t("list.noMeeting")
          )}
        </SummaryRow>
        <SummaryRow label={t("list.shared")}>
          <PlainListOr lines={shared} otherwise={t("list.nothingShared")} />
        </SummaryRow>
        <SummaryRow label={t("list.attention")}>
          <PlainListOr lines={attention} otherwise={t("list.nothingNew")} />
        </SummaryRow>
      </SummaryList>
      <p className="cw-list__open">
        <a href={`/sagsbehandler/${participant.participantId}`}>{t("list.openFor", { name: participant.name })}</a>
      </p>
    </li>
  );
}

function PlainListOr({ lines, otherwise }: { lines: string[]; otherwise: string }) {
  if (lines.length === 0) return otherwise;
  return (
    <ul className="plain-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
