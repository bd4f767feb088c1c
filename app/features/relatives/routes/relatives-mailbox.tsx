import { useTranslation } from "~/lib/i18n/react";
import type { Route } from "./+types/relatives-mailbox";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { listStoredMailFor } from "~/features/relatives/mail.server";
import { notFound, requireUser } from "~/lib/auth.server";
import { env } from "~/lib/env.server";
import { formatDate, formatTime, isoDateTime } from "~/lib/dates";

/**
 * Demo only: the e-mails written to <DATA_DIR>/mail instead of being sent, 404 without
 * DEMO_LOGIN=1. Only the signed-in person's own mail (to their e-mail address): the mails hold
 * live invitation links. Signed out: sign in first.
 */
export async function loader({ context }: Route.LoaderArgs) {
  if (!env.demoLogin) throw notFound();
  const user = await requireUser(context);
  const mails = await listStoredMailFor(user.personId);
  return { mails: mails.map((mail) => ({ id: mail.id, to: mail.to, subject: mail.subject, text: mail.text, sentAt: mail.sentAt })) };
}

/** The plain-text body with its web addresses as links. */
function Body({ text }: { text: string }) {
  return (
    <div className="relatives-mail__body">
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>
          {/^https?:\/\/\S+$/.test(paragraph.trim()) ? <a href={paragraph.trim()}>{paragraph.trim()}</a> : paragraph}
        </p>
      ))}
    </div>
  );
}

export default function MailboxPage({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("relatives");
  const { mails } = loaderData;
  return (
    <>
      <PageTitle title={t("mailbox.title")} />
      <h1 tabIndex={-1}>{t("mailbox.title")}</h1>
      <p className="lead">{t("mailbox.intro")}</p>
      {mails.length === 0 ? <p>{t("mailbox.none")}</p> : null}
      <ul className="plain-list relatives-mailbox">
        {mails.map((mail) => (
          <li key={mail.id} className="card relatives-mail">
            <h2 className="card__title">{mail.subject}</h2>
            <SummaryList>
              <SummaryRow label={t("mailbox.to")}>{mail.to}</SummaryRow>
              <SummaryRow label={t("mailbox.sent")}>
                <time dateTime={isoDateTime(mail.sentAt)}>
                  <span className="capitalize-first">{formatDate(mail.sentAt, i18n.language)}</span>{" "}
                  {t("list.at", { time: formatTime(mail.sentAt, i18n.language) })}
                </time>
              </SummaryRow>
            </SummaryList>
            <Body text={mail.text} />
          </li>
        ))}
      </ul>
    </>
  );
}
