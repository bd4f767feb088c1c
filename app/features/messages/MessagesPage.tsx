import { useTranslation } from "~/lib/i18n/react";
import { useSearchParams } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMoment } from "~/lib/dates";
import type { messagesPage } from "./pages.server";
import { AnswerPromise, CaseworkerPhone, RequestStatusTag } from "./components";
import { useSubject } from "./ConversationPage";

type Data = Awaited<ReturnType<typeof messagesPage>>;

/** `/beskeder`: write to the caseworker, ask to be called, and read the conversations. */
export function MessagesPage({ conversations, caseworker, answerWorkdays }: Data) {
  const { t, i18n } = useTranslation("messages");
  const [search] = useSearchParams();
  const name = caseworker?.name ?? t("yourCaseworker");
  const subjectOf = useSubject();
  return (
    <>
      <PageTitle title={t("list.title")} />
      <h1 tabIndex={-1}>{t("list.title")}</h1>
      {search.get("sendt") === "ring-op" ? (
        <div className="notice" role="status">
          <p>{t("callback.sent", { name })}</p>
        </div>
      ) : null}
      <p className="lead">{t("list.intro", { name })}</p>
      <AnswerPromise workdays={answerWorkdays} />
      <div className="button-group">
        <Link to="/beskeder/ny" className="button">
          {t("list.write", { name })}
        </Link>
        <Link to="/beskeder/ring-mig-op" className="button button--secondary">
          {t("list.callback")}
        </Link>
      </div>

      <section aria-labelledby="conversations-heading">
        <h2 id="conversations-heading">{t("list.conversations")}</h2>
        {conversations.length === 0 ? (
          <p>{t("list.none")}</p>
        ) : (
          <ul className="conversation-list">
            {conversations.map((conversation) => (
              <li key={conversation.id} className="conversation-list__item">
                <h3 className="conversation-list__subject">
                  <Link to={`/beskeder/${conversation.id}`}>{subjectOf(conversation)}</Link>
                </h3>
                <p className="conversation-list__meta">
                  {conversation.unread > 0 ? (
                    <strong className="tag tag--new">{t("list.unread", { count: conversation.unread })}</strong>
                  ) : null}
                  {conversation.status ? <RequestStatusTag status={conversation.status} /> : null}
                  <span>{t("list.lastMessage", { when: formatMoment(conversation.lastMessageAt, i18n.language) })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to="/indstillinger">{t("list.settings")}</Link>
      </p>
      <CaseworkerPhone caseworker={caseworker} />
    </>
  );
}
