import { useTranslation } from "~/lib/i18n/react";
import { useSearchParams } from "react-router";
import { Link } from "~/components/ui/Link";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PageTitle } from "~/components/layout/PageTitle";
import { MESSAGE_LIMITS, MessageForm, RequestStatusTag, useSubject, useWhen } from "~/features/messages";
import { formatDay, formatTime } from "~/lib/dates";
import { usePossessive } from "./components";
import type { Route } from "./routes/+types/relatives-shared-conversation";

const limits = { bodyMax: MESSAGE_LIMITS.body, subjectMax: MESSAGE_LIMITS.subject };

/**
 * One of the participant's conversations, as a relative reads it: every message with its writer's
 * name, where a request stands, a proposed new time (she answers it herself), and, with the right
 * to write, a reply form with drafts. The relative's messages carry their own name.
 */
export function SharedConversationPage({ loaderData, actionData }: Pick<Route.ComponentProps, "loaderData" | "actionData">) {
  const { t, i18n } = useTranslation("relatives");
  const { t: tm } = useTranslation("messages");
  const owner = usePossessive();
  const when = useWhen();
  const subjectOf = useSubject();
  const [search] = useSearchParams();
  const { participantId, firstName, conversation, mayWrite, draft, submissionId } = loaderData;
  const subject = subjectOf(conversation);
  const errorKey = actionData?.errors?.body;
  const error = errorKey ? tm(errorKey, limits) : undefined;
  const flash = search.get("sendt") === "1" ? t("shared.messages.sent", { name: firstName }) : search.get("kladde") === "gemt" ? t("shared.messages.draftSaved") : null;
  const pending = conversation.proposals.filter((proposal) => proposal.status === "proposed");
  const answered = conversation.proposals.filter((proposal) => proposal.status !== "proposed");
  return (
    <>
      <PageTitle title={`${subject}, ${t("shared.messages.caption", { owner: owner(firstName) })}`} hasErrors={Boolean(error)} />
      <p className="back-link">
        <Link to={`/hjaelper/${participantId}/beskeder`}>{t("shared.messages.back", { owner: owner(firstName) })}</Link>
      </p>
      <ErrorSummary errors={error ? [{ fieldId: "body", message: error }] : []} />
      {flash && !actionData ? (
        <div className="notice" role="status">
          <p>{flash}</p>
        </div>
      ) : null}
      <p className="prep-caption">{t("shared.messages.caption", { owner: owner(firstName) })}</p>
      <h1 tabIndex={-1}>{subject}</h1>
      {conversation.status ? (
        <p className="tags">
          {t("shared.messages.status")} <RequestStatusTag status={conversation.status} />
        </p>
      ) : null}
      {conversation.callback ? (
        <p>
          {t("shared.messages.callback", {
            name: firstName,
            day: formatDay(conversation.callback.on, i18n.language),
            window: tm(`callback.windows.${conversation.callback.window}`),
          })}
        </p>
      ) : null}
      {conversation.appointmentId ? (
        <p>
          <Link to={`/hjaelper/${participantId}/moeder/${conversation.appointmentId}`}>{t("shared.messages.seeMeeting")}</Link>
        </p>
      ) : null}
      {pending.map((proposal) => (
        <p key={proposal.id} className="notice">
          {t("shared.messages.proposalPending", {
            name: firstName,
            when: when(proposal.startsAt),
            end: formatTime(proposal.endsAt, i18n.language),
          })}
        </p>
      ))}
      {answered.map((proposal) => (
        <p key={proposal.id} className="notice">
          {t(proposal.status === "accepted" ? "shared.messages.proposalAccepted" : "shared.messages.proposalDeclined", {
            name: firstName,
            when: when(proposal.startsAt),
          })}
        </p>
      ))}

      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading" className="visually-hidden">
          {t("shared.messages.messagesHeading")}
        </h2>
        {conversation.messages.length === 0 ? <p>{t("shared.messages.noMessages")}</p> : null}
        <ol className="message-list">
          {conversation.messages.map((message, index) => {
            const fromCaseworker = message.authorRole === "caseworker";
            return (
              <li
                key={message.id}
                id={index === conversation.messages.length - 1 ? "seneste" : undefined}
                className={fromCaseworker ? "message" : "message message--own"}
              >
                <p className="message__meta">
                  <strong>{fromCaseworker ? t("shared.messages.caseworker", { name: message.authorName }) : message.authorName}</strong>
                  <br />
                  <time dateTime={new Date(message.createdAt).toISOString()}>{when(message.createdAt)}</time>
                </p>
                <p className="message__body">{message.body}</p>
                {fromCaseworker ? null : (
                  <p className="message__receipt">
                    {message.readAt ? t("shared.messages.readByCaseworker", { when: when(message.readAt) }) : t("shared.messages.notRead")}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      {mayWrite && submissionId ? (
        <section aria-labelledby="svar" className="reply">
          <h2 id="svar" tabIndex={-1}>
            {t("shared.messages.replyHeading")}
          </h2>
          <MessageForm
            formId="reply"
            hidden={{ submissionId }}
            body={{
              label: t("shared.messages.replyLabel"),
              hint: t("shared.messages.replyHint", { name: firstName }),
              defaultValue: actionData?.values?.body ?? draft?.body ?? "",
              error,
            }}
            sendLabel={t("shared.messages.send")}
            draftSavedAt={draft?.updatedAt ?? null}
          />
        </section>
      ) : null}
    </>
  );
}
