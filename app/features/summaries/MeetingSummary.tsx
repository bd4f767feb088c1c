import { useTranslation } from "~/lib/i18n/react";
import { useSearchParams } from "react-router";
import { Link } from "~/components/ui/Link";
import { formatDate } from "~/lib/dates";

/** What the meeting page needs of a published summary. */
export interface SummaryView {
  version: number;
  firstPublishedAt: Date | string;
  correctedAt: Date | string | null;
  correctionNote: string | null;
  publishedByName: string;
  points: { id: string; position: number; lineageId: string; text: string; links: { kind: "subGoal" | "activity"; id: string; title: string }[] }[];
  recollections: { pointId: string; lineageId: string; conversationId: string | null; authorPersonId: string | null; authorName: string; createdAt: Date | string }[];
}

/**
 * "Det aftalte vi" on the meeting's page: the numbered points of the newest version, the plan
 * items each changed (links into Min Plan), "Rettet den …" after a correction, and per point
 * "Jeg husker det anderledes" (only for a reader who may write to the caseworker) or, once written,
 * "Du har skrevet, at du husker det anderledes" with a link to the conversation.
 */
export function MeetingSummary({
  summary,
  readerPersonId,
  planHref,
  rememberHref,
  conversationHref,
}: {
  summary: SummaryView;
  readerPersonId: string;
  /** Where a linked plan item is shown; null: not shown to this reader (the item's title only). */
  planHref: (item: { kind: "subGoal" | "activity"; id: string }) => string | null;
  /** Null: this reader only reads (a relative without the write right). */
  rememberHref: ((pointId: string) => string) | null;
  conversationHref: (conversationId: string) => string | null;
}) {
  const { t, i18n } = useTranslation("summaries");
  const language = i18n.language;
  const [search] = useSearchParams();
  const remembered = search.get("husket");
  return (
    <section aria-labelledby="summary-heading" id="referat" className="panel summary">
      <h2 id="summary-heading">{t("meeting.heading")}</h2>
      {remembered && /^\d{1,2}$/.test(remembered) ? (
        <div className="notice" role="status">
          <p>{t("meeting.sent", { number: Number(remembered) })}</p>
        </div>
      ) : null}
      <p className="meta">
        {t("meeting.byline", { name: summary.publishedByName, date: formatDate(summary.firstPublishedAt, language) })}
        {summary.correctedAt ? (
          <>
            {" "}
            <strong>{t("meeting.corrected", { date: formatDate(summary.correctedAt, language) })}</strong>
          </>
        ) : null}
      </p>
      {summary.correctedAt && summary.correctionNote ? (
        <p>
          {t("meeting.correctionNote")} <span lang="da">{summary.correctionNote}</span>
        </p>
      ) : null}
      <p className="field__hint">{t("meeting.intro")}</p>
      <ol className="summary__points">
        {summary.points.map((point) => {
          const notes = summary.recollections.filter((note) => note.lineageId === point.lineageId);
          const own = notes.filter((note) => note.authorPersonId === readerPersonId);
          const others = notes.filter((note) => note.authorPersonId !== readerPersonId);
          const latest = (list: typeof notes) => list[list.length - 1];
          return (
            <li key={point.id} className="summary__point" id={`punkt-${point.position}`}>
              <p className="pre-wrap" lang="da">
                {point.text}
              </p>
              {point.links.length > 0 ? (
                <div className="summary__links">
                  <p className="card__label">{t("meeting.changedInPlan")}</p>
                  <ul>
                    {point.links.map((item) => {
                      const href = planHref(item);
                      const label = `${t(`meeting.itemKind.${item.kind}`)}: ${item.title}`;
                      return <li key={item.id}>{href ? <Link to={href}>{label}</Link> : label}</li>;
                    })}
                  </ul>
                </div>
              ) : null}
              {own.length > 0 ? (
                <p className="summary__noted">
                  {t("meeting.youWrote", { date: formatDate(latest(own)!.createdAt, language) })}{" "}
                  {latest(own)!.conversationId && conversationHref(latest(own)!.conversationId!) ? (
                    <Link to={conversationHref(latest(own)!.conversationId!)!}>{t("meeting.seeConversation")}</Link>
                  ) : null}
                </p>
              ) : null}
              {others.length > 0 ? (
                <p className="summary__noted">
                  {t("meeting.otherWrote", { name: latest(others)!.authorName, date: formatDate(latest(others)!.createdAt, language) })}{" "}
                  {latest(others)!.conversationId && conversationHref(latest(others)!.conversationId!) ? (
                    <Link to={conversationHref(latest(others)!.conversationId!)!}>{t("meeting.seeConversation")}</Link>
                  ) : null}
                </p>
              ) : null}
              {rememberHref ? (
                <p>
                  <Link to={rememberHref(point.id)}>
                    {own.length > 0 ? t("meeting.rememberAgain") : t("meeting.remember")}
                    <span className="visually-hidden"> {t("meeting.rememberPoint", { number: point.position })}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** On the caseworker's briefing: the way to her participant's past meetings and their summaries. */
export function BriefingSummariesLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation("summaries");
  return (
    <section aria-labelledby="cw-summaries" className="cw-section">
      <h2 id="cw-summaries">{t("briefing.heading")}</h2>
      <p>
        {/* A plain link: the briefing is also rendered on its own for print (tests render it without a router). */}
        <a href={`/sagsbehandler/${participantId}/referater`}>{t("briefing.link")}</a>
      </p>
    </section>
  );
}
