import { ConfirmAction } from "~/components/ui/ConfirmAction";
import { useTranslation } from "~/lib/i18n/react";
import { Form } from "react-router";
import { Link } from "~/components/ui/Link";
import { PageTitle } from "~/components/layout/PageTitle";
import { SummaryList, SummaryRow } from "~/components/ui/SummaryList";
import { formatDate, formatMoment, formatTime } from "~/lib/dates";
import { ScopeList, StateTag, Until } from "./components";
import type { Route } from "./routes/+types/relatives";
import { isOpen } from "./status";

type Grant = Route.ComponentProps["loaderData"]["grants"][number];

function GrantCard({ grant }: { grant: Grant }) {
  const { t, i18n } = useTranslation("relatives");
  const language = i18n.language;
  const open = isOpen(grant.state);
  const invitedOnly = grant.state === "invited" || grant.state === "invitationExpired";
  const awaiting = grant.state === "awaitingConfirmation";
  const questionId = `bekraeft-${grant.id}`;
  const delivery = grant.delivery;
  const mailFailed = delivery?.state === "failed";
  const failedId = `ikke-sendt-${grant.id}`;
  return (
    <li className="card relatives-grant" id={`adgang-${grant.id}`}>
      <h3 className="card__title">{grant.name}</h3>
      <p className="tags">
        <StateTag state={grant.state} />
      </p>
      {mailFailed ? (
        // The mail was given up: the one thing to do is on the card, first.
        <div className="notice notice--warning" id={failedId}>
          <p>{t("delivery.failed")}</p>
          <p>{t("delivery.failedWhatNow")}</p>
        </div>
      ) : null}
      {awaiting && grant.accountName ? (
        // Nothing is granted before she has seen who really answered, by the account's own name.
        <section className="panel" aria-labelledby={questionId}>
          <h4 id={questionId}>{t("confirm.question", { name: grant.accountName })}</h4>
          <p>{t("confirm.verified")}</p>
          <p>{t("confirm.invitedAs", { name: grant.invitedName, email: grant.email })}</p>
          <p>{t("confirm.nothingYet", { name: grant.accountName })}</p>
          <div className="button-group">
            <Form method="post" action={`/paaroerende/${grant.id}/bekraeft`}>
              <input type="hidden" name="answer" value="confirm" />
              <button type="submit" className="button">
                {t("confirm.yes", { firstName: grant.accountFirstName ?? grant.accountName })}
                <span className="visually-hidden"> {t("confirm.yesHidden", { name: grant.accountName })}</span>
              </button>
            </Form>
            <Form method="post" action={`/paaroerende/${grant.id}/bekraeft`}>
              <input type="hidden" name="answer" value="reject" />
              <button type="submit" className="button button--secondary">
                {t("confirm.no", { firstName: grant.accountFirstName ?? grant.accountName })}
                <span className="visually-hidden"> {t("confirm.noHidden", { name: grant.accountName })}</span>
              </button>
            </Form>
          </div>
        </section>
      ) : null}
      <SummaryList>
        {grant.accountName && grant.accountName !== grant.invitedName ? <SummaryRow label={t("list.invitedAs")}>{grant.invitedName}</SummaryRow> : null}
        <SummaryRow label={t("list.relation")}>{grant.relation}</SummaryRow>
        <SummaryRow label={t("list.email")}>{grant.email}</SummaryRow>
        <SummaryRow label={t("list.scopes")}>
          <ScopeList scopes={grant.scopes} owner="you" />
        </SummaryRow>
        <SummaryRow label={t("list.mayDo")}>
          {grant.mayComment || grant.mayWriteMessages ? (
            <ul className="plain-list">
              {grant.mayComment ? <li>{t("list.mayComment")}</li> : null}
              {grant.mayWriteMessages ? <li>{t("list.mayWriteMessages")}</li> : null}
            </ul>
          ) : (
            t("list.readOnly")
          )}
        </SummaryRow>
        {grant.bisidder.length > 0 ? (
          <SummaryRow label={t("list.bisidder")}>
            <ul className="plain-list">
              {grant.bisidder.map((meeting) => (
                <li key={meeting.id}>
                  <span lang="da">{meeting.title}</span>, {formatDate(meeting.startsAt, language)}{" "}
                  {t("list.at", {
                    time: formatTime(meeting.startsAt, language),
                  })}
                </li>
              ))}
            </ul>
          </SummaryRow>
        ) : null}
        <SummaryRow label={t("list.until")}>
          <Until day={grant.validUntil} />
        </SummaryRow>
        {delivery && !mailFailed ? (
          <SummaryRow label={t("delivery.label")}>
            {delivery.sentAt ? t("delivery.sent", { when: formatMoment(delivery.sentAt, language) }) : t(`delivery.${delivery.state}`)}
          </SummaryRow>
        ) : null}
        {grant.state === "invited" && grant.invitationExpiresAt ? (
          <SummaryRow label={t("list.linkWorks")}>{formatMoment(grant.invitationExpiresAt, language)}</SummaryRow>
        ) : null}
        {!invitedOnly ? (
          <SummaryRow label={t("list.lastViewed")}>
            {grant.lastViewedAt ? formatMoment(grant.lastViewedAt, language) : t("list.neverViewed")}
          </SummaryRow>
        ) : null}
        {grant.endedAt ? (
          <SummaryRow label={grant.state === "ended" ? t("list.endedAt") : t("list.withdrawnAt")}>{formatMoment(grant.endedAt, language)}</SummaryRow>
        ) : null}
      </SummaryList>
      {grant.state === "invitationExpired" ? <p>{t("list.invitationExpiredHint")}</p> : null}
      {open && !awaiting ? (
        <div className="button-group">
          {invitedOnly ? (
            // A new link for an invitation that was not answered (the old link stops working).
            <Form method="post" action={`/paaroerende/${grant.id}/send-igen`}>
              <button
                type="submit"
                className={grant.state === "invitationExpired" || mailFailed ? "button" : "button button--secondary"}
                aria-describedby={mailFailed ? failedId : undefined}
              >
                {t("resend.button")}
                <span className="visually-hidden"> {t("resend.hiddenLabel", { name: grant.name })}</span>
              </button>
            </Form>
          ) : null}
          <Link to={`/paaroerende/${grant.id}/ret`} className="button button--secondary">
            {t("change.button")}
            <span className="visually-hidden"> {t("change.hiddenLabel", { name: grant.name })}</span>
          </Link>
          <ConfirmAction
            href={`/paaroerende/${grant.id}/tilbagekald`}
            label={invitedOnly ? t("withdraw.inviteButton") : t("withdraw.button")}
            hiddenLabel={t("withdraw.hiddenLabel", { name: grant.name })}
          />
        </div>
      ) : null}
    </li>
  );
}

/** "Pårørende": whom the participant has invited, what each may see, and what she can do about it. */
export function GrantsPage({ loaderData }: Pick<Route.ComponentProps, "loaderData">) {
  const { t } = useTranslation("relatives");
  const { grants, notice, about } = loaderData;
  const current = grants.filter((grant) => isOpen(grant.state));
  const earlier = grants.filter((grant) => !isOpen(grant.state));
  return (
    <>
      <PageTitle title={t("list.title")} />
      {notice && about ? (
        <div className="notice" role="status">
          <p>
            {t(`list.notice.${notice}`, {
              name: about.name,
              email: about.email,
            })}
          </p>
        </div>
      ) : null}
      <h1 tabIndex={-1}>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      <p>{t("list.intro2")}</p>
      <p className="button-group">
        <Link to="/paaroerende/inviter" className="button">
          {t("list.invite")}
        </Link>
        <Link to="/paaroerende/log" className="button button--secondary">
          {t("list.log")}
        </Link>
      </p>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t("list.currentHeading")}</h2>
        {current.length === 0 ? (
          // With ended grants below, "you have not invited anyone" would not be true.
          <p>{earlier.length > 0 ? t("list.noneNow") : t("list.none")}</p>
        ) : null}
        <ul className="plain-list relatives-grants">
          {current.map((grant) => (
            <GrantCard key={grant.id} grant={grant} />
          ))}
        </ul>
      </section>
      {earlier.length > 0 ? (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t("list.earlierHeading")}</h2>
          <ul className="plain-list relatives-grants">
            {earlier.map((grant) => (
              <GrantCard key={grant.id} grant={grant} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
