import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import type { Route } from "./+types/relatives";
import { PageTitle } from "~/components/layout/PageTitle";
import { formatMoment } from "~/lib/dates";
import { ConfirmAction, ScopeList, StateTag, Until } from "~/features/relatives/components";
import { invitationDeliveries, listGrants, type GrantListItem, type InvitationDelivery } from "~/features/relatives/queries.server";
import { isOpen } from "~/features/relatives/status";
import { requireParticipant } from "~/lib/auth.server";
import { formatDate, formatTime } from "~/lib/dates";

const notices = [
  "sendt",
  "tilbagekaldt",
  "aendret",
  "uaendret",
  "sendt-igen",
  "kan-ikke-rettes",
  "kan-ikke-sendes",
  "bekraeftet",
  "afvist",
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireParticipant(context);
  const grants = await listGrants(user.participant.id);
  // Where the e-mail of each unanswered invitation is (queued, retrying, sent, given up): one query.
  const deliveries = grants.some((grant) => grant.state === "invited")
    ? await invitationDeliveries(user.personId, user.participant.id)
    : new Map<string, InvitationDelivery>();
  const url = new URL(request.url);
  const notice = url.searchParams.get("besked");
  const about = grants.find((grant) => grant.id === url.searchParams.get("id")) ?? null;
  return {
    grants: grants.map((grant) => ({ ...grant, delivery: grant.state === "invited" ? (deliveries.get(grant.id) ?? null) : null })),
    notice: (notices as readonly string[]).includes(notice ?? "") && about ? (notice as (typeof notices)[number]) : null,
    about: about ? { name: about.name, email: about.email } : null,
  };
}

function GrantCard({ grant }: { grant: GrantListItem & { delivery: InvitationDelivery | null } }) {
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
          <p>{t("confirm.invitedAs", { name: grant.invitedName, email: grant.email })}</p>
          <p>{t("confirm.nothingYet", { name: grant.accountName })}</p>
          <div className="button-group">
            <Form method="post" action={`/paaroerende/${grant.id}/bekraeft`}>
              <input type="hidden" name="answer" value="confirm" />
              <button type="submit" className="button">
                {t("confirm.yes")}
                <span className="visually-hidden"> {t("confirm.hiddenLabel", { name: grant.accountName })}</span>
              </button>
            </Form>
            <Form method="post" action={`/paaroerende/${grant.id}/bekraeft`}>
              <input type="hidden" name="answer" value="reject" />
              <button type="submit" className="button button--secondary">
                {t("confirm.no")}
                <span className="visually-hidden"> {t("confirm.hiddenLabel", { name: grant.accountName })}</span>
              </button>
            </Form>
          </div>
        </section>
      ) : null}
      <dl className="summary-list">
        {grant.accountName && grant.accountName !== grant.invitedName ? (
          <div className="summary-list__row">
            <dt>{t("list.invitedAs")}</dt>
            <dd>{grant.invitedName}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t("list.relation")}</dt>
          <dd>{grant.relation}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("list.email")}</dt>
          <dd>{grant.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("list.scopes")}</dt>
          <dd>
            <ScopeList scopes={grant.scopes} owner="you" />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("list.mayDo")}</dt>
          <dd>{grant.mayComment ? t("list.mayComment") : t("list.readOnly")}</dd>
        </div>
        {grant.bisidder.length > 0 ? (
          <div className="summary-list__row">
            <dt>{t("list.bisidder")}</dt>
            <dd>
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
            </dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t("list.until")}</dt>
          <dd>
            <Until day={grant.validUntil} />
          </dd>
        </div>
        {delivery && !mailFailed ? (
          <div className="summary-list__row">
            <dt>{t("delivery.label")}</dt>
            <dd>{delivery.sentAt ? t("delivery.sent", { when: formatMoment(delivery.sentAt, language) }) : t(`delivery.${delivery.state}`)}</dd>
          </div>
        ) : null}
        {grant.state === "invited" && grant.invitationExpiresAt ? (
          <div className="summary-list__row">
            <dt>{t("list.linkWorks")}</dt>
            <dd>{formatMoment(grant.invitationExpiresAt, language)}</dd>
          </div>
        ) : null}
        {!invitedOnly ? (
          <div className="summary-list__row">
            <dt>{t("list.lastViewed")}</dt>
            <dd>{grant.lastViewedAt ? formatMoment(grant.lastViewedAt, language) : t("list.neverViewed")}</dd>
          </div>
        ) : null}
        {grant.endedAt ? (
          <div className="summary-list__row">
            <dt>{grant.state === "ended" ? t("list.endedAt") : t("list.withdrawnAt")}</dt>
            <dd>{formatMoment(grant.endedAt, language)}</dd>
          </div>
        ) : null}
      </dl>
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
            title={invitedOnly ? t("withdraw.inviteTitle", { name: grant.name }) : t("withdraw.title", { name: grant.name })}
            description={invitedOnly ? t("withdraw.inviteText") : t("withdraw.text", { name: grant.name })}
            confirmLabel={invitedOnly ? t("withdraw.inviteConfirm") : t("withdraw.confirm")}
            cancelLabel={t("withdraw.cancel")}
          />
        </div>
      ) : null}
    </li>
  );
}

export default function RelativesPage({ loaderData }: Route.ComponentProps) {
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
