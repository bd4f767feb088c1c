import { useTranslation } from "~/lib/i18n/react";
import { Form, useSearchParams } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatDay, formatTime } from "~/lib/dates";
import type { FormAnswer } from "./actions.server";
import { CaseworkerPhone, MessageForm, StatusSteps, useWhen } from "./components";
import type { conversationPage } from "./pages.server";
import type { ProposalView } from "./queries.server";
import { limitValues } from "./schema";
import { sideOf } from "./status";

type Data = NonNullable<Awaited<ReturnType<typeof conversationPage>>>;

/** The subject as the participant reads it: requests get their name in her language. */
export function useSubject() {
  const { t } = useTranslation("messages");
  return (conversation: { topic: string; subject: string }) => {
    if (conversation.topic === "callback") return t("callback.subject");
    if (conversation.topic === "absence") return t("subjects.absence", { subject: conversation.subject });
    if (conversation.topic === "disagreement") return t("subjects.disagreement", { subject: conversation.subject });
    if (conversation.topic === "summary") return t("subjects.summary", { subject: conversation.subject });
    return conversation.subject;
  };
}

/** `/beskeder/:id`: one conversation, where a request stands, a proposed new time, and the reply form. */
export function ConversationPage({ data, actionData }: { data: Data; actionData: FormAnswer | undefined }) {
  const { t, i18n } = useTranslation("messages");
  const when = useWhen();
  const subjectOf = useSubject();
  const [search] = useSearchParams();
  const { conversation, caseworker } = data;
  const name = caseworker?.name ?? t("yourCaseworker");
  const error = actionData?.errors?.body;
  const summary = error ? [{ fieldId: "body", message: t(error, limitValues) }] : [];
  const subject = subjectOf(conversation);
  const pending = conversation.proposals.filter((proposal) => proposal.status === "proposed");
  const answered = conversation.proposals.filter((proposal) => proposal.status === "accepted" || proposal.status === "declined");
  return (
    <>
      <PageTitle title={subject} hasErrors={summary.length > 0 || Boolean(actionData?.refused)} />
      <ErrorSummary errors={summary} />
      <p className="back-link">
        <Link to="/beskeder">{t("backToList")}</Link>
      </p>
      <h1 tabIndex={-1}>{subject}</h1>
      <Flash search={search} name={name} />
      {actionData?.refused ? (
        <div className="notice notice--warning" role="alert">
          <p>{t(actionData.refused === "cannot_move" ? "proposal.cannotMove" : "proposal.alreadyAnswered", { name })}</p>
        </div>
      ) : null}
      {conversation.status ? <StatusSteps status={conversation.status} /> : null}
      {conversation.callbackOn ? (
        <p>
          {t("callback.summary", {
            day: formatDay(conversation.callbackOn, i18n.language),
            window: t(`callback.windows.${conversation.callbackWindow ?? "any"}`),
            phone: conversation.callbackPhone,
          })}
        </p>
      ) : null}
      {conversation.appointmentId ? (
        <p>
          <Link to={`/moeder/${conversation.appointmentId}`}>{t("conversation.seeMeeting")}</Link>
        </p>
      ) : null}

      {pending.map((proposal) => (
        <PendingProposal key={proposal.id} proposal={proposal} name={name} />
      ))}
      {answered.map((proposal) => (
        <p key={proposal.id} className="notice">
          {t(proposal.status === "accepted" ? "proposal.accepted" : "proposal.declined", { when: when(proposal.startsAt) })}
        </p>
      ))}

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading" className="visually-hidden">
          {t("conversation.messagesHeading")}
        </h2>
        {conversation.messages.length === 0 ? <p>{t("conversation.noMessages")}</p> : null}
        <ol className="message-list">
          {conversation.messages.map((message, index) => {
            const own = sideOf(message.authorRole) === "participant";
            const isLast = index === conversation.messages.length - 1;
            return (
              <li key={message.id} id={isLast ? "seneste" : undefined} className={own ? "message message--own" : "message"}>
                <p className="message__meta">
                  <strong>{message.authorRole === "participant" ? t("conversation.you") : message.authorName}</strong>
                  {message.authorRole === "caseworker" && !message.readAt ? <strong className="tag tag--new">{t("conversation.new")}</strong> : null}
                  <br />
                  <time dateTime={new Date(message.createdAt).toISOString()}>{when(message.createdAt)}</time>
                </p>
                <p className="message__body">{message.body}</p>
                {own ? (
                  <p className="message__receipt">
                    {message.readAt ? t("conversation.readBy", { name, when: when(message.readAt) }) : t("conversation.notRead")}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="svar" className="reply">
        <h2 id="svar" tabIndex={-1}>
          {t("conversation.replyHeading", { name })}
        </h2>
        <MessageForm
          formId="reply"
          hidden={{ submissionId: data.submissionId }}
          body={{
            label: t("form.reply"),
            defaultValue: actionData?.values?.body ?? data.draft?.body ?? "",
            error: error ? t(error, limitValues) : undefined,
          }}
          sendLabel={t("form.send")}
          draftSavedAt={data.draft?.updatedAt ?? null}
          secondary={pending.length > 0}
        />
      </section>
      <CaseworkerPhone caseworker={caseworker} />
    </>
  );
}

function Flash({ search, name }: { search: URLSearchParams; name: string }) {
  const { t } = useTranslation("messages");
  const key =
    search.get("sendt") === "1"
      ? "flash.sent"
      : search.get("kladde") === "gemt"
        ? "form.draftSaved"
        : search.get("svar") === "ja"
          ? "flash.accepted"
          : search.get("svar") === "nej"
            ? "flash.declined"
            : search.get("sendt") === "fravaer"
              ? "flash.absenceSent"
              : null;
  if (!key) return null;
  return (
    <div className="notice" role="status">
      <p>{t(key, { name })}</p>
    </div>
  );
}

function PendingProposal({ proposal, name }: { proposal: ProposalView; name: string }) {
  const { t, i18n } = useTranslation("messages");
  const when = useWhen();
  return (
    <section aria-labelledby={`proposal-${proposal.id}`} className="card card--highlight messages-card">
      <h2 id={`proposal-${proposal.id}`} className="card__label">
        {t("proposal.heading", { name })}
      </h2>
      <p className="card__title">
        {t("proposal.time", { when: when(proposal.startsAt), end: formatTime(proposal.endsAt, i18n.language) })}
      </p>
      <p>{t("proposal.question")}</p>
      <Form method="post" className="button-group">
        <input type="hidden" name="proposalId" value={proposal.id} />
        <button type="submit" name="intent" value="accept" className="button">
          {t("proposal.accept")}
        </button>
        <button type="submit" name="intent" value="decline" className="button button--secondary">
          {t("proposal.decline")}
        </button>
      </Form>
      <p className="field__hint">{t("proposal.declineHint", { name })}</p>
    </section>
  );
}
