import { useTranslation } from "~/lib/i18n/react";
import { Tag } from "~/components/ui/Tag";
import { copenhagenDay, formatDate, formatMoment, isoDateTime } from "~/lib/dates";
import type { Topic } from "~/features/messages";

/**
 * What the inbox, the conversation page and the briefing say alike about a conversation: its kind,
 * the call-back wish, how long it has waited and when the answer is due.
 */

export interface ConversationFacts {
  topic: Topic;
  callbackOn: string | null;
  callbackWindow: "morning" | "afternoon" | "any" | null;
  state: "awaiting" | "new_time_proposed" | "answered" | "handled";
  waitingSince: Date | null;
  answerDueOn: string | null;
  unread: number;
  handledAt: Date | null;
  lastMessageAt: Date;
}

/** "Kan ikke komme", "Er ikke enig", "Ring mig op" or "Besked". */
export function topicLabel(t: (key: string) => string, topic: Topic) {
  return t(`inbox.topics.${topic}`);
}

/** "Ring op tirsdag den 4. marts, formiddag". A calendar day is read at noon, so no zone moves it. */
export function CallbackWish({ on, window }: { on: string | null; window: ConversationFacts["callbackWindow"] }) {
  const { t, i18n } = useTranslation("caseworker");
  if (!on) return null;
  return <>{t("inbox.callbackWhen", { day: formatDate(`${on}T12:00:00Z`, i18n.language), window: t(`inbox.windows.${window ?? "any"}`) })}</>;
}

/** How long since `since`: "under en time", "3 timer", "2 dage". */
export function waitedText(t: (key: string, options?: Record<string, unknown>) => string, since: Date, now: Date) {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return t("inbox.waited.lessThanHour");
  if (hours < 24) return t("inbox.waited.hours", { count: hours });
  return t("inbox.waited.days", { count: Math.floor(hours / 24) });
}

/** Whether the answer is due today or the promised time has passed. */
export function dueState(answerDueOn: string | null, now: Date): "late" | "today" | "later" | null {
  if (!answerDueOn) return null;
  const today = copenhagenDay(now);
  return answerDueOn < today ? "late" : answerDueOn === today ? "today" : "later";
}

/** The line under a conversation in a list: how long it has waited and when to answer, or where it stands. */
export function WaitLine({ facts, now, participantFirstName }: { facts: ConversationFacts; now: Date; participantFirstName: string }) {
  const { t, i18n } = useTranslation("caseworker");
  const language = i18n.language;
  if (facts.state === "awaiting" && facts.waitingSince) {
    const due = dueState(facts.answerDueOn, now);
    return (
      <>
        {waitedText(t, facts.waitingSince, now)}, {t("inbox.since")}{" "}
        <time dateTime={isoDateTime(facts.waitingSince)}>{formatMoment(facts.waitingSince, language, now)}</time>.{" "}
        {due === "late" ? (
          <Tag tone="red">{t("inbox.late")}</Tag>
        ) : due === "today" ? (
          <Tag tone="new">{t("inbox.dueToday")}</Tag>
        ) : facts.answerDueOn ? (
          t("inbox.dueOn", { day: formatDate(`${facts.answerDueOn}T12:00:00Z`, language) })
        ) : null}
      </>
    );
  }
  const state =
    facts.state === "new_time_proposed"
      ? t("inbox.states.new_time_proposed", { name: participantFirstName })
      : facts.state === "handled"
        ? t("inbox.states.handled")
        : t("inbox.states.answered");
  return (
    <>
      {state}. {t("inbox.lastActivity")}{" "}
      <time dateTime={isoDateTime(facts.lastMessageAt)}>{formatMoment(facts.lastMessageAt, language, now)}</time>.
    </>
  );
}

/** "Ny besked" when the participant's side wrote something she has not opened. */
export function UnreadTag({ count }: { count: number }) {
  const { t } = useTranslation("caseworker");
  if (count === 0) return null;
  return <Tag tone="new">{t("inbox.unread", { count })}</Tag>;
}

/**
 * Conversations as a list: subject (a link), who and what kind, a call-back wish, and how long it
 * has waited or where it stands. The inbox shows the participant's name; her briefing does not.
 */
export function ConversationList({
  rows,
  now,
  headingLevel = 3,
}: {
  rows: (ConversationFacts & { id: string; subject: string; participantName?: string; participantFirstName: string })[];
  now: Date;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation("caseworker");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="cw-inbox">
      {rows.map((row) => (
        <li key={row.id} className={row.state === "awaiting" ? "cw-inbox__item cw-inbox__item--waiting" : "cw-inbox__item"}>
          <Heading className="cw-inbox__subject">
            <a href={`/sagsbehandler/beskeder/${row.id}`}>
              {row.subject}
              {row.participantName ? <span className="visually-hidden">, {row.participantName}</span> : null}
            </a>
          </Heading>
          <p className="cw-inbox__who">
            {row.participantName ? <span className="emphasis">{row.participantName}</span> : null} <Tag tone="blue">{topicLabel(t, row.topic)}</Tag>{" "}
            <UnreadTag count={row.unread} />
          </p>
          {row.topic === "callback" && row.callbackOn ? (
            <p className="cw-inbox__line">
              <CallbackWish on={row.callbackOn} window={row.callbackWindow} />
            </p>
          ) : null}
          <p className="cw-inbox__line meta">
            <WaitLine facts={row} now={now} participantFirstName={row.participantFirstName} />
          </p>
        </li>
      ))}
    </ul>
  );
}
