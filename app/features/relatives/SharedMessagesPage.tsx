import { useTranslation } from "~/lib/i18n/react";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { RequestStatusTag, useSubject } from "~/features/messages";
import { formatMoment } from "~/lib/dates";
import { usePossessive } from "./components";
import type { Route } from "./routes/+types/relatives-shared-messages";

/** The participant's conversations with her caseworker, as a relative reads them. */
export function SharedMessagesPage({ loaderData }: Pick<Route.ComponentProps, "loaderData">) {
  const { t, i18n } = useTranslation("relatives");
  const owner = usePossessive();
  const subjectOf = useSubject();
  const { participantId, firstName, caseworkerName, conversations, mayWrite } = loaderData;
  const title = t("shared.messages.title", { owner: owner(firstName) });
  return (
    <>
      <PageTitle title={title} />
      <h1 tabIndex={-1}>{title}</h1>
      <p className="lead">
        {caseworkerName
          ? t("shared.messages.intro", { owner: owner(firstName), caseworker: caseworkerName })
          : t("shared.messages.introNoCaseworker", { owner: owner(firstName) })}
      </p>
      <p>{mayWrite ? t("shared.messages.mayWrite", { name: firstName }) : t("shared.messages.readOnly", { name: firstName })}</p>
      <p>{t("shared.messages.onlyParticipantStarts", { name: firstName })}</p>

      <section aria-labelledby="conversations-heading">
        <h2 id="conversations-heading">{t("shared.messages.heading")}</h2>
        {conversations.length === 0 ? (
          <p>{t("shared.messages.none", { name: firstName })}</p>
        ) : (
          <ul className="conversation-list">
            {conversations.map((conversation) => (
              <li key={conversation.id} className="conversation-list__item">
                <h3 className="conversation-list__subject">
                  <Link to={`/hjaelper/${participantId}/beskeder/${conversation.id}`}>{subjectOf(conversation)}</Link>
                </h3>
                <p className="conversation-list__meta">
                  {conversation.status ? <RequestStatusTag status={conversation.status} /> : null}
                  <span>{t("shared.messages.lastMessage", { when: formatMoment(conversation.lastMessageAt, i18n.language) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
