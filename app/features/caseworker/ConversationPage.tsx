import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { z } from "~/lib/zod";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { DateInput } from "~/components/form/DateInput";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { summaryErrors } from "~/components/form/errors";
import { Field } from "~/components/form/Field";
import { TextareaField } from "~/components/form/TextareaField";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { Tag } from "~/components/ui/Tag";
import { sideOf } from "~/features/messages";
import { formatDate, formatTime, formatWeekdayMoment, isoDateTime } from "~/lib/dates";
import { MeetingTime } from "./components";
import type { CaseworkerConversationPage } from "./messages.server";
import { proposalSchema, REPLY_MAX, replySchema } from "./messages-schema";
import { CallbackWish, dueState, topicLabel, UnreadTag, waitedText } from "./messages-ui";

export type ConversationNotice = "sent" | "handled" | "proposed";

type Page = CaseworkerConversationPage & { now: Date; notice: ConversationNotice | null };
type ActionResult = { intent: string | null | File; result: SubmissionResult<string[]> } | undefined;
type Message = Page["conversation"]["messages"][number];
type Proposal = Page["conversation"]["proposals"][number];

/**
 * `/sagsbehandler/beskeder/:conversationId`: the conversation oldest first, with receipts for her
 * replies; what it is about; a reply; "Markér som håndteret"; and, for a meeting, "Foreslå en ny
 * tid". Every form works without JavaScript and keeps what she typed when it is refused.
 */
export function ConversationPage({ page, action }: { page: Page; action: ActionResult }) {
  const { t, i18n } = useTranslation("caseworker");
  const language = i18n.language;
  const { conversation, participant, item, meeting } = page;
  const firstName = participant.firstName;

  const [replyForm, replyFields] = useForm<z.input<typeof replySchema>>({
    id: "reply",
    lastResult: action?.intent === "reply" ? action.result : null,
  });
  const [proposalForm, proposalFields] = useForm<z.input<ReturnType<typeof proposalSchema>>>({
    id: "propose",
    lastResult: action?.intent === "propose" ? action.result : null,
  });
  const translate = (key: string) => t(key, { max: REPLY_MAX });
  const errors = [
    ...summaryErrors(replyForm.allErrors, ["body"], translate),
    ...summaryErrors(proposalForm.allErrors, ["date", "startTime", "endTime"], translate),
  ];
  const formError = replyForm.errors?.[0] ?? proposalForm.errors?.[0];
  const fieldError = (errors?: string[]) => (errors?.[0] ? translate(errors[0]) : undefined);
  const typed = (value: unknown) => (typeof value === "string" ? value : undefined);
  const dateTyped = proposalFields.date.initialValue as { day?: string; month?: string; year?: string } | undefined;
  const openProposal = conversation.proposals.some((proposal) => proposal.status === "proposed");

  return (
    <>
      <PageTitle title={conversation.subject} hasErrors={errors.length > 0 || Boolean(formError)} />
      <p className="cw-actions">
        <a href="/sagsbehandler/beskeder" className="back-link">
          {t("conversation.back")}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      {formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{translate(formError)}</p>
        </div>
      ) : null}
      {page.notice && errors.length === 0 ? (
        <div className="notice" role="status">
          <p>{t(`conversation.notices.${page.notice}`, { name: firstName })}</p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{conversation.subject}</h1>
      <p className="cw-conversation__from">
        {t("conversation.from", { name: participant.name })} <Tag tone="blue">{topicLabel(t, conversation.topic)}</Tag>
      </p>
      <StateLine page={page} />
      <p className="meta">{t("conversation.logged", { name: participant.name })}</p>

      <section aria-labelledby="cw-about" className="cw-section">
        <h2 id="cw-about">{t("conversation.aboutHeading")}</h2>
        <SummaryList>
          <SummaryRow label={t("conversation.kind")}>{topicLabel(t, conversation.topic)}</SummaryRow>
          {meeting ? (
            <SummaryRow label={t("conversation.meeting")}>
              {meeting.title}
              <br />
              <MeetingTime startsAt={meeting.startsAt} />–{formatTime(meeting.endsAt, language)}
              {meeting.status === "cancelled" || meeting.status === "moved" || meeting.status === "held" ? (
                <>
                  {" "}
                  <Tag tone={meeting.status === "cancelled" ? "red" : "grey"}>{t(`conversation.meetingStatus.${meeting.status}`)}</Tag>
                </>
              ) : null}
            </SummaryRow>
          ) : null}
          {conversation.topic === "callback" ? (
            <>
              <SummaryRow label={t("conversation.callback")}>
                <CallbackWish on={conversation.callbackOn} window={conversation.callbackWindow} />
              </SummaryRow>
              {conversation.callbackPhone ? <SummaryRow label={t("conversation.phone")}>{conversation.callbackPhone}</SummaryRow> : null}
            </>
          ) : null}
          <SummaryRow label={t("conversation.started")}>
            <time dateTime={isoDateTime(conversation.createdAt)}>{formatWeekdayMoment(conversation.createdAt, language)}</time>
          </SummaryRow>
        </SummaryList>
        <p>
          <a href={`/sagsbehandler/${participant.id}`}>{t("conversation.briefingLink", { name: participant.name })}</a>
        </p>
      </section>

      <section aria-labelledby="cw-messages" className="cw-section">
        <h2 id="cw-messages">{t("conversation.messagesHeading")}</h2>
        <Timeline page={page} />
      </section>

      <section aria-labelledby="cw-reply" className="cw-section">
        <h2 id="cw-reply">{t("conversation.replyHeading", { name: firstName })}</h2>
        <Form method="post" {...getFormProps(replyForm)}>
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="submissionId" value={page.submissionId} />
          <TextareaField
            id="body"
            name={replyFields.body.name}
            label={t("conversation.replyLabel")}
            hint={t("conversation.replyHint", { name: firstName })}
            error={fieldError(replyFields.body.errors)}
            maxLength={REPLY_MAX}
            rows={6}
            defaultValue={typed(replyFields.body.initialValue)}
          />
          <button type="submit" className="button">
            {t("conversation.send")}
          </button>
        </Form>
      </section>

      {item?.state !== "handled" ? (
        <section aria-labelledby="cw-handled" className="cw-section">
          <h2 id="cw-handled">{t("conversation.handledHeading")}</h2>
          <p>{t("conversation.handledText", { name: firstName })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="handled" />
            <button type="submit" className="button button--secondary">
              {t("conversation.handledButton")}
            </button>
          </Form>
        </section>
      ) : null}

      {conversation.appointmentId ? (
        <section aria-labelledby="cw-propose" className="cw-section">
          <h2 id="cw-propose">{t("conversation.proposeHeading")}</h2>
          <p>{t("conversation.proposeIntro", { name: firstName })}</p>
          {openProposal ? <p>{t("conversation.proposeReplaces", { name: firstName })}</p> : null}
          <Form method="post" {...getFormProps(proposalForm)}>
            <input type="hidden" name="intent" value="propose" />
            <DateInput
              name="date"
              legend={t("conversation.date")}
              error={fieldError(proposalFields.date.errors)}
              defaultValue={dateTyped}
            />
            <div className="cw-times">
              <ClockField id="startTime" label={t("conversation.startTime")} hint={t("conversation.startHint")} error={fieldError(proposalFields.startTime.errors)} value={typed(proposalFields.startTime.initialValue)} />
              <ClockField id="endTime" label={t("conversation.endTime")} hint={t("conversation.endHint")} error={fieldError(proposalFields.endTime.errors)} value={typed(proposalFields.endTime.initialValue)} />
            </div>
            {/* One primary action a page: the reply. A new time is the second choice. */}
            <button type="submit" className="button button--secondary">
              {t("conversation.proposeButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

function ClockField({ id, label, hint, error, value }: { id: string; label: string; hint: string; error?: string; value?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(ids) => (
        <input
          id={ids.id}
          name={id}
          className="input input--width-4"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          defaultValue={value}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
        />
      )}
    </Field>
  );
}

/** "Venter på dit svar ...", "Markeret som håndteret ..." or where the proposed time stands. */
function StateLine({ page }: { page: Page }) {
  const { t, i18n } = useTranslation("caseworker");
  const { item, now } = page;
  if (!item) return null;
  const language = i18n.language;
  if (item.state === "awaiting" && item.waitingSince) {
    const due = dueState(item.answerDueOn, now);
    return (
      <p className="cw-conversation__state">
        <span className="emphasis">{t("conversation.stateAwaiting")}</span> {waitedText(t, item.waitingSince, now)}.{" "}
        {due === "late" ? (
          <Tag tone="red">{t("inbox.late")}</Tag>
        ) : due === "today" ? (
          <Tag tone="new">{t("inbox.dueToday")}</Tag>
        ) : item.answerDueOn ? (
          t("inbox.dueOn", { day: formatDate(`${item.answerDueOn}T12:00:00Z`, language) })
        ) : null}{" "}
        <UnreadTag count={page.newMessageIds.length} />
      </p>
    );
  }
  if (item.state === "handled" && item.handledAt) {
    return <p className="cw-conversation__state">{t("conversation.stateHandled", { when: formatWeekdayMoment(item.handledAt, language) })}</p>;
  }
  if (item.state === "new_time_proposed") {
    return <p className="cw-conversation__state">{t("inbox.states.new_time_proposed", { name: page.participant.firstName })}.</p>;
  }
  return <p className="cw-conversation__state">{t("inbox.states.answered")}.</p>;
}

/** Messages and proposed times, oldest first, in one line of events. */
function Timeline({ page }: { page: Page }) {
  const { t } = useTranslation("caseworker");
  const { conversation } = page;
  const events = [
    ...conversation.messages.map((message) => ({ at: new Date(message.createdAt).getTime(), message, proposal: null as Proposal | null })),
    ...conversation.proposals.map((proposal) => ({ at: new Date(proposal.createdAt).getTime(), message: null as Message | null, proposal })),
  ].sort((a, b) => a.at - b.at);
  if (events.length === 0) return <p>{t("conversation.noMessages")}</p>;
  return (
    <ol className="cw-messages">
      {events.map((event) =>
        event.message ? (
          <MessageItem key={event.message.id} message={event.message} page={page} />
        ) : (
          <ProposalItem key={event.proposal!.id} proposal={event.proposal!} page={page} />
        ),
      )}
    </ol>
  );
}

function MessageItem({ message, page }: { message: Message; page: Page }) {
  const { t, i18n } = useTranslation("caseworker");
  const language = i18n.language;
  const fromCaseworker = sideOf(message.authorRole) === "caseworker";
  const isNew = page.newMessageIds.includes(message.id);
  return (
    <li className={fromCaseworker ? "cw-message cw-message--caseworker" : "cw-message"}>
      <p className="cw-message__meta">
        <span className="emphasis">{message.authorName}</span>
        {message.authorRole === "relative" ? ` (${t("conversation.relative")})` : null}
        {" · "}
        <time dateTime={isoDateTime(message.createdAt)}>{formatWeekdayMoment(message.createdAt, language)}</time>
        {isNew ? (
          <>
            {" "}
            <Tag tone="new">{t("conversation.new")}</Tag>
          </>
        ) : null}
      </p>
      <p className="pre-wrap-text cw-message__body">{message.body}</p>
      {fromCaseworker ? (
        <p className="cw-message__receipt meta">
          {message.readAt
            ? t("conversation.readBy", { name: page.participant.firstName, when: formatWeekdayMoment(message.readAt, language) })
            : t("conversation.notRead")}
        </p>
      ) : null}
    </li>
  );
}

function ProposalItem({ proposal, page }: { proposal: Proposal; page: Page }) {
  const { t, i18n } = useTranslation("caseworker");
  const language = i18n.language;
  const when = `${formatWeekdayMoment(proposal.startsAt, language)}–${formatTime(proposal.endsAt, language)}`;
  const tone = proposal.status === "accepted" ? "green" : proposal.status === "declined" ? "red" : proposal.status === "withdrawn" ? "grey" : "blue";
  return (
    <li className="cw-message cw-message--caseworker cw-message--proposal">
      <p className="cw-message__meta">
        <span className="emphasis">{t("conversation.proposalTitle")}</span>
        {" · "}
        <time dateTime={isoDateTime(proposal.createdAt)}>{formatWeekdayMoment(proposal.createdAt, language)}</time>
      </p>
      <p className="cw-message__body">{t("conversation.proposalTime", { when })}</p>
      <p className="cw-message__receipt">
        <Tag tone={tone}>
          {t(`conversation.proposalStates.${proposal.status}`, {
            name: page.participant.firstName,
            when: proposal.answeredAt ? formatWeekdayMoment(proposal.answeredAt, language) : "",
          })}
        </Tag>
      </p>
    </li>
  );
}
