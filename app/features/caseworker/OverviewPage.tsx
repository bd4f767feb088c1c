import type { TFunction } from "i18next";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatDate, formatTime, isoDateTime } from "~/lib/dates";
import { DisclosureLists } from "./Disclosure";
import { PageRange, Pagination, type ListPages } from "./Pagination";
import type { ParticipantListItem } from "./queries.server";

/**
 * `/sagsbehandler`: one page of the caseworker's participants, each with what they shared and what
 * is new, and how many of their conversations wait for her answer (`awaiting`, by participant id;
 * `waiting`: over all her participants, for the link to the messages).
 */
export function OverviewPage({
  participants,
  awaiting = {},
  waiting = Object.values(awaiting).reduce((sum, count) => sum + count, 0),
  pages = { page: 1, pageCount: 1, total: participants.length },
  proposals = {},
}: {
  participants: ParticipantListItem[];
  awaiting?: Record<string, number>;
  waiting?: number;
  pages?: ListPages;
  /** Proposals for the plan waiting for her answer, by participant id. */
  proposals?: Record<string, number>;
}) {
  const { t, i18n } = useTranslation("caseworker");
  const words = cardWords(t);
  const title = pages.pageCount > 1 ? t("pages.title", { title: t("title"), page: pages.page, pages: pages.pageCount }) : t("title");
  return (
    <>
      <PageTitle title={title} />
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
          <PageRange pages={pages} shown={participants.length} texts={{ some: "pages.showing", last: "pages.showingLast" }} />
          <ul className="cw-list">
            {participants.map((participant) => (
              <ParticipantCard
                key={participant.participantId}
                participant={participant}
                awaiting={awaiting[participant.participantId] ?? 0}
                proposals={proposals[participant.participantId] ?? 0}
                words={words}
                language={i18n.language}
              />
            ))}
          </ul>
          <Pagination pages={pages} label={t("pages.nav")} />
        </>
      )}
      <section aria-labelledby="cw-disclosure-heading" className="cw-disclosure">
        <h2 id="cw-disclosure-heading">{t("disclosure.caseworker.heading")}</h2>
        <DisclosureLists reader="caseworker" headingLevel={3} />
      </section>
    </>
  );
}

/**
 * What every card says alike, translated once per page rather than once per card (50 cards: the
 * translations were a good part of the page's server time).
 */
function cardWords(t: TFunction<"caseworker">) {
  const once = new Map<string, string>();
  return {
    t,
    /** A translation without options (programme and status names, labels), looked up once a page. */
    fixed(key: string): string {
      let text = once.get(key);
      if (text === undefined) {
        text = t(key as never) as string;
        once.set(key, text);
      }
      return text;
    },
  };
}

function ParticipantCard({
  participant,
  awaiting,
  proposals = 0,
  words,
  language,
}: {
  participant: ParticipantListItem;
  awaiting: number;
  proposals?: number;
  words: ReturnType<typeof cardWords>;
  language: string;
}) {
  const { t, fixed } = words;
  const date = (value: Date | string) => formatDate(value, language);
  const shared = [
    participant.shared.preparationParts > 0 && participant.shared.preparationLatestAt
      ? t("list.preparation", { count: participant.shared.preparationParts, date: date(participant.shared.preparationLatestAt) })
      : null,
    participant.shared.cvSharedAt ? t("list.cv", { date: date(participant.shared.cvSharedAt) }) : null,
    participant.shared.networkSharedAt ? t("list.network", { date: date(participant.shared.networkSharedAt) }) : null,
  ].filter((line): line is string => line !== null);
  const attention = [
    awaiting > 0 ? t("list.awaitingMessages", { count: awaiting }) : null,
    proposals > 0 ? t("proposals:caseworker.waitingCount", { count: proposals }) : null,
    participant.absenceRequests > 0 ? t("list.absence", { count: participant.absenceRequests }) : null,
    participant.planQuestions > 0 ? t("list.planQuestions", { count: participant.planQuestions }) : null,
    participant.hasQuestionsForNextMeeting ? fixed("list.meetingQuestions") : null,
  ].filter((line): line is string => line !== null);
  const headingId = `cw-participant-${participant.participantId}`;
  const next = participant.nextMeeting;
  return (
    <li className="card cw-list__item">
      <h3 id={headingId} className="cw-list__name">
        {participant.name}
      </h3>
      <p className="cw-list__programme">
        {fixed(`programme.${participant.programme}`)} · {fixed(`status.${participant.status}`)}
      </p>
      <SummaryList>
        <SummaryRow label={fixed("list.nextMeeting")}>
          {next ? (
            <>
              {next.title}
              <br />
              {/* As MeetingTime (./components) writes it, with the page's translations. */}
              <time dateTime={isoDateTime(next.startsAt)}>
                {t("when", { date: formatDate(next.startsAt, language), time: formatTime(next.startsAt, language) })}
              </time>
            </>
          ) : (
            fixed("list.noMeeting")
          )}
        </SummaryRow>
        <SummaryRow label={fixed("list.shared")}>
          <PlainListOr lines={shared} otherwise={fixed("list.nothingShared")} />
        </SummaryRow>
        <SummaryRow label={fixed("list.attention")}>
          <PlainListOr lines={attention} otherwise={fixed("list.nothingNew")} />
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
